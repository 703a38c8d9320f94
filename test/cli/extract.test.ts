// `npm run cli -- extract` as a user runs it: a child process on a real folder with readable and unreadable files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const reports = join(root, 'test/fixtures/reports');

describe('cli extract', () => {
  it('writes one prediction per readable document, one error line per unreadable file, and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
    const docs = join(dir, 'docs');
    mkdirSync(join(docs, 'nested'), { recursive: true });
    copyFileSync(join(reports, '004_20668ad12bb1064e.txt'), join(docs, 'lanting.txt'));
    copyFileSync(join(reports, '002_16dca761f14228ce.txt'), join(docs, 'nested', 'gaobeidian.txt'));
    writeFileSync(join(docs, 'scan.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    writeFileSync(join(docs, 'broken.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 0, 9]));
    const out = join(dir, 'out');
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/cli/index.ts'), 'extract', docs, '--out', out],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(root, 'node_modules/node/bin')}:${process.env.PATH}` },
      },
    );
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['gaobeidian.json', 'lanting.json']);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('失败'));
    expect(errors).toHaveLength(2);
    expect(errors.find((l) => l.includes('scan.pdf'))).toContain('PDF');
    const prediction = JSON.parse(readFileSync(join(out, 'lanting.json'), 'utf8'));
    expect(prediction).toMatchObject({ file: 'lanting.txt', template: '2019', meta: { year: 2020 } });
    expect(prediction.values['active.procurement.amount']).toBe(11840);
    expect(prediction.review).toContain('apply.total.natural_person');
  });

  it('exits non-zero with a usage line when --out is missing', () => {
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/cli/index.ts'), 'extract', reports],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${join(root, 'node_modules/node/bin')}:${process.env.PATH}` },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('用法');
  });
});

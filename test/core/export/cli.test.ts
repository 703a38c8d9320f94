// `npm run cli -- export` as a user runs it: a real store file, a child process, exit codes and messages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixtures } from './fixtures';
import { readExport } from './read-back';
import { buildStore } from './store-db';

const repo = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(repo, 'node_modules/tsx/dist/cli.mjs');
const root = mkdtempSync(path.join(tmpdir(), 'nianbao-export-cli-'));
const dbFile = path.join(root, 'nianbao.db');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, 'src/cli/index.ts', 'export', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => buildStore(dbFile, exportFixtures()).close());
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('export command', () => {
  it('writes every shape to one workbook and lists what it wrote', async () => {
    const out = path.join(root, 'all.xlsx');
    const run = cli('--db', dbFile, '--out', out, '--shape', 'all');
    expect(run.err).toContain('导出中');
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(`已写入 ${out}`);
    expect(run.out).toMatch(/完成：4 份报告/);
    const sheets = await readExport('xlsx', [{ path: out, sheets: [] }]);
    expect([...sheets.keys()]).toEqual([
      'long',
      'wide-2021',
      'wide-2019',
      'wide-legacy',
      'reports',
      'codebook',
      'harmonised',
      'checks',
      'gaps',
    ]);
  });

  it('filters with --all, --year, --template and --agency', async () => {
    const out = path.join(root, 'filtered');
    const run = cli(
      '--db',
      dbFile,
      '--out',
      out,
      '--all',
      '--year',
      '2020',
      '--template',
      '2019',
      '--agency',
      '街道',
    );
    expect(run.code, run.err).toBe(0);
    const sheets = await readExport('csv', [
      { path: path.join(out, 'long.csv'), sheets: [{ name: 'long' }] },
    ]);
    const rows = sheets.get('long')?.rows ?? [];
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['verified', 'needs_review']));
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2020]));
  });

  it('explains a missing database, a bad option and an empty selection', () => {
    const missing = cli('--db', path.join(root, 'nope.db'), '--out', root);
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('数据库文件不存在')]);
    expect(existsSync(path.join(root, 'nope.db'))).toBe(false);
    const bad = cli('--db', dbFile, '--out', root, '--shape', 'tall');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('未知形状')]);
    const year = cli('--db', dbFile, '--out', root, '--year', '20x0');
    expect([year.code, year.err]).toEqual([2, expect.stringContaining('年份无效')]);
    const none = cli('--db', dbFile, '--out', path.join(root, 'none'), '--year', '1999');
    expect([none.code, none.err]).toEqual([1, expect.stringContaining('没有符合条件的已核验报告')]);
  });
});

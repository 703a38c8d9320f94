import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as runImport } from '../../../src/cli/import';
import { displayWidth, run as runStatus, statusTable } from '../../../src/cli/status';
import { tempDir } from '../store/helpers';
import { realReport } from './helpers';

let tmp: ReturnType<typeof tempDir>;
let out: string[];
beforeEach(() => {
  tmp = tempDir('nianbao-cli-');
  out = [];
  const capture = (...args: unknown[]) => void out.push(args.join(' '));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  tmp.cleanup();
});

describe('nianbao import and status', () => {
  it('imports a folder, prints a summary, then counts by status and template', async () => {
    const folder = join(tmp.dir, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), realReport('000'));
    writeFileSync(join(folder, 'b.txt'), realReport('001'));
    writeFileSync(join(folder, 'c.txt'), realReport('004'));
    writeFileSync(join(folder, 'd.pdf'), '%PDF-1.4\n%âãÏÓ\n');
    const db = join(tmp.dir, 'store.db');

    expect(await runImport([folder, '--db', db, '--workers', '0'])).toBe(0);
    const summary = out.join('\n');
    expect(summary).toMatch(/导入完成.*4 个文件，1 个失败/);
    expect(summary).toMatch(/3\s+新增报告/);
    expect(summary).toMatch(/d\.pdf\n\s+此 PDF 文件已损坏或不完整/);

    out = [];
    expect(await runStatus(['--db', db])).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^状态\s+2021版\s+2019版\s+无表格\s+合计\s+文件缺失$/);
    expect(lines.find((l) => l.startsWith('新导入'))).toMatch(/^新导入\s+1\s+2\s+0\s+3\s+0$/);
    expect(lines.find((l) => l.startsWith('读取失败'))).toMatch(/^读取失败\s+0\s+0\s+1\s+1\s+0$/);
    // Aligned: every line has the same display width.
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it('explains wrong arguments and missing files with an exit code', async () => {
    expect(await runImport([])).toBe(2);
    expect(await runImport([join(tmp.dir, 'nope'), '--db', join(tmp.dir, 's.db')])).toBe(1);
    expect(out.join('\n')).toMatch(/文件夹不存在/);
    expect(await runStatus(['--db', join(tmp.dir, 'none.db')])).toBe(1);
    expect(out.join('\n')).toMatch(/数据库文件不存在/);
  });

  it('lays out the status table with totals', () => {
    const table = statusTable([
      { status: 'verified', template: 'legacy', count: 12, missing: 1 },
      { status: 'failed', template: null, count: 3, missing: 0 },
    ]);
    expect(table.split('\n').at(-1)).toMatch(/^合计\s+12\s+3\s+15\s+1$/);
  });
});

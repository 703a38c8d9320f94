// A written file is complete or absent: a failure part-way leaves no temporary file, no partial target, and an
// earlier export at the same path untouched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/core/export/memory-source';
import type { ExportSource, ReportCells } from '../../../src/core/export/types';
import { writeExport } from '../../../src/core/export/write';
import { EXPORT_FORMATS } from '../../../src/core/export/types';
import { exportFixtures } from './fixtures';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-export-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A source whose cells fail after the first report, as a database read error would. */
function failingSource(): ExportSource {
  const inner = memorySource(exportFixtures());
  return {
    ...inner,
    *reportCells(templates) {
      let n = 0;
      for (const r of inner.reportCells(templates) as Iterable<ReportCells>) {
        if (n++ === 1) throw new Error('磁盘读取失败 (simulated)');
        yield r;
      }
    },
  };
}

describe.each(EXPORT_FORMATS)('%s: failure part-way', (format) => {
  it('leaves the earlier file untouched and no temporary file', async () => {
    const folder = path.join(root, format);
    const out = path.join(folder, `data.${format}`);
    const first = await writeExport(memorySource(exportFixtures()), {
      format,
      out,
      shapes: ['codebook', 'long'],
      withStatus: false,
    });
    const before = first.files.map((f) => readFileSync(f.path));
    await expect(
      writeExport(failingSource(), { format, out, shapes: ['codebook', 'long'], withStatus: false }),
    ).rejects.toThrow(/simulated/);
    expect(first.files.map((f) => readFileSync(f.path))).toEqual(before);
    expect(readdirSync(folder).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

it('writes nothing when the target folder cannot be created', async () => {
  const blocker = path.join(root, 'blocker');
  writeFileSync(blocker, 'a file, not a folder');
  await expect(
    writeExport(memorySource(exportFixtures()), {
      format: 'csv',
      out: path.join(blocker, 'out'),
      shapes: ['long'],
      withStatus: false,
    }),
  ).rejects.toThrow(/无法创建输出文件夹/);
  expect(existsSync(path.join(blocker, 'out'))).toBe(false);
});

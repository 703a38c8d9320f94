// A written file is complete or absent: a failure part-way leaves no temporary file, no partial target, and an
// earlier export at the same path untouched.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

it('renames all files or none: a rename that fails puts back the files already replaced', async () => {
  const folder = path.join(root, 'rename');
  const options = {
    format: 'csv' as const,
    out: folder,
    shapes: ['codebook', 'long'] as const,
    withStatus: false,
  };
  const first = await writeExport(memorySource(exportFixtures()), {
    ...options,
    shapes: [...options.shapes],
  });
  expect(first.files.map((f) => path.basename(f.path))).toEqual(['codebook.csv', 'long.csv']);
  const codebook = readFileSync(path.join(folder, 'codebook.csv'));
  // long.csv is now a folder: its rename fails (EISDIR) after codebook.csv was already replaced.
  rmSync(path.join(folder, 'long.csv'));
  mkdirSync(path.join(folder, 'long.csv'));
  writeFileSync(path.join(folder, 'long.csv', 'keep.txt'), 'x');
  const changed = memorySource(exportFixtures().slice(0, 1));
  await expect(writeExport(changed, { ...options, shapes: [...options.shapes] })).rejects.toThrow(
    /改名失败.*已恢复原有文件，未写入任何文件/,
  );
  expect(readFileSync(path.join(folder, 'codebook.csv'))).toEqual(codebook);
  expect(readFileSync(path.join(folder, 'long.csv', 'keep.txt'), 'utf8')).toBe('x');
  expect(readdirSync(folder).filter((n) => /\.(tmp|bak)-/.test(n))).toEqual([]);
});

it('removes the temporary files of a killed export to the same names, and only those', async () => {
  const folder = path.join(root, 'leftovers');
  mkdirSync(folder, { recursive: true });
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has exited
  const alive = process.ppid; // still running: its files are left alone
  writeFileSync(path.join(folder, `long.csv.tmp-${dead}`), 'half a file');
  writeFileSync(path.join(folder, `other.csv.tmp-${dead}`), 'not ours');
  writeFileSync(path.join(folder, `long.csv.tmp-${alive}`), 'being written');
  await writeExport(memorySource(exportFixtures()), {
    format: 'csv',
    out: folder,
    shapes: ['long'],
    withStatus: false,
  });
  expect(readdirSync(folder).sort()).toEqual(['long.csv', `long.csv.tmp-${alive}`, `other.csv.tmp-${dead}`]);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importFolder, type LibraryProgress } from '../../../src/core/library';
import { editCell, getReport, listReports, openStore, type Store } from '../../../src/core/store';
import { tempDir } from '../store/helpers';
import { realReport, report001WithNewRequests, variant } from './helpers';

let tmp: ReturnType<typeof tempDir>;
let folder: string;
let db: Store;

beforeEach(() => {
  tmp = tempDir('nianbao-library-');
  folder = join(tmp.dir, 'reports');
  mkdirSync(join(folder, 'sub', 'deeper'), { recursive: true });
  db = openStore(join(tmp.dir, 'store.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const write = (rel: string, text: string | Buffer): string => {
  const path = join(folder, rel);
  writeFileSync(path, text);
  return path;
};

const paths = () => db.prepare('SELECT path, report_id, present FROM report_paths ORDER BY path').all();

describe('importFolder', () => {
  it('imports every report file once, in worker threads, with per-file errors and progress', async () => {
    write('000.txt', realReport('000'));
    write('sub/001.txt', realReport('001'));
    write('sub/deeper/002.txt', realReport('002'));
    write('sub/copy-of-000.txt', realReport('000')); // duplicate content
    write('broken.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    truncateSync(write('huge.txt', ''), 51 * 1024 * 1024);
    write('picture.gif', 'not a report'); // not a report extension (PNG/JPEG are: page images for OCR)
    write('~$000.docx', 'office lock file');
    write('.hidden.txt', realReport('003'));

    const seen: LibraryProgress[] = [];
    const warnings: string[] = [];
    const result = await importFolder(db, folder, {
      onProgress: (p) => seen.push(p),
      onWarning: (w) => warnings.push(w),
      batchSize: 2,
    });

    expect(warnings).toEqual([]); // the worker threads started

    expect(result.progress).toMatchObject({ running: false, total: 6, done: 6, failed: 2 });
    expect(result.tally).toMatchObject({ added: 3, failed: 2, duplicate: 1 });
    expect(seen.some((p) => p.running && p.done > 0 && p.done < 6)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ running: false, done: 6 });
    expect(result.progress.failures.map((f) => f.path).sort()).toEqual(
      [join(folder, 'broken.doc'), join(folder, 'huge.txt')].sort(),
    );

    // The report of the duplicated content is listed under whichever of its two paths a worker finished first.
    const order = (r: { template: string | null; path: string }): string => `${r.template ?? 'z'} ${r.path}`;
    const rows = listReports(db).sort((a, b) => (order(a) < order(b) ? -1 : 1));
    expect(rows.map((r) => [r.path.replace('sub/copy-of-000.txt', '000.txt'), r.status, r.template])).toEqual(
      [
        ['sub/001.txt', 'new', '2019'],
        ['000.txt', 'new', '2021'],
        ['sub/deeper/002.txt', 'new', 'legacy'],
        ['broken.doc', 'failed', null],
        ['huge.txt', 'failed', null],
      ],
    );
    expect(rows[3]!.error).toMatch(/Word|\.doc/);
    expect(rows[4]!.error).toMatch(/文件过大/);
    const first = getReport(db, rows[1]!.id);
    expect(first.report.agency).toBe('崔东街道办事处');
    expect(first.cells.length).toBe(200);
    const cell = first.cells.find((c) => c.key === 'active.fees.amount')!;
    expect(first.text.slice(cell.span!.start, cell.span!.end)).toBe(cell.raw);
    // Both paths of the duplicate point at one report.
    expect(paths().filter((p) => (p as { report_id: number }).report_id === rows[1]!.id)).toHaveLength(2);
  });

  it('skips unchanged files on a second run and picks up what changed', async () => {
    write('a.txt', realReport('001'));
    write('b.txt', variant(realReport('001'), 1));
    await importFolder(db, folder);
    const before = listReports(db);
    expect(before).toHaveLength(2);

    const again = await importFolder(db, folder);
    expect(again.tally).toMatchObject({ skipped: 2, added: 0, updated: 0 });
    expect(listReports(db)).toEqual(before);

    write('a.txt', report001WithNewRequests(4));
    write('c.txt', variant(realReport('001'), 2));
    const third = await importFolder(db, folder);
    expect(third.tally).toMatchObject({ skipped: 1, updated: 1, added: 1 });
    expect(listReports(db)).toHaveLength(3);
  });

  it('marks reports of files deleted between runs as missing, keeping their data', async () => {
    const a = write('a.txt', realReport('001'));
    await importFolder(db, folder);
    const [row] = listReports(db);
    editCell(db, { reportId: row!.id, key: 'apply.new.natural_person', value: 5 }, '张三');
    rmSync(a);
    const result = await importFolder(db, folder);
    expect(result.tally.gone).toBe(1);
    expect(getReport(db, row!.id).report).toMatchObject({ missing: true, edited: 1 });
  });

  it('re-extracts reports read by an older extractor, keeping edits', async () => {
    write('a.txt', realReport('001'));
    await importFolder(db, folder, { version: 1 });
    const [row] = listReports(db);
    editCell(db, { reportId: row!.id, key: 'apply.new.natural_person', value: 5 }, '张三');
    const upgraded = await importFolder(db, folder, { version: 2 });
    expect(upgraded.tally).toMatchObject({ updated: 1, skipped: 0 });
    const detail = getReport(db, row!.id);
    expect(detail.cells.find((c) => c.key === 'apply.new.natural_person')).toMatchObject({
      value: 5,
      extracted: 3,
      edited: true,
    });
    expect(db.prepare('SELECT parser_version FROM reports').pluck().get()).toBe(2);
  });

  it('loses nothing when a batch cannot be written: the files are read again next time', async () => {
    write('a.txt', realReport('000'));
    write('b.txt', realReport('001'));
    const other = new Database(join(tmp.dir, 'store.db'));
    db.pragma('busy_timeout = 200');
    other.exec('BEGIN IMMEDIATE'); // another program holds the write lock
    const warnings: string[] = [];
    const blocked = await importFolder(db, folder, { workers: 0, onWarning: (w) => warnings.push(w) });
    other.exec('ROLLBACK');
    other.close();
    expect(blocked.progress).toMatchObject({ done: 2, failed: 2 });
    expect(blocked.progress.failures[0]?.error).toMatch(/保存失败：database is locked/);
    expect(warnings).toHaveLength(1);
    expect(listReports(db)).toEqual([]);

    const retried = await importFolder(db, folder, { workers: 0 });
    expect(retried.tally).toMatchObject({ added: 2, skipped: 0 });
    expect(listReports(db)).toHaveLength(2);
  });

  it('gives the same store with workers and in the calling thread', async () => {
    write('000.txt', realReport('000'));
    write('004.txt', realReport('004'));
    await importFolder(db, folder, { workers: 2 });
    const other = openStore(join(tmp.dir, 'inline.db'));
    try {
      await importFolder(other, folder, { workers: 0 });
      const dump = (s: Store) =>
        s
          .prepare(
            'SELECT r.path, c.key, c.raw, c.value, c.how, c.span_start FROM cells c JOIN reports r ON r.id = c.report_id ORDER BY 1, 2',
          )
          .all();
      expect(dump(other)).toEqual(dump(db));
      expect(dump(db).length).toBeGreaterThan(300);
    } finally {
      other.close();
    }
  });
});

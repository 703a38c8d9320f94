import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchFolder, type FolderWatcher } from '../../../src/core/library';
import {
  cellHistory,
  editCell,
  getReport,
  listReports,
  openStore,
  verifyReport,
  type Store,
} from '../../../src/core/store';
import { tempDir } from '../store/helpers';
import { realReport, report001WithNewRequests, variant, waitFor } from './helpers';
import { errorWaivers } from '../../support/waivers';

let tmp: ReturnType<typeof tempDir>;
let folder: string;
let db: Store;
let watcher: FolderWatcher | null = null;

beforeEach(() => {
  tmp = tempDir('nianbao-watch-');
  folder = join(tmp.dir, 'reports');
  mkdirSync(folder);
  db = openStore(join(tmp.dir, 'store.db'));
});
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  db.close();
  tmp.cleanup();
});

const rowAt = (path: string) => listReports(db).find((r) => r.path === path);
const pathRows = () =>
  db.prepare('SELECT path, report_id AS reportId, present FROM report_paths ORDER BY path').all() as {
    path: string;
    reportId: number;
    present: number;
  }[];

describe('watchFolder', () => {
  it('follows add, change, rename, duplicate and delete, keeping the reviewer’s work', async () => {
    writeFileSync(join(folder, 'before.txt'), realReport('000'));
    const errors: Error[] = [];
    const changes: number[][] = [];
    watcher = watchFolder(db, folder, {
      stabilityMs: 300,
      onError: (e) => errors.push(e),
      onChange: (ids) => changes.push(ids),
    });
    await watcher.ready;
    expect(listReports(db).map((r) => r.path)).toEqual(['before.txt']);

    // add: written in pieces; read only once the writing stopped
    const a = join(folder, 'a.txt');
    const text = realReport('001');
    writeFileSync(a, text.slice(0, 1000));
    for (let i = 1000; i < text.length; i += 2000) {
      await new Promise((r) => setTimeout(r, 100));
      appendFileSync(a, text.slice(i, i + 2000));
    }
    const added = await waitFor(() => rowAt('a.txt'), 'a.txt imported');
    expect(added).toMatchObject({ template: '2019', status: 'new' });
    expect(getReport(db, added.id).cells.find((c) => c.key === 'apply.new.natural_person')?.value).toBe(3);
    expect(changes.flat()).toContain(added.id);
    expect(watcher.progress().done).toBe(2); // before.txt and a.txt, each read once: never half-written

    // the reviewer corrects a cell and verifies
    editCell(db, { reportId: added.id, key: 'apply.new.natural_person', value: 5, note: '核对原件' }, '张三');
    editCell(db, { reportId: added.id, key: 'apply.new.total', value: 5 }, '张三');
    expect(
      verifyReport(
        db,
        { reportId: added.id, waivers: errorWaivers(getReport(db, added.id), '以原件为准') },
        '张三',
      ).ok,
    ).toBe(true);

    // change: the file is republished with 4 in that cell
    writeFileSync(a, report001WithNewRequests(4));
    const changed = await waitFor(
      () =>
        getReport(db, added.id).cells.find((c) => c.key === 'apply.new.natural_person' && c.extracted === 4),
      're-extraction of a.txt',
    );
    expect(changed).toMatchObject({ value: 5, edited: true });
    expect(changed.attention).toMatch(/重新提取得到 4，与审校值 5 不同/);
    const afterChange = getReport(db, added.id).report;
    expect(afterChange).toMatchObject({ status: 'needs_review', missing: false });
    expect(afterChange.statusReason).toMatch(/源文件已更改/);

    // rename into a subfolder: same report, history kept
    mkdirSync(join(folder, 'archive'));
    renameSync(a, join(folder, 'archive', 'a-2020.txt'));
    await waitFor(() => rowAt('archive/a-2020.txt')?.missing === false, 'rename followed');
    expect(rowAt('archive/a-2020.txt')!.id).toBe(added.id);
    expect(listReports(db)).toHaveLength(2);
    expect(cellHistory(db, added.id, 'apply.new.natural_person')).toMatchObject([
      { old: 3, new: 5, note: '核对原件' },
    ]);

    // duplicate: a copy elsewhere is the same report under a second path
    writeFileSync(join(folder, 'copy.txt'), report001WithNewRequests(4));
    await waitFor(() => pathRows().find((p) => p.path.endsWith('copy.txt')), 'duplicate recorded');
    expect(pathRows().find((p) => p.path.endsWith('copy.txt'))?.reportId).toBe(added.id);
    expect(listReports(db)).toHaveLength(2);

    // delete both copies: the report is missing, its data and edits kept
    rmSync(join(folder, 'copy.txt'));
    rmSync(join(folder, 'archive', 'a-2020.txt'));
    await waitFor(() => getReport(db, added.id).report.missing, 'report marked missing');
    const gone = getReport(db, added.id);
    expect(gone.report.edited).toBe(2);
    expect(gone.cells.length).toBeGreaterThan(100);

    // a new, distinct file is a new report
    writeFileSync(join(folder, 'b.txt'), variant(realReport('001'), 1));
    await waitFor(() => rowAt('b.txt'), 'b.txt imported');
    expect(listReports(db)).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('marks files deleted while nothing watched as missing at start', async () => {
    writeFileSync(join(folder, 'a.txt'), realReport('001'));
    watcher = watchFolder(db, folder, { stabilityMs: 200 });
    await watcher.ready;
    await watcher.close();
    rmSync(join(folder, 'a.txt'));
    watcher = watchFolder(db, folder, { stabilityMs: 200 });
    await watcher.ready;
    expect(listReports(db)).toMatchObject([{ path: 'a.txt', missing: true }]);
  });
});

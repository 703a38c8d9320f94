import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  editCell,
  getReport,
  listReports,
  markPathGone,
  openStore,
  saveFile,
  verifyReport,
  type ImportedFile,
  type Store,
} from '../../../src/core/store';
import { HELD_UNREADABLE } from '../../../src/core/store/save';
import { sameReportGroups } from '../../../src/core/store/groups';
import { extraction2021, fileOf, granted, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
let db: Store;

beforeEach(() => {
  tmp = tempDir();
  db = openStore(join(tmp.dir, 'store.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const save = (f: ImportedFile) => db.transaction(() => saveFile(db, f))();
const cell = (id: number, key: string) => getReport(db, id).cells.find((c) => c.key === key);
const edits = (id: number) =>
  db
    .prepare('SELECT kind, action, old, new, reviewer, note FROM edits WHERE report_id = ? ORDER BY id')
    .all(id);

describe('saveFile', () => {
  it('adds a report with its cells, findings, document and path', () => {
    const { outcome, reportId } = save(
      fileOf('/r/a.txt', 'text of a', extraction2021({ 'apply.new.total': 2 })),
    );
    expect(outcome).toBe('added');
    const detail = getReport(db, reportId);
    expect(detail.report).toMatchObject({
      path: '/r/a.txt',
      status: 'new',
      template: '2021',
      missing: false,
    });
    expect(detail.text).toBe('text of a');
    expect(detail.cells).toHaveLength(extraction2021().cells.length);
    expect(detail.findings.map((f) => f.rule)).toContain('apply.row_total');
    expect(detail.report.errors).toBe(detail.findings.filter((f) => f.severity === 'error').length);
  });

  it('records a file that cannot be read as a failed report with its error', () => {
    const { outcome, reportId } = save(fileOf('/r/bad.doc', 'binary junk', null));
    expect(outcome).toBe('failed');
    expect(getReport(db, reportId).report).toMatchObject({
      status: 'failed',
      error: '无法识别的文件 (test)',
    });
  });

  it('stores the same content once and records the other paths', () => {
    const a = save(fileOf('/r/a.txt', 'same', extraction2021()));
    const b = save({ ...fileOf('/r/copy/a.txt', 'same', extraction2021()), content: null });
    expect(b).toEqual({ outcome: 'duplicate', reportId: a.reportId });
    expect(listReports(db)).toHaveLength(1);
    const paths = db.prepare('SELECT path, present FROM report_paths ORDER BY path').all();
    expect(paths).toEqual([
      { path: '/r/a.txt', present: 1 },
      { path: '/r/copy/a.txt', present: 1 },
    ]);
    // Deleting one copy leaves the report present under the other.
    markPathGone(db, '/r/a.txt');
    expect(listReports(db)[0]).toMatchObject({ path: '/r/copy/a.txt', missing: false });
  });

  it('marks a report missing when its file is deleted, and re-links it by hash when it turns up elsewhere', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'moving', extraction2021(granted(1))));
    editCell(db, { reportId, key: 'apply.new.total', value: 5 }, '张三');
    markPathGone(db, '/r/a.txt');
    expect(getReport(db, reportId).report).toMatchObject({ missing: true, path: '/r/a.txt', edited: 1 });
    const moved = save({ ...fileOf('/r/sub/b.txt', 'moving', null), content: null });
    expect(moved).toEqual({ outcome: 'moved', reportId });
    expect(getReport(db, reportId).report).toMatchObject({ missing: false, path: '/r/sub/b.txt', edited: 1 });
    expect(cell(reportId, 'apply.new.total')).toMatchObject({ value: 5, edited: true });
  });

  it('re-extracts a changed file, keeping edited values and marking disagreements', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'version 1', extraction2021(granted(2))));
    editCell(db, { reportId, key: 'apply.new.natural_person', value: 3 }, '张三'); // reviewer's fix
    editCell(db, { reportId, key: 'active.fees.amount', value: 7 }, '张三'); // new extraction will agree
    const changed = extraction2021({ ...granted(4), 'active.fees.amount': 7, 'active.rules.made': 1 });
    expect(save(fileOf('/r/a.txt', 'version 2', changed))).toEqual({ outcome: 'updated', reportId });

    expect(listReports(db)).toHaveLength(1);
    expect(cell(reportId, 'apply.new.natural_person')).toMatchObject({
      value: 3,
      extracted: 4,
      edited: true,
    });
    expect(cell(reportId, 'apply.new.natural_person')?.attention).toMatch(/重新提取得到 4，与审校值 3 不同/);
    expect(cell(reportId, 'active.fees.amount')).toMatchObject({ value: 7, edited: true, attention: null });
    expect(cell(reportId, 'active.rules.made')).toMatchObject({ value: 1, edited: false });
    expect(cell(reportId, 'apply.new.total')).toMatchObject({ value: 4, edited: false });
    const detail = getReport(db, reportId);
    expect(detail.text).toBe('version 2');
    // The rules see the reviewer's 3 against the re-read total 4.
    expect(
      detail.findings.some(
        (f) => f.rule === 'apply.row_total' && f.keys.includes('apply.new.natural_person'),
      ),
    ).toBe(true);
    // The old document is gone, the history is not.
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(edits(reportId)).toHaveLength(2);
  });

  it('flags an edited cell only when the new extraction differs from the previous one', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'version 1', extraction2021(granted(2))));
    editCell(db, { reportId, key: 'apply.new.natural_person', value: 3 }, '张三'); // extraction said 2
    // The file changes elsewhere: this cell still reads 2, as before; the reviewer already decided on it.
    save(fileOf('/r/a.txt', 'version 2', extraction2021({ ...granted(2), 'active.rules.made': 1 })));
    expect(cell(reportId, 'apply.new.natural_person')).toMatchObject({
      value: 3,
      extracted: 2,
      attention: null,
    });
    // Now the extraction of this cell changes (2 → 5): the reviewer must look again.
    save(fileOf('/r/a.txt', 'version 3', extraction2021({ ...granted(5), 'active.rules.made': 1 })));
    expect(cell(reportId, 'apply.new.natural_person')?.attention).toMatch(/重新提取得到 5，与审校值 3 不同/);
    // Another change elsewhere keeps the flag the reviewer has not dealt with.
    save(fileOf('/r/a.txt', 'version 4', extraction2021({ ...granted(5), 'active.rules.made': 2 })));
    expect(cell(reportId, 'apply.new.natural_person')?.attention).toMatch(/重新提取得到 5/);
  });

  it('keeps a report, its edits and its verifier when its file is briefly emptied, then restored', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'good', extraction2021(granted(1))));
    editCell(db, { reportId, key: 'apply.new.natural_person', value: 1 }, '张三');
    expect(verifyReport(db, { reportId }, '张三').ok).toBe(true);
    expect(save(fileOf('/r/a.txt', '', null))).toEqual({ outcome: 'failed', reportId });
    expect(getReport(db, reportId).report).toMatchObject({
      status: 'verified',
      error: expect.stringContaining('无法读取'),
    });
    expect(save({ ...fileOf('/r/a.txt', 'good', null), content: null })).toEqual({
      outcome: 'unchanged',
      reportId,
    });
    expect(getReport(db, reportId).report).toMatchObject({
      status: 'verified',
      error: null,
      verifiedBy: '张三',
    });
    expect(listReports(db)).toHaveLength(1);
  });

  it('keeps two reports apart when both files briefly hold the same bytes, then are restored', () => {
    const a = save(fileOf('/r/a.txt', 'content a', extraction2021(granted(1)))).reportId;
    const b = save(fileOf('/r/b.txt', 'content b', extraction2021(granted(2)))).reportId;
    editCell(db, { reportId: a, key: 'active.fees.amount', value: 9 }, '张三');
    for (const bytes of ['', 'same readable text']) {
      const x = bytes ? extraction2021(granted(7)) : null;
      save(fileOf('/r/a.txt', bytes, x));
      save({
        ...fileOf('/r/b.txt', bytes, x),
        content: bytes ? null : { ...fileOf('/r/b.txt', bytes, x).content! },
      });
      save(fileOf('/r/a.txt', 'content a', extraction2021(granted(1))));
      save(fileOf('/r/b.txt', 'content b', extraction2021(granted(2))));
      const rows = listReports(db);
      expect(rows.map((r) => [r.id, r.path, r.missing])).toEqual([
        [a, '/r/a.txt', false],
        [b, '/r/b.txt', false],
      ]);
      expect(cell(a, 'active.fees.amount')).toMatchObject({ value: 9, edited: true });
    }
  });

  it('keeps an edited cell the new extraction no longer finds', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'v1', extraction2021()));
    editCell(db, { reportId, key: 'active.fees.amount', value: 12 }, '张三');
    const x = extraction2021();
    x.cells = x.cells.filter((c) => c.key !== 'active.fees.amount');
    save(fileOf('/r/a.txt', 'v2', x));
    expect(cell(reportId, 'active.fees.amount')).toMatchObject({ value: 12, extracted: null, edited: true });
    expect(cell(reportId, 'active.fees.amount')?.attention).toMatch(/未找到此单元格/);
    expect(getReport(db, reportId).report.edited).toBe(1);
  });

  it('returns a verified report whose file changed to review, with the reason in the audit log', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'v1', extraction2021(granted(1))));
    expect(verifyReport(db, { reportId }, '张三').ok).toBe(true);
    save(fileOf('/r/a.txt', 'v2', extraction2021(granted(1))));
    const { report } = getReport(db, reportId);
    expect(report).toMatchObject({ status: 'needs_review', verifiedBy: null });
    expect(report.statusReason).toMatch(/源文件已更改/);
    expect(edits(reportId).at(-1)).toMatchObject({
      kind: 'status',
      action: 'system',
      old: '"verified"',
      new: '"needs_review"',
    });
  });

  it('re-extracts with a newer extractor; a verified report stays verified when nothing changed', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'v1', extraction2021(granted(1)), 1));
    expect(verifyReport(db, { reportId }, '张三').ok).toBe(true);
    expect(save(fileOf('/r/a.txt', 'v1', extraction2021(granted(1)), 2)).outcome).toBe('updated');
    expect(getReport(db, reportId).report.status).toBe('verified');
    expect(save(fileOf('/r/a.txt', 'v1', extraction2021(granted(2)), 3)).outcome).toBe('updated');
    expect(getReport(db, reportId).report).toMatchObject({ status: 'needs_review' });
    expect(getReport(db, reportId).report.statusReason).toMatch(/提取程序已更新/);
  });

  it('keeps the cells and status of a report whose file became unreadable, with the reason', () => {
    const { reportId } = save(fileOf('/r/a.txt', 'v1', extraction2021(granted(1))));
    editCell(db, { reportId, key: 'active.fees.amount', value: 3 }, '张三');
    expect(save(fileOf('/r/a.txt', 'garbage', null))).toEqual({ outcome: 'failed', reportId });
    const detail = getReport(db, reportId);
    expect(detail.report).toMatchObject({ status: 'new', error: HELD_UNREADABLE });
    expect(detail.text).toBe('v1');
    expect(cell(reportId, 'active.fees.amount')).toMatchObject({ value: 3, edited: true });
    save(fileOf('/r/a.txt', 'v3', extraction2021(granted(1))));
    expect(getReport(db, reportId).report).toMatchObject({ status: 'new', error: null });
    expect(cell(reportId, 'active.fees.amount')).toMatchObject({ value: 3, edited: true });
  });
});

describe('the same report in several files', () => {
  const groupOf = (id: number) => sameReportGroups(db).get(id) ?? null;

  it('groups files giving the same values, keeps the grouping across a re-read, and not for a reviewer edit', () => {
    const a = save(fileOf('/r/a.html', 'html bytes', extraction2021(granted(2)))).reportId;
    const b = save(fileOf('/r/a.txt', 'text bytes', extraction2021(granted(2)))).reportId;
    const c = save(fileOf('/r/c.txt', 'other bytes', extraction2021(granted(3)))).reportId;
    expect(groupOf(a)?.memberIds.sort()).toEqual([a, b].sort());
    expect(groupOf(c)).toBeNull();
    // A reviewer's value is not what the file gave: the files stay one report.
    editCell(db, { reportId: b, key: 'apply.new.total', value: 9 }, '张三');
    expect(groupOf(b)?.memberIds).toHaveLength(2);
    // The file re-read with other values is another report.
    save(fileOf('/r/a.txt', 'text bytes v2', extraction2021(granted(3))));
    expect(groupOf(a)).toBeNull();
    expect(groupOf(c)?.memberIds).toHaveLength(2);
  });

  it('fingerprints reports stored before fingerprints were kept, when the store is opened', () => {
    const a = save(fileOf('/r/a.html', 'html bytes', extraction2021(granted(2)))).reportId;
    const b = save(fileOf('/r/a.txt', 'text bytes', extraction2021(granted(2)))).reportId;
    db.prepare('UPDATE reports SET values_fp = NULL').run();
    expect(groupOf(a)).toBeNull();
    db.close();
    db = openStore(join(tmp.dir, 'store.db'));
    expect(groupOf(a)?.memberIds.sort()).toEqual([a, b].sort());
  });
});

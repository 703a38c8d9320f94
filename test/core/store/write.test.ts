import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  cellHistory,
  editCell,
  getReport,
  listReports,
  openStore,
  redo,
  RefusedError,
  reopenReport,
  saveFile,
  undo,
  verifyReport,
  waiveFinding,
  type Store,
} from '../../../src/core/store';
import { extraction2021, fileOf, granted, tempDir } from './helpers';
import { errorWaivers } from '../../support/waivers';

let tmp: ReturnType<typeof tempDir>;
let file: string;
let db: Store;
let reportId: number;

beforeEach(() => {
  tmp = tempDir();
  file = join(tmp.dir, 'store.db');
  db = openStore(file);
  reportId = db.transaction(() =>
    saveFile(db, fileOf('/reports/a.txt', 'report a', extraction2021(granted(3)))),
  )().reportId;
});

afterEach(() => {
  db.close();
  tmp.cleanup();
});

const cell = (key: string) => getReport(db, reportId).cells.find((c) => c.key === key);

describe('editCell', () => {
  it('writes the audit row and recomputes the findings in one step', () => {
    expect(getReport(db, reportId).findings).toEqual([]);
    const change = editCell(db, { reportId, key: 'apply.new.total', value: 4, note: '原表笔误' }, '张三');
    expect(change.cells).toMatchObject([{ key: 'apply.new.total', value: 4, extracted: 3, edited: true }]);
    const rules = change.findings.map((f) => f.rule);
    expect(rules).toContain('apply.row_total');
    expect(change.report.errors).toBe(change.findings.filter((f) => f.severity === 'error').length);
    expect(change.report.edited).toBe(1);
    expect(change.undo).toEqual({ canUndo: true, canRedo: false });
    const [edit] = cellHistory(db, reportId, 'apply.new.total');
    expect(edit).toMatchObject({
      kind: 'cell',
      old: 3,
      new: 4,
      reviewer: '张三',
      note: '原表笔误',
      undone: false,
    });
    expect(listReports(db)[0]).toMatchObject({ id: reportId, errors: change.report.errors, edited: 1 });
  });

  it('refuses keys of another template and unnamed reviewers, changing nothing', () => {
    expect(() => editCell(db, { reportId, key: 'legacy.apply.received', value: 1 }, '张三')).toThrow(
      RefusedError,
    );
    expect(() => editCell(db, { reportId, key: 'apply.new.total', value: 1 }, ' ')).toThrow(RefusedError);
    expect(cellHistory(db, reportId, 'apply.new.total')).toEqual([]);
  });

  it('adds a cell of the template the extractor did not find', () => {
    db.prepare("DELETE FROM cells WHERE key = 'active.fees.amount'").run();
    const change = editCell(db, { reportId, key: 'active.fees.amount', value: 12.5 }, '张三');
    expect(change.cells).toMatchObject([
      { key: 'active.fees.amount', value: 12.5, extracted: null, edited: true },
    ]);
    undo(db, reportId, '张三');
    expect(cell('active.fees.amount')).toBeUndefined();
  });
});

describe('undo and redo', () => {
  it('replay the audit log and survive closing the database', () => {
    editCell(db, { reportId, key: 'apply.new.total', value: 4 }, '张三');
    editCell(db, { reportId, key: 'apply.new.total', value: 5 }, '张三');
    editCell(db, { reportId, key: 'apply.granted.total', value: 7 }, '张三');
    db.close();
    db = openStore(file);

    expect(undo(db, reportId, '李四').cells).toMatchObject([
      { key: 'apply.granted.total', value: 3, edited: false },
    ]);
    expect(undo(db, reportId, '李四').cells).toMatchObject([
      { key: 'apply.new.total', value: 4, edited: true },
    ]);
    db.close();
    db = openStore(file);

    expect(redo(db, reportId, '李四').cells).toMatchObject([{ key: 'apply.new.total', value: 5 }]);
    expect(undo(db, reportId, '李四').cells).toMatchObject([{ key: 'apply.new.total', value: 4 }]);
    const last = undo(db, reportId, '李四');
    expect(last.cells).toMatchObject([{ key: 'apply.new.total', value: 3, edited: false }]);
    expect(last.findings).toEqual([]);
    expect(last.undo).toEqual({ canUndo: false, canRedo: true });
    expect(() => undo(db, reportId, '李四')).toThrow(RefusedError);

    const history = cellHistory(db, reportId, 'apply.new.total');
    expect(history.map((e) => [e.old, e.new])).toEqual([
      [3, 4],
      [4, 5],
      [5, 4], // undo
      [4, 5], // redo
      [5, 4], // undo
      [4, 3], // undo
    ]);
  });

  it('a new edit ends the redo chain', () => {
    editCell(db, { reportId, key: 'apply.new.total', value: 4 }, '张三');
    undo(db, reportId, '张三');
    expect(getReport(db, reportId).undo.canRedo).toBe(true);
    editCell(db, { reportId, key: 'apply.granted.total', value: 2 }, '张三');
    expect(getReport(db, reportId).undo).toEqual({ canUndo: true, canRedo: false });
    expect(() => redo(db, reportId, '张三')).toThrow(RefusedError);
    expect(cell('apply.new.total')?.value).toBe(3);
  });

  it('undoes status changes and waivers too', () => {
    expect(verifyReport(db, { reportId }, '张三').ok).toBe(true);
    expect(() => editCell(db, { reportId, key: 'apply.new.total', value: 4 }, '张三')).toThrow(RefusedError);
    const back = undo(db, reportId, '张三');
    expect(back.report.status).toBe('new');
    expect(back.report.verifiedBy).toBeNull();
    expect(redo(db, reportId, '张三').report).toMatchObject({ status: 'verified', verifiedBy: '张三' });
  });
});

describe('verify, reopen and waive', () => {
  it('refuses to verify with standing errors unless they are waived with a note', () => {
    editCell(db, { reportId, key: 'apply.new.total', value: 4 }, '张三');
    const refused = verifyReport(db, { reportId }, '张三');
    expect(refused.ok).toBe(false);
    expect(getReport(db, reportId).report.status).toBe('new');

    const errors = getReport(db, reportId).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const verified = verifyReport(
      db,
      { reportId, waivers: errorWaivers(getReport(db, reportId), '原表如此') },
      '张三',
    );
    if (!verified.ok) throw new Error(verified.reason);
    expect(verified.value.report).toMatchObject({ status: 'verified', errors: 0, verifiedBy: '张三' });
    expect(
      verified.value.findings
        .filter((f) => f.severity === 'error')
        .every((f) => f.waiver?.note === '原表如此'),
    ).toBe(true);

    // Undo takes back the verification, then each waiver.
    expect(undo(db, reportId, '张三').report.status).toBe('new');
    for (let i = 0; i < errors.length; i++) undo(db, reportId, '张三');
    expect(getReport(db, reportId).report.errors).toBe(errors.length);
  });

  it('keeps a waiver and the finding id when an unrelated edit recomputes the findings', () => {
    editCell(db, { reportId, key: 'apply.new.total', value: 4 }, '张三');
    const finding = getReport(db, reportId).findings.find((f) => f.rule === 'apply.row_total')!;
    const waived = waiveFinding(db, { reportId, findingId: finding.id, note: '原表合计有误' }, '张三');
    expect(waived.findings.find((f) => f.id === finding.id)?.waiver).toMatchObject({
      by: '张三',
      note: '原表合计有误',
    });
    const after = editCell(db, { reportId, key: 'active.fees.amount', value: 9 }, '张三');
    expect(after.findings.find((f) => f.id === finding.id)?.waiver?.note).toBe('原表合计有误');
    expect(after.report.errors).toBe(waived.report.errors);
  });

  it('reopens a verified report with the reason', () => {
    expect(verifyReport(db, { reportId }, '张三').ok).toBe(true);
    const reopened = reopenReport(db, { reportId, note: '复核发现问题' }, '李四');
    expect(reopened.report).toMatchObject({
      status: 'needs_review',
      statusReason: '复核发现问题',
      verifiedBy: null,
    });
    expect(() => reopenReport(db, { reportId }, '李四')).toThrow(RefusedError);
  });
});

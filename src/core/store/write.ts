// The one write path for a reviewer's changes: a cell value, verify, reopen, a waiver, and their undo and redo.
// Every change is one transaction that writes the audit row, applies the change and recomputes the findings.
import type { EditCellArgs, Outcome, ReportChange, ReportStatus, VerifyArgs } from '../../shared/api';
import type { Template } from '../../shared/types';
import { isValidKey } from '../fields';
import { findingIdentity, isRuleTemplate, refreshFindings, splitIdentity, standingErrors } from './findings';
import { now, stmt, type Store } from './open';
import { cellViews, findingViews, NotFoundError, reportHeader, undoState } from './queries';

/** A change the store refuses (verified report, unknown cell, nothing to undo, …); message in 简体中文. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

type Kind = 'cell' | 'verify' | 'reopen' | 'waive' | 'status';
type Action = 'do' | 'undo' | 'redo' | 'system';
type Json = number | string | null;

interface ReportState {
  id: number;
  status: ReportStatus;
  template: Template | null;
  /** Of the file the report was last read from. */
  sha256: string;
}

interface EditRecord {
  id: number;
  kind: Kind;
  key: string | null;
  old: string | null;
  new: string | null;
}

function loadReport(db: Store, reportId: number): ReportState {
  const r = stmt(db, 'SELECT id, status, template, sha256 FROM reports WHERE id = ?').get(reportId) as
    ReportState | undefined;
  if (!r) throw new NotFoundError(`报告不存在：#${reportId} (no such report)`);
  return r;
}

function requireReviewer(reviewer: string): void {
  if (!reviewer.trim()) throw new RefusedError('请先设置审校人姓名 (reviewer name required)');
}

function audit(
  db: Store,
  e: { reportId: number; kind: Kind; action: Action; key: string | null; old: Json; new: Json },
  reviewer: string,
  note: string | null,
  replays: number | null = null,
): number {
  if (e.action === 'do') {
    // A new change ends the redo chain, as in any editor.
    stmt(db, "UPDATE edits SET undo_state = 'closed' WHERE report_id = ? AND undo_state = 'undone'").run(
      e.reportId,
    );
  }
  const state = e.action === 'do' ? 'active' : 'closed';
  const info = stmt(
    db,
    `INSERT INTO edits (report_id, kind, action, key, old, new, reviewer, at, note, replays, undo_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.reportId,
    e.kind,
    e.action,
    e.key,
    JSON.stringify(e.old),
    JSON.stringify(e.new),
    reviewer,
    now(),
    note,
    replays,
    state,
  );
  return Number(info.lastInsertRowid);
}

// --- the changes themselves -----------------------------------------------------------------------------------

function cellValue(
  db: Store,
  reportId: number,
  key: string,
): { value: number | null; edited: number } | undefined {
  return stmt(db, 'SELECT value, edited FROM cells WHERE report_id = ? AND key = ?').get(reportId, key) as
    { value: number | null; edited: number } | undefined;
}

function writeCell(db: Store, report: ReportState, key: string, value: number | null, edited: boolean): void {
  if (report.status === 'verified')
    throw new RefusedError('报告已核验：请先重新打开再修改。(report is verified; reopen it first)');
  const exists = cellValue(db, report.id, key) !== undefined;
  if (exists) {
    stmt(
      db,
      `UPDATE cells SET value = CASE WHEN @edited THEN @value ELSE extracted END, edited = @edited, attention = NULL
       WHERE report_id = @id AND key = @key`,
    ).run({ id: report.id, key, edited: edited ? 1 : 0, value });
  } else {
    // A cell the extractor did not find: the reviewer adds it.
    stmt(db, 'INSERT INTO cells (report_id, key, value, edited) VALUES (?, ?, ?, 1)').run(
      report.id,
      key,
      value,
    );
  }
  if (exists && !edited) {
    // Undoing the only edit of a cell the reviewer had added removes it again.
    stmt(
      db,
      'DELETE FROM cells WHERE report_id = ? AND key = ? AND how IS NULL AND raw IS NULL AND edited = 0',
    ).run(report.id, key);
  }
}

function writeStatus(
  db: Store,
  report: ReportState,
  status: ReportStatus,
  reviewer: string,
  reason: string | null,
): void {
  if (status === 'verified') {
    const errors = standingErrors(db, report.id);
    if (errors.length > 0) {
      throw new RefusedError(
        `仍有 ${errors.length} 个错误未处理（${errors[0]!.message}…），请修改或逐条注明理由后豁免。` +
          `(${errors.length} error finding(s) stand; fix or waive them first)`,
      );
    }
    stmt(
      db,
      'UPDATE reports SET status = ?, status_reason = ?, verified_by = ?, verified_at = ?, updated_at = ? WHERE id = ?',
    ).run(status, reason, reviewer, now(), now(), report.id);
  } else {
    stmt(
      db,
      'UPDATE reports SET status = ?, status_reason = ?, verified_by = NULL, verified_at = NULL, updated_at = ? WHERE id = ?',
    ).run(status, reason, now(), report.id);
  }
  report.status = status;
}

function writeWaiver(
  db: Store,
  reportId: number,
  identity: string,
  note: string | null,
  reviewer: string,
): void {
  const [rule, keys] = splitIdentity(identity);
  if (note === null) {
    stmt(db, 'DELETE FROM waivers WHERE report_id = ? AND rule = ? AND keys = ?').run(reportId, rule, keys);
  } else {
    stmt(
      db,
      `INSERT INTO waivers (report_id, rule, keys, reviewer, at, note) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (report_id, rule, keys) DO UPDATE SET reviewer = excluded.reviewer, at = excluded.at, note = excluded.note`,
    ).run(reportId, rule, keys, reviewer, now(), note);
  }
}

function waiverNote(db: Store, reportId: number, identity: string): string | null {
  const [rule, keys] = splitIdentity(identity);
  const row = stmt(db, 'SELECT note FROM waivers WHERE report_id = ? AND rule = ? AND keys = ?').get(
    reportId,
    rule,
    keys,
  ) as { note: string } | undefined;
  return row?.note ?? null;
}

function touch(db: Store, reportId: number): void {
  stmt(db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(now(), reportId);
}

function change(db: Store, report: ReportState, cells: string[]): ReportChange {
  refreshFindings(db, report.id, report.template);
  return {
    report: reportHeader(db, report.id),
    cells: cellViews(db, report.id, cells),
    findings: findingViews(db, report.id),
    undo: undoState(db, report.id),
  };
}

// --- commands ---------------------------------------------------------------------------------------------------

export function editCell(db: Store, args: EditCellArgs, reviewer: string): ReportChange {
  requireReviewer(reviewer);
  if (args.value !== null && !Number.isFinite(args.value))
    throw new RefusedError('数值无效 (value must be a finite number)');
  return db
    .transaction(() => {
      const report = loadReport(db, args.reportId);
      if (!isRuleTemplate(report.template)) {
        throw new RefusedError('此报告没有可识别的表格，不能修改单元格。(report has no recognised table)');
      }
      if (!isValidKey(report.template, args.key) && cellValue(db, report.id, args.key) === undefined) {
        throw new RefusedError(`单元格 ${args.key} 不属于此报告的格式。(cell key not in this template)`);
      }
      const old = cellValue(db, report.id, args.key)?.value ?? null;
      writeCell(db, report, args.key, args.value, true);
      audit(
        db,
        { reportId: report.id, kind: 'cell', action: 'do', key: args.key, old, new: args.value },
        reviewer,
        args.note ?? null,
      );
      touch(db, report.id);
      return change(db, report, [args.key]);
    })
    .immediate();
}

/**
 * Verifies a report. Standing errors refuse it, unless each is waived by one of `waivers` (finding id and its own
 * note, one audit row each). Either every waiver is recorded and the report verified, or nothing changes.
 */
export function verifyReport(db: Store, args: VerifyArgs, reviewer: string): Outcome<ReportChange> {
  requireReviewer(reviewer);
  return db
    .transaction((): Outcome<ReportChange> => {
      const report = loadReport(db, args.reportId);
      if (report.status === 'verified') return { ok: false, reason: '报告已核验。(already verified)' };
      if (report.status === 'failed')
        return { ok: false, reason: '读取失败的报告不能核验。(a failed report cannot be verified)' };
      if (args.seen !== undefined && report.sha256 !== args.seen)
        return {
          ok: false,
          reason: '报告的文件已更改，请先查看重新读取的内容再核验。(the file changed since it was shown)',
        };
      const errors = standingErrors(db, report.id);
      const notes = new Map((args.waivers ?? []).map((w) => [w.findingId, w.note.trim()]));
      const open = errors.filter((e) => !notes.get(e.id));
      if (open.length > 0) {
        return {
          ok: false,
          reason:
            `仍有 ${open.length} 个错误未处理：请修改，或逐条填写理由后豁免再核验。` +
            `(${open.length} error finding(s) stand)`,
        };
      }
      for (const e of errors)
        waive(
          db,
          report,
          findingIdentity(e.rule, JSON.parse(e.keys) as string[]),
          notes.get(e.id)!,
          reviewer,
        );
      const old = report.status;
      writeStatus(db, report, 'verified', reviewer, null);
      audit(
        db,
        { reportId: report.id, kind: 'verify', action: 'do', key: null, old, new: 'verified' },
        reviewer,
        null,
      );
      return { ok: true, value: change(db, report, []) };
    })
    .immediate();
}

export function reopenReport(
  db: Store,
  args: { reportId: number; note?: string },
  reviewer: string,
): ReportChange {
  requireReviewer(reviewer);
  return db
    .transaction(() => {
      const report = loadReport(db, args.reportId);
      if (report.status !== 'verified' && report.status !== 'new') {
        throw new RefusedError(
          '只有已核验或新导入的报告可以重新打开。(only verified or new reports can be reopened)',
        );
      }
      const old = report.status;
      writeStatus(db, report, 'needs_review', reviewer, args.note ?? null);
      audit(
        db,
        { reportId: report.id, kind: 'reopen', action: 'do', key: null, old, new: 'needs_review' },
        reviewer,
        args.note ?? null,
      );
      return change(db, report, []);
    })
    .immediate();
}

function waive(db: Store, report: ReportState, identity: string, note: string, reviewer: string): void {
  const old = waiverNote(db, report.id, identity);
  writeWaiver(db, report.id, identity, note, reviewer);
  audit(
    db,
    { reportId: report.id, kind: 'waive', action: 'do', key: identity, old, new: note },
    reviewer,
    note,
  );
}

export function waiveFinding(
  db: Store,
  args: { reportId: number; findingId: number; note: string },
  reviewer: string,
): ReportChange {
  requireReviewer(reviewer);
  if (!args.note.trim()) throw new RefusedError('豁免须注明理由。(a waiver needs a note)');
  return db
    .transaction(() => {
      const report = loadReport(db, args.reportId);
      const f = stmt(db, 'SELECT rule, keys FROM findings WHERE id = ? AND report_id = ?').get(
        args.findingId,
        report.id,
      ) as { rule: string; keys: string } | undefined;
      if (!f) throw new NotFoundError(`问题不存在：#${args.findingId} (no such finding)`);
      waive(db, report, `${f.rule}|${f.keys}`, args.note.trim(), reviewer);
      return change(db, report, []);
    })
    .immediate();
}

/**
 * A status change the program makes (the source file changed, …): audited with reviewer `system`, not undoable.
 * Runs inside the caller's transaction.
 */
export function recordSystemStatus(db: Store, reportId: number, status: ReportStatus, reason: string): void {
  const report = loadReport(db, reportId);
  if (report.status === status) return;
  const old = report.status;
  writeStatus(db, report, status, 'system', reason);
  audit(db, { reportId, kind: 'status', action: 'system', key: null, old, new: status }, 'system', reason);
}

// --- undo and redo ------------------------------------------------------------------------------------------------

function parse(json: string | null): Json {
  return json === null ? null : (JSON.parse(json) as Json);
}

/** Applies the value `to` of an audited change; for a cell being undone, `restoreEdited` says whether an earlier edit stands. */
function replay(
  db: Store,
  report: ReportState,
  e: EditRecord,
  to: Json,
  reviewer: string,
  undoing: boolean,
): void {
  if (e.kind === 'cell') {
    const key = e.key!;
    // Undoing the first edit of a cell returns it to the extracted value, which may have been re-read since.
    const earlier =
      undoing &&
      stmt(
        db,
        "SELECT 1 FROM edits WHERE report_id = ? AND kind = 'cell' AND key = ? AND undo_state = 'active' AND id < ? LIMIT 1",
      ).get(report.id, key, e.id) !== undefined;
    writeCell(db, report, key, typeof to === 'number' ? to : null, !undoing || earlier);
  } else if (e.kind === 'waive') {
    writeWaiver(db, report.id, e.key!, typeof to === 'string' ? to : null, reviewer);
  } else {
    writeStatus(db, report, to as ReportStatus, reviewer, null);
  }
}

function step(db: Store, reportId: number, reviewer: string, direction: 'undo' | 'redo'): ReportChange {
  requireReviewer(reviewer);
  return db
    .transaction(() => {
      const report = loadReport(db, reportId);
      const target = stmt(
        db,
        direction === 'undo'
          ? "SELECT id, kind, key, old, new FROM edits WHERE report_id = ? AND undo_state = 'active' ORDER BY id DESC LIMIT 1"
          : "SELECT id, kind, key, old, new FROM edits WHERE report_id = ? AND undo_state = 'undone' ORDER BY id ASC LIMIT 1",
      ).get(reportId) as EditRecord | undefined;
      if (!target) {
        throw new RefusedError(
          direction === 'undo'
            ? '没有可撤销的修改。(nothing to undo)'
            : '没有可重做的修改。(nothing to redo)',
        );
      }
      const from = direction === 'undo' ? parse(target.new) : parse(target.old);
      const to = direction === 'undo' ? parse(target.old) : parse(target.new);
      replay(db, report, target, to, reviewer, direction === 'undo');
      const applied = target.kind === 'cell' ? (cellValue(db, reportId, target.key!)?.value ?? null) : to;
      audit(
        db,
        { reportId, kind: target.kind, action: direction, key: target.key, old: from, new: applied },
        reviewer,
        null,
        target.id,
      );
      stmt(db, 'UPDATE edits SET undo_state = ? WHERE id = ?').run(
        direction === 'undo' ? 'undone' : 'active',
        target.id,
      );
      touch(db, reportId);
      return change(db, report, target.kind === 'cell' ? [target.key!] : []);
    })
    .immediate();
}

/** Undoes the latest change of the report still in effect, as a new audited step. Works across restarts. */
export function undo(db: Store, reportId: number, reviewer: string): ReportChange {
  return step(db, reportId, reviewer, 'undo');
}

/** Redoes the change undone most recently, unless a new change was made since. */
export function redo(db: Store, reportId: number, reviewer: string): ReportChange {
  return step(db, reportId, reviewer, 'redo');
}

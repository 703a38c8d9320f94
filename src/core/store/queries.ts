// Reads the review desk needs: the queue, one report with its cells, findings and document, cell history, counts.
import { isAbsolute, relative, sep } from 'node:path';
import type {
  CellEdit,
  CellView,
  EditKind,
  FindingView,
  ReportDetail,
  ReportHeader,
  QueueCounts,
  QueueHead,
  ReportQuery,
  ReportRow,
  ReportStatus,
  UndoState,
} from '../../shared/api';
import type { DocumentFormat, ReadHow, Severity, Template } from '../../shared/types';
import { copiesByReport, sameReportGroups } from './groups';
import { stmt, type Store } from './open';

const folders = new WeakMap<Store, string>();

/** Paths in query results are shown relative to this folder (the watched one) when they are inside it. */
export function setLibraryFolder(db: Store, folder: string): void {
  folders.set(db, folder);
}

function shownPath(db: Store, path: string): string {
  const folder = folders.get(db);
  if (!folder) return path;
  // The common case without path.relative (the queue shows thousands of paths).
  if (
    path.length > folder.length + 1 &&
    path.startsWith(folder) &&
    path[folder.length] === sep &&
    !path.includes('..')
  ) {
    const rel = path.slice(folder.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(folder, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

const HEADER_COLUMNS = `id, path, status, missing, template, agency, year, published, error_count, warning_count,
  edited_count, error, updated_at, format, sha256, verified_by, verified_at, status_reason`;

interface HeaderRecord {
  id: number;
  path: string;
  status: ReportStatus;
  missing: number;
  template: Template | null;
  agency: string | null;
  year: number | null;
  published: string | null;
  error_count: number;
  warning_count: number;
  edited_count: number;
  error: string | null;
  updated_at: string;
  format: DocumentFormat | null;
  sha256: string;
  verified_by: string | null;
  verified_at: string | null;
  status_reason: string | null;
}

function toRow(db: Store, r: HeaderRecord): ReportRow {
  return {
    id: r.id,
    path: shownPath(db, r.path),
    status: r.status,
    missing: r.missing === 1,
    template: r.template,
    agency: r.agency,
    year: r.year,
    published: r.published,
    errors: r.error_count,
    warnings: r.warning_count,
    edited: r.edited_count,
    error: r.error,
    updatedAt: r.updated_at,
    copies: [],
    group: null,
  };
}

/** The queue: every report (or those of one status), in path order. One indexed query, no joins. */
export function listReports(db: Store, query: ReportQuery = {}): ReportRow[] {
  const rows = query.status
    ? stmt(db, `SELECT ${HEADER_COLUMNS} FROM reports WHERE status = ? ORDER BY path`).all(query.status)
    : stmt(db, `SELECT ${HEADER_COLUMNS} FROM reports ORDER BY path`).all();
  const list = (rows as HeaderRecord[]).map((r) => toRow(db, r));
  const copies = copiesByReport(db);
  const groups = sameReportGroups(db);
  for (const row of list) {
    const c = copies.get(row.id);
    if (c) row.copies = c.map((p) => shownPath(db, p));
    row.group = groups.get(row.id) ?? null;
  }
  return list;
}

/** The queue's first order: status (needs_review, new, failed, verified), then most errors, then path. */
const QUEUE_ORDER = `CASE status WHEN 'needs_review' THEN 0 WHEN 'new' THEN 1 WHEN 'failed' THEN 2 ELSE 3 END,
  error_count DESC, path`;

/**
 * The top of the queue in the order it first shows, without the other versions of grouped reports, and the
 * queue's counts: what the first paint needs, from two small queries instead of the whole list.
 */
export function queueHead(db: Store, first: number): QueueHead {
  const groups = sameReportGroups(db);
  const secondary = (id: number): boolean => {
    const g = groups.get(id);
    return g !== undefined && g.primaryId !== id;
  };
  const rows: ReportRow[] = [];
  for (const r of stmt(
    db,
    `SELECT ${HEADER_COLUMNS} FROM reports ORDER BY ${QUEUE_ORDER}`,
  ).iterate() as IterableIterator<HeaderRecord>) {
    if (secondary(r.id)) continue;
    const row = toRow(db, r);
    row.group = groups.get(r.id) ?? null;
    rows.push(row);
    if (rows.length >= first) break;
  }
  const copies = stmt(
    db,
    `SELECT p.report_id AS id, p.path FROM report_paths p JOIN reports r ON r.id = p.report_id
     WHERE p.present = 1 AND p.path <> r.path AND p.report_id = ? ORDER BY p.path`,
  );
  for (const row of rows) {
    row.copies = (copies.all(row.id) as { path: string }[]).map((p) => shownPath(db, p.path));
  }
  const counts: QueueCounts = {
    all: 0,
    waiting: 0,
    new: 0,
    needs_review: 0,
    verified: 0,
    failed: 0,
    secondary: 0,
    copies: stmt(
      db,
      `SELECT count(*) FROM report_paths p JOIN reports r ON r.id = p.report_id
       WHERE p.present = 1 AND p.path <> r.path`,
    )
      .pluck()
      .get() as number,
    reports: 0,
  };
  const byStatus = stmt(db, 'SELECT status, count(*) AS n FROM reports GROUP BY status').all() as {
    status: ReportStatus;
    n: number;
  }[];
  for (const { status, n } of byStatus) {
    counts[status] += n;
    counts.reports += n;
  }
  // Other versions are counted apart, under no status (grouped reports are never failed).
  const statusOf = stmt(db, 'SELECT status FROM reports WHERE id = ?').pluck();
  for (const [id, g] of groups) {
    if (g.primaryId === id) continue;
    counts.secondary++;
    counts[statusOf.get(id) as ReportStatus]--;
  }
  counts.all = counts.new + counts.needs_review + counts.verified + counts.failed;
  counts.waiting = counts.new + counts.needs_review;
  return { rows, counts };
}

/** Copies and group of one report (the queue computes them for all rows at once). */
function withDuplicates(db: Store, row: ReportRow): ReportRow {
  const paths = stmt(
    db,
    'SELECT path FROM report_paths WHERE report_id = ? AND present = 1 AND path <> ? ORDER BY path',
  ).all(row.id, stmt(db, 'SELECT path FROM reports WHERE id = ?').pluck().get(row.id)) as { path: string }[];
  row.copies = paths.map((p) => shownPath(db, p.path));
  const r = stmt(db, 'SELECT agency, year, template FROM reports WHERE id = ?').get(row.id) as {
    agency: string | null;
    year: number | null;
    template: string | null;
  };
  if (r.agency !== null && r.year !== null) {
    const others = stmt(
      db,
      `SELECT ${HEADER_COLUMNS} FROM reports WHERE agency = ? AND year = ? AND template IS ? AND id <> ?`,
    ).all(r.agency, r.year, r.template, row.id) as HeaderRecord[];
    if (others.length > 0 && r.template !== null) {
      row.group =
        sameReportGroups(db, { agency: r.agency, year: r.year, template: r.template }).get(row.id) ?? null;
    }
  }
  return row;
}

export function reportHeader(db: Store, reportId: number): ReportHeader {
  const r = stmt(db, `SELECT ${HEADER_COLUMNS} FROM reports WHERE id = ?`).get(reportId) as
    HeaderRecord | undefined;
  if (!r) throw new NotFoundError(`报告不存在：#${reportId} (no such report)`);
  const warnings = stmt(db, 'SELECT warnings FROM reports WHERE id = ?').pluck().get(reportId) as string;
  return {
    ...withDuplicates(db, toRow(db, r)),
    format: r.format,
    sha256: r.sha256,
    verifiedBy: r.verified_by,
    verifiedAt: r.verified_at,
    statusReason: r.status_reason,
    readWarnings: JSON.parse(warnings) as string[],
  };
}

interface CellRecord {
  key: string;
  label: string | null;
  raw: string | null;
  extracted: number | null;
  value: number | null;
  how: ReadHow | null;
  span_start: number | null;
  span_end: number | null;
  edited: number;
  attention: string | null;
  review: number;
}

function toCell(c: CellRecord): CellView {
  return {
    key: c.key,
    label: c.label,
    raw: c.raw,
    extracted: c.extracted,
    value: c.value,
    how: c.how,
    span: c.span_start !== null && c.span_end !== null ? { start: c.span_start, end: c.span_end } : null,
    edited: c.edited === 1,
    attention: c.attention,
    review: c.review === 1,
  };
}

const CELL_COLUMNS =
  'key, label, raw, extracted, value, how, span_start, span_end, edited, attention, review';

/** Cells of a report in storage order (report id, key); the grid orders them by the template. */
export function cellViews(db: Store, reportId: number, keys?: readonly string[]): CellView[] {
  if (keys) {
    const one = stmt(db, `SELECT ${CELL_COLUMNS} FROM cells WHERE report_id = ? AND key = ?`);
    return keys.flatMap((k) => {
      const c = one.get(reportId, k) as CellRecord | undefined;
      return c ? [toCell(c)] : [];
    });
  }
  return (
    stmt(db, `SELECT ${CELL_COLUMNS} FROM cells WHERE report_id = ?`).all(reportId) as CellRecord[]
  ).map(toCell);
}

interface FindingRecord {
  id: number;
  rule: string;
  severity: Severity;
  keys: string;
  message: string;
  suspect: string | null;
  suggestion: number | null;
  waived_by: string | null;
  waiver_note: string | null;
  waived_at: string | null;
}

const SEVERITY_ORDER = "CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END";

/** Findings that stand or are waived; extractor checks an edit resolved are left out. Errors first. */
export function findingViews(db: Store, reportId: number): FindingView[] {
  const rows = stmt(
    db,
    `SELECT f.id, f.rule, f.severity, f.keys, f.message, f.suspect, f.suggestion,
            w.reviewer AS waived_by, w.note AS waiver_note, w.at AS waived_at
     FROM findings f LEFT JOIN waivers w ON w.report_id = f.report_id AND w.rule = f.rule AND w.keys = f.keys
     WHERE f.report_id = ? AND f.resolved = 0
     ORDER BY ${SEVERITY_ORDER}, f.id`,
  ).all(reportId) as FindingRecord[];
  const edited = new Set(
    stmt(db, 'SELECT key FROM cells WHERE report_id = ? AND edited = 1').pluck().all(reportId) as string[],
  );
  return rows.map((f) => ({
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    keys: JSON.parse(f.keys) as string[],
    message: f.message,
    ...(f.suspect !== null ? { suspect: f.suspect } : {}),
    ...(f.suggestion !== null ? { suggestion: f.suggestion } : {}),
    waiver:
      f.waived_by !== null ? { by: f.waived_by, note: f.waiver_note ?? '', at: f.waived_at ?? '' } : null,
    editedKeys: (JSON.parse(f.keys) as string[]).filter((k) => edited.has(k)),
  }));
}

export function undoState(db: Store, reportId: number): UndoState {
  const has = (state: string): boolean =>
    stmt(db, 'SELECT 1 FROM edits WHERE report_id = ? AND undo_state = ? LIMIT 1').get(reportId, state) !==
    undefined;
  return { canUndo: has('active'), canRedo: has('undone') };
}

export function documentText(db: Store, reportId: number): string {
  const row = stmt(
    db,
    'SELECT d.text FROM reports r JOIN documents d ON d.sha256 = r.sha256 WHERE r.id = ?',
  ).get(reportId) as { text: string } | undefined;
  return row?.text ?? '';
}

export function getReport(db: Store, reportId: number): ReportDetail {
  return {
    report: reportHeader(db, reportId),
    cells: cellViews(db, reportId),
    findings: findingViews(db, reportId),
    text: documentText(db, reportId),
    undo: undoState(db, reportId),
  };
}

interface EditRecord {
  id: number;
  kind: EditKind;
  key: string | null;
  old: string | null;
  new: string | null;
  reviewer: string;
  at: string;
  note: string | null;
  undo_state: string;
  action: string;
}

function numberOrNull(json: string | null): number | null {
  const v: unknown = json === null ? null : JSON.parse(json);
  return typeof v === 'number' ? v : null;
}

/** Every change of one cell, oldest first, including undo and redo steps. */
export function cellHistory(db: Store, reportId: number, key: string): CellEdit[] {
  const rows = stmt(
    db,
    `SELECT id, kind, key, old, new, reviewer, at, note, undo_state, action FROM edits
     WHERE report_id = ? AND kind = 'cell' AND key = ? ORDER BY id`,
  ).all(reportId, key) as EditRecord[];
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    key: e.key,
    old: numberOrNull(e.old),
    new: numberOrNull(e.new),
    reviewer: e.reviewer,
    at: e.at,
    note: e.note,
    undone: e.undo_state === 'undone',
  }));
}

export interface StatusCount {
  status: ReportStatus;
  template: Template | null;
  count: number;
  missing: number;
}

/** Reports counted by status and template (what `nianbao status` prints). */
export function statusCounts(db: Store): StatusCount[] {
  return stmt(
    db,
    `SELECT status, template, count(*) AS count, sum(missing) AS missing FROM reports
     GROUP BY status, template ORDER BY status, template`,
  ).all() as StatusCount[];
}

// The ExportSource over the store (schema: src/core/store/migrations). Report headers of the selection are read
// once (small even for 10,000 reports); cells are streamed with better-sqlite3 `iterate()` in (report, key) order
// and handed out one report at a time, so a large export never holds all cells in memory.
import type Database from 'better-sqlite3';
import type { Template, TemplateId } from '../../shared/types';
import { checksSheet, gapsSheet } from '../panel/sheets';
import type {
  ExportCell,
  ExportFilters,
  ExportReport,
  ExportSource,
  ReportCells,
  WaivedFinding,
} from './types';

interface Where {
  sql: string;
  params: (string | number)[];
}

/** SQL condition on `r` (reports) for the filters: verified unless includeAll, years, templates, agency. */
export function whereOf(filters: ExportFilters, templates?: readonly TemplateId[]): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (!filters.includeAll) parts.push("r.status = 'verified'");
  if (filters.years?.length) {
    parts.push(`r.year IN (${filters.years.map(() => '?').join(', ')})`);
    params.push(...filters.years);
  }
  // An empty filter list means any template; an empty `templates` (a sheet of no template) means none.
  for (const list of [filters.templates?.length ? filters.templates : undefined, templates]) {
    if (!list) continue;
    parts.push(list.length ? `r.template IN (${list.map(() => '?').join(', ')})` : '0');
    params.push(...list);
  }
  if (filters.agency) {
    parts.push('instr(r.agency, ?) > 0');
    params.push(filters.agency);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

interface ReportRecord {
  id: number;
  path: string;
  sha256: string;
  template: Template | null;
  agency: string | null;
  agency_id: number | null;
  year: number | null;
  published: string | null;
  status: string;
  verified_by: string | null;
  verified_at: string | null;
  edits: number;
}

interface CellRecord {
  report_id: number;
  key: string;
  value: number | null;
  extracted: number | null;
  edited: number | boolean;
}

export function storeSource(db: Database.Database, filters: ExportFilters = {}): ExportSource {
  const all = whereOf(filters);
  // Edits in effect: a reviewer's cell changes not undone.
  const records = db
    .prepare(
      `SELECT r.id, r.path, r.sha256, r.template, r.agency, r.agency_id, r.year, r.published, r.status, r.verified_by,
         r.verified_at,
         (SELECT count(*) FROM edits e
           WHERE e.report_id = r.id AND e.kind = 'cell' AND e.action = 'do' AND e.undo_state = 'active') AS edits
       FROM reports r WHERE ${all.sql} ORDER BY r.id`,
    )
    .all(...all.params) as ReportRecord[];
  // Waivers only matter to the reports sheet: read them on first use.
  let waived: Map<number, WaivedFinding[]> | undefined;
  const waivedOf = (id: number) => (waived ??= waivedFindings(db, all)).get(id) ?? [];
  const reports: ExportReport[] = records.map((r) => ({
    id: r.id,
    file: r.path,
    sha256: r.sha256,
    template: r.template ?? 'unknown',
    agency: r.agency,
    agencyId: r.agency_id,
    year: r.year,
    published: r.published,
    status: r.status,
    reviewer: r.verified_by,
    verifiedAt: r.verified_at,
    edits: r.edits,
    get waived() {
      return waivedOf(r.id);
    },
  }));
  const ofTemplates = (templates?: readonly TemplateId[]) =>
    templates ? reports.filter((r) => templates.includes(r.template as TemplateId)) : reports;

  return {
    count: (templates) => ofTemplates(templates).length,
    templates: () =>
      [...new Set(reports.map((r) => r.template))].filter((t): t is TemplateId => t !== 'unknown'),
    reports: () => reports,
    reportCells: (templates) => withCells(db, ofTemplates(templates), whereOf(filters, templates)),
    keysOf: (template) => {
      const where = whereOf(filters, [template]);
      const rows = db
        .prepare(`SELECT DISTINCT c.key FROM cells c JOIN reports r ON r.id = c.report_id WHERE ${where.sql}`)
        .pluck()
        .all(...where.params) as string[];
      return rows;
    },
    panelSheets: (shape) =>
      shape === 'gaps' ? gapsSheet(db, filters) : checksSheet(db, () => new Set(reports.map((r) => r.id))),
  };
}

/** Waivers whose finding stands, per report, with the reviewer's note. */
function waivedFindings(db: Database.Database, where: Where): Map<number, WaivedFinding[]> {
  const rows = db
    .prepare(
      `SELECT w.report_id, w.rule, w.keys, w.note FROM waivers w JOIN reports r ON r.id = w.report_id
       WHERE ${where.sql} AND EXISTS (SELECT 1 FROM findings f
         WHERE f.report_id = w.report_id AND f.rule = w.rule AND f.keys = w.keys AND f.resolved = 0)
       ORDER BY w.report_id, w.rule, w.keys`,
    )
    .all(...where.params) as { report_id: number; rule: string; keys: string; note: string }[];
  const map = new Map<number, WaivedFinding[]>();
  for (const w of rows) {
    const list = map.get(w.report_id) ?? [];
    list.push({ rule: w.rule, keys: parseKeys(w.keys), note: w.note });
    map.set(w.report_id, list);
  }
  return map;
}

function parseKeys(json: string): string[] {
  try {
    const keys: unknown = JSON.parse(json);
    return Array.isArray(keys) ? keys.map(String) : [json];
  } catch {
    return [json];
  }
}

/** Merges the ordered reports with the ordered cell stream; a report without cells gets an empty list. */
function* withCells(
  db: Database.Database,
  reports: readonly ExportReport[],
  where: Where,
): Generator<ReportCells> {
  const cells = db
    .prepare(
      // Scanning cells in primary-key order avoids sorting millions of rows.
      `SELECT c.report_id, c.key, c.value, c.extracted, c.edited FROM cells c
       WHERE c.report_id IN (SELECT r.id FROM reports r WHERE ${where.sql}) ORDER BY c.report_id, c.key`,
    )
    .iterate(...where.params) as IterableIterator<CellRecord>;
  let next = cells.next();
  try {
    for (const report of reports) {
      const list: ExportCell[] = [];
      while (!next.done && next.value.report_id <= report.id) {
        const c = next.value;
        if (c.report_id === report.id) {
          // The row object itself becomes the cell: one allocation less per cell of a large export.
          (c as unknown as ExportCell).edited = c.edited === 1;
          list.push(c as unknown as ExportCell);
        }
        next = cells.next();
      }
      yield { report, cells: list };
    }
  } finally {
    cells.return?.();
  }
}

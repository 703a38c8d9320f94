// Builds a real SQLite store through the store's own write path (saveFile, editCell, undo, verifyReport,
// reopenReport) from export fixtures, and reads it back with plain SQL as the expectation of an export.
import { createHash } from 'node:crypto';
import { checkRules } from '../../../src/core/rules';
import {
  editCell,
  getReport,
  openStore,
  reopenReport,
  saveFile,
  undo,
  verifyReport,
  type Store,
} from '../../../src/core/store';
import type { ExportCell, ReportCells } from '../../../src/core/export/types';
import type { Extraction, Template, TemplateId } from '../../../src/shared/types';
import { errorWaivers } from '../../support/waivers';

export const REVIEWER = '李四';
export const WAIVE_NOTE = '原文如此，已核对“原件”, 见第3页';

/** Stores the fixture reports: extracted values, then the edits and statuses the fixtures describe. */
export function buildStore(file: string, fixtures: readonly ReportCells[]): Store {
  const db = openStore(file);
  const ids = new Map<number, number>();
  db.transaction(() => {
    for (const { report, cells } of fixtures) {
      const template = report.template as TemplateId;
      const values = Object.fromEntries(cells.map((c) => [c.key, c.extracted]));
      const extraction: Extraction = {
        template,
        meta: { agency: report.agency, year: report.year, published: report.published },
        tables: [],
        cells: cells.map((c) => ({
          key: c.key,
          raw: c.extracted === null ? '' : String(c.extracted),
          value: c.extracted,
          how: 'clean',
          span: null,
          ...(c.key.startsWith('legacy.label:') ? { label: c.key.slice('legacy.label:'.length) } : {}),
        })),
        findings: checkRules(template, values),
        review: [],
      };
      const text = `${report.agency ?? ''} ${report.id}`;
      const { reportId } = saveFile(db, {
        path: `/library/${report.file}`,
        size: text.length,
        mtimeMs: 1,
        sha256: createHash('sha256').update(text).digest('hex'),
        parserVersion: 1,
        content: { format: 'text', text, encoding: 'utf-8', warnings: [], extraction, error: null },
      });
      ids.set(report.id, reportId);
    }
  })();
  for (const { report, cells } of fixtures) {
    const reportId = ids.get(report.id) as number;
    for (const c of cells.filter((x) => x.edited))
      editCell(db, { reportId, key: c.key, value: c.value }, REVIEWER);
    // An edit undone again: not counted, cell not edited.
    const first = cells[0] as ExportCell;
    editCell(db, { reportId, key: first.key, value: 999 }, REVIEWER);
    undo(db, reportId, REVIEWER);
    if (report.status === 'verified') {
      const outcome = verifyReport(
        db,
        { reportId, waivers: errorWaivers(getReport(db, reportId), WAIVE_NOTE) },
        REVIEWER,
      );
      if (!outcome.ok) throw new Error(outcome.reason);
    } else {
      reopenReport(db, { reportId }, REVIEWER);
    }
  }
  return db;
}

interface StoredReport {
  id: number;
  path: string;
  sha256: string;
  template: Template;
  agency: string | null;
  agency_id: number | null;
  year: number | null;
  published: string | null;
  status: string;
  verified_by: string | null;
  verified_at: string | null;
}

/** The reports and cells of the store as plain SQL reads them, in report id order. */
export function readStore(db: Store): ReportCells[] {
  const reports = db.prepare('SELECT * FROM reports ORDER BY id').all() as StoredReport[];
  return reports.map((r) => {
    const cells = db
      .prepare('SELECT key, value, extracted, edited FROM cells WHERE report_id = ?')
      .all(r.id) as { key: string; value: number | null; extracted: number | null; edited: number }[];
    const waivers = db
      .prepare('SELECT rule, keys, note FROM waivers WHERE report_id = ? ORDER BY rule, keys')
      .all(r.id) as { rule: string; keys: string; note: string }[];
    const edits = db
      .prepare("SELECT count(*) FROM edits WHERE report_id = ? AND kind = 'cell' AND undo_state = 'active'")
      .pluck()
      .get(r.id) as number;
    return {
      report: {
        id: r.id,
        file: r.path,
        sha256: r.sha256,
        template: r.template,
        agency: r.agency,
        agencyId: r.agency_id,
        year: r.year,
        published: r.published,
        status: r.status,
        reviewer: r.verified_by,
        verifiedAt: r.verified_at,
        edits,
        waived: waivers.map((w) => ({ rule: w.rule, keys: JSON.parse(w.keys) as string[], note: w.note })),
      },
      cells: cells.map((c) => ({
        key: c.key,
        value: c.value,
        extracted: c.extracted,
        edited: c.edited === 1,
      })),
    };
  });
}

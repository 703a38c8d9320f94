// Reading the panel's findings: those of one report (its own and the cross-report findings that name it), and
// every one for the status command and the export sheet.
import type { PanelFindingView } from '../../shared/panel';
import type { Severity } from '../../shared/types';
import { stmt, type Store } from '../store/open';
import { passagesOf, type Reuse } from './reuse';

interface FindingRecord {
  id: number;
  report_id: number;
  other_report_id: number | null;
  kind: 'cross' | 'supervision';
  rule: string;
  severity: Severity;
  keys: string;
  message: string;
  detail: string | null;
}

interface OtherRecord {
  id: number;
  panel_year: number | null;
  agency: string | null;
  path: string;
}

/**
 * The detail of a text-reuse finding: the measure, with its runs and the content (sha256) of the text they point
 * into. Findings stored before the runs were kept hold the passages themselves instead.
 */
export type StoredReuse = Omit<Reuse, 'runs'> & {
  runs?: Reuse['runs'];
  sha256?: string;
  passages?: string[];
};

/** A reuse finding's measure with its passages, printed from the text it was measured on. */
function reuseOf(db: Store, detail: string): NonNullable<PanelFindingView['reuse']> {
  const d = JSON.parse(detail) as StoredReuse;
  let passages = d.passages ?? [];
  if (!d.passages && d.runs && d.runs.length > 0 && d.sha256) {
    const doc = stmt(db, 'SELECT text FROM documents WHERE sha256 = ?').get(d.sha256) as
      { text: string } | undefined;
    passages = doc ? passagesOf(doc.text, d.runs) : [];
  }
  return { share: d.share, sentences: d.sentences, repeated: d.repeated, passages };
}

const SEVERITY_ORDER = "CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END";

function toView(db: Store, f: FindingRecord, seenFrom: number): PanelFindingView {
  const otherId = f.report_id === seenFrom ? f.other_report_id : f.report_id;
  const other =
    otherId === null
      ? null
      : (stmt(db, 'SELECT id, panel_year, agency, path FROM reports WHERE id = ?').get(otherId) as
          OtherRecord | undefined);
  const view: PanelFindingView = {
    id: f.id,
    reportId: f.report_id,
    kind: f.kind,
    rule: f.rule,
    severity: f.severity,
    keys: JSON.parse(f.keys) as string[],
    message: f.message,
    other: other
      ? { reportId: other.id, year: other.panel_year, agency: other.agency, path: other.path }
      : null,
  };
  if (f.rule === 'supervision.reuse' && f.detail) view.reuse = reuseOf(db, f.detail);
  return view;
}

/** Findings of a report and cross-report findings that name it as the other report; errors first. */
export function panelFindingViews(db: Store, reportId: number): PanelFindingView[] {
  const rows = stmt(
    db,
    `SELECT id, report_id, other_report_id, kind, rule, severity, keys, message, detail FROM panel_findings
     WHERE report_id = ? OR (other_report_id = ? AND kind = 'cross') ORDER BY ${SEVERITY_ORDER}, id`,
  ).all(reportId, reportId) as FindingRecord[];
  return rows.map((f) => toView(db, f, reportId));
}

export interface PanelFindingRow {
  id: number;
  reportId: number;
  agencyId: number | null;
  agency: string | null;
  year: number | null;
  path: string;
  kind: 'cross' | 'supervision';
  rule: string;
  severity: Severity;
  keys: string[];
  message: string;
  otherReportId: number | null;
  otherYear: number | null;
  otherPath: string | null;
  /** Text reuse: share of sentences repeated. */
  share: number | null;
  /** Text reuse: the repeated passages, one per line. */
  passages: string | null;
}

/** Every panel finding with its reports, by agency and year. */
export function allPanelFindings(db: Store, kinds?: readonly ('cross' | 'supervision')[]): PanelFindingRow[] {
  const rows = stmt(
    db,
    `SELECT f.id, f.report_id, f.other_report_id, f.kind, f.rule, f.severity, f.keys, f.message, f.detail,
       r.agency_id, coalesce(a.name, r.agency) AS agency, r.panel_year, r.path,
       o.panel_year AS other_year, o.path AS other_path
     FROM panel_findings f JOIN reports r ON r.id = f.report_id
       LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN reports o ON o.id = f.other_report_id
     ORDER BY agency, r.panel_year, f.report_id, f.id`,
  ).all() as (FindingRecord & {
    agency_id: number | null;
    agency: string | null;
    panel_year: number | null;
    path: string;
    other_year: number | null;
    other_path: string | null;
  })[];
  return rows
    .filter((f) => !kinds || kinds.includes(f.kind))
    .map((f) => {
      const reuse = f.rule === 'supervision.reuse' && f.detail ? reuseOf(db, f.detail) : null;
      return {
        id: f.id,
        reportId: f.report_id,
        agencyId: f.agency_id,
        agency: f.agency,
        year: f.panel_year,
        path: f.path,
        kind: f.kind,
        rule: f.rule,
        severity: f.severity,
        keys: JSON.parse(f.keys) as string[],
        message: f.message,
        otherReportId: f.other_report_id,
        otherYear: f.other_year,
        otherPath: f.other_path,
        share: reuse ? Math.round(reuse.share * 1000) / 1000 : null,
        passages: reuse ? reuse.passages.join('\n') : null,
      };
    });
}

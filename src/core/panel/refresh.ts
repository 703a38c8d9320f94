// Keeps the panel in step with the store: places reports under agencies and years, then recomputes the findings
// across reports and the supervisors' checks of the reports concerned. Called after an import batch (for the
// reports it touched), after every change of a report (its agency's reports) and after a registry change (all).
import { placeReports } from '../agencies/registry';
import { stmt, type Store } from '../store/open';
import {
  checkAcross,
  checkReport,
  CROSS_KEYS,
  reportLabel,
  type PanelFinding,
  type PanelReport,
} from './checks';
import { digestOf } from './digest';
import { keySet, measureReuse, reuseSeverity, type Sentence } from './reuse';

interface ReportRecord {
  id: number;
  agency_id: number | null;
  panel_year: number | null;
  template: PanelReport['template'];
  status: string;
  path: string;
  agency: string | null;
  published: string | null;
  sha256: string;
}

const COLUMNS = 'id, agency_id, panel_year, template, status, path, agency, published, sha256';

function toPanel(r: ReportRecord): PanelReport & { sha256: string } {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.panel_year,
    template: r.template,
    status: r.status,
    path: r.path,
    agency: r.agency,
    published: r.published,
    sha256: r.sha256,
  };
}

const STATUS_RANK: Record<string, number> = { verified: 3, needs_review: 2, new: 2, failed: 0 };

/** The report that stands for an agency's year: verified first, then the newest readable one. */
export function representatives<T extends PanelReport>(reports: readonly T[]): Map<number, T> {
  const best = new Map<number, T>();
  for (const r of reports) {
    if (r.year === null || r.status === 'failed') continue;
    const held = best.get(r.year);
    if (
      !held ||
      (STATUS_RANK[r.status] ?? 1) > (STATUS_RANK[held.status] ?? 1) ||
      (STATUS_RANK[r.status] === STATUS_RANK[held.status] && r.id > held.id)
    )
      best.set(r.year, r);
  }
  return best;
}

function valuesOf(db: Store, reportId: number): Map<string, number | null> {
  const rows = stmt(
    db,
    `SELECT key, value FROM cells WHERE report_id = ? AND key IN (${CROSS_KEYS.map(() => '?').join(', ')})`,
  ).all(reportId, ...CROSS_KEYS) as { key: string; value: number | null }[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

function textOf(db: Store, sha256: string): string | null {
  const r = stmt(db, 'SELECT text FROM documents WHERE sha256 = ?').get(sha256) as
    { text: string } | undefined;
  return r?.text ?? null;
}

/** Findings of one agency's reports: per report, across consecutive years, text reused from the year before. */
function agencyFindings(db: Store, reports: (PanelReport & { sha256: string })[]): PanelFinding[] {
  const out: PanelFinding[] = [];
  const sentences = new Map<number, Sentence[]>();
  for (const r of reports) {
    if (r.status === 'failed') continue;
    const digest = digestOf(db, r.sha256);
    out.push(...checkReport(r, digest?.sections ?? null));
    if (digest && r.agencyId !== null) sentences.set(r.id, digest.sentences);
  }
  const reps = [...representatives(reports).values()].sort((a, b) => a.year! - b.year!);
  let prevValues: Map<string, number | null> | null = null;
  for (let i = 0; i < reps.length; i++) {
    const cur = reps[i]!;
    const curValues = valuesOf(db, cur.id);
    const prev = reps[i - 1];
    if (prev && prevValues) out.push(...checkAcross(prev, prevValues, cur, curValues));
    prevValues = curValues;
  }
  // Reuse: every readable report against the nearest earlier year's report of the agency.
  for (const r of reports) {
    const mine = sentences.get(r.id);
    if (!mine || r.year === null) continue;
    const earlier = reps.filter((p) => p.year! < r.year!).at(-1);
    const theirs = earlier ? sentences.get(earlier.id) : undefined;
    if (!earlier || !theirs) continue;
    const reuse = measureReuse(mine, keySet(theirs), () => textOf(db, r.sha256));
    const severity = reuseSeverity(reuse.share);
    if (!severity) continue;
    out.push({
      reportId: r.id,
      otherReportId: earlier.id,
      kind: 'supervision',
      rule: 'supervision.reuse',
      severity,
      keys: [],
      message: `${Math.round(reuse.share * 100)}% 的语句（${reuse.repeated}/${reuse.sentences}）与${reportLabel(earlier)}相同`,
      detail: reuse,
    });
  }
  return out;
}

function insertFindings(db: Store, findings: PanelFinding[]): void {
  const insert = stmt(
    db,
    `INSERT INTO panel_findings (report_id, other_report_id, kind, rule, severity, keys, message, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of findings)
    insert.run(
      f.reportId,
      f.otherReportId,
      f.kind,
      f.rule,
      f.severity,
      JSON.stringify(f.keys),
      f.message,
      f.detail === undefined ? null : JSON.stringify(f.detail),
    );
}

export interface RefreshResult {
  agencies: number;
  reports: number;
  findings: number;
  ms: number;
}

/**
 * Recomputes the panel for the reports `reportIds` (their agencies' reports too) or, without ids, for the whole
 * store. One transaction.
 */
export function refreshPanel(db: Store, reportIds?: readonly number[]): RefreshResult {
  const started = performance.now();
  return db
    .transaction((): RefreshResult => {
      const agencies = placeReports(db, reportIds);
      let reports: (PanelReport & { sha256: string })[];
      if (!reportIds) {
        stmt(db, 'DELETE FROM panel_findings').run();
        reports = (
          stmt(
            db,
            `SELECT ${COLUMNS} FROM reports ORDER BY agency_id, panel_year, id`,
          ).all() as ReportRecord[]
        ).map(toPanel);
      } else {
        const byId = new Map<number, ReportRecord>();
        const one = stmt(db, `SELECT ${COLUMNS} FROM reports WHERE id = ?`);
        for (const id of reportIds) {
          const r = one.get(id) as ReportRecord | undefined;
          if (r) byId.set(r.id, r);
        }
        const ofAgency = stmt(db, `SELECT ${COLUMNS} FROM reports WHERE agency_id = ?`);
        for (const a of agencies) for (const r of ofAgency.all(a) as ReportRecord[]) byId.set(r.id, r);
        reports = [...byId.values()].map(toPanel);
        const remove = stmt(db, 'DELETE FROM panel_findings WHERE report_id = ? OR other_report_id = ?');
        for (const r of reports) remove.run(r.id, r.id);
      }
      const groups = new Map<number | null, (PanelReport & { sha256: string })[]>();
      for (const r of reports) {
        const list = groups.get(r.agencyId) ?? [];
        list.push(r);
        groups.set(r.agencyId, list);
      }
      let findings = 0;
      for (const [agency, list] of groups) {
        const found =
          agency === null
            ? list
                .filter((r) => r.status !== 'failed')
                .flatMap((r) => checkReport(r, digestOf(db, r.sha256)?.sections ?? null))
            : agencyFindings(db, list);
        insertFindings(db, found);
        findings += found.length;
      }
      return {
        agencies: groups.size,
        reports: reports.length,
        findings,
        ms: performance.now() - started,
      };
    })
    .immediate();
}

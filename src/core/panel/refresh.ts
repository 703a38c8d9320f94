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
import { decodeDigest, digestOf, type Digest } from './digest';
import type { StoredReuse } from './findings';
import { keySet, measureReuse, reuseSeverity, type Sentences } from './reuse';

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
  /** The stored digest of its document (null when not computed yet). */
  sentences: Buffer | null;
  sections: string | null;
}

type Report = PanelReport & { sha256: string; stored: Digest | null };

// Each report with its document's stored digest, read in the same statement.
const COLUMNS = `r.id, r.agency_id, r.panel_year, r.template, r.status, r.path, r.agency, r.published, r.sha256,
  d.sentences, d.sections`;
const FROM = 'reports r LEFT JOIN document_digests d ON d.sha256 = r.sha256';

function toPanel(r: ReportRecord): Report {
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
    stored: r.sentences !== null && r.sections !== null ? decodeDigest(r.sentences, r.sections) : null,
  };
}

/** The digest of a readable report: stored, or computed now (documents stored before digests were). */
function digestFor(db: Store, r: Report): Digest | null {
  return r.stored ?? digestOf(db, r.sha256);
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

/** Only the 2019 and 2021 formats have cells the cross-report rules read (checkAcross skips every other pair). */
const hasCrossCells = (r: PanelReport): boolean => r.template === '2019' || r.template === '2021';

/**
 * The cells the cross-report rules read, of the reports `ids`, in one statement (one index lookup per report and
 * key inside SQLite rather than one call per report).
 */
function valuesOf(db: Store, ids: readonly number[]): Map<number, Map<string, number | null>> {
  const out = new Map<number, Map<string, number | null>>(ids.map((id) => [id, new Map()]));
  if (ids.length === 0) return out;
  const rows = stmt(
    db,
    `SELECT report_id, key, value FROM cells WHERE report_id IN (SELECT value FROM json_each(?))
       AND key IN (${CROSS_KEYS.map(() => '?').join(', ')})`,
  )
    .raw()
    .all(JSON.stringify(ids), ...CROSS_KEYS) as [number, string, number | null][];
  for (const [id, key, value] of rows) out.get(id)!.set(key, value);
  return out;
}

/** One agency's reports and, in year order, those that stand for each year. */
interface AgencyGroup {
  reports: Report[];
  reps: Report[];
}

/** Findings of one agency's reports: per report, across consecutive years, text reused from the year before. */
function agencyFindings(
  db: Store,
  { reports, reps }: AgencyGroup,
  values: ReadonlyMap<number, ReadonlyMap<string, number | null>>,
): PanelFinding[] {
  const out: PanelFinding[] = [];
  const sentences = new Map<number, Sentences>();
  for (const r of reports) {
    if (r.status === 'failed') continue;
    const digest = digestFor(db, r);
    out.push(...checkReport(r, digest?.sections ?? null));
    if (digest && r.agencyId !== null) sentences.set(r.id, digest.sentences);
  }
  const none: ReadonlyMap<string, number | null> = new Map();
  for (let i = 1; i < reps.length; i++) {
    const prev = reps[i - 1]!;
    const cur = reps[i]!;
    out.push(...checkAcross(prev, values.get(prev.id) ?? none, cur, values.get(cur.id) ?? none));
  }
  // Reuse: every readable report against the nearest earlier year's report of the agency.
  const keys = new Map<number, Set<number>>();
  for (const r of reports) {
    const mine = sentences.get(r.id);
    if (!mine || r.year === null) continue;
    const earlier = reps.filter((p) => p.year! < r.year!).at(-1);
    const theirs = earlier ? sentences.get(earlier.id) : undefined;
    if (!earlier || !theirs) continue;
    let earlierKeys = keys.get(earlier.id);
    if (!earlierKeys) keys.set(earlier.id, (earlierKeys = keySet(theirs)));
    const reuse = measureReuse(mine, earlierKeys);
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
      // The runs point into this text; the passages are printed from it when the finding is read (findings.ts).
      detail: { ...reuse, sha256: r.sha256 } satisfies StoredReuse,
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
      let reports: Report[];
      if (!reportIds) {
        stmt(db, 'DELETE FROM panel_findings').run();
        reports = (
          stmt(
            db,
            `SELECT ${COLUMNS} FROM ${FROM} ORDER BY r.agency_id, r.panel_year, r.id`,
          ).all() as ReportRecord[]
        ).map(toPanel);
      } else {
        const byId = new Map<number, ReportRecord>();
        const one = stmt(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ?`);
        for (const id of reportIds) {
          const r = one.get(id) as ReportRecord | undefined;
          if (r) byId.set(r.id, r);
        }
        const ofAgency = stmt(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE r.agency_id = ?`);
        for (const a of agencies) for (const r of ofAgency.all(a) as ReportRecord[]) byId.set(r.id, r);
        reports = [...byId.values()].map(toPanel);
        const remove = stmt(db, 'DELETE FROM panel_findings WHERE report_id = ? OR other_report_id = ?');
        for (const r of reports) remove.run(r.id, r.id);
      }
      const groups = new Map<number | null, AgencyGroup>();
      for (const r of reports) {
        const group = groups.get(r.agencyId) ?? { reports: [], reps: [] };
        group.reports.push(r);
        groups.set(r.agencyId, group);
      }
      const needValues: number[] = [];
      for (const [agency, group] of groups) {
        if (agency === null) continue;
        group.reps = [...representatives(group.reports).values()].sort((a, b) => a.year! - b.year!);
        for (const r of group.reps) if (hasCrossCells(r)) needValues.push(r.id);
      }
      const values = valuesOf(db, needValues);
      let findings = 0;
      for (const [agency, group] of groups) {
        const found =
          agency === null
            ? group.reports
                .filter((r) => r.status !== 'failed')
                .flatMap((r) => checkReport(r, digestFor(db, r)?.sections ?? null))
            : agencyFindings(db, group, values);
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

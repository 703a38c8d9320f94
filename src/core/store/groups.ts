// Duplicates in the queue: byte-identical files (one report, several paths) and the same report published in
// several files (.txt, .html and .docx of one report: same agency, year and format, and the same values read).
import { createHash } from 'node:crypto';
import type { ReportGroup } from '../../shared/api';
import { stmt, type Store } from './open';

/** Formats whose tables come with their structure first: they stand for a group before plain text and scans. */
const FORMAT_RANK: Record<string, number> = { docx: 0, html: 1, xlsx: 2, xls: 3, text: 4, doc: 5, wps: 5 };

interface Candidate {
  id: number;
  agency: string;
  year: number;
  template: string;
  values_fp: string | null;
  format: string | null;
  status: string;
  error_count: number;
  path: string;
}

/**
 * A fingerprint of the values read from a report's file (not the reviewer's): two files giving the same values
 * for one agency, year and format are the same report. Empty when nothing was read, which says nothing about
 * being the same as another.
 */
function valuesFingerprint(cells: readonly { key: string; value: number | null }[]): string {
  if (cells.length === 0) return '';
  const sorted = [...cells].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hash = createHash('sha256');
  for (const c of sorted) hash.update(`${c.key}=${c.value ?? ''};`);
  return hash.digest('hex');
}

/** Stores the fingerprint of the values just read for a report (with its cells, in the same transaction). */
export function storeFingerprint(
  db: Store,
  reportId: number,
  cells: readonly { key: string; value: number | null }[],
): void {
  stmt(db, 'UPDATE reports SET values_fp = ? WHERE id = ?').run(valuesFingerprint(cells), reportId);
}

/** Fingerprints reports stored before fingerprints were kept (cells with `how` are those read from the file). */
export function fillFingerprints(db: Store): number {
  const ids = stmt(db, 'SELECT id FROM reports WHERE values_fp IS NULL').pluck().all() as number[];
  if (ids.length === 0) return 0;
  const cells = stmt(db, 'SELECT key, extracted AS value FROM cells WHERE report_id = ? AND how IS NOT NULL');
  db.transaction(() => {
    for (const id of ids) storeFingerprint(db, id, cells.all(id) as { key: string; value: number | null }[]);
  }).immediate();
  return ids.length;
}

const CANDIDATES = `SELECT id, agency, year, template, values_fp, format, status, error_count, path
  FROM reports r
  WHERE agency IS NOT NULL AND year IS NOT NULL AND template IN ('2021', '2019', 'legacy') AND status <> 'failed'
    AND EXISTS (SELECT 1 FROM reports o WHERE o.agency = r.agency AND o.year = r.year AND o.template = r.template
                AND o.id <> r.id AND o.status <> 'failed')`;

/**
 * Groups of reports that are the same report in different files, keyed by member id. With `scope`, only the
 * groups of that agency, year and template (those of one report), without looking at every report.
 */
export function sameReportGroups(
  db: Store,
  scope?: { agency: string; year: number; template: string },
): Map<number, ReportGroup> {
  // Only reports that share agency, year and format with another can be the same report.
  const candidates = (
    scope
      ? stmt(db, `${CANDIDATES} AND r.agency = ? AND r.year = ? AND r.template = ?`).all(
          scope.agency,
          scope.year,
          scope.template,
        )
      : stmt(db, CANDIDATES).all()
  ) as Candidate[];
  const out = new Map<number, ReportGroup>();
  if (candidates.length === 0) return out;
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const fp = c.values_fp;
    if (!fp) continue;
    const key = `${c.agency}\u0000${c.year}\u0000${c.template}\u0000${fp}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    const rank = (c: Candidate): number[] => [
      c.status === 'verified' ? 0 : 1,
      c.error_count,
      FORMAT_RANK[c.format ?? ''] ?? 9,
    ];
    // Ties go to the file name, not the id: ids follow the order the import workers finished in.
    const sorted = [...members].sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id;
    });
    const group: ReportGroup = { primaryId: sorted[0]!.id, memberIds: sorted.map((m) => m.id) };
    for (const m of members) out.set(m.id, group);
  }
  return out;
}

/** Other present paths of each report (byte-identical copies), absolute. */
export function copiesByReport(db: Store): Map<number, string[]> {
  const rows = stmt(
    db,
    `SELECT p.report_id AS id, p.path FROM report_paths p JOIN reports r ON r.id = p.report_id
     WHERE p.present = 1 AND p.path <> r.path ORDER BY p.path`,
  ).all() as { id: number; path: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.path]);
  return out;
}

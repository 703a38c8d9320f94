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
  sha256: string;
  parser_version: number;
  format: string | null;
  status: string;
  error_count: number;
  path: string;
}

/** Fingerprints of the values each report's file gave, per database, recomputed when the content changes. */
const fingerprints = new WeakMap<Store, Map<number, { stamp: string; fp: string }>>();

function fingerprintsOf(db: Store, reports: Candidate[]): Map<number, string> {
  let cache = fingerprints.get(db);
  if (!cache) {
    cache = new Map();
    fingerprints.set(db, cache);
  }
  const out = new Map<number, string>();
  const cells = stmt(db, 'SELECT key, extracted FROM cells WHERE report_id = ? ORDER BY key');
  for (const r of reports) {
    const stamp = `${r.sha256}:${r.parser_version}`;
    const hit = cache.get(r.id);
    if (hit?.stamp === stamp) {
      out.set(r.id, hit.fp);
      continue;
    }
    const hash = createHash('sha256');
    let n = 0;
    for (const c of cells.iterate(r.id) as IterableIterator<{ key: string; extracted: number | null }>) {
      hash.update(`${c.key}=${c.extracted ?? ''};`);
      n++;
    }
    // A report with no values read says nothing about being the same as another.
    const fp = n === 0 ? '' : hash.digest('hex');
    cache.set(r.id, { stamp, fp });
    out.set(r.id, fp);
  }
  return out;
}

const CANDIDATES = `SELECT id, agency, year, template, sha256, parser_version, format, status, error_count, path
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
  const fps = fingerprintsOf(db, candidates);
  const byKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const fp = fps.get(c.id);
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

// The coverage matrix: agency × year, the status of the reports each cell holds (none, failed, needs review,
// verified, several files), filtered by region, status and name; and its gaps (who has not published).
import type { ReportStatus } from '../../shared/api';
import type { Coverage, CoverageCell, CoverageQuery, CoverageRow, CoverageStatus } from '../../shared/panel';
import { stmt, type Store } from '../store/open';

interface PlacedRecord {
  id: number;
  agency_id: number | null;
  panel_year: number | null;
  status: ReportStatus;
  path: string;
}

interface AgencyRecord {
  id: number;
  name: string;
  region: string | null;
  parent_id: number | null;
}

export function cellStatus(statuses: readonly ReportStatus[]): CoverageStatus {
  if (statuses.length === 0) return 'none';
  if (statuses.length > 1) return 'several';
  const s = statuses[0]!;
  return s === 'verified' ? 'verified' : s === 'failed' ? 'failed' : 'needs_review';
}

/** Region of an agency: its own, else its nearest parent's. */
function regions(agencies: readonly AgencyRecord[]): Map<number, string | null> {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const out = new Map<number, string | null>();
  for (const a of agencies) {
    let at: AgencyRecord | undefined = a;
    for (let hops = 0; at && at.region === null && at.parent_id !== null && hops < 50; hops++)
      at = byId.get(at.parent_id);
    out.set(a.id, at?.region ?? null);
  }
  return out;
}

export function coverage(db: Store, query: CoverageQuery = {}): Coverage {
  const started = performance.now();
  const placed = stmt(
    db,
    'SELECT id, agency_id, panel_year, status, path FROM reports',
  ).all() as PlacedRecord[];
  const agencies = stmt(
    db,
    'SELECT id, name, region, parent_id FROM agencies WHERE merged_into IS NULL ORDER BY name, id',
  ).all() as AgencyRecord[];
  const findingCounts = new Map<number, number>();
  for (const r of stmt(
    db,
    "SELECT report_id AS id, count(*) AS n FROM panel_findings WHERE severity <> 'info' GROUP BY report_id",
  ).all() as { id: number; n: number }[])
    findingCounts.set(r.id, r.n);

  const byAgency = new Map<number, Map<number, PlacedRecord[]>>();
  const unplaced: Coverage['unplaced'] = [];
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const r of placed) {
    if (r.agency_id === null || r.panel_year === null) {
      unplaced.push({ reportId: r.id, path: r.path, status: r.status });
      continue;
    }
    minYear = Math.min(minYear, r.panel_year);
    maxYear = Math.max(maxYear, r.panel_year);
    let years = byAgency.get(r.agency_id);
    if (!years) byAgency.set(r.agency_id, (years = new Map()));
    const list = years.get(r.panel_year) ?? [];
    list.push(r);
    years.set(r.panel_year, list);
  }
  const years = query.years?.length
    ? [...new Set(query.years)].sort((a, b) => a - b)
    : Number.isFinite(minYear)
      ? Array.from({ length: maxYear - minYear + 1 }, (_, i) => minYear + i)
      : [];
  const regionOf = regions(agencies);
  const rows: CoverageRow[] = [];
  for (const a of agencies) {
    const region = regionOf.get(a.id) ?? null;
    if (query.region && !(region ?? '').includes(query.region)) continue;
    if (query.agency && !a.name.includes(query.agency)) continue;
    const held = byAgency.get(a.id);
    const cells: CoverageCell[] = [];
    let matches = !query.status;
    for (const year of years) {
      const list = held?.get(year) ?? [];
      const status = cellStatus(list.map((r) => r.status));
      if (query.status === status) matches = true;
      if (list.length === 0) continue;
      const reportIds = list.map((r) => r.id).sort((x, y) => x - y);
      cells.push({
        year,
        status,
        reportIds,
        findings: reportIds.reduce((n, id) => n + (findingCounts.get(id) ?? 0), 0),
      });
    }
    if (!matches) continue;
    // Agencies without any report (left empty by a merge or a split) show only when asked for by name or region.
    if (!held && !query.agency && !query.region) continue;
    rows.push({ agencyId: a.id, name: a.name, region, cells });
  }
  const allRegions = [...new Set([...regionOf.values()].filter((r): r is string => r !== null))].sort();
  return { years, rows, regions: allRegions, unplaced, ms: performance.now() - started };
}

export interface Gap {
  agencyId: number;
  agency: string;
  region: string | null;
  year: number;
  /** `none`: no report at all; `failed`: only files that could not be read. */
  status: 'none' | 'failed';
  /** The latest year the agency has a report for, before this one. */
  lastYear: number | null;
  files: string[];
}

/**
 * Who has not published: for each agency and shown year from its first report on, the years without a readable
 * report. An agency that has no report at all is missing for every year shown.
 */
export function gaps(db: Store, query: CoverageQuery = {}): Gap[] {
  const c = coverage(db, { ...query, status: undefined });
  const paths = new Map<number, string>();
  const out: Gap[] = [];
  for (const row of c.rows) {
    const byYear = new Map(row.cells.map((cell) => [cell.year, cell]));
    const held = row.cells.map((cell) => cell.year);
    const first = held.length ? Math.min(...held) : -Infinity;
    for (const year of c.years) {
      if (year < first) continue;
      const cell = byYear.get(year);
      if (cell && cell.status !== 'failed') continue;
      const status = cell ? 'failed' : 'none';
      if (query.status && query.status !== status) continue;
      const earlier = held.filter((y) => y < year && byYear.get(y)?.status !== 'failed');
      const files = (cell?.reportIds ?? []).map((id) => {
        if (!paths.has(id))
          paths.set(id, (stmt(db, 'SELECT path FROM reports WHERE id = ?').pluck().get(id) as string) ?? '');
        return paths.get(id)!;
      });
      out.push({
        agencyId: row.agencyId,
        agency: row.name,
        region: row.region,
        year,
        status,
        lastYear: earlier.length ? Math.max(...earlier) : null,
        files,
      });
    }
  }
  return out;
}

// The agency registry: every name as printed maps to one agency; each report is placed under an agency and a year
// (for the coverage matrix and the checks across years). New names get an agency of their own; the reviewer
// merges, splits, renames and places them (edits.ts).
import { basename, dirname } from 'node:path';
import type { AgencyView } from '../../shared/panel';
import { now, stmt, type Store } from '../store/open';
import { normalName, yearFromPath } from './names';

interface NameRow {
  name: string;
  agency_id: number;
}

/** normal name → agency id, for every name of the registry. */
export function nameMap(db: Store): Map<string, number> {
  const rows = stmt(db, 'SELECT name, agency_id FROM agency_names').all() as NameRow[];
  return new Map(rows.map((r) => [r.name, r.agency_id]));
}

/** Creates an agency for `printed` with that name as its only name; returns its id. */
export function createAgency(db: Store, printed: string, normal: string): number {
  const info = stmt(db, 'INSERT INTO agencies (name, created_at) VALUES (?, ?)').run(printed.trim(), now());
  const id = Number(info.lastInsertRowid);
  stmt(db, 'INSERT INTO agency_names (name, agency_id) VALUES (?, ?)').run(normal, id);
  return id;
}

interface PlaceRow {
  id: number;
  path: string;
  agency: string | null;
  year: number | null;
  agency_assigned: number | null;
  agency_id: number | null;
  panel_year: number | null;
}

/**
 * Names of a file and its folder that contain a registry name: the longest such name's agency. For reports the
 * extractor could not read (no agency printed), so that a failed file still shows in its agency's row.
 */
function agencyFromPath(path: string, names: Map<string, number>, byLength: string[]): number | null {
  const text = normalName(`${basename(dirname(path))}/${basename(path)}`) ?? '';
  for (const n of byLength) if (n.length >= 3 && text.includes(n)) return names.get(n) ?? null;
  return null;
}

/**
 * Places reports (all, or those of `reportIds`) under an agency and a year, creating agencies for names not seen
 * before. Returns the agencies whose reports changed (before and after), for the checks to be recomputed.
 */
export function placeReports(db: Store, reportIds?: readonly number[]): Set<number> {
  const rows: PlaceRow[] = [];
  const cols = 'id, path, agency, year, agency_assigned, agency_id, panel_year';
  if (reportIds) {
    const one = stmt(db, `SELECT ${cols} FROM reports WHERE id = ?`);
    for (const id of reportIds) {
      const r = one.get(id) as PlaceRow | undefined;
      if (r) rows.push(r);
    }
  } else {
    rows.push(...(stmt(db, `SELECT ${cols} FROM reports`).all() as PlaceRow[]));
  }
  const names = nameMap(db);
  let byLength: string[] | null = null;
  const merged = mergedTargets(db);
  const resolve = (id: number | null): number | null => {
    let at = id;
    for (let hops = 0; at !== null && merged.has(at) && hops < 50; hops++) at = merged.get(at)!;
    return at;
  };
  const touched = new Set<number>();
  const update = stmt(db, 'UPDATE reports SET agency_id = ?, panel_year = ? WHERE id = ?');
  for (const r of rows) {
    let agency: number | null = resolve(r.agency_assigned);
    const normal = normalName(r.agency);
    if (agency === null && normal) {
      agency = names.get(normal) ?? null;
      if (agency === null) {
        agency = createAgency(db, r.agency!, normal);
        names.set(normal, agency);
        byLength = null;
      }
    }
    if (agency === null) {
      byLength ??= [...names.keys()].sort((a, b) => b.length - a.length);
      agency = agencyFromPath(r.path, names, byLength);
    }
    const year = r.year ?? yearFromPath(r.path);
    if (agency !== r.agency_id || year !== r.panel_year) {
      update.run(agency, year, r.id);
      if (r.agency_id !== null) touched.add(r.agency_id);
    }
    if (agency !== null) touched.add(agency);
  }
  return touched;
}

function mergedTargets(db: Store): Map<number, number> {
  const rows = stmt(db, 'SELECT id, merged_into FROM agencies WHERE merged_into IS NOT NULL').all() as {
    id: number;
    merged_into: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.merged_into]));
}

interface AgencyRecord {
  id: number;
  name: string;
  region: string | null;
  parent_id: number | null;
  names: string;
  reports: number;
  years: string | null;
}

/** Every agency that was not merged into another, by name. */
export function listAgencies(db: Store): AgencyView[] {
  const rows = stmt(
    db,
    `SELECT a.id, a.name, a.region, a.parent_id,
       (SELECT json_group_array(n.name) FROM agency_names n WHERE n.agency_id = a.id) AS names,
       (SELECT count(*) FROM reports r WHERE r.agency_id = a.id) AS reports,
       (SELECT group_concat(y, ',') FROM (SELECT DISTINCT r.panel_year AS y FROM reports r
          WHERE r.agency_id = a.id AND r.panel_year IS NOT NULL ORDER BY y)) AS years
     FROM agencies a WHERE a.merged_into IS NULL ORDER BY a.name, a.id`,
  ).all() as AgencyRecord[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    region: r.region,
    parentId: r.parent_id,
    names: (JSON.parse(r.names) as string[]).sort(),
    reports: r.reports,
    years: r.years ? r.years.split(',').map(Number) : [],
  }));
}

export function agencyName(db: Store, id: number): string | null {
  const r = stmt(db, 'SELECT name FROM agencies WHERE id = ?').get(id) as { name: string } | undefined;
  return r?.name ?? null;
}

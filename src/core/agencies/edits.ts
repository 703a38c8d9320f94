// Changes of the agency registry, audited and undoable like cell edits: each change is recorded as the row changes
// it made (table, row, column, old, new); undo applies the old values in reverse order, redo the new ones again.
import type { AgencyEdit } from '../../shared/panel';
import { now, stmt, type Store } from '../store/open';
import { RefusedError } from '../store/write';
import { normalName } from './names';
import { agencyName } from './registry';

type Json = string | number | null;

/** One row change. `column: 'row'` creates (new = name) or deletes (old = name) an agency row. */
export interface RowChange {
  table: 'agencies' | 'agency_names' | 'reports';
  id: number | string;
  column: string;
  old: Json;
  new: Json;
}

const COLUMNS: Record<RowChange['table'], readonly string[]> = {
  agencies: ['name', 'region', 'parent_id', 'merged_into', 'row'],
  agency_names: ['agency_id'],
  reports: ['agency_assigned'],
};

function write(db: Store, c: RowChange, value: Json): void {
  if (!COLUMNS[c.table].includes(c.column)) throw new Error(`bad registry change ${c.table}.${c.column}`);
  if (c.table === 'agencies' && c.column === 'row') {
    if (value === null) {
      // The reports placed under it are placed again by the caller.
      stmt(db, 'UPDATE reports SET agency_id = NULL WHERE agency_id = ?').run(c.id);
      stmt(db, 'DELETE FROM agencies WHERE id = ?').run(c.id);
    } else {
      stmt(db, 'INSERT INTO agencies (id, name, created_at) VALUES (?, ?, ?)').run(c.id, value, now());
    }
    return;
  }
  const key = c.table === 'agency_names' ? 'name' : 'id';
  db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE ${key} = ?`).run(value, c.id);
}

function requireAgency(db: Store, id: number): { id: number; name: string; merged_into: number | null } {
  const a = stmt(db, 'SELECT id, name, merged_into FROM agencies WHERE id = ?').get(id) as
    { id: number; name: string; merged_into: number | null } | undefined;
  if (!a) throw new RefusedError(`机关不存在：#${id} (no such agency)`);
  if (a.merged_into !== null)
    throw new RefusedError(`机关“${a.name}”已并入其他机关。(agency was merged into another)`);
  return a;
}

function column(db: Store, table: 'agencies', id: number, col: string): Json {
  const r = db.prepare(`SELECT ${col} AS v FROM ${table} WHERE id = ?`).get(id) as { v: Json } | undefined;
  return r?.v ?? null;
}

/** The row changes an edit makes, and its summary (简体中文); nothing is written yet. */
function plan(db: Store, e: AgencyEdit): { changes: RowChange[]; summary: string } {
  switch (e.op) {
    case 'rename': {
      const a = requireAgency(db, e.agencyId);
      const name = e.name.trim();
      if (!name) throw new RefusedError('名称不能为空。(name required)');
      return {
        changes: [{ table: 'agencies', id: a.id, column: 'name', old: a.name, new: name }],
        summary: `机关改名：${a.name} → ${name}`,
      };
    }
    case 'setRegion': {
      const a = requireAgency(db, e.agencyId);
      const region = e.region?.trim() || null;
      return {
        changes: [
          {
            table: 'agencies',
            id: a.id,
            column: 'region',
            old: column(db, 'agencies', a.id, 'region'),
            new: region,
          },
        ],
        summary: `设置地区：${a.name} → ${region ?? '（无）'}`,
      };
    }
    case 'setParent': {
      const a = requireAgency(db, e.agencyId);
      if (e.parentId !== null) {
        requireAgency(db, e.parentId);
        // No cycles: the new parent must not be below this agency.
        for (let at: number | null = e.parentId, hops = 0; at !== null && hops < 100; hops++) {
          if (at === a.id) throw new RefusedError('上级机关不能是自身或其下级。(parent would make a cycle)');
          at = column(db, 'agencies', at, 'parent_id') as number | null;
        }
      }
      return {
        changes: [
          {
            table: 'agencies',
            id: a.id,
            column: 'parent_id',
            old: column(db, 'agencies', a.id, 'parent_id'),
            new: e.parentId,
          },
        ],
        summary: `设置上级：${a.name} → ${e.parentId === null ? '（无）' : agencyName(db, e.parentId)}`,
      };
    }
    case 'merge': {
      const from = requireAgency(db, e.agencyId);
      const into = requireAgency(db, e.intoId);
      if (from.id === into.id) throw new RefusedError('不能与自身合并。(cannot merge an agency into itself)');
      const changes: RowChange[] = [];
      const names = stmt(db, 'SELECT name FROM agency_names WHERE agency_id = ?')
        .pluck()
        .all(from.id) as string[];
      for (const n of names)
        changes.push({ table: 'agency_names', id: n, column: 'agency_id', old: from.id, new: into.id });
      const assigned = stmt(db, 'SELECT id FROM reports WHERE agency_assigned = ?')
        .pluck()
        .all(from.id) as number[];
      for (const r of assigned)
        changes.push({ table: 'reports', id: r, column: 'agency_assigned', old: from.id, new: into.id });
      const children = stmt(db, 'SELECT id FROM agencies WHERE parent_id = ?')
        .pluck()
        .all(from.id) as number[];
      for (const c of children)
        changes.push({
          table: 'agencies',
          id: c,
          column: 'parent_id',
          old: from.id,
          new: c === into.id ? null : into.id,
        });
      changes.push({ table: 'agencies', id: from.id, column: 'merged_into', old: null, new: into.id });
      return { changes, summary: `合并机关：${from.name} → ${into.name}` };
    }
    case 'moveName': {
      const normal = normalName(e.name);
      const row = normal
        ? (stmt(db, 'SELECT name, agency_id FROM agency_names WHERE name = ?').get(normal) as
            { name: string; agency_id: number } | undefined)
        : undefined;
      if (!row) throw new RefusedError(`登记簿中没有名称“${e.name}”。(no such name)`);
      const from = agencyName(db, row.agency_id) ?? '';
      if (e.agencyId !== null) {
        const to = requireAgency(db, e.agencyId);
        return {
          changes: [
            { table: 'agency_names', id: row.name, column: 'agency_id', old: row.agency_id, new: to.id },
          ],
          summary: `名称“${e.name}”归入：${to.name}`,
        };
      }
      const others = stmt(db, 'SELECT count(*) FROM agency_names WHERE agency_id = ?')
        .pluck()
        .get(row.agency_id);
      if (others === 1) throw new RefusedError(`“${e.name}”已是单独的机关。(already an agency of its own)`);
      const id = (stmt(db, 'SELECT coalesce(max(id), 0) + 1 FROM agencies').pluck().get() as number) + 0;
      return {
        changes: [
          { table: 'agencies', id, column: 'row', old: null, new: e.name.trim() },
          { table: 'agency_names', id: row.name, column: 'agency_id', old: row.agency_id, new: id },
        ],
        summary: `拆分：名称“${e.name}”从“${from}”分出，成为单独的机关`,
      };
    }
    case 'assignReport': {
      const r = stmt(db, 'SELECT id, agency_assigned, path FROM reports WHERE id = ?').get(e.reportId) as
        { id: number; agency_assigned: number | null; path: string } | undefined;
      if (!r) throw new RefusedError(`报告不存在：#${e.reportId} (no such report)`);
      if (e.agencyId !== null) requireAgency(db, e.agencyId);
      return {
        changes: [
          { table: 'reports', id: r.id, column: 'agency_assigned', old: r.agency_assigned, new: e.agencyId },
        ],
        summary: `报告 #${r.id} 归入：${e.agencyId === null ? '按名称' : agencyName(db, e.agencyId)}`,
      };
    }
  }
}

function record(
  db: Store,
  kind: string,
  action: 'do' | 'undo' | 'redo',
  changes: RowChange[],
  summary: string,
  reviewer: string,
  replays: number | null,
): void {
  if (action === 'do')
    stmt(db, "UPDATE agency_edits SET undo_state = 'closed' WHERE undo_state = 'undone'").run();
  stmt(
    db,
    `INSERT INTO agency_edits (kind, action, changes, summary, reviewer, at, replays, undo_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    kind,
    action,
    JSON.stringify(changes),
    summary,
    reviewer,
    now(),
    replays,
    action === 'do' ? 'active' : 'closed',
  );
}

/** Applies one registry change inside the caller's transaction; returns its summary. */
export function applyAgencyEdit(db: Store, e: AgencyEdit, reviewer: string): string {
  if (!reviewer.trim()) throw new RefusedError('请先设置审校人姓名 (reviewer name required)');
  const { changes, summary } = plan(db, e);
  for (const c of changes) write(db, c, c.new);
  record(db, e.op, 'do', changes, summary, reviewer, null);
  return summary;
}

interface EditRow {
  id: number;
  kind: string;
  changes: string;
  summary: string;
}

/** Undoes the latest registry change in effect (or redoes the earliest undone one); returns its summary. */
export function stepAgencyEdit(db: Store, direction: 'undo' | 'redo', reviewer: string): string {
  if (!reviewer.trim()) throw new RefusedError('请先设置审校人姓名 (reviewer name required)');
  const target = stmt(
    db,
    direction === 'undo'
      ? "SELECT id, kind, changes, summary FROM agency_edits WHERE undo_state = 'active' ORDER BY id DESC LIMIT 1"
      : "SELECT id, kind, changes, summary FROM agency_edits WHERE undo_state = 'undone' ORDER BY id ASC LIMIT 1",
  ).get() as EditRow | undefined;
  if (!target)
    throw new RefusedError(
      direction === 'undo'
        ? '没有可撤销的机关修改。(nothing to undo)'
        : '没有可重做的机关修改。(nothing to redo)',
    );
  const changes = JSON.parse(target.changes) as RowChange[];
  if (direction === 'undo') for (const c of [...changes].reverse()) write(db, c, c.old);
  else for (const c of changes) write(db, c, c.new);
  const summary = `${direction === 'undo' ? '已撤销' : '已重做'}：${target.summary}`;
  record(db, target.kind, direction, changes, summary, reviewer, target.id);
  stmt(db, 'UPDATE agency_edits SET undo_state = ? WHERE id = ?').run(
    direction === 'undo' ? 'undone' : 'active',
    target.id,
  );
  return summary;
}

export function agencyUndoState(db: Store): { canUndo: boolean; canRedo: boolean } {
  const has = (s: string): boolean =>
    stmt(db, 'SELECT 1 FROM agency_edits WHERE undo_state = ? LIMIT 1').get(s) !== undefined;
  return { canUndo: has('active'), canRedo: has('undone') };
}

/** The registry's audit log, newest first. */
export function agencyHistory(
  db: Store,
  limit = 200,
): { id: number; action: string; summary: string; reviewer: string; at: string; undone: boolean }[] {
  const rows = stmt(
    db,
    'SELECT id, action, summary, reviewer, at, undo_state FROM agency_edits ORDER BY id DESC LIMIT ?',
  ).all(limit) as {
    id: number;
    action: string;
    summary: string;
    reviewer: string;
    at: string;
    undo_state: string;
  }[];
  return rows.map((r) => ({ ...r, undone: r.undo_state === 'undone' }));
}

// Keeping a report's findings and counts in step with its cells. Called inside the transaction of every change.
import type { Finding, Template } from '../../shared/types';
import { checkRules } from '../rules';
import { stmt, type Store } from './open';

/** The identity of a finding: the same rule about the same cells. Waivers attach to it. */
export function findingIdentity(rule: string, keys: readonly string[]): string {
  return `${rule}|${JSON.stringify(keys)}`;
}

/** [rule, keys JSON] of an identity. */
export function splitIdentity(identity: string): [string, string] {
  const bar = identity.indexOf('|');
  return [identity.slice(0, bar), identity.slice(bar + 1)];
}

export function isRuleTemplate(template: Template | null): template is Exclude<Template, 'unknown'> {
  return template === '2021' || template === '2019' || template === 'legacy';
}

interface StoredFinding {
  id: number;
  rule: string;
  keys: string;
  severity: string;
  message: string;
  suspect: string | null;
  suggestion: number | null;
}

/**
 * Replaces the findings of one source by `fresh`, keeping the id of every finding that still stands (same rule and
 * keys) so that the reviewer's selection survives an edit.
 */
export function replaceFindings(
  db: Store,
  reportId: number,
  source: 'extract' | 'rules',
  fresh: Finding[],
): void {
  const existing = stmt(
    db,
    'SELECT id, rule, keys, severity, message, suspect, suggestion FROM findings WHERE report_id = ? AND source = ?',
  ).all(reportId, source) as StoredFinding[];
  const byIdentity = new Map<string, StoredFinding[]>();
  for (const f of existing) {
    const id = `${f.rule}|${f.keys}`;
    byIdentity.set(id, [...(byIdentity.get(id) ?? []), f]);
  }
  const update = stmt(
    db,
    'UPDATE findings SET severity = ?, message = ?, suspect = ?, suggestion = ? WHERE id = ?',
  );
  const insert = stmt(
    db,
    `INSERT INTO findings (report_id, source, rule, severity, keys, message, suspect, suggestion)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of fresh) {
    const keys = JSON.stringify(f.keys);
    const kept = byIdentity.get(`${f.rule}|${keys}`)?.shift();
    const suspect = f.suspect ?? null;
    const suggestion = f.suggestion ?? null;
    if (!kept) {
      insert.run(reportId, source, f.rule, f.severity, keys, f.message, suspect, suggestion);
    } else if (
      kept.severity !== f.severity ||
      kept.message !== f.message ||
      kept.suspect !== suspect ||
      kept.suggestion !== suggestion
    ) {
      update.run(f.severity, f.message, suspect, suggestion, kept.id);
    }
  }
  const remove = stmt(db, 'DELETE FROM findings WHERE id = ?');
  for (const left of byIdentity.values()) for (const f of left) remove.run(f.id);
}

export type CellValues = Record<string, number | null>;

export function currentValues(db: Store, reportId: number): CellValues {
  const values: CellValues = {};
  const rows = stmt(db, 'SELECT key, value FROM cells WHERE report_id = ?').all(reportId) as {
    key: string;
    value: number | null;
  }[];
  for (const r of rows) values[r.key] = r.value;
  return values;
}

/** Recomputes the rule findings from the current cell values, then the report's counts. */
export function refreshFindings(db: Store, reportId: number, template: Template | null): void {
  const fresh = isRuleTemplate(template) ? checkRules(template, currentValues(db, reportId)) : [];
  replaceFindings(db, reportId, 'rules', fresh);
  refreshCounts(db, reportId);
}

/**
 * An extractor check (ambiguous split, guess, …) is resolved once a reviewer has set every cell it is about.
 * Then the counts: standing (unwaived, unresolved) errors and warnings, edited cells, cells needing attention.
 */
export function refreshCounts(db: Store, reportId: number): void {
  stmt(
    db,
    `UPDATE findings SET resolved = (
       json_array_length(keys) > 0 AND NOT EXISTS (
         SELECT 1 FROM json_each(findings.keys) k
         WHERE NOT EXISTS (SELECT 1 FROM cells c WHERE c.report_id = findings.report_id AND c.key = k.value AND c.edited = 1)
       ))
     WHERE report_id = ? AND source = 'extract'`,
  ).run(reportId);
  stmt(
    db,
    `UPDATE reports SET
       error_count = (SELECT count(*) FROM findings f WHERE f.report_id = @id AND f.severity = 'error' AND f.resolved = 0
         AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.report_id = @id AND w.rule = f.rule AND w.keys = f.keys)),
       warning_count = (SELECT count(*) FROM findings f WHERE f.report_id = @id AND f.severity = 'warning' AND f.resolved = 0
         AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.report_id = @id AND w.rule = f.rule AND w.keys = f.keys)),
       edited_count = (SELECT count(*) FROM cells WHERE report_id = @id AND edited = 1),
       attention_count = (SELECT count(*) FROM cells WHERE report_id = @id AND attention IS NOT NULL)
     WHERE id = @id`,
  ).run({ id: reportId });
}

/** Errors that stand in the way of verifying: not waived, not resolved. */
export function standingErrors(
  db: Store,
  reportId: number,
): { id: number; rule: string; keys: string; message: string }[] {
  return stmt(
    db,
    `SELECT f.id, f.rule, f.keys, f.message FROM findings f
     WHERE f.report_id = @id AND f.severity = 'error' AND f.resolved = 0
       AND NOT EXISTS (SELECT 1 FROM waivers w WHERE w.report_id = @id AND w.rule = f.rule AND w.keys = f.keys)
     ORDER BY f.id`,
  ).all({ id: reportId }) as { id: number; rule: string; keys: string; message: string }[];
}

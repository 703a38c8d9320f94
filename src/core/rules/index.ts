// Consistency rules within one report (spec/RULES.md): findings that point at cells, with the suspect cell and the
// value that satisfies every failing rule where the failing rules meet in exactly one cell.
import type { Finding, TemplateId } from '../../shared/types';
import { rulesFor, type SumRule } from './definitions';

export type CellValues = Map<string, number | null> | Record<string, number | null>;

const EPS = 1e-6;

function lookup(values: CellValues): (key: string) => number | null | undefined {
  return values instanceof Map ? (k) => values.get(k) : (k) => values[k];
}

function sum(keys: string[], get: (key: string) => number | null | undefined): number {
  let s = 0;
  for (const k of keys) s += get(k) ?? 0;
  return s;
}

function applicable(rule: SumRule, get: (key: string) => number | null | undefined): boolean {
  if (rule.id.startsWith('legacy.')) {
    return get(rule.left[0]!) !== undefined && rule.right.some((k) => get(k) !== undefined);
  }
  for (const k of rule.left) if (get(k) === undefined) return false;
  for (const k of rule.right) if (get(k) === undefined) return false;
  return true;
}

function withExtraChannels(
  rules: SumRule[],
  get: (key: string) => number | null | undefined,
  keys: string[],
): SumRule[] {
  const extra = keys.filter((k) => /^legacy\.label:.*申请数$/.test(k) && !k.includes('#'));
  if (extra.length === 0) return rules;
  return rules.map((r) => {
    if (r.id !== 'legacy.received') return r;
    const base = sum(r.left, get) - sum(r.right, get);
    // Only count the province's own channels when they close the gap.
    return Math.abs(base - sum(extra, get)) < EPS ? { ...r, right: [...r.right, ...extra] } : r;
  });
}

/**
 * The table's own partitions beside the spec's rules: where both sum the same total, the spec's rule stays when the
 * partition holds no other rows, and gives way to the partition when it holds the province's own rows.
 */
export function withTableRules(rules: SumRule[], tableRules: SumRule[]): SumRule[] {
  const kept = new Set(tableRules);
  const out = rules.filter((r) => {
    const same = tableRules.find((t) => t.left[0] === r.left[0]);
    if (!same) return true;
    if (same.right.every((k) => r.right.includes(k))) {
      kept.delete(same);
      return true;
    }
    return false;
  });
  return [...out, ...kept];
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Every rule of the template that the values break, as findings. Cells absent from `values` skip their rules. */
/** The rules a report's values are checked by: the spec's, the province's own channels, the table's own sums. */
function reportRules(
  template: TemplateId,
  values: CellValues,
  get: (key: string) => number | null | undefined,
  tableRules: SumRule[],
): SumRule[] {
  let rules = rulesFor(template, (k) => get(k) !== undefined);
  if (template === 'legacy') {
    rules = withExtraChannels(rules, get, values instanceof Map ? [...values.keys()] : Object.keys(values));
  }
  return withTableRules(rules, tableRules);
}

export function checkRules(template: TemplateId, values: CellValues, tableRules: SumRule[] = []): Finding[] {
  const get = lookup(values);
  const rules = reportRules(template, values, get, tableRules);
  const failing: { rule: SumRule; left: number; right: number }[] = [];
  for (const rule of rules) {
    if (!applicable(rule, get)) continue;
    const left = sum(rule.left, get);
    const right = sum(rule.right, get);
    if (Math.abs(left - right) > EPS) failing.push({ rule, left, right });
  }
  // Tables are checked apart: a wrong cell in one table says nothing about another.
  const tableOf = (r: SumRule): string =>
    r.id.startsWith('apply.') ? 'apply' : r.id === 'legacy.parts' ? `${r.id}:${r.left[0]}` : r.id;
  const located = new Map<string, { key: string; value: number } | null>();
  for (const table of new Set(failing.map((f) => tableOf(f.rule)))) {
    const inTable = (r: SumRule): boolean => tableOf(r) === table;
    located.set(table, locateSuspect(failing.map((f) => f.rule).filter(inTable), rules.filter(inTable), get));
  }
  return failing.map(({ rule, left, right }) => {
    const suspect = located.get(tableOf(rule));
    return {
      rule: rule.id,
      severity: rule.severity,
      keys: [...rule.left, ...rule.right].filter((k) => get(k) !== undefined),
      message: `${rule.text}；表中 ${fmt(left)} ≠ ${fmt(right)}`,
      ...(suspect ? { suspect: suspect.key, suggestion: suspect.value } : {}),
    };
  });
}

/** Keys of every rule that applies to these values and holds: cells the table's arithmetic confirms. */
export function confirmedKeys(
  template: TemplateId,
  values: CellValues,
  tableRules: SumRule[] = [],
): Set<string> {
  const get = lookup(values);
  const out = new Set<string>();
  for (const rule of reportRules(template, values, get, tableRules)) {
    if (!applicable(rule, get)) continue;
    if (Math.abs(sum(rule.left, get) - sum(rule.right, get)) > EPS) continue;
    for (const k of [...rule.left, ...rule.right]) if (get(k) !== undefined) out.add(k);
  }
  return out;
}

/**
 * Where the failing apply-table rules meet in exactly one cell and one value of that cell satisfies all of them
 * (without breaking a rule that held), that cell is the suspect.
 */
function locateSuspect(
  failing: SumRule[],
  rules: SumRule[],
  get: (key: string) => number | null | undefined,
): { key: string; value: number } | null {
  if (failing.length === 0) return null;
  let common: string[] = [...failing[0]!.left, ...failing[0]!.right];
  for (const rule of failing.slice(1)) {
    const cells = new Set([...rule.left, ...rule.right]);
    common = common.filter((k) => cells.has(k));
  }
  if (common.length !== 1) return null;
  const key = common[0]!;
  const first = failing[0]!;
  const others = (side: string[]): number =>
    sum(
      side.filter((k) => k !== key),
      get,
    );
  const value = first.left.includes(key)
    ? others(first.right) - others(first.left)
    : others(first.left) - others(first.right);
  if (value < -EPS) return null;
  const patched = (k: string): number | null | undefined => (k === key ? value : get(k));
  for (const rule of rules) {
    if (!applicable(rule, patched)) continue;
    if (Math.abs(sum(rule.left, patched) - sum(rule.right, patched)) > EPS) return null;
  }
  return { key, value };
}

export { rulesFor } from './definitions';

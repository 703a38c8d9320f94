// A year and a 历年累计 value glued into one run (`6262027`) has several readings; the table's own sums choose among
// them. A row is settled only when every combination of readings that satisfies the sums agrees on it.
import type { SumRule } from '../../rules/definitions';

export interface Reading {
  /** One value per column. */
  values: number[];
  /** Character lengths of the parts, in order. */
  lengths: number[];
}

/** Every way to cut a digit run into `columns` numbers without a leading zero on a multi-digit part. */
export function splitReadings(run: string, columns: number): Reading[] {
  const out: Reading[] = [];
  const walk = (from: number, parts: string[]): void => {
    if (parts.length === columns - 1) {
      const last = run.slice(from);
      if (last.length > 0 && !(last.length > 1 && last[0] === '0')) {
        const all = [...parts, last];
        out.push({ values: all.map(Number), lengths: all.map((p) => p.length) });
      }
      return;
    }
    for (let end = from + 1; end < run.length; end++) {
      const part = run.slice(from, end);
      if (part.length > 1 && part[0] === '0') break;
      walk(end, [...parts, part]);
    }
  };
  walk(0, []);
  // A cumulative count includes the year's: prefer readings where it is not smaller.
  const ordered = out.filter((r) => r.values.every((v, i) => i === 0 || v >= r.values[0]!));
  return ordered.length > 0 ? ordered : out;
}

export interface Unknown {
  keys: string[];
  readings: Reading[];
}

const EPS = 1e-6;
const MAX_COMBINATIONS = 50_000;

/**
 * For each unknown row, the index of its reading when every combination satisfying the rules agrees on it, or
 * null when the readings stay ambiguous (or no combination satisfies the rules).
 */
export function settle(unknowns: Unknown[], known: Map<string, number>, rules: SumRule[]): (number | null)[] {
  const result: (number | null)[] = unknowns.map((u) => (u.readings.length === 1 ? 0 : null));
  const owner = new Map<string, number>();
  unknowns.forEach((u, i) => u.keys.forEach((k) => owner.set(k, i)));
  const ruleKeys = (r: SumRule): string[] => [...r.left, ...r.right];
  const touching = rules.filter((r) => ruleKeys(r).some((k) => owner.has(k)));
  // Components of unknown rows linked by rules.
  const parent = unknowns.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const r of touching) {
    const rows = [...new Set(ruleKeys(r).flatMap((k) => (owner.has(k) ? [owner.get(k)!] : [])))];
    for (const i of rows.slice(1)) parent[find(i)] = find(rows[0]!);
  }
  const components = new Map<number, number[]>();
  unknowns.forEach((u, i) => {
    if (u.readings.length < 2) return;
    const root = find(i);
    components.set(root, [...(components.get(root) ?? []), i]);
  });
  for (const rows of components.values()) {
    const inComponent = new Set(rows);
    const constraints = touching.filter((r) =>
      ruleKeys(r).some((k) => owner.has(k) && inComponent.has(owner.get(k)!)),
    );
    if (constraints.length === 0) continue;
    let combinations = 1;
    for (const i of rows) combinations *= unknowns[i]!.readings.length;
    if (combinations > MAX_COMBINATIONS) continue;
    const choice = new Map<number, number>();
    const value = (k: string): number | undefined => {
      const row = owner.get(k);
      if (row !== undefined && inComponent.has(row)) {
        const u = unknowns[row]!;
        return u.readings[choice.get(row)!]!.values[u.keys.indexOf(k)];
      }
      return known.get(k);
    };
    const holds = (r: SumRule): boolean => {
      const left = r.left.reduce((s, k) => s + (value(k) ?? 0), 0);
      const right = r.right.reduce((s, k) => s + (value(k) ?? 0), 0);
      return Math.abs(left - right) < EPS;
    };
    const agreed = new Map<number, number | null>();
    let satisfying = 0;
    const walk = (at: number): void => {
      if (at === rows.length) {
        if (!constraints.every(holds)) return;
        satisfying++;
        for (const i of rows) {
          const c = choice.get(i)!;
          agreed.set(i, !agreed.has(i) || agreed.get(i) === c ? c : null);
        }
        return;
      }
      const i = rows[at]!;
      for (let c = 0; c < unknowns[i]!.readings.length; c++) {
        choice.set(i, c);
        walk(at + 1);
      }
    };
    walk(0);
    if (satisfying === 0) continue;
    for (const i of rows) result[i] = agreed.get(i) ?? null;
  }
  return result;
}

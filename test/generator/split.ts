// Honest truth for glued digit runs: enumerate every way a row's printed tokens can be cut into its cells, keep the
// cuts that satisfy the table's arithmetic, and call a row ambiguous only when more than one reading survives.
import { holds, ruleKeys, type RuleInstance } from './rules';
import type { Values } from './values';

const COUNT = /^(?:0|[1-9]\d*)$/;
const SIGNED = /^[+-]?(?:0|[1-9]\d*)$/;
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** What a reader knows a cell may hold: signs only in 本年增/减, decimals only in amounts; counts otherwise. */
export function cellPattern(key: string): RegExp {
  if (key.endsWith('.change')) return SIGNED;
  if (/(amount|fees|budget)(#cumulative)?$/.test(key)) return AMOUNT;
  return COUNT;
}

/**
 * Every distinct list of `n` numbers obtained by cutting each token into one or more consecutive pieces, piece i
 * a well-formed number for cell i (no leading zeros). null when there are more than `limit`.
 */
export function splits(
  tokens: readonly string[],
  patterns: readonly RegExp[],
  limit = 50_000,
): number[][] | null {
  const n = patterns.length;
  const out = new Map<string, number[]>();
  const pieces: string[] = [];
  // after[t] = characters in tokens t, t+1, …
  const after = tokens.map((_, t) => tokens.slice(t).reduce((s, tok) => s + tok.length, 0));
  let overflow = false;
  const walk = (t: number, start: number): void => {
    if (overflow) return;
    if (t === tokens.length) {
      if (pieces.length !== n) return;
      const values = pieces.map(Number);
      out.set(values.join(','), values);
      if (out.size > limit) overflow = true;
      return;
    }
    const token = tokens[t] ?? '';
    const tokensLeft = tokens.length - t - 1;
    for (let end = start + 1; end <= token.length; end++) {
      const piecesAfter = n - pieces.length - 1;
      if (piecesAfter > (after[t] ?? 0) - end) break;
      if (piecesAfter < tokensLeft + (end < token.length ? 1 : 0)) continue;
      const piece = token.slice(start, end);
      if (!(patterns[pieces.length] ?? COUNT).test(piece)) {
        if (/^[+-]?0\d/.test(piece)) break;
        continue;
      }
      pieces.push(piece);
      if (end === token.length) walk(t + 1, 0);
      else walk(t, end);
      pieces.pop();
    }
  };
  walk(0, 0);
  return overflow ? null : [...out.values()];
}

export interface GluedRow {
  keys: string[];
  tokens: string[];
}

const same = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] ?? NaN)) < 1e-9);

const total = (keys: readonly string[], v: Values): number => keys.reduce((s, k) => s + (v[k] ?? 0), 0);

/**
 * Indexes of the rows whose printed tokens allow more than one reading. `rules` are the arithmetic a reader may
 * use (null when the document breaks its own arithmetic, so no rule can be trusted). Throws when the true values
 * are not among the readings: then the generator printed something other than what it claims. Cells in rules are
 * counts (never negative), which lets a partial sum that already exceeds its total prune the search.
 */
export function ambiguousRows(
  rows: readonly GluedRow[],
  truth: Values,
  rules: RuleInstance[] | null,
  budget = 20_000,
): Set<number> {
  const cands = rows.map((r) => {
    const all = splits(r.tokens, r.keys.map(cellPattern));
    const want = r.keys.map((k) => truth[k] ?? 0);
    if (all && !all.some((c) => same(c, want)))
      throw new Error(`generator: ${r.tokens.join('/')} cannot be read as ${want.join(',')}`);
    return all;
  });
  const open = new Set(cands.flatMap((c, i) => (c === null || c.length > 1 ? [i] : [])));
  if (rules === null || cands.some((c) => c === null)) return open;

  const v: Values = { ...truth };
  const put = (i: number, c: readonly number[] | null): void =>
    rows[i]?.keys.forEach((k, j) => (v[k] = c ? (c[j] ?? 0) : 0));
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => r.keys.forEach((k) => rowOf.set(k, i)));
  const openRows = (keys: readonly string[]): number[] => [
    ...new Set(keys.flatMap((k) => (open.has(rowOf.get(k) ?? -1) ? [rowOf.get(k) ?? -1] : []))),
  ];

  // Rules through a single open row filter that row's readings; repeat while rows become certain.
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of rules) {
      const [only, ...more] = openRows(ruleKeys(rule));
      if (only === undefined || more.length > 0) continue;
      const kept = (cands[only] ?? []).filter((c) => (put(only, c), holds(rule, v)));
      put(only, kept.length === 1 ? (kept[0] ?? null) : (rows[only]?.keys.map((k) => truth[k] ?? 0) ?? null));
      if (kept.length !== cands[only]?.length) changed = true;
      cands[only] = kept;
      if (kept.length === 1) open.delete(only);
    }
  }

  // The rest jointly: rows that hold rule totals first, so partial sums can be bounded early. A rule is checked at
  // the rows it touches: fully when all its open rows are chosen, as a bound when one side is.
  const joint = rules.filter((r) => openRows(ruleKeys(r)).length > 1);
  const totalRoles = (i: number): number =>
    joint.filter((r) => r.plus.some((k) => rowOf.get(k) === i)).length;
  const rest = [...open].sort((a, b) => totalRoles(b) - totalRoles(a) || a - b);
  const depthOf = new Map(rest.map((i, d) => [i, d]));
  const lastDepth = (keys: readonly string[]): number =>
    Math.max(-1, ...keys.map((k) => depthOf.get(rowOf.get(k) ?? -1) ?? -1));
  const checks = rest.map((row) =>
    joint
      .filter((r) => ruleKeys(r).some((k) => rowOf.get(k) === row))
      .map((r) => ({ r, plusAt: lastDepth(r.plus), minusAt: lastDepth(r.minus) })),
  );
  for (const i of rest) put(i, null);
  const seen = new Map<number, number[][]>(rest.map((i) => [i, []]));
  const chosen: number[][] = [];
  let steps = 0;
  const fits = (d: number): boolean =>
    (checks[d] ?? []).every(({ r, plusAt, minusAt }) => {
      if (plusAt <= d && minusAt <= d) return holds(r, v);
      if (plusAt <= d) return total(r.minus, v) <= total(r.plus, v) + 1e-9;
      if (minusAt <= d) return total(r.plus, v) <= total(r.minus, v) + 1e-9;
      return true;
    });
  const walk = (d: number): void => {
    if (++steps > budget) return;
    const i = rest[d];
    if (i === undefined) {
      rest.forEach((row, j) => {
        const list = seen.get(row) ?? [];
        const c = chosen[j] ?? [];
        if (!list.some((x) => same(x, c))) list.push(c);
        seen.set(row, list);
      });
      return;
    }
    for (const c of cands[i] ?? []) {
      put(i, c);
      chosen[d] = c;
      if (fits(d)) walk(d + 1);
    }
    put(i, null);
  };
  walk(0);
  if (steps > budget) return new Set(rest);
  return new Set(rest.filter((i) => (seen.get(i)?.length ?? 0) > 1));
}

// Ruling lines cleaned up for table finding: collinear pieces merged, then grouped into the line sets of tables.
import type { Rulings, Segment } from './geometry';

/** Lines this close (points) are the same line: double borders and hairline offsets. */
export const SNAP = 1.5;
/** A line ending this close to another one touches it. */
const TOUCH = 2.5;
const MAX_PAIRS = 4_000_000;

/** Merges collinear segments that overlap or nearly touch. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.pos - b.pos);
  const groups: Segment[][] = [];
  let mean = -Infinity;
  for (const s of sorted) {
    const group = groups[groups.length - 1];
    if (group && s.pos - mean <= SNAP) {
      group.push(s);
      mean = group.reduce((sum, g) => sum + g.pos, 0) / group.length;
    } else {
      groups.push([s]);
      mean = s.pos;
    }
  }
  const out: Segment[] = [];
  for (const group of groups) {
    const pos = group.reduce((sum, g) => sum + g.pos, 0) / group.length;
    const byStart = group.sort((a, b) => a.from - b.from);
    let current: Segment | null = null;
    for (const s of byStart) {
      if (current && s.from <= current.to + SNAP) current.to = Math.max(current.to, s.to);
      else {
        if (current) out.push(current);
        current = { pos, from: s.from, to: s.to };
      }
    }
    if (current) out.push(current);
  }
  return out;
}

function touches(h: Segment, v: Segment): boolean {
  return v.pos >= h.from - TOUCH && v.pos <= h.to + TOUCH && h.pos >= v.from - TOUCH && h.pos <= v.to + TOUCH;
}

/** Sets of horizontal and vertical lines that cross or touch one another: each is a table candidate. */
export function connectedRulings(rulings: Rulings): Rulings[] {
  const h = mergeSegments(rulings.h);
  const v = mergeSegments(rulings.v);
  // A page of thousands of crossing lines is a drawing (a chart, a map), not a report table.
  if (h.length * v.length > MAX_PAIRS) return [];
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) if (touches(h[i]!, v[j]!)) parent[find(i)] = find(h.length + j);
  const sets = new Map<number, Rulings>();
  const setOf = (i: number): Rulings => {
    const root = find(i);
    let set = sets.get(root);
    if (!set) sets.set(root, (set = { h: [], v: [] }));
    return set;
  };
  h.forEach((s, i) => setOf(i).h.push(s));
  v.forEach((s, j) => setOf(h.length + j).v.push(s));
  return [...sets.values()].filter((s) => s.h.length >= 1 && s.v.length >= 1);
}

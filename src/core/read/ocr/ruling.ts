// Ruling lines of printed tables: long horizontal and vertical runs of dark pixels, grouped into tables whose
// rows and columns are the positions of the lines, and whose cells are the rectangles the lines close.
import { mergedRanges } from '../merged-cells';
import type { GrayImage } from './image';

export const DARK = 140;

export interface Segment {
  /** Position across the line (y of a horizontal line, x of a vertical one), its centre. */
  at: number;
  /** Extent along the line. */
  from: number;
  to: number;
  thickness: number;
}

/** Runs of dark pixels at least `minLength` long (gaps of up to 2 pixels bridged), merged over adjacent rows. */
function segments(img: GrayImage, horizontal: boolean, minLength: number): Segment[] {
  const { width, height, data } = img;
  const lines = horizontal ? height : width;
  const along = horizontal ? width : height;
  const at = horizontal
    ? (l: number, a: number) => data[l * width + a]!
    : (l: number, a: number) => data[a * width + l]!;
  const open: { seg: Segment; last: number; sum: number; n: number }[] = [];
  const done: Segment[] = [];
  for (let l = 0; l < lines; l++) {
    const runs: [number, number][] = [];
    let start = -1;
    let gap = 0;
    for (let a = 0; a <= along; a++) {
      const dark = a < along && at(l, a) < DARK;
      if (dark) {
        if (start < 0) start = a;
        gap = 0;
      } else if (start >= 0 && (++gap > 2 || a === along)) {
        const end = a - gap + 1;
        if (end - start >= minLength) runs.push([start, end]);
        start = -1;
        gap = 0;
      }
    }
    for (const [from, to] of runs) {
      const o = open.find((s) => s.last === l - 1 && from < s.seg.to && to > s.seg.from);
      if (o) {
        o.seg.from = Math.min(o.seg.from, from);
        o.seg.to = Math.max(o.seg.to, to);
        o.last = l;
        o.sum += l;
        o.n++;
      } else open.push({ seg: { at: l, from, to, thickness: 0 }, last: l, sum: l, n: 1 });
    }
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i]!;
      if (o.last < l) {
        done.push({ ...o.seg, at: o.sum / o.n, thickness: o.n });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) done.push({ ...o.seg, at: o.sum / o.n, thickness: o.n });
  // A rule is thin; a dark band (a filled header, a photo) is not a line.
  return done.filter((s) => s.thickness <= Math.max(8, minLength / 4));
}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableGrid {
  x: number;
  y: number;
  width: number;
  height: number;
  rows: number;
  cols: number;
  cells: GridCell[];
}

const TOL = 6;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function touches(h: Segment, v: Segment): boolean {
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

/** Share of [a, b] covered by the segments. */
function coverage(segs: Segment[], a: number, b: number): number {
  const parts = segs
    .map((s) => [Math.max(a, s.from), Math.min(b, s.to)] as const)
    .filter(([f, t]) => t > f)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [f, t] of parts) {
    if (t <= end) continue;
    covered += t - Math.max(f, end);
    end = t;
  }
  return b > a ? covered / (b - a) : 0;
}

function buildGrid(hs: Segment[], vs: Segment[]): TableGrid | null {
  const xs = cluster(vs.map((v) => v.at));
  const left = Math.min(...hs.map((h) => h.from));
  const right = Math.max(...hs.map((h) => h.to));
  if (left < xs[0]! - 3 * TOL) xs.unshift(left);
  if (right > xs[xs.length - 1]! + 3 * TOL) xs.push(right);
  const ys = cluster(hs.map((h) => h.at));
  const top = Math.min(...vs.map((v) => v.from));
  const bottom = Math.max(...vs.map((v) => v.to));
  const openTop = top < ys[0]! - 3 * TOL;
  const openBottom = bottom > ys[ys.length - 1]! + 3 * TOL;
  if (openTop) ys.unshift(top);
  if (openBottom) ys.push(bottom);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 2) return null;

  const near = (segs: Segment[], pos: number): Segment[] => segs.filter((s) => Math.abs(s.at - pos) <= TOL);
  const vAt = xs.map((x) => near(vs, x));
  const hAt = ys.map((y) => near(hs, y));
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const inset = (ys[r + 1]! - ys[r]!) * 0.2;
      if (c + 1 < cols && coverage(vAt[c + 1]!, ys[r]! + inset, ys[r + 1]! - inset) < 0.6)
        union(r * cols + c, r * cols + c + 1);
      const isOpen = (openTop && r + 1 === 0) || (openBottom && r + 1 === rows);
      const insetX = (xs[c + 1]! - xs[c]!) * 0.2;
      if (r + 1 < rows && !isOpen && coverage(hAt[r + 1]!, xs[c]! + insetX, xs[c + 1]! - insetX) < 0.6)
        union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const groups = mergedRanges(rows, cols, find);
  const cells: GridCell[] = [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      x: xs[g.c0]!,
      y: ys[g.r0]!,
      width: xs[g.c1 + 1]! - xs[g.c0]!,
      height: ys[g.r1 + 1]! - ys[g.r0]!,
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    x: xs[0]!,
    y: ys[0]!,
    width: xs[cols]! - xs[0]!,
    height: ys[rows]! - ys[0]!,
    rows,
    cols,
    cells,
  };
}

/** The ruled tables of a page image, top to bottom. */
export function findTables(img: GrayImage): TableGrid[] {
  const hs = segments(img, true, Math.max(40, Math.round(img.width / 25)));
  const vsAll = segments(img, false, Math.max(20, Math.round(img.height / 80)));
  const vs = vsAll.filter((v) => hs.some((h) => touches(h, v)));
  // Connected groups of lines: a horizontal and a vertical line that cross belong to one table.
  const all = [...hs.map((s) => ({ s, h: true })), ...vs.map((s) => ({ s, h: false }))];
  const group = all.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i]!)));
  for (let i = 0; i < hs.length; i++)
    for (let j = hs.length; j < all.length; j++) if (touches(all[i]!.s, all[j]!.s)) group[find(i)] = find(j);
  const byGroup = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  all.forEach((e, i) => {
    const g = byGroup.get(find(i)) ?? { hs: [], vs: [] };
    (e.h ? g.hs : g.vs).push(e.s);
    byGroup.set(find(i), g);
  });
  const tables: TableGrid[] = [];
  for (const g of byGroup.values()) {
    if (g.vs.length < 2 || g.hs.length < 1) continue;
    const grid = buildGrid(g.hs, g.vs);
    if (grid) tables.push(grid);
  }
  return tables.sort((a, b) => a.y - b.y);
}

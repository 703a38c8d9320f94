// One ruled table on one page: row and column boundaries from its lines, cells merged where a line is missing,
// and the page's text put into the cells.
import { mergedRanges } from '../merged-cells';
import { groupLines, joinCellLines } from './lines';
import { connectedRulings, SNAP } from './segments';
import type { Fragment, PageContent, Rect, Rulings, Segment } from './geometry';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  rect: Rect;
  /** The cell touches the table's top (bottom) edge and no line closes it there: it goes on across a page break. */
  openTop: boolean;
  openBottom: boolean;
}

export interface PageTable {
  page: number;
  rect: Rect;
  /** Column boundaries (x) and row boundaries (y), left to right and top to bottom. */
  xs: number[];
  ys: number[];
  /** Each printed cell once, in row then column order. */
  cells: GridCell[];
}

/** Boundaries closer than this are one (a row or column this thin is a double line, not a cell). */
const MIN_CELL = 3;
/** A line covers a cell's edge when it runs along at least this share of it. */
const COVERED = 0.5;

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > MIN_CELL) out.push(v);
  }
  return out;
}

/** How much of [from, to] the lines at `pos` cover. */
function coverage(lines: Segment[], pos: number, from: number, to: number): number {
  let covered = 0;
  for (const l of lines) {
    if (Math.abs(l.pos - pos) > SNAP + 1) continue;
    covered += Math.max(0, Math.min(to, l.to) - Math.max(from, l.from));
  }
  return to > from ? covered / (to - from) : 1;
}

interface Layout {
  xs: number[];
  ys: number[];
  /** Index of the cell covering each grid position. */
  owner: number[][];
  cells: GridCell[];
}

function layoutOf(set: Rulings, page: number): Layout | null {
  const xs = clusterPositions([
    ...set.v.map((s) => s.pos),
    Math.min(...set.h.map((s) => s.from)),
    Math.max(...set.h.map((s) => s.to)),
  ]);
  const ys = clusterPositions([
    ...set.h.map((s) => s.pos),
    Math.min(...set.v.map((s) => s.from)),
    Math.max(...set.v.map((s) => s.to)),
  ]);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2 || rows * cols > 100_000) return null;
  const vWall = (i: number, r: number): boolean => coverage(set.v, xs[i]!, ys[r]!, ys[r + 1]!) >= COVERED;
  const hWall = (j: number, c: number): boolean => coverage(set.h, ys[j]!, xs[c]!, xs[c + 1]!) >= COVERED;

  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vWall(c + 1, r)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !hWall(r + 1, c)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  const bounds = mergedRanges(rows, cols, find);
  if (bounds.size < 2) return null;
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: GridCell[] = [];
  const ordered = [...bounds.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const b of ordered) {
    // A region that is not a rectangle (a line missing in the middle of a table) is read as its bounding box;
    // positions another cell already holds stay with that cell.
    const index = cells.length;
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) if (owner[r]![c] === -1) owner[r]![c] = index;
    const open = (j: number): boolean => {
      for (let c = b.c0; c <= b.c1; c++) if (hWall(j, c)) return false;
      return true;
    };
    cells.push({
      row: b.r0,
      col: b.c0,
      rowSpan: b.r1 - b.r0 + 1,
      colSpan: b.c1 - b.c0 + 1,
      text: '',
      rect: {
        x: xs[b.c0]!,
        y: ys[b.r0]!,
        width: xs[b.c1 + 1]! - xs[b.c0]!,
        height: ys[b.r1 + 1]! - ys[b.r0]!,
      },
      openTop: b.r0 === 0 && open(0),
      openBottom: b.r1 === rows - 1 && open(rows),
    });
  }
  void page;
  return { xs, ys, owner, cells };
}

function isCjk(ch: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);
}

/** Cuts a fragment that runs across column boundaries into one piece per column (glyph widths estimated). */
function splitAtColumns(f: Fragment, xs: number[]): Fragment[] {
  const inner = xs.slice(1, -1).filter((x) => x > f.x + 1 && x < f.x + f.width - 1);
  if (inner.length === 0 || f.text.length < 2) return [f];
  const chars = [...f.text];
  const weights = chars.map((ch) => (isCjk(ch) ? 1 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const pieces: Fragment[] = [];
  let at = f.x;
  let piece: { text: string; x: number; end: number; column: number } | null = null;
  for (const [i, ch] of chars.entries()) {
    const w = (f.width * weights[i]!) / total;
    const mid = at + w / 2;
    const column = inner.filter((x) => x <= mid).length;
    if (piece && piece.column === column) {
      piece.text += ch;
      piece.end = at + w;
    } else {
      if (piece) pieces.push({ ...f, text: piece.text, x: piece.x, width: piece.end - piece.x });
      piece = { text: ch, x: at, end: at + w, column };
    }
    at += w;
  }
  if (piece) pieces.push({ ...f, text: piece.text, x: piece.x, width: piece.end - piece.x });
  return pieces.filter((p) => p.text.trim() !== '');
}

function locate(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v < bounds[i + 1]!) return i;
  return bounds.length - 2;
}

function inside(f: Fragment, r: Rect): boolean {
  const cx = f.x + f.width / 2;
  const cy = f.y + f.height / 2;
  return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
}

export interface PageTables {
  tables: PageTable[];
  /** The fragments outside every table. */
  rest: Fragment[];
}

/** Finds the ruled tables of a page and fills their cells with the page's text. */
export function findTables(content: PageContent): PageTables {
  const tables: PageTable[] = [];
  let rest = content.fragments;
  for (const set of connectedRulings(content.rulings)) {
    const layout = layoutOf(set, content.page);
    if (!layout) continue;
    const { xs, ys, owner, cells } = layout;
    const rect: Rect = {
      x: xs[0]!,
      y: ys[0]!,
      width: xs[xs.length - 1]! - xs[0]!,
      height: ys[ys.length - 1]! - ys[0]!,
    };
    const mine: Fragment[][] = cells.map(() => []);
    const outside: Fragment[] = [];
    for (const f of rest) {
      if (!inside(f, rect)) {
        outside.push(f);
        continue;
      }
      for (const piece of splitAtColumns(f, xs)) {
        const r = locate(ys, piece.y + piece.height / 2);
        const c = locate(xs, piece.x + piece.width / 2);
        mine[owner[r]![c]!]!.push(piece);
      }
    }
    cells.forEach((cell, i) => {
      cell.text = joinCellLines(groupLines(mine[i]!, content.spaces).map((l) => l.text));
    });
    // A ruled box without text (a frame, a signature box) is not a table.
    if (cells.every((c) => c.text === '')) continue;
    rest = outside;
    tables.push({ page: content.page, rect, xs, ys, cells });
  }
  tables.sort((a, b) => a.rect.y - b.rect.y);
  return { tables, rest };
}

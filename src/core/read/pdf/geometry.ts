// Page geometry shared by the PDF reader's modules. Coordinates are PDF points with the origin at the top left of
// the page as displayed (pdfjs's viewport at scale 1).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A piece of printed text: a pdfjs text item, or a part of one cut at a table's column boundary. */
export interface Fragment extends Rect {
  text: string;
  /** Font size in points. */
  size: number;
}

/** A horizontal ('h': at y = pos, from x = from to x = to) or vertical ('v') ruling line. */
export interface Segment {
  pos: number;
  from: number;
  to: number;
}

export interface Rulings {
  h: Segment[];
  v: Segment[];
}

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  fragments: Fragment[];
  /** x positions where the text stream has a space between printed pieces (pdfjs's whitespace items). */
  spaces: { x: number; y: number }[];
  rulings: Rulings;
}

export type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

export function unionAll(rects: Rect[]): Rect | null {
  let out: Rect | null = null;
  for (const r of rects) out = out ? union(out, r) : { ...r };
  return out;
}

/** Rounds to 0.1 pt: boxes in the document stay small in JSON. */
export function rounded(r: Rect): Rect {
  const f = (n: number): number => Math.round(n * 10) / 10;
  return { x: f(r.x), y: f(r.y), width: f(r.width), height: f(r.height) };
}

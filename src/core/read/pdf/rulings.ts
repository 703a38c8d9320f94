// Ruling lines of one page from pdfjs's operator list: stroked straight lines and thin filled rectangles, in page
// coordinates (the current transformation matrix is followed through save/restore, transforms and form XObjects).
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix, type Rulings, type Segment } from './geometry';
import { pdfjs } from './pdfjs';

/** A filled rectangle thinner than this is a line. */
const THIN = 2.5;
/** Lines shorter than this are not table rulings (dots, ticks, glyph-like marks). */
const MIN_LENGTH = 3;
/** A page with more path operators than this is a drawing, not a report page: its rulings are not read. */
const MAX_PATHS = 200_000;

/** pdfjs's DrawOPS codes inside a constructPath's path data. */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

type Point = [number, number];

function addLine(out: Rulings, a: Point, b: Point): void {
  const [x0, y0] = a;
  const [x1, y1] = b;
  if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= MIN_LENGTH)
    out.h.push({ pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= MIN_LENGTH)
    out.v.push({ pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
}

/** The polygons of a path (curves reduced to their end points), transformed to page coordinates. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE_TO) {
      if (current.length > 0) out.push(current);
      current = [apply(ctm, data[i]!, data[i + 1]!)];
      i += 2;
    } else if (op === LINE_TO) {
      current.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE_TO) {
      current.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === QUAD_TO) {
      current.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === CLOSE) {
      if (current.length > 1) current.push(current[0]!);
    } else break; // unknown code: stop reading this path rather than misreading it
  }
  if (current.length > 0) out.push(current);
  return out;
}

function strokeLines(out: Rulings, paths: Point[][]): void {
  for (const path of paths) for (let i = 1; i < path.length; i++) addLine(out, path[i - 1]!, path[i]!);
}

/** A filled axis-aligned rectangle that is thin in one direction is a ruling line along the other. */
function fillLines(out: Rulings, paths: Point[][]): void {
  for (const path of paths) {
    if (path.length < 4 || path.length > 5) continue;
    const xs = path.map((p) => p[0]);
    const ys = path.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const axisAligned = path.every(
      ([x, y]) =>
        (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) &&
        (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5),
    );
    if (!axisAligned) continue;
    if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) out.h.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
    else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) out.v.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
  }
}

export async function readRulings(page: PDFPageProxy, viewport: Matrix): Promise<Rulings> {
  const { OPS } = await pdfjs();
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
  const BOTH = new Set<number>([
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const list = await page.getOperatorList();
  const out: Rulings = { h: [], v: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = viewport;
  let paths = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        const matrix = args?.[0] as Matrix | null | undefined;
        if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix);
        break;
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath: {
        if (++paths > MAX_PATHS) return { h: [], v: [] };
        const paint = args?.[0] as number;
        const data = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        if (!data) break;
        if (STROKES.has(paint)) strokeLines(out, subpaths(data, ctm));
        else if (FILLS.has(paint)) fillLines(out, subpaths(data, ctm));
        else if (BOTH.has(paint)) {
          const polys = subpaths(data, ctm);
          strokeLines(out, polys);
          fillLines(out, polys);
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export type { Segment };

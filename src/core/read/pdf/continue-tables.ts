// Tables that run over pages become one grid: the parts' columns are put on one set of boundaries, a header row
// the next page repeats is dropped, and a cell that the page break cut in two (no line closes it at the bottom of
// one page and the top of the next) is one cell again.
import type { Box } from '../types';
import type { GridCell, PageTable } from './table-grid';
import { joinCellLines } from './lines';

export interface TableCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /** Where the cell is printed (its part on the first page it is on). */
  box: Box;
}

export interface DocumentTable {
  rows: number;
  cols: number;
  /** In row then column order. */
  cells: TableCell[];
}

/** Column boundaries of two parts closer than this are the same boundary. */
const SAME_X = 4;
/** A part on the next page continues a table when its left and right edges are this close to the table's. */
const SAME_EDGE = 15;

export function continues(prev: PageTable, next: PageTable): boolean {
  const edge = (t: PageTable): [number, number] => [t.rect.x, t.rect.x + t.rect.width];
  const [l1, r1] = edge(prev);
  const [l2, r2] = edge(next);
  return next.page === prev.page + 1 && Math.abs(l1 - l2) <= SAME_EDGE && Math.abs(r1 - r2) <= SAME_EDGE;
}

function unionBoundaries(parts: PageTable[]): number[] {
  const all = parts.flatMap((p) => p.xs).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last === undefined || x - last > SAME_X) out.push(x);
  }
  return out;
}

function nearest(bounds: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < bounds.length; i++)
    if (Math.abs(bounds[i]! - x) < Math.abs(bounds[best]! - x)) best = i;
  return best;
}

function rowTexts(cells: GridCell[], row: number): string[] {
  return cells.filter((c) => c.row === row).map((c) => c.text);
}

/** How many leading rows of `part` repeat the leading rows of `first` (a header printed again on the new page). */
function repeatedHeaderRows(first: PageTable, part: PageTable): number {
  let rows = 0;
  for (let r = 0; r < 3; r++) {
    const text = rowTexts(part.cells, r);
    const header = rowTexts(first.cells, r);
    if (text.every((t) => t === '') || text.join('|') !== header.join('|')) break;
    rows = r + 1;
  }
  // Only whole rows can be dropped: no cell may start in them and run below.
  while (rows > 0 && part.cells.some((c) => c.row < rows && c.row + c.rowSpan > rows)) rows--;
  return rows;
}

interface Placed extends TableCell {
  openTop: boolean;
  openBottom: boolean;
}

/** One grid from a table's parts on consecutive pages. */
export function mergeParts(parts: PageTable[]): DocumentTable {
  const bounds = unionBoundaries(parts);
  const cells: Placed[] = [];
  let rowOffset = 0;
  let previousBottom: Placed[] = [];
  for (const [k, part] of parts.entries()) {
    const skip = k === 0 ? 0 : repeatedHeaderRows(parts[0]!, part);
    const partRows = part.ys.length - 1 - skip;
    const bottom: Placed[] = [];
    for (const cell of part.cells) {
      if (cell.row < skip) continue;
      const c0 = nearest(bounds, part.xs[cell.col]!);
      const c1 = Math.max(c0 + 1, nearest(bounds, part.xs[cell.col + cell.colSpan]!));
      const placed: Placed = {
        row: cell.row - skip + rowOffset,
        col: c0,
        rowSpan: cell.rowSpan,
        colSpan: c1 - c0,
        text: cell.text,
        box: { page: part.page, ...cell.rect },
        openTop: cell.openTop && skip === 0,
        openBottom: cell.openBottom,
      };
      const above = placed.openTop
        ? previousBottom.find((p) => p.col === placed.col && p.colSpan === placed.colSpan)
        : undefined;
      if (above) {
        above.rowSpan += placed.rowSpan;
        above.text = joinCellLines([above.text, placed.text].filter((t) => t !== ''));
        above.openBottom = placed.openBottom;
        if (placed.openBottom) bottom.push(above);
        continue;
      }
      cells.push(placed);
      if (placed.openBottom) bottom.push(placed);
    }
    previousBottom = bottom;
    rowOffset += partRows;
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    rows: rowOffset,
    cols: bounds.length - 1,
    cells: cells.map(({ row, col, rowSpan, colSpan, text, box }) => ({
      row,
      col,
      rowSpan,
      colSpan,
      text,
      box,
    })),
  };
}

// The HTML table model, reduced to what a report table needs: place cells with rowspan/colspan into a grid.

import type { Grid } from './types';

export interface SourceCell {
  text: string;
  /** Ordinal of the source element (HTML pages), carried through to `TableCellSource.element`. */
  element?: number;
  /** 0 means "to the end of the table" (HTML rowspan="0"). */
  rowSpan: number;
  colSpan: number;
}

export interface PlacedCell {
  text: string;
  element?: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface PlacedTable {
  /** Null when the table is too large to expand (hostile markup); its rows are still printed. */
  grid: Grid | null;
  /** The printed cells of each source row, left to right. */
  rows: PlacedCell[][];
}

/** Real report tables have at most a few dozen columns; wider spans are markup errors or hostile. */
export const MAX_COLSPAN = 100;
/** Rows × columns above which a table is not expanded into a grid. */
export const MAX_GRID_CELLS = 1_000_000;

export function spanValue(attr: string | undefined, max: number, zeroMeansRest: boolean): number {
  if (attr === undefined) return 1;
  const n = parseInt(attr.trim(), 10);
  if (Number.isNaN(n) || n < 0) return 1;
  if (n === 0) return zeroMeansRest ? 0 : 1;
  return Math.min(n, max);
}

/** Places each source cell at the first free column of its row, as browsers do. */
export function placeTable(rows: SourceCell[][]): PlacedTable {
  const rowCount = rows.length;
  const coveredTo: number[] = []; // per column, the last row a cell placed so far covers
  const placed: PlacedCell[][] = [];
  let width = 0;
  for (let r = 0; r < rowCount; r++) {
    const out: PlacedCell[] = [];
    let col = 0;
    for (const cell of rows[r]!) {
      while ((coveredTo[col] ?? -1) >= r) col++;
      const rest = rowCount - r;
      const rowSpan = cell.rowSpan === 0 ? rest : Math.min(cell.rowSpan, rest);
      for (let c = col; c < col + cell.colSpan; c++)
        coveredTo[c] = Math.max(coveredTo[c] ?? -1, r + rowSpan - 1);
      out.push({ text: cell.text, row: r, col, rowSpan, colSpan: cell.colSpan, ...elementOf(cell) });
      col += cell.colSpan;
      width = Math.max(width, col);
      // Checked as we go, so that hostile spans cannot make the placement itself slow.
      if (width * rowCount > MAX_GRID_CELLS) return unexpanded(rows);
    }
    placed.push(out);
  }
  const grid: Grid = [];
  for (let r = 0; r < rowCount; r++) grid.push(new Array<string>(width).fill(''));
  for (const row of placed) for (const cell of row) grid[cell.row]![cell.col] = cell.text;
  return { grid, rows: placed };
}

/** The cells of a table too large to expand, in source order: enough to print its rows. */
function unexpanded(rows: SourceCell[][]): PlacedTable {
  return {
    grid: null,
    rows: rows.map((row, r) =>
      row.map((cell, col) => ({ text: cell.text, row: r, col, rowSpan: 1, colSpan: 1, ...elementOf(cell) })),
    ),
  };
}

function elementOf(cell: SourceCell): { element?: number } {
  return cell.element === undefined ? {} : { element: cell.element };
}

// A Word binary table as rows of cell texts plus each row's definition (cell edges, merge flags) → cells with
// rowspan/colspan, as a browser would lay out the same table.

import type { OfficeCell } from './office-html';
import type { RowDef } from './word-props';

export interface WordRow {
  /** Each cell's content as HTML fragments. */
  cells: string[][];
  def?: RowDef;
}

/** Cell edges closer than this (twips, 1/1440 inch) are one column edge. */
const EDGE_TOLERANCE = 30;

function columnEdges(rows: WordRow[]): number[] {
  const all = rows.flatMap((r) => r.def?.edges ?? []).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (edges.length === 0 || x - edges[edges.length - 1]! > EDGE_TOLERANCE) edges.push(x);
  return edges;
}

function nearest(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - x) < Math.abs(edges[best]! - x)) best = i;
  return best;
}

interface Placed extends OfficeCell {
  col: number;
  row: number;
}

export function wordTableCells(rows: WordRow[]): OfficeCell[][] {
  const edges = columnEdges(rows);
  /** Per grid column, the cell placed there most recently (for vertical merges). */
  const above = new Map<number, Placed>();
  const out: Placed[][] = [];
  rows.forEach((row, r) => {
    const def = row.def && row.def.edges.length >= row.cells.length + 1 ? row.def : undefined;
    const cells: Placed[] = [];
    row.cells.forEach((html, k) => {
      if (!def) {
        cells.push({ html, rowSpan: 1, colSpan: 1, col: -1, row: r });
        return;
      }
      const col = nearest(edges, def.edges[k]!);
      const end = nearest(edges, def.edges[k + 1]!);
      const prev = cells[cells.length - 1];
      if (def.mergedLeft[k] && prev) {
        // Old-style horizontal merge: this cell is part of the one before it.
        prev.colSpan = Math.max(1, end - prev.col);
        prev.html.push(...html);
        return;
      }
      const top = above.get(col);
      if (def.vertMerge[k] === 1 && top && top.row + top.rowSpan === r) {
        top.rowSpan++;
        return;
      }
      const cell: Placed = { html, rowSpan: 1, colSpan: Math.max(1, end - col), col, row: r };
      cells.push(cell);
      above.set(col, cell);
    });
    out.push(cells);
  });
  // Row spans are final only now that every row is placed.
  return out.map((cells) => cells.map(({ html, rowSpan, colSpan }) => ({ html, rowSpan, colSpan })));
}

// Lays out what the HTML walk found as the document text: one line per paragraph, one line per table row.

import type { Grid, TableCellSource, TableSource } from './types';
import type { PlacedTable } from './grid';
import { TextWriter } from './text-writer';

export type Block =
  | { kind: 'line'; text: string }
  | { kind: 'table'; table: PlacedTable }
  /**
   * The blocks of a layout table's cell (or a table's stray text), kept by reference so deep nesting costs no
   * copying; `linesOnly` when no table is among them.
   */
  | { kind: 'group'; blocks: Block[]; linesOnly?: boolean };

export { CELL_SEPARATOR } from './text-writer';

export interface Rendered {
  text: string;
  tables: Grid[];
  tableSources: TableSource[];
  /** Tables too large to expand into a grid (printed as lines only). */
  unexpanded: number;
}

export function renderBlocks(blocks: Block[]): Rendered {
  const out = new TextWriter();
  const tables: Grid[] = [];
  const tableSources: TableSource[] = [];
  let unexpanded = 0;

  const stack: { blocks: Block[]; next: number }[] = [{ blocks, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const block = frame.blocks[frame.next++];
    if (!block) {
      stack.pop();
      continue;
    }
    if (block.kind === 'line') out.push(block.text);
    else if (block.kind === 'group') stack.push({ blocks: block.blocks, next: 0 });
    else {
      const cells: TableCellSource[] = [];
      const span = out.table(block.table.rows, (cell, span) => {
        const { row, col, rowSpan, colSpan } = cell;
        cells.push({
          row,
          col,
          rowSpan,
          colSpan,
          span,
          ...(cell.element !== undefined ? { element: cell.element } : {}),
        });
      });
      if (!block.table.grid) unexpanded++;
      else if (span) {
        tables.push(block.table.grid);
        tableSources.push({ span, cells });
      }
    }
  }
  return { text: out.text(), tables, tableSources, unexpanded };
}

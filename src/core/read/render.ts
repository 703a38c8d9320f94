// Lays out what the HTML walk found as the document text: one line per paragraph, one line per table row.

import type { Grid, TableCellSource, TableSource } from './types';
import type { PlacedTable } from './grid';

export type Block =
  | { kind: 'line'; text: string }
  | { kind: 'table'; table: PlacedTable }
  /**
   * The blocks of a layout table's cell (or a table's stray text), kept by reference so deep nesting costs no
   * copying; `linesOnly` when no table is among them.
   */
  | { kind: 'group'; blocks: Block[]; linesOnly?: boolean };

export const CELL_SEPARATOR = ' | ';

export interface Rendered {
  text: string;
  tables: Grid[];
  tableSources: TableSource[];
  /** Tables too large to expand into a grid (printed as lines only). */
  unexpanded: number;
}

export function renderBlocks(blocks: Block[]): Rendered {
  const lines: string[] = [];
  let offset = 0; // length of lines.join('\n') so far, plus the newline that will follow the last line
  const push = (line: string): number => {
    const start = lines.length === 0 ? 0 : offset + 1;
    lines.push(line);
    offset = start + line.length;
    return start;
  };
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
    if (block.kind === 'line') push(block.text);
    else if (block.kind === 'group') stack.push({ blocks: block.blocks, next: 0 });
    else {
      const cells: TableCellSource[] = [];
      let tableStart = -1;
      for (const row of block.table.rows) {
        if (row.every((c) => c.text === '')) continue;
        const lineStart = lines.length === 0 ? 0 : offset + 1;
        let pos = lineStart;
        for (const [i, cell] of row.entries()) {
          if (i > 0) pos += CELL_SEPARATOR.length;
          const { row: r, col, rowSpan, colSpan } = cell;
          cells.push({ row: r, col, rowSpan, colSpan, span: { start: pos, end: pos + cell.text.length } });
          pos += cell.text.length;
        }
        push(row.map((c) => c.text).join(CELL_SEPARATOR));
        if (tableStart < 0) tableStart = lineStart;
      }
      if (!block.table.grid) unexpanded++;
      else if (tableStart >= 0) {
        tables.push(block.table.grid);
        tableSources.push({ span: { start: tableStart, end: offset }, cells });
      }
    }
  }
  return { text: lines.join('\n'), tables, tableSources, unexpanded };
}

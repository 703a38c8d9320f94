// OCR'd pages → the one document shape: text lines and table rows (cells joined by ' | ', as for HTML), grids with
// each cell's span and box, the page layout, and the spans whose reading is doubtful.
import type { Span } from '../../../shared/types';
import { CELL_SEPARATOR } from '../render';
import type { Box, Grid, PageSize, TableCellSource, TableSource, TextRun } from '../types';
import type { Rect } from './lines';
import type { OcrPage } from './page';

export interface OcrText {
  text: string;
  tables: Grid[];
  tableSources: TableSource[];
  pages: PageSize[];
  runs: TextRun[];
  doubtful: Span[];
}

/** `scale`: image pixels per layout unit (1 for images, pixels per point for PDFs). */
export function ocrDocument(pages: { page: OcrPage; scale: number; size: PageSize }[]): OcrText {
  const lines: string[] = [];
  let offset = 0;
  const push = (line: string): number => {
    const start = lines.length === 0 ? 0 : offset + 1;
    lines.push(line);
    offset = start + line.length;
    return start;
  };
  const tables: Grid[] = [];
  const tableSources: TableSource[] = [];
  const runs: TextRun[] = [];
  const doubtful: Span[] = [];

  pages.forEach(({ page, scale }, index) => {
    const box = (r: Rect): Box => ({
      page: index + 1,
      x: r.x / scale,
      y: r.y / scale,
      width: r.width / scale,
      height: r.height / scale,
    });
    for (const block of page.blocks) {
      if (block.kind === 'line') {
        let line = '';
        const at = lines.length === 0 ? 0 : offset + 1;
        const pieceRuns: TextRun[] = [];
        for (const [i, p] of block.pieces.entries()) {
          if (i > 0) line += ' ';
          pieceRuns.push({ start: at + line.length, end: at + line.length + p.text.length, box: box(p.box) });
          line += p.text;
        }
        push(line);
        runs.push(...pieceRuns);
        if (block.doubtful) doubtful.push({ start: at, end: at + line.length });
        continue;
      }
      const { table } = block;
      const grid: Grid = Array.from({ length: table.rows }, () => new Array<string>(table.cols).fill(''));
      const cells: TableCellSource[] = [];
      let tableStart = -1;
      for (let r = 0; r < table.rows; r++) {
        const row = table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
        for (const c of row) grid[r]![c.col] = c.text;
        if (row.every((c) => c.text === '')) continue;
        const lineStart = lines.length === 0 ? 0 : offset + 1;
        let pos = lineStart;
        for (const [i, c] of row.entries()) {
          if (i > 0) pos += CELL_SEPARATOR.length;
          const span = { start: pos, end: pos + c.text.length };
          cells.push({ row: r, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, span, box: box(c.box) });
          if (c.text !== '') runs.push({ ...span, box: box(c.box) });
          if (c.doubtful) doubtful.push(span);
          pos = span.end;
        }
        push(row.map((c) => c.text).join(CELL_SEPARATOR));
        if (tableStart < 0) tableStart = lineStart;
      }
      if (tableStart >= 0) {
        tables.push(grid);
        tableSources.push({ span: { start: tableStart, end: offset }, cells });
      }
    }
  });
  return {
    text: lines.join('\n'),
    tables,
    tableSources,
    pages: pages.map((p) => p.size),
    runs,
    doubtful,
  };
}

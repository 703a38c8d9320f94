// OCR'd pages → the one document shape: text lines and table rows (cells joined by ' | ', as for HTML), grids with
// each cell's span and box, the page layout, and the spans whose reading is doubtful.
import type { Span } from '../../../shared/types';
import { TextWriter } from '../text-writer';
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
  const out = new TextWriter();
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
        const at = out.next;
        const pieceRuns: TextRun[] = [];
        for (const [i, p] of block.pieces.entries()) {
          if (i > 0) line += ' ';
          pieceRuns.push({ start: at + line.length, end: at + line.length + p.text.length, box: box(p.box) });
          line += p.text;
        }
        out.push(line);
        runs.push(...pieceRuns);
        if (block.doubtful) doubtful.push({ start: at, end: at + line.length });
        continue;
      }
      const { table } = block;
      const grid: Grid = Array.from({ length: table.rows }, () => new Array<string>(table.cols).fill(''));
      const rows = Array.from({ length: table.rows }, (_, r) =>
        table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col),
      );
      for (const row of rows) for (const c of row) grid[c.row]![c.col] = c.text;
      const cells: TableCellSource[] = [];
      const span = out.table(rows, (c, span) => {
        cells.push({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, span, box: box(c.box) });
        if (c.text !== '') runs.push({ ...span, box: box(c.box) });
        if (c.doubtful) doubtful.push(span);
      });
      if (span) {
        tables.push(grid);
        tableSources.push({ span, cells });
      }
    }
  });
  return {
    text: out.text(),
    tables,
    tableSources,
    pages: pages.map((p) => p.size),
    runs,
    doubtful,
  };
}

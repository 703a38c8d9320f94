// The pages of a PDF → the one document shape: text (a line per printed line, a ' | '-joined line per table row,
// as the HTML reader renders tables), table grids with their cells' spans and boxes, and the page layout.
import type { PlacedCell, PlacedTable } from '../grid';
import { renderBlocks, type Block } from '../render';
import { TextWriter } from '../text-writer';
import type { Box, PageLayout, TableSource, TextRun } from '../types';
import { continues, mergeParts, type DocumentTable } from './continue-tables';
import { rounded, type PageContent } from './geometry';
import { groupLines } from './lines';
import { paragraphs, type Paragraph } from './paragraphs';
import { isPageFurniture } from './page-furniture';
import { findTables, type PageTable } from './table-grid';

type PageBlock = { kind: 'line'; line: Paragraph; page: number } | { kind: 'table'; table: PageTable };

type DocBlock = { kind: 'line'; line: Paragraph; page: number } | { kind: 'table'; table: DocumentTable };

function pageBlocks(content: PageContent): PageBlock[] {
  const { tables, rest } = findTables(content);
  const lines = paragraphs(
    groupLines(rest, content.spaces).filter((l) => l.text !== '' && !isPageFurniture(l, content.height)),
    content.width,
  );
  const blocks: (PageBlock & { y: number })[] = [
    ...lines.map((line) => ({ kind: 'line' as const, line, page: content.page, y: line.box.y })),
    ...tables.map((table) => ({ kind: 'table' as const, table, y: table.rect.y })),
  ];
  return blocks.sort((a, b) => a.y - b.y);
}

type Grouped = { kind: 'line'; line: Paragraph; page: number } | { kind: 'parts'; parts: PageTable[] };

/** Page blocks in reading order, with each table's parts on following pages merged into one table. */
function documentBlocks(pages: PageContent[]): DocBlock[] {
  const out: Grouped[] = [];
  let open: PageTable[] | null = null;
  for (const content of pages) {
    const blocks = pageBlocks(content);
    for (const [i, block] of blocks.entries()) {
      if (block.kind === 'line') {
        out.push(block);
        open = null;
        continue;
      }
      const last = open?.[open.length - 1];
      if (open && last && i === 0 && continues(last, block.table)) {
        open.push(block.table);
        continue;
      }
      open = [block.table];
      out.push({ kind: 'parts', parts: open });
    }
    // A table continues on the next page only if nothing followed it on this page.
    if (blocks[blocks.length - 1]?.kind !== 'table') open = null;
  }
  return out.map((b) => (b.kind === 'line' ? b : { kind: 'table', table: mergeParts(b.parts) }));
}

function placed(table: DocumentTable): PlacedTable {
  const rows: PlacedCell[][] = Array.from({ length: table.rows }, () => []);
  const grid: string[][] = Array.from({ length: table.rows }, () => new Array<string>(table.cols).fill(''));
  for (const c of table.cells) {
    rows[c.row]!.push({ text: c.text, row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan });
    grid[c.row]![c.col] = c.text;
  }
  return { grid, rows };
}

export interface PdfDocument {
  text: string;
  tables: string[][][];
  tableSources: TableSource[];
  layout: PageLayout;
}

const boxOf = (page: number, r: { x: number; y: number; width: number; height: number }): Box => ({
  page,
  ...rounded(r),
});

export function buildDocument(pages: PageContent[]): PdfDocument {
  const blocks = documentBlocks(pages);
  const placedTables = blocks.map((b) => (b.kind === 'table' ? placed(b.table) : null));
  const renderable: Block[] = blocks.map((b, i) =>
    b.kind === 'line' ? { kind: 'line', text: b.line.text } : { kind: 'table', table: placedTables[i]! },
  );
  const rendered = renderBlocks(renderable);

  // Where each line went: the same writing as renderBlocks', replayed (every line block, each table row with text).
  const runs: TextRun[] = [];
  const tableBoxes: Map<string, Box>[] = [];
  const replay = new TextWriter();
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'line') {
      const start = replay.push(block.line.text);
      for (const part of block.line.lines)
        runs.push({ start: start + part.start, end: start + part.end, box: boxOf(block.page, part.box) });
      continue;
    }
    const boxes = new Map<string, Box>();
    for (const c of block.table.cells) boxes.set(`${c.row}:${c.col}`, boxOf(c.box.page, c.box));
    if (replay.table(placedTables[i]!.rows, () => undefined)) tableBoxes.push(boxes);
  }
  for (const [t, source] of rendered.tableSources.entries()) {
    const boxes = tableBoxes[t];
    for (const cell of source.cells) {
      const box = boxes?.get(`${cell.row}:${cell.col}`);
      if (!box) continue;
      cell.box = box;
      if (cell.span.end > cell.span.start) runs.push({ start: cell.span.start, end: cell.span.end, box });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return {
    text: rendered.text,
    tables: rendered.tables,
    tableSources: rendered.tableSources,
    layout: { pages: pages.map((p) => ({ width: p.width, height: p.height })), runs },
  };
}

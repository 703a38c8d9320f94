// One page image → its text lines and ruled tables, read: the tables from their cells, the rest line by line.
import {
  looksNumeric,
  numericValue,
  readCell,
  readPiece,
  textValue,
  MIN_CONFIDENCE,
  type CellValue,
  type ReadCell,
} from './cells';
import type { GrayImage } from './image';
import { findLines, type Rect } from './lines';
import { findTables, type GridCell, type TableGrid } from './ruling';

export interface OcrPiece {
  text: string;
  box: Rect;
  confidence: number;
}

export interface OcrCell extends CellValue {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Rect;
  numeric: boolean;
}

export interface OcrTable {
  box: Rect;
  rows: number;
  cols: number;
  cells: OcrCell[];
}

export type PageBlock =
  | { kind: 'line'; y: number; pieces: OcrPiece[]; doubtful: boolean }
  | { kind: 'table'; y: number; table: OcrTable };

export interface OcrPage {
  width: number;
  height: number;
  blocks: PageBlock[];
}

/** Smaller ruled boxes are boxed characters or ornaments, not tables. */
function isTable(t: TableGrid, img: GrayImage): boolean {
  return t.width >= img.width * 0.2 && t.height >= 30 && t.cells.length >= 2;
}

function whiteOut(img: GrayImage, rects: Rect[]): GrayImage {
  const data = img.data.slice();
  for (const r of rects) {
    const x0 = Math.max(0, Math.floor(r.x));
    const x1 = Math.min(img.width, Math.ceil(r.x + r.width));
    for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(img.height, Math.ceil(r.y + r.height)); y++)
      data.fill(255, y * img.width + x0, y * img.width + x1);
  }
  return { width: img.width, height: img.height, data };
}

/** A column is numeric when most of its read cells below the header look like numbers. */
function numericColumns(grid: TableGrid, read: Map<GridCell, ReadCell>): Set<number> {
  const numeric = new Set<number>();
  for (let c = 0; c < grid.cols; c++) {
    const texts = grid.cells
      .filter((g) => g.col === c && g.colSpan === 1)
      .map((g) => read.get(g)!.text)
      .filter((t) => t.trim() !== '');
    const n = texts.filter(looksNumeric).length;
    if (texts.length > 0 && n >= 2 && n >= texts.length * 0.5) numeric.add(c);
  }
  return numeric;
}

async function readTable(img: GrayImage, grid: TableGrid): Promise<OcrTable> {
  const read = new Map<GridCell, ReadCell>();
  for (const g of grid.cells) read.set(g, await readCell(img, g));
  const numeric = numericColumns(grid, read);
  const cells: OcrCell[] = grid.cells.map((g) => {
    const r = read.get(g)!;
    const isNumber =
      (numeric.has(g.col) && g.colSpan === 1 && (r.text === '' || looksNumeric(r.text))) ||
      looksNumeric(r.text);
    const value = isNumber ? numericValue(r) : textValue(r);
    return {
      ...value,
      numeric: isNumber,
      row: g.row,
      col: g.col,
      rowSpan: g.rowSpan,
      colSpan: g.colSpan,
      box: { x: g.x, y: g.y, width: g.width, height: g.height },
    };
  });
  return {
    box: { x: grid.x, y: grid.y, width: grid.width, height: grid.height },
    rows: grid.rows,
    cols: grid.cols,
    cells,
  };
}

export async function ocrPage(img: GrayImage): Promise<OcrPage> {
  const tables = findTables(img).filter((t) => isTable(t, img));
  const blocks: PageBlock[] = [];
  for (const t of tables) blocks.push({ kind: 'table', y: t.y, table: await readTable(img, t) });
  const rest = whiteOut(
    img,
    tables.map((t) => ({ x: t.x - 4, y: t.y - 4, width: t.width + 8, height: t.height + 8 })),
  );
  const page = { x: 0, y: 0, width: img.width, height: img.height };
  for (const line of findLines(rest, page)) {
    const pieces: OcrPiece[] = [];
    for (const rect of line) {
      const p = await readPiece(rest, rect, page);
      if (p.text.trim() !== '') pieces.push({ text: p.text, box: rect, confidence: p.confidence });
    }
    if (pieces.length === 0) continue;
    blocks.push({
      kind: 'line',
      y: line[0]!.y,
      pieces,
      doubtful: pieces.some((p) => p.confidence < MIN_CONFIDENCE),
    });
  }
  blocks.sort((a, b) => a.y - b.y);
  return { width: img.width, height: img.height, blocks };
}

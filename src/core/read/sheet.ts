// Excel workbooks (.xls BIFF8 and .xlsx) through SheetJS: each visible sheet is one table, merged cells become
// spans, and every value is the text Excel prints (its number format applied), never a raw float.

import { CFB, read, SSF, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { emptyFile, readFailure } from './failure';
import { placeTable, type SourceCell } from './grid';
import { collapseWhitespace } from './html-walk';
import { renderBlocks, type Block } from './render';
import { encryptedFile } from './ole2';
import type { ReadFailure, ReadResult } from './types';
import { checkZip, zipBomb } from './zip-guard';

/** Cells with a value in the whole workbook; report tables have a few hundred. */
export const MAX_WORKBOOK_CELLS = 200_000;
/** Rows × columns of one sheet's used range (as for HTML tables). */
export const MAX_SHEET_AREA = 1_000_000;

type SheetFormat = 'xls' | 'xlsx';

const tooManyCells = (format: SheetFormat): ReadFailure =>
  readFailure(
    format,
    'too_large',
    `表格过大，超过 ${MAX_WORKBOOK_CELLS} 个单元格的上限，不像年度报告`,
    `workbook has more than ${MAX_WORKBOOK_CELLS} cells`,
  );

const sheetTooLarge = (format: SheetFormat, name: string, rows: number, cols: number): ReadFailure =>
  readFailure(
    format,
    'too_large',
    `工作表「${name}」过大（${rows} 行 × ${cols} 列），超过 ${MAX_SHEET_AREA} 个单元格的上限`,
    `sheet spans ${rows} × ${cols} cells, more than ${MAX_SHEET_AREA}`,
  );

const brokenWorkbook = (format: SheetFormat, detail: string): ReadFailure =>
  readFailure(format, 'corrupt', '表格文件（Excel）已损坏或不完整，无法读取', `corrupt workbook: ${detail}`);

/** Counts `<c` elements of the worksheets while the zip guard unpacks them. */
function checkXlsx(bytes: Uint8Array): ReadFailure | null {
  let cells = 0;
  const check = checkZip(bytes, {
    inspect: (name, data) => {
      if (/^xl\/sharedStrings\.xml$/i.test(name)) {
        let strings = 0;
        for (
          let at = data.indexOf('<si>');
          at >= 0 && strings <= MAX_WORKBOOK_CELLS;
          at = data.indexOf('<si>', at + 4)
        )
          strings++;
        return strings > MAX_WORKBOOK_CELLS ? 'cells' : null;
      }
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) return null;
      for (let at = data.indexOf('<c'); at >= 0; at = data.indexOf('<c', at + 2)) {
        const next = data[at + 2];
        if (next === 0x20 || next === 0x3e || next === 0x2f) cells++; // `<c ` `<c>` `<c/`
      }
      return cells > MAX_WORKBOOK_CELLS ? 'cells' : null;
    },
  });
  if (check.ok) return null;
  if (check.detail === 'cells') return tooManyCells('xlsx');
  if (check.reason === 'bomb') return zipBomb('xlsx', check.detail);
  return brokenWorkbook('xlsx', check.detail);
}

/** BIFF record types of cells that hold a value, and how many cells one record holds. */
function biffCells(type: number, size: number): number {
  switch (type) {
    case 0x0203: // NUMBER
    case 0x00fd: // LABELSST
    case 0x027e: // RK
    case 0x0204: // LABEL
    case 0x0205: // BOOLERR
    case 0x0006: // FORMULA
    case 0x00d6: // RSTRING
      return 1;
    case 0x00bd: // MULRK
      return Math.max(0, Math.floor((size - 6) / 6));
    default:
      return 0;
  }
}

/**
 * The workbook stream of an .xls, its records walked first: encrypted (FILEPASS) or too many cells is refused before
 * parsing. Only this stream is parsed: the container's other streams (document properties) are never read.
 */
function xlsWorkbookStream(bytes: Uint8Array): Buffer | ReadFailure {
  const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  const entry = (CFB.find(cfb, 'Workbook') ?? CFB.find(cfb, 'Book')) as { content?: Uint8Array } | null;
  const stream = entry?.content;
  if (!stream) return brokenWorkbook('xls', 'no workbook stream');
  const buf = Buffer.isBuffer(stream) ? stream : Buffer.from(stream);
  let cells = 0;
  for (let at = 0; at + 4 <= buf.length;) {
    const type = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (type === 0x002f) return encryptedFile('xls');
    // The shared string table: its count of distinct strings (millions of them would fill memory unseen).
    if (type === 0x00fc && size >= 8 && buf.readUInt32LE(at + 8) > MAX_WORKBOOK_CELLS)
      return tooManyCells('xls');
    cells += biffCells(type, size);
    if (cells > MAX_WORKBOOK_CELLS) return tooManyCells('xls');
    at += 4 + size;
  }
  return buf;
}

function cellText(cell: CellObject | undefined): string {
  if (!cell || cell.t === 'z') return '';
  if (cell.w !== undefined) return cell.w;
  if (cell.t === 'n' && typeof cell.v === 'number') return SSF.format('General', cell.v);
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

const DEFAULT_SHEET_NAME = /^(?:sheet|工作表|表)\s*\d*$/i;

/**
 * One sheet: its name (unless a default one) as a line, and its used range as a table with merges as spans. A
 * sheet is always a grid: unlike an HTML table it is never taken for page layout.
 */
function sheetBlocks(name: string, ws: WorkSheet, format: SheetFormat): Block[] | ReadFailure {
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  data.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cellText(cell).trim() === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return [];
  const width = right - left + 1;
  const height = bottom - top + 1;
  if (width * height > MAX_SHEET_AREA) return sheetTooLarge(format, name, height, width);
  const covered = new Uint8Array(width * height);
  const spans = new Map<number, { rowSpan: number; colSpan: number }>();
  for (const m of ws['!merges'] ?? []) {
    const r0 = Math.max(m.s.r, top) - top;
    const c0 = Math.max(m.s.c, left) - left;
    const r1 = Math.min(m.e.r, bottom) - top;
    const c1 = Math.min(m.e.c, right) - left;
    if (r0 > r1 || c0 > c1 || covered[r0 * width + c0]) continue;
    spans.set(r0 * width + c0, { rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1 });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) covered[r * width + c] = 1;
    covered[r0 * width + c0] = 0;
  }
  const rows: SourceCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row: SourceCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[r * width + c]) continue;
      const span = spans.get(r * width + c) ?? { rowSpan: 1, colSpan: 1 };
      row.push({ text: collapseWhitespace(cellText(data[top + r]?.[left + c])), ...span });
    }
    // Empty cells after a row's last value are the sheet's width, not printed cells.
    while (row.length > 1 && row[row.length - 1]!.text === '') row.pop();
    rows.push(row);
  }
  const table: Block = { kind: 'table', table: placeTable(rows) };
  const title = collapseWhitespace(name);
  return DEFAULT_SHEET_NAME.test(title) ? [table] : [{ kind: 'line', text: title }, table];
}

/** SheetJS reports some damage on the console while it reads on; the per-file result says what matters. */
function quietly<T>(work: () => T): T {
  const error = console.error;
  console.error = () => {};
  try {
    return work();
  } finally {
    console.error = error;
  }
}

export async function readWorkbook(bytes: Uint8Array, format: SheetFormat): Promise<ReadResult> {
  let input: Buffer;
  try {
    if (format === 'xlsx') {
      const refused = checkXlsx(bytes);
      if (refused) return refused;
      input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } else {
      const stream = xlsWorkbookStream(bytes);
      if (!Buffer.isBuffer(stream)) return stream;
      input = stream;
    }
  } catch (err) {
    return brokenWorkbook(format, (err as Error).message);
  }
  let wb: WorkBook;
  try {
    wb = quietly(() =>
      read(input, {
        type: 'buffer',
        dense: true,
        cellFormula: false,
        cellHTML: false,
        cellStyles: false,
        bookVBA: false,
      }),
    );
  } catch (err) {
    const detail = (err as Error).message;
    return /password|encrypt/i.test(detail)
      ? encryptedFile(format === 'xls' ? 'xls' : 'unknown')
      : brokenWorkbook(format, detail);
  }
  const blocks: Block[] = [];
  const hidden = new Set((wb.Workbook?.Sheets ?? []).filter((s) => s.Hidden).map((s) => s.name));
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || hidden.has(name)) continue;
    const sheet = sheetBlocks(name, ws, format);
    if (!Array.isArray(sheet)) return sheet;
    blocks.push(...sheet);
  }
  const rendered = renderBlocks(blocks);
  if (rendered.text.trim() === '') return emptyFile(format);
  return {
    ok: true,
    format,
    text: rendered.text,
    tables: rendered.tables,
    tableSources: rendered.tableSources,
    warnings: [],
  };
}

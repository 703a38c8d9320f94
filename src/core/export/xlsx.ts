// XLSX writer: exceljs's streaming WorkbookWriter, one worksheet per sheet, bold frozen header row, numbers stored
// as numbers. A sheet longer than Excel's row limit continues on `<name>-2`, `<name>-3`, ….
import { createWriteStream } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { CellValue, Sheet } from './types';

/** Excel's limit is 1,048,576 rows including the header row. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
/** Rows between yields to the event loop, so that the zip stream can drain and memory stays flat. */
const ROWS_PER_TURN = 1_000;
const MAX_BACKLOG_BYTES = 4 << 20;
const PLAIN: Partial<ExcelJS.Style> = {};

export interface XlsxOptions {
  /** Data rows per worksheet before continuing on the next one (tests lower it). */
  maxRowsPerSheet?: number;
}

/** Writes the sheets to one workbook at `file`; returns the worksheets written with their data row counts. */
export async function writeXlsx(
  file: string,
  sheets: readonly Sheet[],
  options: XlsxOptions = {},
): Promise<{ name: string; rows: number }[]> {
  const maxRows = options.maxRowsPerSheet ?? XLSX_MAX_DATA_ROWS;
  const stream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // The long sheet repeats a few hundred labels: a shared-strings table makes the file smaller and faster.
    useSharedStrings: true,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Nianbao 年报审校';
  const written: { name: string; rows: number }[] = [];

  const write = async (): Promise<void> => {
    for (const sheet of sheets) {
      let part = 1;
      let worksheet = addWorksheet(workbook, sheet, sheet.name);
      let rows = 0;
      let total = 0;
      for (const row of sheet.rows()) {
        if (rows === maxRows) {
          worksheet.commit();
          written.push({ name: worksheet.name, rows });
          part++;
          worksheet = addWorksheet(workbook, sheet, `${sheet.name}-${part}`);
          rows = 0;
        }
        const added = worksheet.addRow(row.map(toExcel));
        // One shared style object lets exceljs reuse the style id instead of rebuilding it for every cell.
        added.eachCell((cell) => {
          cell.style = PLAIN;
        });
        added.commit();
        rows++;
        total++;
        if (total % ROWS_PER_TURN === 0) await drained(worksheet);
      }
      worksheet.commit();
      written.push({ name: worksheet.name, rows });
    }
    await workbook.commit();
  };
  try {
    await Promise.race([write(), failed]);
  } catch (error) {
    // Close the file so that the caller can remove it: wait for 'close', or a file still being opened would be
    // created after the caller removed it.
    if (!stream.closed) {
      const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await closed;
    }
    throw error;
  }
  return written;
}

interface PipedStream {
  _writableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Waits while the compressor lags behind. exceljs (4.4) pipes each worksheet into the zip through PassThrough
 * streams without honouring their backpressure, so without this wait a long sheet piles up in memory (~0.5 KB
 * per row). Relies on exceljs internals; if they are absent it only yields to the event loop.
 */
async function drained(worksheet: object): Promise<void> {
  const pipes = (worksheet as { stream?: { pipes?: PipedStream[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    while ((pipe._writableState?.length ?? 0) > MAX_BACKLOG_BYTES) {
      await new Promise<void>((resolve) => pipe.once('drain', resolve));
    }
  }
  await turn();
}

function addWorksheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, name: string) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: c.width ?? Math.max(8, Math.min(40, c.name.length + 2)),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  header.commit();
  return worksheet;
}

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

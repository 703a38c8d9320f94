// CSV writer: RFC 4180 (comma, CRLF, fields with comma/quote/CR/LF quoted, quotes doubled), UTF-8 with a BOM so
// that Excel opens Chinese text correctly.
import { writeText } from './text-file';
import type { CellValue, Sheet } from './types';
import { inertText } from './inert';

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = inertText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CellValue[]): string {
  let line = values.length ? csvField(values[0] as CellValue) : '';
  for (let i = 1; i < values.length; i++) line += ',' + csvField(values[i] as CellValue);
  return line + '\r\n';
}

/** Writes one sheet to `file` (created or truncated); returns the number of data rows. */
export async function writeCsv(file: string, sheet: Sheet): Promise<number> {
  let rows = 0;
  await writeText(file, async (out) => {
    await out.write(BOM + csvLine(sheet.columns.map((c) => c.name)));
    for (const row of sheet.rows()) {
      const line = csvLine(row);
      if (out.fits(line)) out.add(line);
      else await out.write(line);
      rows++;
    }
  });
  return rows;
}

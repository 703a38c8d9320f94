// Reads written export files back into records with independent parsers: csv-parse for CSV, exceljs for XLSX,
// JSON.parse for JSON. CSV text is typed back by the column kinds documented in README.md (Exporting datasets).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Value = string | number | boolean | null;
export type Record_ = Record<string, Value>;

/** Text columns of every shape; every other column (ids, counts, values, wide key columns) is numeric. */
const TEXTUAL = new Set([
  'agency', 'template', 'status', 'table', 'row', 'column', 'key', 'variable', 'label', 'published', 'file', 'sha256',
  'reviewer', 'verified_at', 'waived_notes', 'apply_other_from', 'sums_into', 'table_title', 'unit', 'templates',
  'harmonised',
]); // prettier-ignore

function typeCsv(column: string, text: string): Value {
  if (text === '') return null;
  if (column === 'edited') return text === 'true' ? true : text === 'false' ? false : text;
  if (!TEXTUAL.has(column)) {
    const n = Number(text);
    return Number.isNaN(n) ? text : n;
  }
  return text;
}

export function readCsv(file: string): { columns: string[]; rows: Record_[] } {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error(`${file}: no UTF-8 BOM`);
  const table = parse(bytes, { bom: true, relax_quotes: false }) as string[][];
  const [columns = [], ...body] = table;
  return {
    columns,
    rows: body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, typeCsv(c, cells[i] ?? '')]))),
  };
}

export function readJson(file: string): { columns: string[]; rows: Record_[] } {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Record_[];
  return { columns: Object.keys(rows[0] ?? {}), rows };
}

/** Every worksheet of a workbook: name → header and records (empty cells null). */
export async function readXlsx(file: string): Promise<Map<string, { columns: string[]; rows: Record_[] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out = new Map<string, { columns: string[]; rows: Record_[] }>();
  workbook.eachSheet((sheet) => {
    const header = sheet.getRow(1);
    const columns: string[] = [];
    for (let i = 1; i <= header.cellCount; i++) columns.push(String(header.getCell(i).value));
    const rows: Record_[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Object.fromEntries(columns.map((c, i) => [c, xlsxValue(row.getCell(i + 1).value)])));
    }
    out.set(sheet.name, { columns, rows });
  });
  return out;
}

function xlsxValue(value: ExcelJS.CellValue): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Error(`unexpected XLSX cell value ${JSON.stringify(value)}`);
}

/** All sheets of an export, whatever the format: sheet name → records. Long sheets split in XLSX are joined. */
export async function readExport(
  format: 'csv' | 'xlsx' | 'json',
  files: readonly { path: string; sheets: readonly { name: string }[] }[],
): Promise<Map<string, { columns: string[]; rows: Record_[] }>> {
  const out = new Map<string, { columns: string[]; rows: Record_[] }>();
  for (const file of files) {
    if (format === 'xlsx') {
      for (const [name, sheet] of await readXlsx(file.path)) {
        const base = name.replace(/-\d+$/, '');
        const known = out.get(base);
        if (known && /-\d+$/.test(name)) known.rows.push(...sheet.rows);
        else out.set(name, sheet);
      }
    } else {
      const name = file.sheets[0]?.name ?? path.basename(file.path);
      out.set(name, format === 'csv' ? readCsv(file.path) : readJson(file.path));
    }
  }
  return out;
}

// Types of the dataset export: what is read from the store, the tables that are written, and the options.
import type { Template, TemplateId } from '../../shared/types';

export type ExportFormat = 'csv' | 'xlsx' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];

export type ExportShape = 'long' | 'wide' | 'reports' | 'codebook' | 'harmonised' | 'checks' | 'gaps';
export const EXPORT_SHAPES: readonly ExportShape[] = [
  'long',
  'wide',
  'reports',
  'codebook',
  'harmonised',
  'checks',
  'gaps',
];

/** Which reports are exported. Without filters: every verified report. */
export interface ExportFilters {
  /** Export every report whatever its status (then each sheet gets a `status` column). Default: verified only. */
  includeAll?: boolean;
  /** Years the reports are about (`reports.year`). Empty or absent: any year. */
  years?: readonly number[];
  /** Templates. Empty or absent: any template. */
  templates?: readonly TemplateId[];
  /** Substring of the agency name, e.g. `街道`. */
  agency?: string;
  /** Part of the agency's region (the `gaps` sheet). */
  region?: string;
}

export interface ExportOptions extends ExportFilters {
  format: ExportFormat;
  /** Shapes to write; default `['long']`. */
  shapes?: readonly ExportShape[];
  /**
   * Where to write. CSV/JSON: a folder (one file per sheet), or a file name with the format's extension (used as
   * is for a single sheet, as a prefix `name-<sheet>.csv` for several). XLSX: a `.xlsx` file, or a folder (then
   * `nianbao-<shape>.xlsx`, or `nianbao-export.xlsx` for several shapes).
   */
  out: string;
}

/** Called once per report and sheet written: `done` of `total` report-sheets. */
export type ExportProgress = (done: number, total: number) => void;

export interface WrittenFile {
  path: string;
  sheets: { name: string; rows: number }[];
}

export interface ExportResult {
  files: WrittenFile[];
  /** Reports in the selection. */
  reports: number;
  /** Data rows written over all sheets (headers not counted). */
  rows: number;
}

/** A failure the user can act on; `message` is 简体中文 first. */
export class ExportError extends Error {
  override name = 'ExportError';
}

// ---- What the store hands to the export ----

export interface WaivedFinding {
  rule: string;
  keys: readonly string[];
  note: string | null;
}

export interface ExportReport {
  id: number;
  /** Path of the source file as the library knows it. */
  file: string;
  sha256: string;
  template: Template;
  agency: string | null;
  /** The agency of the registry the report is placed under (null when it could not be placed). */
  agencyId: number | null;
  year: number | null;
  published: string | null;
  status: string;
  /** Who verified the report. */
  reviewer: string | null;
  /** When it was verified, ISO 8601. */
  verifiedAt: string | null;
  /** Number of edits in the audit log. */
  edits: number;
  waived: readonly WaivedFinding[];
}

export interface ExportCell {
  key: string;
  /** The current value: the reviewer's where edited, else the extracted value. */
  value: number | null;
  /** The value the extractor read. */
  extracted: number | null;
  edited: boolean;
}

export interface ReportCells {
  report: ExportReport;
  cells: readonly ExportCell[];
}

/** The selected reports, readable several times (once per sheet), in report id order. */
export interface ExportSource {
  /** Number of selected reports (of the given templates). */
  count(templates?: readonly TemplateId[]): number;
  /** Templates of the selected reports. */
  templates(): TemplateId[];
  reports(): Iterable<ExportReport>;
  /** Reports (of the given templates) with their cells; one report's cells at a time need to be in memory. */
  reportCells(templates?: readonly TemplateId[]): Iterable<ReportCells>;
  /** Distinct cell keys of the selected reports of one template. */
  keysOf(template: TemplateId): string[];
  /** The panel's sheets (`checks`, `gaps`), when the source is a store. */
  panelSheets?: (shape: 'checks' | 'gaps') => Sheet;
}

// ---- What the writers write ----

export type CellValue = string | number | boolean | null;

export interface Column {
  name: string;
  type: 'text' | 'integer' | 'number' | 'boolean';
  /** Display width in XLSX, in characters. */
  width?: number;
}

/** One table: a CSV/JSON file or an XLSX worksheet. `rows` may be called once per write. */
export interface Sheet {
  name: string;
  columns: readonly Column[];
  rows(): Iterable<CellValue[]>;
}

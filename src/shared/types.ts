// Data types shared by core, main, preload and renderer. Types only: no runtime code here.

/** The three official formats, plus `unknown` when no table was recognised. */
export type TemplateId = '2021' | '2019' | 'legacy';
export type Template = TemplateId | 'unknown';

/** How a cell's value was obtained from the document. */
export type ReadHow =
  | 'clean' // one printed number in its own cell
  | 'split' // cut out of a glued digit run (`0000000`)
  | 'blank_as_zero' // blank, `—`, `/` or `无` read as 0
  | 'guessed' // not printed where expected; value inferred (short row, arithmetic)
  | 'ocr'; // read by OCR from a page image; confirmed only by the table's arithmetic

/** Half-open character range [start, end) in the document text stored with the report. */
export interface Span {
  start: number;
  end: number;
}

export interface ExtractedCell {
  /** Canonical key of spec/fields.json, or `legacy.label:<label>` / `…#cumulative` for legacy indicators. */
  key: string;
  /** The characters the value was read from (a part of a digit run for split cells). */
  raw: string;
  /** null only when the cell is in the table but nothing could be read (then it is in `review`). */
  value: number | null;
  how: ReadHow;
  span: Span | null;
  /** Printed label, for legacy indicators that have no canonical key. */
  label?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule id of spec/RULES.md (`apply.balance`, `legacy.closed`, …) or an extraction check (`extract.*`). */
  rule: string;
  severity: Severity;
  /** The cells the finding is about. */
  keys: string[];
  /** Message for the reviewer, 简体中文. */
  message: string;
  /** The one cell most likely wrong, when the failing rules intersect in exactly one cell. */
  suspect?: string;
  /** The value of `suspect` that satisfies every failing rule. */
  suggestion?: number;
}

export interface ReportMeta {
  agency: string | null;
  /** The year the report is about (not the publication year). */
  year: number | null;
  /** Publication date as printed: `YYYY-MM-DD` or `YYYY-MM`. */
  published: string | null;
}

/** Which format each table was read in: a 2020 report may mix the 2019 and 2021 layouts. */
export interface TableRead {
  table: 'active' | 'apply' | 'review' | 'legacy';
  template: TemplateId;
  span: Span | null;
}

export interface Extraction {
  template: Template;
  meta: ReportMeta;
  tables: TableRead[];
  cells: ExtractedCell[];
  findings: Finding[];
  /** Keys a reviewer must look at: failed rules, ambiguous splits, guesses, cells the table lacks. */
  review: string[];
}

/** Kinds of source document the reader understands. */
export type DocumentFormat = 'text' | 'html' | 'docx' | 'pdf' | 'image' | 'doc' | 'wps' | 'xls' | 'xlsx';

/** One prediction file as ../shared/eval/README.md defines it. */
export interface Prediction {
  file: string;
  template: Template;
  meta: ReportMeta;
  values: Record<string, number | null>;
  review: string[];
}

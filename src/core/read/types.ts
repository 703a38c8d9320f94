import type { DocumentFormat, Span } from '../../shared/types';

/** A table as published: rows of cells, rowspan/colspan expanded (spanned positions hold ''). */
export type Grid = string[][];

/** Where one printed cell of a table is: its place in the grid and its characters in `ReadOk.text`. */
export interface TableCellSource {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The cell's text in `ReadOk.text` (empty range for an empty cell). */
  span: Span;
  /** For PDFs and page images: where the cell is printed. */
  box?: Box;
  /** For HTML and DOCX: ordinal of the cell's td/th among the page's table cells (the original view marks it). */
  element?: number;
}

/** A rectangle on a page of a PDF or image, in the page's own units (PDF points; pixels for images), origin top-left. */
export interface Box {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageSize {
  width: number;
  height: number;
}

/** A stretch of `ReadOk.text` and where it is printed: lets any span be shown on its page. */
export interface TextRun {
  start: number;
  end: number;
  box: Box;
}

/** Page geometry of a PDF or scan: the size of each page and where each piece of the text sits on it. */
export interface PageLayout {
  pages: PageSize[];
  /** Sorted by `start`, not overlapping. */
  runs: TextRun[];
}

/** Where a table is in `ReadOk.text`: the lines of its rows and each printed cell. */
export interface TableSource {
  span: Span;
  cells: TableCellSource[];
}

export interface ReadOk {
  ok: true;
  format: DocumentFormat;
  /**
   * The document text the extractor reads and every cell span points into. For HTML and DOCX, each table row is
   * one line with its cells joined by ' | ' and blocks are separated by newlines.
   */
  text: string;
  /** Detected character encoding for text and HTML files ('utf-8', 'utf-16le', 'gb18030', …). */
  encoding?: string;
  /** Tables found in HTML/DOCX, as grids. */
  tables: Grid[];
  /** For HTML/DOCX: one entry per grid of `tables` (same order), locating its cells in `text`. */
  tableSources?: TableSource[];
  /** For PDFs and page images: the page geometry of the text. */
  layout?: PageLayout;
  /** Things a reviewer may want to know (e.g. "文件编码为 GB18030"). */
  warnings: string[];
  /** Set when the text was read by OCR from page images: every value in it is `how: 'ocr'`. */
  ocr?: OcrInfo;
}

/** How a document was OCR'd, and which stretches of its text the recogniser was not sure of. */
export interface OcrInfo {
  engine: string;
  /** Spans of `ReadOk.text` (cells, lines) with a weak or disputed character; sorted by start. */
  doubtful: Span[];
}

/** Per-page progress of a slow read (OCR). */
export interface ReadProgress {
  page: number;
  pages: number;
}

export interface ReadOptions {
  /** OCR of scans and page images; on unless turned off (then a scan is a clear failure). */
  ocr?: boolean;
  onProgress?: (progress: ReadProgress) => void;
}

export type ReadErrorCode =
  | 'binary'
  | 'too_large'
  | 'unsupported'
  | 'corrupt'
  | 'empty'
  | 'encoding'
  | 'encrypted'
  /** A PDF without a text layer (a scan) while OCR is off, or one OCR could not be run on. */
  | 'no_text_layer'
  /** A scan or page image that needs OCR, and OCR is turned off. */
  | 'ocr_off';

export interface ReadFailure {
  ok: false;
  format: DocumentFormat | 'unknown';
  code: ReadErrorCode;
  /** One line for the reviewer, 简体中文 first, e.g. "暂不支持 PDF 文件 (PDF not yet supported)". */
  error: string;
}

export type ReadResult = ReadOk | ReadFailure;

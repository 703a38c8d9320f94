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
  /** Things a reviewer may want to know (e.g. "文件编码为 GB18030"). */
  warnings: string[];
}

export type ReadErrorCode = 'binary' | 'too_large' | 'unsupported' | 'corrupt' | 'empty' | 'encoding';

export interface ReadFailure {
  ok: false;
  format: DocumentFormat | 'unknown';
  code: ReadErrorCode;
  /** One line for the reviewer, 简体中文 first, e.g. "暂不支持 PDF 文件 (PDF not yet supported)". */
  error: string;
}

export type ReadResult = ReadOk | ReadFailure;

import type { DocumentFormat } from '../../shared/types';

/** A table as published: rows of cells, rowspan/colspan expanded (spanned positions hold ''). */
export type Grid = string[][];

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

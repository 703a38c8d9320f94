// Bounds on what one document may cost to read: a hostile file fails alone with a clear error, in bounded time and
// memory, before the expensive part starts.
import type { DocumentFormat } from '../../shared/types';
import { readFailure } from './failure';
import type { ReadFailure } from './types';
import { xmlNestingProblem } from './xml-check';

/** Table cells one document may have. Real report tables have a few hundred; a page of many tables, a few thousand. */
export const MAX_DOCUMENT_CELLS = 50_000;
/** Unpacked size of a .docx (all entries) and of its main part (word/document.xml). */
export const MAX_DOCX_UNZIPPED_BYTES = 64 * 1024 * 1024;
export const MAX_DOCX_XML_BYTES = 8 * 1024 * 1024;

const CELL_TAG = /<t[dh][\s>/]/gi;
const WORD_CELL_TAG = /<w:tc[\s>/]/g;

/** Counts matches, stopping at `limit + 1`. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (n <= limit && pattern.exec(text)) n++;
  return n;
}

export function tooManyCells(format: DocumentFormat, limit = MAX_DOCUMENT_CELLS): ReadFailure {
  const max = limit.toLocaleString('en-US');
  return readFailure(
    format,
    'too_large',
    `文件中的表格单元格超过 ${max} 个，不像年度报告的表格，未读取`,
    `more than ${max} table cells: not read`,
  );
}

/** A failure when HTML markup has more table cells than a document may have, else null. */
export function checkHtmlCells(html: string, format: DocumentFormat): ReadFailure | null {
  return countUpTo(html, CELL_TAG, MAX_DOCUMENT_CELLS) > MAX_DOCUMENT_CELLS ? tooManyCells(format) : null;
}

/**
 * Why a part of a .docx may not be given to mammoth, or null: the main part too large or with too many cells
 * ('cells'), or any XML part not well nested ('corrupt: …', which its DOM parser would take quadratic time on).
 */
export function docxPartProblem(name: string, data: Buffer): string | null {
  if (!/\.(xml|rels)$/i.test(name)) return null;
  if (name === 'word/document.xml') {
    if (data.length > MAX_DOCX_XML_BYTES) return `word/document.xml unpacks to ${data.length} bytes`;
    if (countUpTo(data.toString('latin1'), WORD_CELL_TAG, MAX_DOCUMENT_CELLS) > MAX_DOCUMENT_CELLS)
      return 'cells';
  }
  const problem = xmlNestingProblem(data.toString('utf8'));
  return problem ? `corrupt: ${name}: ${problem}` : null;
}

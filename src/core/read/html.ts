// HTML pages (and DOCX, via mammoth's HTML): charset, visible text, tables.

import type { DocumentFormat } from '../../shared/types';
import { decodeText, encodingNote, type TextEncoding } from './encoding';
import { binaryFile, emptyFile, unknownEncoding } from './failure';
import { checkHtmlCells } from './limits';
import { walkHtml } from './html-walk';
import { renderBlocks } from './render';
import type { ReadResult } from './types';

const HEAD_BYTES = 4096;

/** The charset a page declares in its first 4 KB: `<meta charset>`, `<meta http-equiv … charset=>`, `<?xml encoding>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1] ?? null;
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml ? (xml[1] ?? null) : null;
}

/** Reads decoded HTML markup into the document text and its tables. */
export function readHtmlString(
  html: string,
  format: DocumentFormat = 'html',
  encoding?: TextEncoding,
  warnings: string[] = [],
): ReadResult {
  const crowded = checkHtmlCells(html, format);
  if (crowded) return crowded;
  const rendered = renderBlocks(walkHtml(html));
  if (rendered.text.trim() === '') return emptyFile(format);
  if (rendered.unexpanded > 0)
    warnings.push(
      `有 ${rendered.unexpanded} 个表格过大，只读取了文字，未生成表格结构（table too large to expand into a grid）`,
    );
  return {
    ok: true,
    format,
    text: rendered.text,
    ...(encoding ? { encoding } : {}),
    tables: rendered.tables,
    tableSources: rendered.tableSources,
    warnings,
  };
}

export function readHtmlBytes(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (!decoded.ok) return decoded.code === 'binary' ? binaryFile() : unknownEncoding('html');
  const warnings = [...decoded.warnings];
  if (decoded.encoding !== 'utf-8') warnings.push(encodingNote(decoded.encoding));
  return readHtmlString(decoded.text, 'html', decoded.encoding, warnings);
}

// The document reader: bytes of a report file → its text (and tables), or a clear per-file failure.

import { extensionOf, looksLikeHtml, sniffFormat, type Sniffed } from './detect';
import { readDocx } from './docx';
import { decodeText, encodingNote } from './encoding';
import { MAX_BYTES, binaryFile, emptyFile, readFailure, tooLarge, unknownEncoding } from './failure';
import { readHtmlBytes, readHtmlString } from './html';
import { ofdNotSupported, readOle2, readXlsx } from './office';
import { ocrFailed, ocrOff, readPageImage, readScannedPdf } from './ocr';
import { readPdf } from './pdf';
import type { ReadFailure, ReadOptions, ReadResult } from './types';

export type {
  Grid,
  ReadResult,
  ReadOk,
  ReadFailure,
  ReadOptions,
  ReadProgress,
  TableSource,
  TableCellSource,
} from './types';
export { pdfHasTextLayer } from './pdf';

/** Page images that OCR reads (the canvas library decodes these); TIFF is not among them. */
const OCR_IMAGES = new Set(['PNG', 'JPEG', 'WebP', 'GIF']);

const ZIP_NAMES = {
  pptx: ['PowerPoint 演示文稿（.pptx）', 'PowerPoint file'],
  odf: ['OpenDocument 文件', 'OpenDocument file'],
  zip: ['不是 Word 文档的压缩包', 'zip archive that is not a .docx'],
} as const;

function unsupported(sniffed: Sniffed): ReadFailure | null {
  switch (sniffed.kind) {
    case 'zip': {
      if (sniffed.what === 'xlsx') return null;
      if (sniffed.what === 'ofd') return ofdNotSupported();
      const [zh, en] = ZIP_NAMES[sniffed.what];
      return readFailure('unknown', 'unsupported', `暂不支持${zh}`, `${en} not supported`);
    }
    case 'rtf':
      return readFailure('unknown', 'unsupported', '暂不支持 RTF 文件，请另存为 .docx', 'RTF not supported');
    case 'mht':
      return readFailure(
        'unknown',
        'unsupported',
        '暂不支持 MHT 网页存档，请另存为 .html',
        'MHT web archive not supported',
      );
    case 'other-binary':
      if (OCR_IMAGES.has(sniffed.what)) return null;
      return sniffed.isImage
        ? readFailure(
            'unknown',
            'unsupported',
            `图片文件（${sniffed.what}）暂不支持，请提供文字版报告`,
            `${sniffed.what} image not supported`,
          )
        : readFailure(
            'unknown',
            'binary',
            `不是文档文件（${sniffed.what}）`,
            `not a document: ${sniffed.what}`,
          );
    default:
      return null;
  }
}

const OFFICE_EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'rtf', 'ofd']);

/** A `.doc` that is really a web page is common (Word “save as web page”, CMS downloads): say so. */
function extensionNote(fileName: string, read: ReadResult): ReadResult {
  const ext = extensionOf(fileName);
  if (!read.ok || !OFFICE_EXTENSIONS.has(ext) || (ext === 'docx' && read.format === 'docx')) return read;
  const what = read.format === 'html' ? '网页（HTML）' : '纯文本';
  read.warnings.push(
    `文件扩展名为 .${ext}，但内容是${what}，已按${what}读取（content is ${read.format}, not .${ext}）`,
  );
  return read;
}

function readPlainText(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded.code === 'binary' ? binaryFile() : unknownEncoding('text');
  const warnings = [...decoded.warnings];
  if (decoded.encoding !== 'utf-8') warnings.push(encodingNote(decoded.encoding));
  // UTF-16 pages escape the byte-level sniffing: look again at the decoded text.
  if (looksLikeHtml(decoded.text.slice(0, 4096)))
    return readHtmlString(decoded.text, 'html', decoded.encoding, warnings);
  if (decoded.text.trim() === '') return emptyFile('text');
  return { ok: true, format: 'text', text: decoded.text, encoding: decoded.encoding, tables: [], warnings };
}

/**
 * A PDF is read through its text layer; one without (a scan, 'no_text_layer') is read by OCR from its page images
 * when OCR is on, and is a clear failure saying OCR is off otherwise.
 */
async function readAnyPdf(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const read = await readPdf(bytes);
  if (read.ok || read.code !== 'no_text_layer') return read;
  if (options.ocr === false) return ocrOff('pdf');
  try {
    return await readScannedPdf(bytes, options);
  } catch (err) {
    return ocrFailed('pdf', err);
  }
}

/** Reads one report file. Never throws for bad input: every problem is a failure with a one-line message. */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  if (bytes.length > MAX_BYTES) return tooLarge(bytes.length);
  if (bytes.length === 0) return emptyFile('unknown');
  const sniffed = sniffFormat(bytes, fileName);
  const refused = unsupported(sniffed);
  if (refused) return refused;
  try {
    if (sniffed.kind === 'pdf') return await readAnyPdf(bytes, options);
    if (sniffed.kind === 'other-binary') return await readPageImage(bytes, sniffed.what, options);
    if (sniffed.kind === 'docx') return await readDocx(bytes);
    if (sniffed.kind === 'ole2') return await readOle2(bytes, fileName);
    if (sniffed.kind === 'zip') return await readXlsx(bytes); // the only zip `unsupported` lets through
    if (sniffed.kind === 'html') return extensionNote(fileName, readHtmlBytes(bytes));
    return extensionNote(fileName, readPlainText(bytes));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return readFailure('unknown', 'corrupt', '读取文件时出错', `failed to read: ${detail}`);
  }
}

// The PDF reader: a PDF with a text layer → the one document shape (text, table grids with spans and boxes, page
// layout). A PDF without a text layer (a scan) is a failure with code 'no_text_layer', for OCR to take over.
import { readFailure } from '../failure';
import type { ReadFailure, ReadResult } from '../types';
import { checkInflatedSize, MAX_INFLATED_BYTES } from './bomb';
import { buildDocument } from './document';
import type { PageContent } from './geometry';
import { openPdf } from './pdfjs';
import { readPages, ReadTimeout } from './read-pages';

/** Pages read from one PDF; a report's tables are in its first few pages. */
export const MAX_PAGES = 100;
/** Time allowed for reading one PDF. */
export const READ_TIME_MS = 60_000;
/** Fewer printed characters than this per page (on average) is a scan, not a text PDF. */
const MIN_CHARS_PER_PAGE = 20;

export const noTextLayer = (): ReadFailure =>
  readFailure(
    'pdf',
    'no_text_layer',
    '此 PDF 没有文字层（扫描件），需要文字识别（OCR）',
    'PDF has no text layer (scanned), needs OCR',
  );

export const encryptedPdf = (): ReadFailure =>
  readFailure(
    'pdf',
    'encrypted',
    '此 PDF 文件已加密（需要密码才能打开），请提供未加密的文件',
    'encrypted PDF, a password is needed',
  );

const brokenPdf = (detail: string): ReadFailure =>
  readFailure('pdf', 'corrupt', '此 PDF 文件已损坏或不完整，无法读取', `broken or truncated PDF: ${detail}`);

const bombPdf = (): ReadFailure =>
  readFailure(
    'pdf',
    'too_large',
    `此 PDF 中的数据解压后超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MB（疑似恶意构造的“PDF 炸弹”），已拒绝读取`,
    'PDF streams inflate beyond the limit (PDF bomb)',
  );

const slowPdf = (): ReadFailure =>
  readFailure(
    'pdf',
    'too_large',
    `读取 PDF 超时（超过 ${READ_TIME_MS / 1000} 秒），文件过于复杂`,
    'reading the PDF took too long',
  );

function printedChars(pages: PageContent[]): number {
  let n = 0;
  for (const p of pages) for (const f of p.fragments) n += f.text.replace(/\s/g, '').length;
  return n;
}

/** True when the pages carry enough text to be read without OCR. */
export function hasTextLayer(pages: PageContent[]): boolean {
  return pages.length > 0 && printedChars(pages) >= MIN_CHARS_PER_PAGE * pages.length;
}

function failureOf(err: unknown): ReadFailure {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return encryptedPdf();
  if (name === 'ReadTimeout' || err instanceof ReadTimeout) return slowPdf();
  return brokenPdf(message);
}

interface Opened {
  pages: PageContent[];
  total: number;
}

async function readPdfPages(
  bytes: Uint8Array,
  maxPages: number,
  textOnly: boolean,
): Promise<Opened | ReadFailure> {
  if (!checkInflatedSize(bytes).ok) return bombPdf();
  const deadline = Date.now() + READ_TIME_MS;
  let opened: Awaited<ReturnType<typeof openPdf>> | null = null;
  try {
    opened = await openPdf(bytes);
    const pages = await readPages(opened.doc, { maxPages, deadline, textOnly });
    return { pages, total: opened.doc.numPages };
  } catch (err) {
    return failureOf(err);
  } finally {
    await opened?.task.destroy().catch(() => undefined);
  }
}

/** Whether a PDF has a text layer (reads the text of its first pages only). Never throws. */
export async function pdfHasTextLayer(bytes: Uint8Array): Promise<boolean> {
  const read = await readPdfPages(bytes, 10, true);
  return 'pages' in read && hasTextLayer(read.pages);
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  const read = await readPdfPages(bytes, MAX_PAGES, false);
  if (!('pages' in read)) return read;
  if (read.pages.length === 0) return brokenPdf('no pages');
  if (!hasTextLayer(read.pages)) return noTextLayer();
  const document = buildDocument(read.pages);
  const warnings: string[] = [];
  if (read.total > read.pages.length)
    warnings.push(
      `此 PDF 共 ${read.total} 页，只读取了前 ${read.pages.length} 页（only the first ${read.pages.length} of ${read.total} pages were read）`,
    );
  return { ok: true, format: 'pdf', ...document, warnings };
}

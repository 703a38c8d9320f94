// Scans and page images → document: image-only PDFs page by page, PNG/JPEG files as one page, read by OCR with
// bounds on pages, pixels and time; each page reported as it is done.
import { readFailure } from '../failure';
import type { ReadOk, ReadOptions, ReadResult } from '../types';
import { ocrDocument } from './document';
import { decodeImage, imageSize, MAX_DECODE_PIXELS } from './image';
import { ocrPage, type OcrPage } from './page';
import { openPdf, pageTextLength, renderPage } from './pdf-pages';
import { loadRecognizer, OCR_ENGINE } from './recognizer';

/** Scans longer than this are refused (a report is a few pages; OCR takes seconds a page). */
export const MAX_OCR_PAGES = 60;
/** A PDF page with at least this many characters of text has a text layer. */
const TEXT_LAYER_CHARS = 20;

export const ocrOff = (format: 'pdf' | 'image'): ReadResult =>
  readFailure(
    format,
    'ocr_off',
    format === 'pdf'
      ? '未启用文字识别（OCR）：该 PDF 为扫描件，没有文字层，请在设置中开启文字识别'
      : '未启用文字识别（OCR）：图片中的文字需要文字识别，请在设置中开启',
    format === 'pdf' ? 'OCR is turned off; this PDF is a scan without a text layer' : 'OCR is turned off',
  );

function finish(
  format: 'pdf' | 'image',
  pages: Parameters<typeof ocrDocument>[0],
  warnings: string[],
): ReadResult {
  const doc = ocrDocument(pages);
  if (doc.text.trim() === '')
    return readFailure(format, 'empty', '文字识别未在图片中找到文字', 'OCR found no text in the page images');
  const read: ReadOk = {
    ok: true,
    format,
    text: doc.text,
    tables: doc.tables,
    tableSources: doc.tableSources,
    layout: { pages: doc.pages, runs: doc.runs },
    warnings: [`文字识别（OCR）读取，共 ${pages.length} 页，数值需核对（read by OCR）`, ...warnings],
    ocr: { engine: OCR_ENGINE, doubtful: doc.doubtful },
  };
  return read;
}

/** True when no page of the PDF carries text (a scan bound as PDF). */
export async function isImageOnlyPdf(bytes: Uint8Array): Promise<boolean> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      if ((await pageTextLength(await doc.getPage(p))) >= TEXT_LAYER_CHARS) return false;
    }
    return true;
  } finally {
    await task.destroy();
  }
}

/** OCR of a PDF without a text layer. A PDF that has one gets a failure: the text reader is for it. */
export async function readScannedPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    let text = 0;
    for (let p = 1; p <= pages; p++) text += await pageTextLength(await doc.getPage(p));
    if (text >= TEXT_LAYER_CHARS)
      return readFailure(
        'pdf',
        'unsupported',
        'PDF 有文字层，不按扫描件识别',
        'PDF has a text layer; not OCR',
      );
    if (options.ocr === false) return ocrOff('pdf');
    if (pages > MAX_OCR_PAGES)
      return readFailure(
        'pdf',
        'too_large',
        `扫描件共 ${pages} 页，超过文字识别上限 ${MAX_OCR_PAGES} 页`,
        `scan has ${pages} pages; OCR reads at most ${MAX_OCR_PAGES}`,
      );
    await loadRecognizer();
    const read: { page: OcrPage; scale: number; size: { width: number; height: number } }[] = [];
    for (let p = 1; p <= pages; p++) {
      const rendered = await renderPage(await doc.getPage(p));
      read.push({
        page: await ocrPage(rendered.image),
        scale: rendered.scale,
        size: { width: rendered.width, height: rendered.height },
      });
      options.onProgress?.({ page: p, pages });
    }
    return finish('pdf', read, []);
  } finally {
    await task.destroy();
  }
}

/** OCR of a PNG or JPEG page image; boxes are in the image's own pixels. */
export async function readPageImage(
  bytes: Uint8Array,
  what: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  if (options.ocr === false) return ocrOff('image');
  const size = imageSize(bytes);
  if (size && size.width * size.height > MAX_DECODE_PIXELS)
    return readFailure(
      'image',
      'too_large',
      `图片过大（${size.width}×${size.height} 像素），超过文字识别上限 ${MAX_DECODE_PIXELS / 1e6} 百万像素`,
      `image too large: ${size.width}×${size.height} pixels`,
    );
  let image;
  try {
    image = await decodeImage(bytes);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return readFailure('image', 'corrupt', `无法解码${what}图片`, `cannot decode ${what} image: ${detail}`);
  }
  await loadRecognizer();
  const page = await ocrPage(image);
  options.onProgress?.({ page: 1, pages: 1 });
  const width = image.width / image.scale;
  const height = image.height / image.scale;
  const warnings =
    image.scale < 1 ? [`图片已缩小至 ${image.width}×${image.height} 像素后识别（downscaled for OCR）`] : [];
  return finish('image', [{ page, scale: image.scale, size: { width, height } }], warnings);
}

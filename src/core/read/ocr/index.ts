// Scans and page images → document: image-only PDFs page by page, PNG/JPEG files as one page, read by OCR with
// bounds on pages, pixels and time; each page reported as it is done.
import { readFailure } from '../failure';
import type { ReadOk, ReadOptions, ReadResult } from '../types';
import { ocrDocument } from './document';
import { decodeImage, imageSize, MAX_DECODE_PIXELS } from './image';
import { ocrPage, type OcrPage } from './page';
import { openPdf } from '../pdf/pdfjs';
import { renderPage } from './pdf-pages';
import { OCR_OFF } from './off';
import { loadRecognizer, OCR_ENGINE } from './recognizer';

/** Scans longer than this are refused (a report is a few pages; OCR takes seconds a page). */
export const MAX_OCR_PAGES = 60;

export const ocrOff = (format: 'pdf' | 'image'): ReadResult =>
  readFailure(
    format,
    'ocr_off',
    format === 'pdf'
      ? `${OCR_OFF}：该 PDF 为扫描件，没有文字层，请在设置中开启文字识别`
      : `${OCR_OFF}：图片中的文字需要文字识别，请在设置中开启`,
    format === 'pdf' ? 'OCR is turned off; this PDF is a scan without a text layer' : 'OCR is turned off',
  );

/** OCR could not run (the engine failed to load, a page failed to render): a clear per-file failure. */
export function ocrFailed(format: 'pdf' | 'image', err: unknown): ReadResult {
  const detail = err instanceof Error ? err.message : String(err);
  return readFailure(
    format,
    format === 'pdf' ? 'no_text_layer' : 'corrupt',
    format === 'pdf'
      ? '此 PDF 没有文字层（扫描件），文字识别（OCR）失败，无法读取'
      : '图片文字识别（OCR）失败，无法读取',
    `OCR failed: ${detail}`,
  );
}

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

/**
 * OCR of a PDF the text reader found without a text layer (its 'no_text_layer' outcome): that reader has already
 * opened it within its bounds (bomb, encryption, time), so here only the pages are counted and rendered.
 */
export async function readScannedPdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  if (options.ocr === false) return ocrOff('pdf');
  const { task, doc } = await openPdf(bytes);
  try {
    const pages = doc.numPages;
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
    await task.destroy().catch(() => undefined);
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

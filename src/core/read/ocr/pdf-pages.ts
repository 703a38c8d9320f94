// Page images of an image-only PDF (opened by ../pdf/pdfjs): each page rendered with pdfjs-dist onto an @napi-rs/canvas at the resolution
// of its scanned image (bounded), one page at a time so that only one page's pixels are held.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { pdfjs } from '../pdf/pdfjs';
import { grayFromCanvas, MAX_SIDE, type GrayImage } from './image';

/** A page rendered for OCR: pixels per PDF point in `scale`. */
export interface PageImage {
  image: GrayImage;
  /** Page size in PDF points. */
  width: number;
  height: number;
  scale: number;
}

/** Pixels per point of the largest image drawn on the page (0 when it draws none). */
async function imageScale(page: PDFPageProxy, width: number, height: number): Promise<number> {
  const { OPS } = await pdfjs();
  const ops = await page.getOperatorList();
  let scale = 0;
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
    const args = ops.argsArray[i] as unknown[];
    const w = typeof args[1] === 'number' ? args[1] : 0;
    const h = typeof args[2] === 'number' ? args[2] : 0;
    scale = Math.max(scale, w / width, h / height);
  });
  return scale;
}

export async function renderPage(page: PDFPageProxy): Promise<PageImage> {
  const { width, height } = page.getViewport({ scale: 1 });
  const wanted = (await imageScale(page, width, height)) || 150 / 72;
  // The scan's own resolution, but at least 150 dpi and at most 300 dpi or MAX_SIDE pixels.
  const scale = Math.min(Math.max(wanted, 150 / 72), 300 / 72, MAX_SIDE / Math.max(width, height, 1));
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(
    Math.max(1, Math.round(viewport.width)),
    Math.max(1, Math.round(viewport.height)),
  );
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // The @napi-rs/canvas context implements what pdfjs draws with; the DOM type is not in the Node typings.
  await page.render({ canvas: null, canvasContext: ctx as never, viewport }).promise;
  const image = grayFromCanvas(canvas);
  page.cleanup();
  return { image, width, height, scale: canvas.width / width };
}

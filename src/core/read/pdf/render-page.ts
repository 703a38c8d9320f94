// One page of a PDF as a PNG image, for the source pane: pdfjs draws it on an @napi-rs/canvas canvas (pdfjs's own
// canvas factory in Node). The image is bounded in pixels and the drawing in time.
import { openPdf } from './pdfjs';
import { beforeDeadline } from './read-pages';

/** Largest image drawn, in pixels (about 2,400 × 3,400: an A4 page at 4× its size in points). */
export const MAX_PAGE_PIXELS = 8_000_000;
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
const RENDER_TIME_MS = 20_000;

export interface PageImage {
  png: Buffer;
  /** Size of the image in pixels. */
  width: number;
  height: number;
  /** The scale actually used (pixels per PDF point), after the pixel bound. */
  scale: number;
  pageCount: number;
}

interface NodeCanvas {
  toBuffer(mime: 'image/png'): Buffer;
}

interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: unknown };
}

export class PageRenderError extends Error {
  override name = 'PageRenderError';
}

/** Draws page `pageNumber` (1-based) at `scale` pixels per point. Throws PageRenderError for a page not there. */
export async function renderPdfPage(
  bytes: Uint8Array,
  pageNumber: number,
  scale: number,
): Promise<PageImage> {
  const { task, doc } = await openPdf(bytes);
  try {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages)
      throw new PageRenderError(`没有第 ${pageNumber} 页（共 ${doc.numPages} 页）(no such page)`);
    const deadline = Date.now() + RENDER_TIME_MS;
    const page = await beforeDeadline(doc.getPage(pageNumber), deadline);
    const unit = page.getViewport({ scale: 1 });
    let s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    const pixels = unit.width * unit.height * s * s;
    if (pixels > MAX_PAGE_PIXELS) s *= Math.sqrt(MAX_PAGE_PIXELS / pixels);
    const viewport = page.getViewport({ scale: s });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(width, height);
    const render = page.render({ canvas: canvas as never, canvasContext: context as never, viewport });
    try {
      await beforeDeadline(render.promise, deadline);
    } catch (err) {
      render.cancel();
      throw err;
    }
    const png = canvas.toBuffer('image/png');
    page.cleanup();
    return { png, width, height, scale: s, pageCount: doc.numPages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

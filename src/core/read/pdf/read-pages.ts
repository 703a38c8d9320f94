// Reads the pages of an open PDF into positioned text and ruling lines, within a page limit and a time limit.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Matrix, PageContent } from './geometry';
import { readPageText } from './page-text';
import { readRulings } from './rulings';

export class ReadTimeout extends Error {
  override name = 'ReadTimeout';
}

/** Resolves with `work`, or rejects with ReadTimeout once `deadline` (ms since the epoch) has passed. */
export async function beforeDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadTimeout('deadline passed')), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ReadPagesOptions {
  /** Pages 1..maxPages are read. */
  maxPages: number;
  deadline: number;
  /** Only the text, not the ruling lines (enough to tell whether the PDF has a text layer). */
  textOnly?: boolean;
}

export async function readPages(doc: PDFDocumentProxy, options: ReadPagesOptions): Promise<PageContent[]> {
  const pages: PageContent[] = [];
  const count = Math.min(doc.numPages, options.maxPages);
  for (let n = 1; n <= count; n++) {
    const page = await beforeDeadline(doc.getPage(n), options.deadline);
    const viewport = page.getViewport({ scale: 1 });
    const transform = viewport.transform as Matrix;
    const text = await beforeDeadline(readPageText(page, transform), options.deadline);
    const rulings = options.textOnly
      ? { h: [], v: [] }
      : await beforeDeadline(readRulings(page, transform), options.deadline);
    pages.push({ page: n, width: viewport.width, height: viewport.height, ...text, rulings });
    page.cleanup();
  }
  return pages;
}

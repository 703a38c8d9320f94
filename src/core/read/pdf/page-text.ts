// The text of one page as positioned fragments, from pdfjs's text content.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { multiply, type Fragment, type Matrix } from './geometry';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir?: string;
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Share of the font size above the baseline that a glyph box takes (CJK fonts: about 0.88). */
const ASCENT = 0.88;

export interface PageText {
  fragments: Fragment[];
  spaces: { x: number; y: number }[];
}

export async function readPageText(page: PDFPageProxy, viewport: Matrix): Promise<PageText> {
  const content = await page.getTextContent();
  const fragments: Fragment[] = [];
  const spaces: { x: number; y: number }[] = [];
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const m = multiply(viewport, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]);
    const baseline = m[5];
    if (!Number.isFinite(size) || !Number.isFinite(m[4]) || !Number.isFinite(baseline)) continue;
    if (item.str.trim() === '') {
      // pdfjs's whitespace items carry no reliable width, only where the space starts.
      if (item.str.length > 0) spaces.push({ x: m[4], y: baseline - size / 2 });
      continue;
    }
    // Vertical writing ('ttb', e.g. a merged label cell printed one character per line) runs down from the
    // item's origin; text rotated by 90° runs along y as well. Their boxes are approximate.
    const rotated = Math.abs(m[1]) > Math.abs(m[0]);
    if (item.dir === 'ttb' || rotated) {
      const length =
        (item.dir === 'ttb' ? Math.abs(item.height) : Math.abs(item.width)) || size * item.str.length;
      fragments.push({
        text: item.str.replace(/\s+/g, ' '),
        x: m[4],
        y: baseline,
        width: size,
        height: length,
        size,
      });
      continue;
    }
    const width = Math.abs(item.width) || size * 0.5 * item.str.length;
    fragments.push({
      text: item.str.replace(/\s+/g, ' '),
      x: m[4],
      y: baseline - size * ASCENT,
      width,
      height: size,
      size,
    });
  }
  return { fragments, spaces };
}

// Page numbers and running footers are not part of a report's text: `- 3 -`, `— 3 —`, `第 3 页 共 9 页`, `3/9`.
import type { TextLine } from './lines';

const PAGE_NUMBER = [
  /^[\s\-—–－﹣_~·•]*\d{1,4}[\s\-—–－﹣_~·•]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^(共\s*\d{1,4}\s*页\s*[,，/]?\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** Lines in this share of the page at its top or bottom are the page's margins. */
const MARGIN = 0.12;

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t !== '' && PAGE_NUMBER.some((re) => re.test(t));
}

/** A page-number line printed in the top or bottom margin of the page. */
export function isPageFurniture(line: TextLine, pageHeight: number): boolean {
  const inMargin =
    line.box.y + line.box.height < pageHeight * MARGIN || line.box.y > pageHeight * (1 - MARGIN);
  return inMargin && isPageNumber(line.text);
}

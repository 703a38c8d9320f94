// Values read by OCR: each cell is `how: 'ocr'`, and is for review unless the table's arithmetic confirms it and
// the recogniser had no doubt about its characters.
import type { Extraction, Span } from '../../shared/types';
import type { OcrInfo } from '../read/types';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * `confirmed`: the keys of the report's rules that hold (`confirmedKeys` of ../rules, over the same rule list the
 * values were checked by). An OCR'd cell stands only when it is among them and in no finding at all: a rule that
 * fails, a reading that needed the arithmetic, a sentence of the text that disagrees.
 */
export function reviewOcr(extraction: Extraction, ocr: OcrInfo, confirmed: ReadonlySet<string>): void {
  const { cells, review, findings } = extraction;
  const questioned = new Set(findings.flatMap((f) => (f.suspect ? [...f.keys, f.suspect] : f.keys)));
  const inReview = new Set(review);
  for (const cell of cells) {
    cell.how = 'ocr';
    const doubtful = cell.span !== null && ocr.doubtful.some((d) => overlaps(d, cell.span!));
    const stands = confirmed.has(cell.key) && !questioned.has(cell.key) && !doubtful;
    if (!stands && !inReview.has(cell.key)) {
      inReview.add(cell.key);
      review.push(cell.key);
    }
  }
}

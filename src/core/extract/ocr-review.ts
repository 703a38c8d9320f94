// Values read by OCR: each cell is `how: 'ocr'`, and is for review unless the table's arithmetic confirms it and
// the recogniser had no doubt about its characters.
import type { Extraction, Span } from '../../shared/types';
import type { OcrInfo } from '../read/types';
import { confirmedKeys } from '../rules';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export function reviewOcr(extraction: Extraction, ocr: OcrInfo): void {
  const { template, cells, review } = extraction;
  const values = new Map(cells.map((c) => [c.key, c.value]));
  const confirmed = template === 'unknown' ? new Set<string>() : confirmedKeys(template, values);
  const inReview = new Set(review);
  for (const cell of cells) {
    cell.how = 'ocr';
    const doubtful = cell.span !== null && ocr.doubtful.some((d) => overlaps(d, cell.span!));
    if ((!confirmed.has(cell.key) || doubtful) && !inReview.has(cell.key)) {
      inReview.add(cell.key);
      review.push(cell.key);
    }
  }
}

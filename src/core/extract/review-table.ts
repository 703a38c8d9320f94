import type { GridCells } from './grid-cells';
// 政府信息公开行政复议、行政诉讼情况: 15 cells after a two-line heading, in three groups of five.
import { REVIEW_KEYS } from './layout';
import { REVIEW_HEADING, searchFrom } from './apply-table';
import { solveRow } from './solve';
import { tokenize } from './tokens';
import { addRow, emptyResult, markMissing, type TableResult } from './table-read';

const GROUPS_SUM = (v: number[]): boolean =>
  [0, 5, 10].every((g) => Math.abs(v[g]! + v[g + 1]! + v[g + 2]! + v[g + 3]! - v[g + 4]!) < 1e-6);

export function readReviewTable(
  text: string,
  from: number,
  to: number,
  grid?: GridCells,
): TableResult | null {
  const start = searchFrom(REVIEW_HEADING, text, from, to);
  if (start < 0) return null;
  // The column headings hold no digits: the values start at the first digit or blank marker after them.
  const afterHeading = text.slice(start, to);
  const firstValue = /\d|(?<=[|\n\s])(?:—|-|\/)(?=[|\n\s])/.exec(afterHeading);
  const result = emptyResult(start, to);
  if (!firstValue) {
    markMissing(result, REVIEW_KEYS, '行政复议、行政诉讼');
    return result;
  }
  const valuesStart = start + firstValue.index;
  // Whatever follows the table (notes with figures, another table) is not part of its 15 cells.
  let tokens = firstValues(tokenize(text, valuesStart, to, true, grid), REVIEW_KEYS.length);
  // A row that starts with ' | ' has an empty first cell.
  const lineStart = text.lastIndexOf('\n', valuesStart - 1) + 1;
  if (/^\s*\|\s*$/.test(text.slice(lineStart, valuesStart))) {
    tokens = [{ kind: 'empty', raw: '', start: valuesStart, end: valuesStart }, ...tokens];
  }
  const solved = solveRow(tokens, 15, GROUPS_SUM);
  if (solved.readings.length === 0) {
    markMissing(result, REVIEW_KEYS, '行政复议、行政诉讼');
    return result;
  }
  addRow(result, REVIEW_KEYS, solved, solved.readings[0]!, '行政复议、行政诉讼');
  const last = solved.readings[0]!.cells.reduce((e, c) => Math.max(e, c.end), valuesStart);
  result.end = last;
  return result;
}

function firstValues<T extends { kind: string }>(tokens: T[], n: number): T[] {
  let count = 0;
  const kept: T[] = [];
  for (const t of tokens) {
    if (t.kind !== 'empty' && ++count > n) break;
    kept.push(t);
  }
  return kept;
}

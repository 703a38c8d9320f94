// What reading one table yields, and how a solved row becomes cells.
import type { Finding, ReadHow } from '../../shared/types';
import type { RowReading, RowResult } from './solve';

export interface ReadCell {
  key: string;
  value: number | null;
  how: ReadHow;
  raw: string;
  /** Range in the normalised text, or null for a guessed cell the document does not print. */
  start: number;
  end: number;
  label?: string;
}

export interface TableResult {
  cells: ReadCell[];
  /** Keys the reviewer must look at because of how they were read (ambiguous, guessed, missing). */
  review: Set<string>;
  findings: Finding[];
  start: number;
  end: number;
}

export function emptyResult(start: number, end: number): TableResult {
  return { cells: [], review: new Set(), findings: [], start, end };
}

/** Records the chosen reading of a row; flags it for review when the reading is not certain. */
export function addRow(
  result: TableResult,
  keys: string[],
  solved: RowResult,
  chosen: RowReading,
  label: string,
): void {
  chosen.cells.forEach((cell, i) => {
    const key = keys[i];
    if (!key) return;
    result.cells.push({
      key,
      value: cell.value,
      how: cell.how,
      raw: cell.raw,
      start: cell.start,
      end: cell.end,
    });
  });
  const distinct = solved.readings.length;
  if (solved.blank) {
    // Confirmed by the table's arithmetic like any clean cell; a rule that fails puts it in review.
    result.findings.push({
      rule: 'extract.blank_row',
      severity: 'info',
      keys,
      message: `「${label}」一行未印出任何数字，按空白（0）读取`,
    });
    return;
  }
  if (solved.short) {
    result.findings.push({
      rule: 'extract.short_row',
      severity: 'warning',
      keys,
      message: `「${label}」一行只印出 ${chosen.cells.filter((c) => c.how !== 'guessed' || c.raw !== '').length} 个数，应有 ${keys.length} 个；缺少的单元格为推测值`,
    });
  } else if (solved.long) {
    result.findings.push({
      rule: 'extract.long_row',
      severity: 'warning',
      keys,
      message: `「${label}」一行的数多于 ${keys.length} 个，取值为推测`,
    });
  } else if (distinct > 1) {
    const shown = solved.readings
      .slice(0, 4)
      .map((r) => r.cells.map((c) => c.value).join(' '))
      .join('；');
    result.findings.push({
      rule: 'extract.ambiguous_split',
      severity: 'warning',
      keys,
      message: `「${label}」的连写数字有多种拆分都符合规则：${shown}${distinct > 4 ? ' …' : ''}`,
    });
  } else if (solved.failsCheck) {
    // No reading satisfies the row's arithmetic: the cells it was read into are as doubtful as the sums.
    result.findings.push({
      rule: 'extract.row_arithmetic',
      severity: 'info',
      keys,
      message: `「${label}」无论怎样读都不符合本行的数量关系`,
    });
  } else if (chosen.multiDigitSplit && solved.checked) {
    // The only cut that the row's own sum allows: confirmed unless a rule across rows fails on it.
    result.findings.push({
      rule: 'extract.split_checked',
      severity: 'info',
      keys,
      message: `「${label}」的数字连写在一起，只有一种拆分符合本行的数量关系`,
    });
    return;
  } else if (chosen.multiDigitSplit || (!solved.checked && splitsNonZeroRun(chosen))) {
    result.findings.push({
      rule: 'extract.split',
      severity: 'info',
      keys,
      message: `「${label}」的数字连写在一起，已按单元格数和表内关系拆分`,
    });
  } else {
    return;
  }
  for (const k of keys) result.review.add(k);
}

export function markMissing(result: TableResult, keys: string[], label: string): void {
  for (const k of keys) result.review.add(k);
  result.findings.push({
    rule: 'extract.missing_row',
    severity: 'warning',
    keys,
    message: `表中未找到「${label}」一行`,
  });
}

/** A digit run with a non-zero digit was cut into cells: without arithmetic to confirm it, `29` may be one cell. */
function splitsNonZeroRun(reading: RowReading): boolean {
  return reading.cells.some((c) => c.how === 'split' && c.value !== 0);
}

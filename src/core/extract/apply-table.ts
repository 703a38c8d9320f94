// 收到和处理政府信息公开申请情况: 7 applicant columns per row, rows found by their labels.
import type { TemplateId } from '../../shared/types';
import { rulesFor } from '../rules';
import { APPLY_ROWS_2019, APPLY_ROWS_2021, OTHER_SUBROWS_2021, spaced, type RowSpec } from './layout';
import { locateRows, type LocatedRow } from './rows';
import { solveRow, type RowReading, type RowResult } from './solve';
import { addRow, emptyResult, markMissing, type TableResult } from './table-read';

const ROW_SUM = (v: number[]): boolean => Math.abs(v.slice(0, 6).reduce((a, b) => a + b, 0) - v[6]!) < 1e-6;

export const APPLY_START = spaced(/本年新收/);
export const REVIEW_HEADING = spaced(
  /政府信息公开行政复议|行政复议[、,，和及与\s]*行政诉讼|行政复议\s*\|\s*行政诉讼/,
);

export interface ApplyTable extends TableResult {
  /** Format of the （六）其他处理 rows: three sub-rows (2021) or one row (2019). */
  otherRows: TemplateId;
}

export function readApplyTable(text: string, from: number, to: number): ApplyTable | null {
  const startMatch = APPLY_START.exec(text.slice(from, to));
  if (!startMatch) return null;
  const start = from + startMatch.index;
  const headingAfter = REVIEW_HEADING.exec(text.slice(start, to));
  const end = headingAfter ? start + headingAfter.index : to;
  const region = text.slice(start, end);
  const otherRows: TemplateId = spaced(OTHER_SUBROWS_2021).test(region) ? '2021' : '2019';
  const specs = otherRows === '2021' ? APPLY_ROWS_2021 : APPLY_ROWS_2019;
  const located = locateRows(text, start, end, specs);
  const result: ApplyTable = { ...emptyResult(start, end), otherRows };

  const solved = new Map<RowSpec, { row: LocatedRow; result: RowResult }>();
  for (const row of located) solved.set(row.spec, { row, result: solveRow(row.tokens, 7, ROW_SUM) });
  const chosen = chooseWithColumns(solved, otherRows);

  for (const spec of specs) {
    const entry = solved.get(spec);
    const label = labelOf(text, entry?.row) ?? spec.id;
    if (!entry || entry.result.readings.length === 0) {
      markMissing(result, spec.keys, label);
      continue;
    }
    addRow(result, spec.keys, entry.result, chosen.get(spec)!, label);
  }
  return result;
}

function labelOf(text: string, row: LocatedRow | undefined): string | undefined {
  if (!row) return undefined;
  return text.slice(row.labelStart, row.labelEnd).replace(/\s+/g, '').slice(0, 40);
}

/**
 * Rows with several readings that fit their own arithmetic are settled by the columns' rules, when exactly one
 * reading makes every column rule hold. Readings left ambiguous keep all their candidates for review.
 */
function chooseWithColumns(
  solved: Map<RowSpec, { row: LocatedRow; result: RowResult }>,
  template: TemplateId,
): Map<RowSpec, RowReading> {
  const chosen = new Map<RowSpec, RowReading>();
  for (const [spec, { result }] of solved) if (result.readings[0]) chosen.set(spec, result.readings[0]);
  const ambiguous = [...solved].filter(
    ([, { result }]) => result.readings.length > 1 && !result.short && !result.long,
  );
  if (ambiguous.length === 0) return chosen;
  const present = new Set([...chosen.keys()].flatMap((s) => s.keys));
  const columnRules = rulesFor(template, (k) => present.has(k)).filter(
    (r) => r.id !== 'apply.row_total' && r.id.startsWith('apply.'),
  );
  const valuesWith = (spec: RowSpec, reading: RowReading): Map<string, number> => {
    const values = new Map<string, number>();
    for (const [s, r] of chosen) {
      const cells = s === spec ? reading.cells : r.cells;
      s.keys.forEach((k, i) => values.set(k, cells[i]?.value ?? 0));
    }
    return values;
  };
  const failures = (values: Map<string, number>): number =>
    columnRules.filter((rule) => {
      const keys = [...rule.left, ...rule.right];
      if (!keys.every((k) => values.has(k))) return false;
      const left = rule.left.reduce((a, k) => a + values.get(k)!, 0);
      const right = rule.right.reduce((a, k) => a + values.get(k)!, 0);
      return Math.abs(left - right) > 1e-6;
    }).length;
  for (const [spec, entry] of ambiguous) {
    const fitting = entry.result.readings.filter((r) => failures(valuesWith(spec, r)) === 0);
    if (fitting.length === 1) {
      chosen.set(spec, fitting[0]!);
      entry.result = { ...entry.result, readings: fitting };
    }
  }
  return chosen;
}

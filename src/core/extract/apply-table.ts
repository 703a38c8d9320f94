import type { GridCells } from './grid-cells';
// 收到和处理政府信息公开申请情况: 7 applicant columns per row, rows found by their labels.
import type { TemplateId } from '../../shared/types';
import { rulesFor } from '../rules';
import { APPLY_ROWS_2019, APPLY_ROWS_2021, OTHER_SUBROWS_2021, spaced, type RowSpec } from './layout';
import { locateRows, type LocatedRow } from './rows';
import { solveRow, type RowReading, type RowResult } from './solve';
import { addRow, emptyResult, markMissing, type TableResult } from './table-read';

const MAX_SOLUTIONS = 64;

const ROW_SUM = (v: number[]): boolean => Math.abs(v.slice(0, 6).reduce((a, b) => a + b, 0) - v[6]!) < 1e-6;

export const APPLY_START = spaced(/本年新收/g);
const OTHER_SUBROWS = spaced(new RegExp(OTHER_SUBROWS_2021.source, 'g'));
export const REVIEW_HEADING = spaced(
  /政府信息公开行政复议|行政复议[、,，和及与\s]*行政诉讼|行政复议\s*\|\s*行政诉讼/g,
);

/** Index of the first match of a global pattern within text[from, to), or -1. */
export function searchFrom(re: RegExp, text: string, from: number, to: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < to ? m.index : -1;
}

export interface ApplyTable extends TableResult {
  /** Format of the （六）其他处理 rows: three sub-rows (2021) or one row (2019). */
  otherRows: TemplateId;
}

export function readApplyTable(text: string, from: number, to: number, grid?: GridCells): ApplyTable | null {
  const start = searchFrom(APPLY_START, text, from, to);
  if (start < 0) return null;
  const headingAt = searchFrom(REVIEW_HEADING, text, start, to);
  const end = headingAt >= 0 ? headingAt : to;
  const otherRows: TemplateId = searchFrom(OTHER_SUBROWS, text, start, end) >= 0 ? '2021' : '2019';
  const specs = otherRows === '2021' ? APPLY_ROWS_2021 : APPLY_ROWS_2019;
  const located = locateRows(text, start, end, specs, grid);
  const result: ApplyTable = { ...emptyResult(start, end), otherRows };

  const solved = new Map<RowSpec, { row: LocatedRow; result: RowResult }>();
  for (const row of located) solved.set(row.spec, { row, result: solveRow(row.tokens, 7, ROW_SUM, true) });
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
 * Rows with several readings that fit their own arithmetic are settled jointly by the columns' rules: a reading is
 * kept when it is the same in every combination of readings that satisfies every column rule. Rows left with
 * several readings keep their candidates for review.
 */
function chooseWithColumns(
  solved: Map<RowSpec, { row: LocatedRow; result: RowResult }>,
  template: TemplateId,
): Map<RowSpec, RowReading> {
  const chosen = new Map<RowSpec, RowReading>();
  for (const [spec, { result }] of solved) if (result.readings[0]) chosen.set(spec, result.readings[0]);
  const open = [...solved].filter(
    ([, { result }]) => result.readings.length > 1 && !result.short && !result.long,
  );
  if (open.length === 0) return chosen;

  const present = new Set([...chosen.keys()].flatMap((s) => s.keys));
  const rowOfKey = new Map<string, RowSpec>();
  for (const spec of chosen.keys()) for (const k of spec.keys) rowOfKey.set(k, spec);

  // Rows read by guesswork (short, long, failing their own sum) cannot confirm anything: rules touching them are
  // left out of the joint solve.
  const unreliable = new Set(
    [...solved]
      .filter(([, { result }]) => result.short || result.long || result.failsCheck)
      .map(([spec]) => spec),
  );
  const rules = rulesFor(template, (k) => present.has(k)).filter(
    (r) =>
      r.id !== 'apply.row_total' &&
      [...r.left, ...r.right].every((k) => present.has(k) && !unreliable.has(rowOfKey.get(k)!)),
  );
  // Rows whose readings are settled first, so that rules can be checked as soon as their rows are assigned.
  open.sort(([, a], [, b]) => a.result.readings.length - b.result.readings.length);
  const order = open.map(([spec]) => spec);
  const position = new Map(order.map((spec, i) => [spec, i]));
  const lastRowOf = rules.map((r) =>
    Math.max(-1, ...[...r.left, ...r.right].map((k) => position.get(rowOfKey.get(k)!) ?? -1)),
  );
  const assignment = new Map(chosen);
  const value = (k: string): number => {
    const spec = rowOfKey.get(k)!;
    return assignment.get(spec)!.cells[spec.keys.indexOf(k)]?.value ?? 0;
  };
  const holds = (i: number): boolean => {
    const r = rules[i]!;
    return (
      Math.abs(r.left.reduce((a, k) => a + value(k), 0) - r.right.reduce((a, k) => a + value(k), 0)) < 1e-6
    );
  };
  const solutions: RowReading[][] = [];
  let visits = 0;
  const search = (depth: number, picked: RowReading[]): void => {
    if (solutions.length > MAX_SOLUTIONS || ++visits > 50_000) return;
    if (depth === order.length) {
      solutions.push([...picked]);
      return;
    }
    for (const reading of solved.get(order[depth]!)!.result.readings) {
      assignment.set(order[depth]!, reading);
      if (rules.every((_, i) => lastRowOf[i] !== depth || holds(i))) search(depth + 1, [...picked, reading]);
    }
  };
  if (rules.every((_, i) => lastRowOf[i] !== -1 || holds(i))) search(0, []);
  if (solutions.length === 0 || solutions.length > MAX_SOLUTIONS || visits > 50_000) return chosen;
  // A row is settled when every combination that satisfies the rules reads it the same way.
  order.forEach((spec, i) => {
    const reading = solutions[0]![i]!;
    if (solutions.some((solution) => solution[i] !== reading)) return;
    chosen.set(spec, reading);
    const entry = solved.get(spec)!;
    entry.result = { ...entry.result, readings: [reading] };
  });
  return chosen;
}

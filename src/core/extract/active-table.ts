import type { GridCells } from './grid-cells';
// 主动公开政府信息情况 (第二十条 blocks): the 2021 and 2019 layouts differ in columns and rows.
import type { TemplateId } from '../../shared/types';
import { ACTIVE_MARKS_2019, ACTIVE_MARKS_2021, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021, spaced } from './layout';
import { locateRows } from './rows';
import { fieldOf } from '../fields';
import { solveRow } from './solve';
import { addRow, emptyResult, markMissing, type TableResult } from './table-read';

export interface ActiveTable extends TableResult {
  template: TemplateId;
}

const ACTIVE_HEADING = spaced(/主动公开政府信息情况/);
const ARTICLE_20 = spaced(/第二十条/);

/** Blocks of rows printed together: a missing row inside a printed block is flagged, a missing block is not. */
const BLOCKS = [
  ['active.rules', 'active.normative_docs'],
  ['active.licensing', 'active.other_services'],
  ['active.punishment', 'active.coercion'],
];

/** Counts are whole and not negative; only amounts hold decimals and only 本年增/减 a sign. */
function fitsColumns(keys: string[]): (values: number[]) => boolean {
  const amount = keys.map((k) => k.endsWith('.amount'));
  const signed = keys.map((k) => k.endsWith('.change'));
  return (values) => values.every((v, i) => (amount[i] || Number.isInteger(v)) && (signed[i] || v >= 0));
}

export function readActiveTable(
  text: string,
  from: number,
  to: number,
  grid?: GridCells,
): ActiveTable | null {
  const slice = text.slice(from, to);
  const heading = ACTIVE_HEADING.exec(slice);
  const article = ARTICLE_20.exec(heading ? slice.slice(heading.index) : slice);
  if (!heading && !article) return null;
  const start = from + (heading ? heading.index : 0) + (article ? article.index : 0);
  // Column headings are often broken over lines (`本年新\n制作数量`).
  const region = text.slice(start, to).replace(/\s+/g, '');
  const marks2021 = region.match(ACTIVE_MARKS_2021)?.length ?? 0;
  const marks2019 = region.match(ACTIVE_MARKS_2019)?.length ?? 0;
  if (marks2021 === 0 && marks2019 === 0 && !article) return null;
  const template: TemplateId = marks2021 > marks2019 ? '2021' : '2019';
  const specs = template === '2021' ? ACTIVE_ROWS_2021 : ACTIVE_ROWS_2019;
  const located = locateRows(text, start, to, specs, grid);
  const result: ActiveTable = { ...emptyResult(start, to), template };
  const found = new Set(located.map((r) => r.spec.id));
  for (const row of located) {
    const label = text.slice(row.labelStart, row.labelEnd).replace(/\s+/g, '');
    // The column kinds rule readings out but confirm nothing: the active table has no arithmetic of its own.
    const solved = {
      ...solveRow(row.tokens, row.spec.keys.length, fitsColumns(row.spec.keys)),
      checked: false,
    };
    if (solved.readings.length === 0) {
      markMissing(result, row.spec.keys, label);
      continue;
    }
    addRow(result, row.spec.keys, solved, solved.readings[0]!, label);
  }
  for (const spec of specs) {
    if (found.has(spec.id)) continue;
    const block = BLOCKS.find((b) => b.includes(spec.id));
    if (block && block.some((id) => found.has(id)))
      markMissing(result, spec.keys, fieldOf(spec.keys[0]!, template)?.label.split(' | ')[0] ?? spec.id);
  }
  return result;
}

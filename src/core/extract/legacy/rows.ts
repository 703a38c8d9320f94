// The rows of a pre-2019 统计表 as printed: label, unit, value cells. Two shapes reach us: cells separated by ' | '
// or line breaks (web pages, Word, PDF), and text whose separators are spaces or nothing at all
// (`主动公开文件数条6262027其中：1.政府网站公开数条62620272.政府公报公开数条00…`).
import { maskRemarks } from '../tokens';

export interface Cell {
  text: string;
  start: number;
  end: number;
}

export interface IndicatorRow {
  label: string;
  /** Value cells as printed: one per column, or one glued run holding several columns. */
  values: Cell[];
  /** Read from text without cell separators, where one digit run may hold several columns. */
  glued?: boolean;
  /** The trailing digits of the run were taken as the next label's numbering without certainty. */
  numberingGuessed?: boolean;
}

export const UNITS = '万元|人次|条|件|次|篇|个|人|元|项|起|份|场|期';
const UNIT_CELL = new RegExp(`^(?:${UNITS})$`);
const HEADER_CELL =
  /^(?:统计指标|指标名称|单位|计量单位|统计数|数量|本年度|本年|本年数|年末统计|历年累计|累计|备注|\d{4}年度?)$/;
const VALUE_CELL = new RegExp(`^[+-]?[\\d,]+(?:\\.\\d+)?\\s*(?:${UNITS})?$|^(?:—+|-+|\\/|无)$`);

const isValueCell = (s: string): boolean => VALUE_CELL.test(s);
const hasChinese = (s: string): boolean => /[\u3400-\u9fff]/.test(s);

/** Cells in reading order; an empty cell between two ' | ' on one line is kept (text '') as a blank value. */
function cellsOf(text: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let lineStart = from;
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const parts = text.slice(lineStart, lineEnd).split('|');
    let at = lineStart;
    parts.forEach((part, k) => {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      // A line holding only '|' is an empty cell too (one cell per line).
      const interior =
        (k > 0 && k < parts.length - 1) || (parts.length === 2 && k === 0 && parts[1]!.trim() === '');
      if (trimmed || interior)
        cells.push({ text: trimmed, start: at + lead, end: at + lead + trimmed.length });
      at += part.length + 1;
    });
    lineStart = lineEnd + 1;
  }
  return cells;
}

const endsTable = (rows: IndicatorRow[], label: string): boolean =>
  rows.length > 3 && label.length > 60 && /[。；]/.test(label);

/** Rows from a table whose cells are separated by ' | ' or line breaks. */
export function rowsFromCells(text: string, start: number, to: number): IndicatorRow[] {
  const cells = cellsOf(text, start, to);
  const rows: IndicatorRow[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (
      isValueCell(cell.text) ||
      UNIT_CELL.test(cell.text) ||
      HEADER_CELL.test(cell.text.replace(/\s+/g, ''))
    )
      continue;
    if (!hasChinese(cell.text)) continue;
    if (endsTable(rows, cell.text)) break;
    const values: Cell[] = [];
    let j = i + 1;
    for (; j < cells.length; j++) {
      const next = cells[j]!;
      if (UNIT_CELL.test(next.text)) continue;
      if (next.text !== '' && !isValueCell(next.text)) break;
      values.push(next);
    }
    // Empty cells count as blank values only between or before printed values, not as padding after them.
    while (values.length > 0 && values[values.length - 1]!.text === '') values.pop();
    rows.push({ label: cell.text, values });
    i = j - 1;
  }
  return rows;
}

const UNIT_ANCHOR = new RegExp(`(${UNITS})(?=[ \\t]*(?:\\d|—|-{1,3}(?!\\d)|/|无(?:\\s|$)))`, 'g');
const VALUE_TOKEN = /[ \t]*([+-]?\d[\d,]*(?:\.\d+)?|—+|-{1,3}|\/|无(?=\s|$))/y;

/** The number a label carries (`2.政府公报公开数` → 2), or null. */
function arabicNumber(label: string): number | null {
  const m = /^(?:其中\s*[:：]?\s*)?(\d{1,2})\s*[.、]/.exec(label.trim());
  return m ? Number(m[1]) : null;
}

/**
 * Rows from text without cell separators: a unit followed by values anchors each row; the label is what lies
 * between the previous row's values and the unit. A numbering glued after a value (`…数条62620272.政府…`) belongs
 * to the next label: the digits that continue the numbering of the previous label are cut off.
 */
export function rowsFromText(text: string, start: number, to: number): IndicatorRow[] {
  const region = maskRemarks(text.slice(start, to));
  const rows: IndicatorRow[] = [];
  let labelFrom = 0;
  UNIT_ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNIT_ANCHOR.exec(region))) {
    const unitStart = m.index;
    const labelText = text.slice(start + labelFrom, start + unitStart);
    // A unit inside the previous row's values region cannot start a row.
    if (!hasChinese(labelText)) continue;
    if (/^[.、]/.test(labelText) && rows.length > 0) stealNumbering(rows[rows.length - 1]!, labelText);
    const printed = cleanLabel(
      rows.length > 0 ? restoreNumbering(rows[rows.length - 1]!, labelText) : labelText,
    );
    const { headings, label } = splitHeadings(printed);
    if (endsTable(rows, label)) break;
    for (const heading of headings) rows.push({ label: heading, values: [] });
    const values: Cell[] = [];
    VALUE_TOKEN.lastIndex = unitStart + m[1]!.length;
    let t: RegExpExecArray | null;
    let end = VALUE_TOKEN.lastIndex;
    while ((t = VALUE_TOKEN.exec(region))) {
      const at = t.index + t[0].length - t[1]!.length;
      values.push({ text: t[1]!, start: start + at, end: start + at + t[1]!.length });
      end = VALUE_TOKEN.lastIndex;
    }
    rows.push({ label, values, glued: true });
    labelFrom = end;
    UNIT_ANCHOR.lastIndex = end;
  }
  return rows;
}

/** Digits taken off the last value as numbering, remembered so the next label is printed with them. */
const stolen = new WeakMap<IndicatorRow, string>();

function stealNumbering(row: IndicatorRow, nextLabel: string): void {
  const last = row.values[row.values.length - 1];
  if (!last || !/^\d+$/.test(last.text) || !/^[.、]\s*[\u3400-\u9fff]/.test(nextLabel)) return;
  const expected = String((arabicNumber(row.label) ?? 0) + 1);
  let cut: number;
  if (last.text === expected || last.text.endsWith(expected)) cut = expected.length;
  else {
    cut = 1;
    row.numberingGuessed = true;
  }
  stolen.set(row, last.text.slice(last.text.length - cut));
  if (cut >= last.text.length) row.values.pop();
  else row.values[row.values.length - 1] = { ...last, text: last.text.slice(0, -cut), end: last.end - cut };
}

function restoreNumbering(previous: IndicatorRow, label: string): string {
  const digits = stolen.get(previous);
  return digits && /^[.、]/.test(label) ? digits + label : label;
}

const INNER_NUMBERING =
  /(?<=[^\s一二三四五六七八九十])\s*(?=[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])|\s(?=\d{1,2}[.、]\s*[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=\d{1,2}[.、][\u3400-\u9fff])/g;

/** `一、主动公开情况 (一)主动公开政府信息数` is a heading row without values, then the row's own label. */
function splitHeadings(printed: string): { headings: string[]; label: string } {
  const parts: string[] = [];
  let from = 0;
  for (const m of printed.matchAll(INNER_NUMBERING)) {
    const head = printed.slice(from, m.index).trim();
    if (head && !/^其中\s*[:：]?$/.test(head)) {
      parts.push(head);
      from = m.index + m[0].length;
    }
  }
  return { headings: parts, label: printed.slice(from).trim() };
}

function cleanLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

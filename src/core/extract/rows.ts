import type { GridCells } from './grid-cells';
// Finds row labels in order and cuts the text between them into each row's values.
import { spaced, type RowSpec } from './layout';
import { tokenize, type Token } from './tokens';

export interface LocatedRow {
  spec: RowSpec;
  labelStart: number;
  labelEnd: number;
  /** Where the row's values are: from the end of its label to the start of the next row's label. */
  valuesStart: number;
  valuesEnd: number;
  tokens: Token[];
}

const LABEL_START =
  /^(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)[\u3400-\u9fff]/;
const LABEL_CHAR = /[\u3400-\u9fff、,，:：;；"'《》〈〉()（）[\]【】·]/;
const FORWARD =
  /(?:[\u3400-\u9fff、,，:：;；"'《》〈〉()（）[\]【】·/]|[ \t]*\n[ \t\n]*(?=[\u3400-\u9fff]{2})|[ \t]+(?=[\u3400-\u9fff]))*/y;

/** Extends a label match forward over the rest of the label (Chinese text and its punctuation). */
function labelEndFrom(text: string, at: number, limit: number): number {
  FORWARD.lastIndex = at;
  const m = FORWARD.exec(text);
  const end = m ? at + m[0].length : at;
  return Math.min(end, limit);
}

/**
 * Moves a label match back to where the label starts: over its Chinese text and its numbering (`（三）`, `5.`, `二、`).
 * A numbering glued to the previous row's digits (`…10000015.属于…`) is cut off using the expected number.
 */
function labelStartFrom(text: string, at: number, floor: number, numbering?: string): number {
  let i = at;
  while (i > floor) {
    if (LABEL_CHAR.test(text[i - 1]!)) {
      i--;
      continue;
    }
    // A label broken over lines (`5.属\n\n于三类内部事务信息`) continues across the break when the line before
    // is where the label starts (its numbering); a heading line before it is not part of it.
    let j = i;
    while (j > floor && /\s/.test(text[j - 1]!)) j--;
    if (j < i && j > floor && LABEL_CHAR.test(text[i] ?? '')) {
      const lineStart = Math.max(floor, text.lastIndexOf('\n', j - 1) + 1);
      const line = text.slice(lineStart, j).trim();
      if (LABEL_START.test(line) && line.length <= 20) {
        i = lineStart + (text.slice(lineStart, j).length - text.slice(lineStart, j).trimStart().length);
      }
    }
    break;
  }
  // Numbering such as `5.` or `5、` right before the label.
  if (i - 2 >= floor && /[.．、]/.test(text[i - 1]!) && /\d/.test(text[i - 2]!)) {
    let d = i - 1;
    while (d > floor && /\d/.test(text[d - 1]!)) d--;
    const digits = text.slice(d, i - 1);
    if (numbering && digits.endsWith(numbering)) return i - 1 - numbering.length;
    if (!numbering && digits.length <= 2) return d;
  }
  return i;
}

const patterns = new WeakMap<RowSpec, RegExp>();

function labelPattern(spec: RowSpec): RegExp {
  let re = patterns.get(spec);
  if (!re) {
    re = new RegExp(spaced(spec.label).source, 'g');
    patterns.set(spec, re);
  }
  return re;
}

/**
 * Locates each row label of `specs`, in order, within text[from, to). A row whose label is not found is left out;
 * the next row is searched from the same place.
 */
export function locateRows(
  text: string,
  from: number,
  to: number,
  specs: RowSpec[],
  grid?: GridCells,
): LocatedRow[] {
  const matches: { spec: RowSpec; start: number; end: number }[] = [];
  let cursor = from;
  for (const spec of specs) {
    const re = labelPattern(spec);
    re.lastIndex = cursor;
    const m = re.exec(text);
    if (!m || m.index >= to) continue;
    matches.push({ spec, start: m.index, end: m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  const rows: LocatedRow[] = [];
  let prevEnd = from;
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]!;
    const next = matches[k + 1];
    const labelStart = labelStartFrom(text, match.start, prevEnd, match.spec.numbering);
    const labelEnd = labelEndFrom(text, match.end, next ? next.start : to);
    const nextStart = next ? labelStartFrom(text, next.start, labelEnd, next.spec.numbering) : to;
    const valuesEnd = Math.max(labelEnd, nextStart);
    rows.push({
      spec: match.spec,
      labelStart,
      labelEnd,
      valuesStart: labelEnd,
      valuesEnd,
      tokens: tokenize(text, labelEnd, valuesEnd, true, grid),
    });
    prevEnd = labelEnd;
  }
  return rows;
}

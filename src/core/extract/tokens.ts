import type { GridCells } from './grid-cells';
// Turns the stretch of normalised text between one row label and the next into value tokens.

export type Token =
  | {
      kind: 'num';
      raw: string;
      start: number;
      end: number;
      value: number;
      /** A bare run of digits (signed or not), which may be several glued cells. */
      digitsOnly: boolean;
      unit?: string;
    }
  | { kind: 'blank'; raw: string; start: number; end: number }
  /** An empty cell between two ' | ' separators on one line: a blank cell or a colspan pad. */
  | { kind: 'empty'; raw: string; start: number; end: number };

const CJK = /[\u3400-\u9fff]/;
/** Dash runs and a slash standing alone in a cell mean the cell is blank. */
const BLANK_MARK = /^(?:—{1,3}|-{1,3}|\/)$/;

/** Blanks out parenthesised remarks that contain Chinese text (they may hold digits: `（…相同信息计1条）`). */
export function maskRemarks(segment: string): string {
  return segment.replace(/[(（][^()（）\n]{0,80}?[)）]/g, (m) => (CJK.test(m) ? ' '.repeat(m.length) : m));
}

const CELL_SEPARATOR = /[|\n]/;

/**
 * Reads value tokens from text[start, end). Chinese text between values (group headings such as （三）不予公开)
 * is skipped; a run of 8 or more Chinese characters ends the region (prose or the next table's heading).
 */
/** No row has more cells than this; a region with more values is garbage and need not be read to its end. */
const MAX_VALUES = 200;
const MAX_REGION = 4000;

export function tokenize(
  text: string,
  start: number,
  end: number,
  stopAtProse = true,
  grid?: GridCells,
): Token[] {
  // No row's values span more than a few hundred characters; what lies beyond is not read.
  const segment = maskRemarks(text.slice(start, Math.min(end, start + MAX_REGION)));
  const tokens: Token[] = [];
  const re =
    /([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)(万元|人次|元|件|条|个|人|次|项|篇|起|%)?|(—+|-+|\/)|([\u3400-\u9fff]+)|(\|)/g;
  let lastPipeLine = -1; // index in segment of the last '|' on the current line, if the line had no value since
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment)) && tokens.length < MAX_VALUES) {
    const at = m.index;
    if (m[5] !== undefined) {
      // One cell per line: a line holding only '|' is an empty cell.
      if (tokens.length > 0 && lineHoldsOnly(segment, at)) {
        tokens.push({ kind: 'empty', raw: '', start: start + at, end: start + at });
      } else if (lastPipeLine >= 0 && onlySpacesBetween(segment, lastPipeLine + 1, at)) {
        const from = start + lastPipeLine + 1;
        const isCell = grid !== undefined && inRange(grid.empty, from, start + at);
        tokens.push(
          isCell && lineHasDigit(segment, at)
            ? { kind: 'blank', raw: '', start: start + at - 1, end: start + at - 1 }
            : { kind: 'empty', raw: '', start: from, end: start + at },
        );
      }
      lastPipeLine = at;
      continue;
    }
    if (m[4] !== undefined) {
      if (stopAtProse && m[4].length >= 8) break;
      if ((m[4] === '无' || m[4] === '空') && isWholeCell(segment, at, at + 1)) {
        tokens.push({ kind: 'blank', raw: m[4], start: start + at, end: start + at + 1 });
      }
      lastPipeLine = -1;
      continue;
    }
    if (m[3] !== undefined) {
      if (isWholeCell(segment, at, at + m[3].length) && BLANK_MARK.test(m[3])) {
        tokens.push({ kind: 'blank', raw: m[3], start: start + at, end: start + at + m[3].length });
      }
      lastPipeLine = -1;
      continue;
    }
    const numText = m[1]!;
    const unit = m[2];
    const value = Number(numText.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    tokens.push({
      kind: 'num',
      raw: m[0],
      start: start + at,
      end: start + at + m[0].length,
      value,
      digitsOnly: /^[+-]?\d+$/.test(numText) && unit === undefined && !grid?.whole.has(start + at),
      ...(unit ? { unit } : {}),
    });
    lastPipeLine = -1;
  }
  return trimEmpties(tokens);
}

function inRange(set: ReadonlySet<number>, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (set.has(i)) return true;
  return false;
}

/** The line around `at` holds a digit: a row of values, not a heading row with empty cells. */
function lineHasDigit(segment: string, at: number): boolean {
  const lineStart = segment.lastIndexOf('\n', at) + 1;
  const nl = segment.indexOf('\n', at);
  return /\d/.test(segment.slice(lineStart, nl < 0 ? segment.length : nl));
}

/** Only spaces or tabs (no line break, no text) in segment[from, to). */
function onlySpacesBetween(segment: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = segment.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

function lineHoldsOnly(segment: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (segment[before] === ' ' || segment[before] === '\t')) before--;
  if (before < 0 || segment[before] !== '\n') return false;
  let after = at + 1;
  while (after < segment.length && (segment[after] === ' ' || segment[after] === '\t')) after++;
  return after < segment.length && segment[after] === '\n';
}

function isWholeCell(segment: string, from: number, to: number): boolean {
  const before = from === 0 ? '' : segment[from - 1]!;
  const after = to >= segment.length ? '' : segment[to]!;
  const edge = (c: string): boolean => c === '' || /\s/.test(c) || CELL_SEPARATOR.test(c);
  return edge(before) && edge(after);
}

function trimEmpties(tokens: Token[]): Token[] {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last]!.kind === 'empty') last--;
  return tokens.slice(0, last + 1);
}

// Reads one table row from its value tokens: expected cell count, glued digit runs, blanks, short rows.
import type { ReadHow } from '../../shared/types';
import type { Token } from './tokens';

export interface CellRead {
  value: number | null;
  how: ReadHow;
  raw: string;
  start: number;
  end: number;
}

export interface RowReading {
  cells: CellRead[];
  /** Sum of the readings' costs: 0 for a clean row; used to prefer plain readings. */
  cost: number;
  /** The row needed a non-trivial split (a part longer than one digit). */
  multiDigitSplit: boolean;
}

export interface RowResult {
  /** Readings of exactly `n` cells that satisfy the row's own check, cheapest first (at most MAX_KEPT). */
  readings: RowReading[];
  /** The row shows fewer cells than expected: cells were guessed. */
  short: boolean;
  /** The row shows more values than expected. */
  long: boolean;
  /** Readings of n cells exist but none satisfies the check (the document's arithmetic or a misread). */
  failsCheck: boolean;
  /** The row has arithmetic of its own that confirmed the reading. */
  checked: boolean;
  /** Nothing at all is printed between the row's label and the next: a blank row, read as zeros. */
  blank: boolean;
}

export type RowCheck = (values: number[]) => boolean;

const MAX_KEPT = 40;
const MAX_VISITS = 20_000;
const MAX_SPLIT_DIGITS = 28;
const MAX_CELL_DIGITS = 9;

interface Option {
  cells: CellRead[];
  cost: number;
  multi: boolean;
}

function splitsOf(token: Extract<Token, { kind: 'num' }>, parts: number, cap: number): Option[] {
  const s = token.raw;
  // A sign belongs to the first cell: `+30` is +30, or +3 and 0.
  const signed = s[0] === '+' || s[0] === '-' ? 1 : 0;
  const out: Option[] = [];
  const cut: number[] = [];
  const rec = (pos: number, left: number): void => {
    if (out.length >= cap) return;
    const from = cut.length === 0 ? pos + signed : pos;
    if (left === 1) {
      const rest = s.length - from;
      if (rest > MAX_CELL_DIGITS || (rest > 1 && s[from] === '0')) return;
      cut.push(pos);
      out.push(makeSplit(token, [...cut]));
      cut.pop();
      return;
    }
    for (let len = 1; len <= Math.min(MAX_CELL_DIGITS, s.length - from - (left - 1)); len++) {
      if (len > 1 && s[from] === '0') break;
      cut.push(pos);
      rec(from + len, left - 1);
      cut.pop();
    }
  };
  rec(0, parts);
  return out;
}

function makeSplit(token: Extract<Token, { kind: 'num' }>, starts: number[]): Option {
  const s = token.raw;
  const cells: CellRead[] = starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1]! : s.length;
    const raw = s.slice(from, to);
    return { value: Number(raw), how: 'split', raw, start: token.start + from, end: token.start + to };
  });
  const multi = cells.some((c) => c.raw.replace(/^[+-]/, '').length > 1);
  return { cells, cost: multi ? 4 + cells.length : 1, multi };
}

/** `082` cannot be one cell (it is 0 and 82); an all-zero run like `00` can (a common typo for 0). */
function cannotBeOneCell(token: Token): boolean {
  return token.kind === 'num' && token.digitsOnly && /^[+-]?0\d*[1-9]/.test(token.raw);
}

/** Reading a multi-digit run starting with 0 as one cell (`00`) costs more than reading it as cells. */
function typoCost(token: Token): number {
  return token.kind === 'num' && token.digitsOnly && token.raw.length > 1 && token.raw[0] === '0' ? 2 : 0;
}

function rowResult(
  readings: RowReading[],
  flags: Partial<Pick<RowResult, 'short' | 'long' | 'failsCheck' | 'checked' | 'blank'>> = {},
): RowResult {
  return {
    blank: flags.blank ?? false,
    readings: dedupe(readings).slice(0, MAX_KEPT),
    short: flags.short ?? false,
    long: flags.long ?? false,
    failsCheck: flags.failsCheck ?? false,
    checked: flags.checked ?? false,
  };
}

/** A token read as one cell, as printed. */
function wholeCell(token: Token): CellRead {
  const value = token.kind === 'num' ? token.value : 0;
  const how: ReadHow = token.kind === 'num' ? 'clean' : 'blank_as_zero';
  return { value, how, raw: token.raw, start: token.start, end: token.end };
}

function optionsOf(token: Token, maxCells: number, cap: number): Option[] {
  if (token.kind === 'empty') {
    return [
      { cells: [], cost: 0, multi: false },
      {
        cells: [{ value: 0, how: 'blank_as_zero', raw: '', start: token.start, end: token.end }],
        cost: 3,
        multi: false,
      },
    ];
  }
  if (token.kind === 'blank') {
    return [
      {
        cells: [{ value: 0, how: 'blank_as_zero', raw: token.raw, start: token.start, end: token.end }],
        cost: 0,
        multi: false,
      },
    ];
  }
  const whole: Option = {
    cells: [{ value: token.value, how: 'clean', raw: token.raw, start: token.start, end: token.end }],
    // `00` for 0 is a common typo; prefer reading a digit run as cells when the count asks for it.
    cost: typoCost(token),
    multi: false,
  };
  const options = token.digitsOnly && /^[+-]?0\d*[1-9]/.test(token.raw) ? [] : [whole];
  if (token.digitsOnly && token.raw.length > 1 && token.raw.length <= MAX_SPLIT_DIGITS) {
    for (let parts = 2; parts <= Math.min(maxCells, token.raw.replace(/^[+-]/, '').length); parts++) {
      options.push(...splitsOf(token, parts, cap));
    }
  }
  const decimal = /^(\d+)(\.\d+)$/.exec(token.raw);
  if (token.kind === 'num' && !token.unit && decimal && decimal[1]!.length > 1) {
    // `22.21` may be 2 and 2.21 glued: the integer digits are cut, the fraction stays with the last cell.
    const whole = { ...token, raw: decimal[1]!, end: token.start + decimal[1]!.length, digitsOnly: true };
    for (let parts = 2; parts <= Math.min(maxCells, decimal[1]!.length); parts++) {
      for (const option of splitsOf(whole, parts, cap)) {
        const last = option.cells[option.cells.length - 1]!;
        const raw = last.raw + decimal[2]!;
        option.cells[option.cells.length - 1] = { ...last, raw, value: Number(raw), end: token.end };
        options.push({ ...option, multi: true, cost: option.cost + 2 });
      }
    }
  }
  return options;
}

/**
 * Reads `n` cells from the tokens; `check` is the row's own arithmetic (e.g. 6 columns sum to 总计), and
 * `lastIsSum` says that check is "the last cell is the sum of the others", which lets a long glued run be cut fast.
 */
export function solveRow(allTokens: Token[], n: number, check?: RowCheck, lastIsSum = false): RowResult {
  const tokens = collapseEmpties(allTokens);
  const valueTokens = tokens.filter((t) => t.kind !== 'empty');
  if (valueTokens.length > n) return longRow(tokens, n, check);
  if (valueTokens.length === 0) {
    const cells = Array.from({ length: n }, (): CellRead => ({
      value: 0,
      how: 'blank_as_zero',
      raw: '',
      start: -1,
      end: -1,
    }));
    return rowResult([{ cells, cost: 0, multiDigitSplit: false }], { blank: true });
  }
  // The common case: exactly one printed value per cell. Cutting any run would give too many cells.
  if (valueTokens.length === n && !valueTokens.some(cannotBeOneCell)) {
    const cells = valueTokens.map(wholeCell);
    const cost = valueTokens.reduce((c, t) => Math.max(c, typoCost(t)), 0);
    const ok = !check || check(cells.map((c) => c.value ?? 0));
    return rowResult([{ cells, cost, multiDigitSplit: false }], { failsCheck: !ok, checked: ok && !!check });
  }
  const only = valueTokens[0];
  if (
    lastIsSum &&
    check &&
    valueTokens.length === 1 &&
    only?.kind === 'num' &&
    only.digitsOnly &&
    only.raw.length > n
  ) {
    const readings = sumSplits(only, n);
    if (readings.length > 0) return rowResult(readings, { checked: true });
  }
  const last = valueTokens[valueTokens.length - 1];
  const prefix = valueTokens.slice(0, -1);
  if (
    lastIsSum &&
    check &&
    prefix.length > 0 &&
    prefix.length < n - 1 &&
    prefix.every((t) => t.kind !== 'num' || !cannotBeOneCell(t)) &&
    last?.kind === 'num' &&
    last.digitsOnly &&
    last.raw.length > MAX_CELL_DIGITS + n - prefix.length - 2
  ) {
    // A long run after a few printed cells (`1251 183171346481558`): too many cuts to list, so the run is cut
    // where the row's sum holds, the cells before it read as printed. Other readings may exist: not confirmed.
    const head = prefix.map(wholeCell);
    const before = head.reduce((a, c) => a + (c.value ?? 0), 0);
    const readings = sumSplits(last, n - prefix.length, before).map((r) => ({
      ...r,
      cells: [...head, ...r.cells],
    }));
    if (readings.length > 0) return rowResult(readings, {});
  }

  // Where a row has several digit runs, a space was lost more likely inside the longest one (`20 155` is 20 | 1 | 55
  // before 2 | 0 | 155): cutting a shorter run costs more, unless it is zeros (`00` is the commonest glue).
  const longest = Math.max(...tokens.map(runLength));
  const firstValue = tokens.findIndex((t) => t.kind !== 'empty');
  const lastValue = tokens.length - 1 - [...tokens].reverse().findIndex((t) => t.kind !== 'empty');
  const perToken = tokens.map((t, i) => {
    // An empty cell between two printed values is a blank cell, not padding: dropping it costs more than using it.
    const options =
      t.kind === 'empty' && i > firstValue && i < lastValue ? interiorEmpty(t) : optionsOf(t, n, 500);
    const extra = t.kind === 'num' && /^[+-]?0+$/.test(t.raw) ? 0 : 6 * (longest - runLength(t));
    return extra === 0
      ? options
      : options.map((o) => (o.cells.length > 1 ? { ...o, cost: o.cost + extra } : o));
  });
  const minCells = perToken.map((opts) => Math.min(...opts.map((o) => o.cells.length)));
  const maxCells = perToken.map((opts) => Math.max(...opts.map((o) => o.cells.length)));
  const suffixMax: number[] = new Array<number>(tokens.length + 1).fill(0);
  const suffixMin: number[] = new Array<number>(tokens.length + 1).fill(0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    suffixMax[i] = suffixMax[i + 1]! + maxCells[i]!;
    suffixMin[i] = suffixMin[i + 1]! + minCells[i]!;
  }
  if (suffixMax[0]! < n) return shortRow(tokens, n, check);

  const passing: RowReading[] = [];
  const failing: RowReading[] = [];
  let visits = 0;
  const chosen: Option[] = [];
  const rec = (i: number, count: number): void => {
    if (++visits > MAX_VISITS) return;
    if (i === tokens.length) {
      if (count !== n) return;
      const cells = chosen.flatMap((o) => o.cells);
      const reading: RowReading = {
        cells,
        cost: chosen.reduce((a, o) => a + o.cost, 0),
        multiDigitSplit: chosen.some((o) => o.multi),
      };
      const ok = !check || check(cells.map((c) => c.value ?? 0));
      (ok ? passing : failing).push(reading);
      return;
    }
    for (const option of perToken[i]!) {
      const next = count + option.cells.length;
      if (next + suffixMin[i + 1]! > n || next + suffixMax[i + 1]! < n) continue;
      chosen.push(option);
      rec(i + 1, next);
      chosen.pop();
    }
  };
  rec(0, 0);
  const byCost = (a: RowReading, b: RowReading): number => a.cost - b.cost;
  if (passing.length > 0) return rowResult(passing.sort(byCost), { checked: check !== undefined });
  return rowResult(failing.sort(byCost), { failsCheck: true });
}

function interiorEmpty(t: Token): Option[] {
  return [
    { cells: [], cost: 4, multi: false },
    {
      cells: [{ value: 0, how: 'blank_as_zero', raw: '', start: t.start, end: t.end }],
      cost: 0,
      multi: false,
    },
  ];
}

function runLength(t: Token): number {
  return t.kind === 'num' && t.digitsOnly ? t.raw.replace(/^[+-]/, '').length : 0;
}

function dedupe(readings: RowReading[]): RowReading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.cells.map((c) => c.value).join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Fewer values than cells: every placement of the missing cells is a candidate; all cells are guesses. */
function shortRow(tokens: Token[], n: number, check?: RowCheck): RowResult {
  const zeros = allZeroRow(tokens, n);
  if (zeros) return rowResult([{ cells: zeros, cost: 10, multiDigitSplit: false }], { short: true });
  // An empty cell between printed values is a blank cell; the unprinted cells are placed around the others.
  const first = tokens.findIndex((t) => t.kind !== 'empty');
  const last = tokens.length - 1 - [...tokens].reverse().findIndex((t) => t.kind !== 'empty');
  let shown: CellRead[] = tokens
    .filter((t, i) => t.kind !== 'empty' || (i > first && i < last))
    .map((t) => ({ ...wholeCell(t), how: 'guessed' as ReadHow }));
  if (shown.length > n)
    shown = tokens
      .filter((t) => t.kind !== 'empty')
      .map((t) => ({ ...wholeCell(t), how: 'guessed' as ReadHow }));
  const missing = n - shown.length;
  const readings: RowReading[] = [];
  if (missing <= 2) {
    for (const positions of placements(n, missing)) {
      const cells: CellRead[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (positions.includes(i)) cells.push({ value: null, how: 'guessed', raw: '', start: -1, end: -1 });
        else cells.push(shown[k++]!);
      }
      if (missing === 1 && check) fillByCheck(cells, check);
      // An unprinted cell is most often a blank one: where zeros keep the row's arithmetic, read them so.
      if (check && cells.some((c) => c.value === null)) {
        const zeros = cells.map((c) => c.value ?? 0);
        if (check(zeros)) for (const c of cells) if (c.value === null) c.value = 0;
      }
      readings.push({ cells, cost: 10, multiDigitSplit: false });
    }
  } else {
    const cells = [...shown];
    while (cells.length < n) cells.push({ value: null, how: 'guessed', raw: '', start: -1, end: -1 });
    readings.push({ cells, cost: 10, multiDigitSplit: false });
  }
  // Placements that reproduce the row's arithmetic first, then ones whose missing cell stays unknown.
  readings.sort((a, b) => score(b, check) - score(a, check));
  return rowResult(readings, { short: true });
}

/**
 * A row of zeros one or two digits short (`0 00000` for seven cells): wherever the unprinted cells are, every cell
 * reads 0. The row still goes to review as a short row, but no value is left unknown.
 */
function allZeroRow(tokens: Token[], n: number): CellRead[] | null {
  const shown = tokens.filter((t) => t.kind !== 'empty');
  if (shown.length === 0 || !shown.every((t) => t.kind === 'num' && t.digitsOnly && /^0+$/.test(t.raw)))
    return null;
  const cells: CellRead[] = [];
  for (const t of shown)
    for (let i = 0; i < t.raw.length; i++)
      cells.push({
        value: 0,
        how: t.raw.length > 1 ? 'split' : 'clean',
        raw: '0',
        start: t.start + i,
        end: t.start + i + 1,
      });
  if (cells.length >= n || n - cells.length > 2) return null;
  const at = cells[cells.length - 1]!.end;
  while (cells.length < n) cells.push({ value: 0, how: 'blank_as_zero', raw: '', start: at, end: at });
  return cells;
}

function score(r: RowReading, check?: RowCheck): number {
  if (r.cells.some((c) => c.value === null)) return 0;
  return !check || check(r.cells.map((c) => c.value ?? 0)) ? 1 : 0;
}

/** The one missing cell of a row whose check is "the last cell is the sum of the others". */
function fillByCheck(cells: CellRead[], check: RowCheck): void {
  const gap = cells.findIndex((c) => c.value === null);
  if (gap < 0) return;
  const known = cells.map((c) => c.value ?? 0);
  const last = cells.length - 1;
  const sumOthers = known.slice(0, last).reduce((a, b) => a + b, 0);
  const candidate = gap === last ? sumOthers : known[last]! - sumOthers;
  if (candidate < 0) return;
  const values = [...known];
  values[gap] = candidate;
  if (check(values)) cells[gap] = { ...cells[gap]!, value: candidate };
}

function* placements(n: number, k: number): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  if (k === 1) {
    for (let i = n - 1; i >= 0; i--) yield [i];
    return;
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) yield [i, j];
}

/** Runs of empty cells are colspan padding or one blank cell, never many blank cells. */
function collapseEmpties(tokens: Token[]): Token[] {
  return tokens.filter((t, i) => t.kind !== 'empty' || tokens[i - 1]?.kind !== 'empty');
}

const MAX_WINDOWS = 12;

/**
 * More values than cells: try windows of n consecutive values (the first ones: what follows a row is more often
 * foreign); the row goes to review either way.
 */
function longRow(tokens: Token[], n: number, check?: RowCheck): RowResult {
  const values = tokens.filter((t) => t.kind !== 'empty');
  const readings: RowReading[] = [];
  for (let from = 0; from + n <= values.length && from < MAX_WINDOWS; from++) {
    const cells = values.slice(from, from + n).map((t) => ({ ...wholeCell(t), how: 'guessed' as ReadHow }));
    const ok = !check || check(cells.map((c) => c.value ?? 0));
    readings.push({ cells, cost: ok ? 10 : 20, multiDigitSplit: false });
  }
  readings.sort((a, b) => a.cost - b.cost);
  return rowResult(readings, { long: true });
}

/** Every cut of one glued run into n cells whose last cell is the sum of the others (pruned on the partial sum). */
function sumSplits(token: Extract<Token, { kind: 'num' }>, n: number, before = 0): RowReading[] {
  const s = token.raw;
  const readings: RowReading[] = [];
  const starts: number[] = [];
  for (let totalLen = 1; totalLen <= Math.min(MAX_CELL_DIGITS, s.length - (n - 1)); totalLen++) {
    const totalAt = s.length - totalLen;
    if (totalLen > 1 && s[totalAt] === '0') continue;
    const total = Number(s.slice(totalAt));
    const rec = (pos: number, left: number, sum: number): void => {
      if (readings.length >= MAX_KEPT) return;
      if (left === 0) {
        if (pos === totalAt && sum + before === total) {
          const option = makeSplit(token, [...starts, totalAt]);
          readings.push({ cells: option.cells, cost: option.cost, multiDigitSplit: option.multi });
        }
        return;
      }
      const maxLen = Math.min(MAX_CELL_DIGITS, totalAt - pos - (left - 1));
      for (let len = 1; len <= maxLen; len++) {
        if (len > 1 && s[pos] === '0') break;
        const part = Number(s.slice(pos, pos + len));
        if (before + sum + part > total) break;
        starts.push(pos);
        rec(pos + len, left - 1, sum + part);
        starts.pop();
      }
    };
    rec(0, n - 1, 0);
  }
  return readings.sort((a, b) => a.cost - b.cost);
}

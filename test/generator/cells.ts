// How single cells and labels are printed: numbers with commas, signs and units, blank markers, `00`, and the
// invisible characters (NBSP, zero-width spaces) that pages carry.
import type { Random } from './random';

export const NBSP = '\u00a0';
export const ZWSP = '\u200b';

export function withCommas(n: number): string {
  const [int = '', frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

export interface NumberStyle {
  commas: boolean;
  /** Print a + before positive values (本年增/减). */
  plus: boolean;
  unit?: string;
}

export function printNumber(n: number, style: NumberStyle): string {
  const body = style.commas && Math.abs(n) >= 1000 ? withCommas(n) : String(n);
  return (style.plus && n > 0 ? '+' : '') + body + (style.unit ?? '');
}

/** Blank markers and what the document means by them: null = left empty, 0 = stated as none. */
export const BLANKS: readonly (readonly [string, null | 0])[] = [
  ['', null],
  ['/', null],
  ['—', 0],
  ['无', 0],
];

/** The unit a cell may carry inside itself (`3件`, `251000元`). */
export function unitOf(key: string, decimal: boolean, legacyUnit?: string): string {
  if (legacyUnit) return legacyUnit;
  if (key === 'active.fees.amount') return '万元';
  if (key === 'active.procurement.amount') return decimal ? '万元' : '元';
  if (key === 'active.procurement.items') return '项';
  return '件';
}

/** Indentation and invisible characters around a value, as copied pages have them. */
export function padValue(rng: Random, s: string, invisible: boolean): string {
  const plain = ['', '', '', ' ', '  ', NBSP];
  const odd = [...plain, ZWSP, NBSP + NBSP, '\u3000'];
  const pool = invisible ? odd : plain;
  return rng.pick(pool) + s + (rng.chance(0.3) ? rng.pick(pool) : '');
}

/** Zero-width characters inside a label (after any numbering), indentation before it, other quotes for “…”. */
export function garbleLabel(rng: Random, label: string, indent = true): string {
  let out = label;
  if (rng.chance(0.4)) {
    const quotes = rng.pick([
      ['"', '"'],
      ['“', '”'],
      ['「', '」'],
      ["'", "'"],
    ]);
    out = out.replace(/“([^”]*)”/g, `${quotes[0]}$1${quotes[1]}`);
  }
  if (rng.chance(0.5)) {
    const start =
      (/^(?:\d+\.|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/.exec(out)?.[0].length ?? 0) +
      1;
    if (out.length > start + 1) {
      const at = rng.int(start, out.length - 1);
      out = out.slice(0, at) + rng.pick([ZWSP, ZWSP + ZWSP, '\ufeff']) + out.slice(at);
    }
  }
  return indent && rng.chance(0.15) ? rng.pick([NBSP, '\u3000', ZWSP]) + out : out;
}

const ASCII_PUNCT: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '；': ';',
  '？': '?',
};

/** Many sites print （），：as ASCII (the dev reports do); 、。“” stay. */
export function asciiPunctuation(text: string): string {
  return text.replace(/[（）：，；？]/g, (c) => ASCII_PUNCT[c] ?? c);
}

/** Full-width digits and punctuation, as some Word-made pages have them. */
export function fullWidth(text: string, bars: boolean): string {
  return text.replace(bars ? /[0-9().:,+\-/|]/g : /[0-9().:,+\-/]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

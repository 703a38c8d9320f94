// Input checks for a cell value typed by the reviewer.
import type { MessageKey } from '../i18n';

export type Parsed = { ok: true; value: number | null } | { ok: false; error: MessageKey; text: string };

/** Amounts (万元, 元) may have decimals; everything else counts documents or requests. */
export function allowsDecimals(key: string): boolean {
  return /amount|fees$|budget/.test(key.replace(/#cumulative$/, ''));
}

/** 本年增/减 may be negative. */
export function allowsNegative(key: string): boolean {
  return /\.change$/.test(key);
}

const FULL_WIDTH = /[０-９．－＋，]/g;

export function parseCellInput(input: unknown, key: string): Parsed {
  if (typeof input === 'number') return check(input, key, String(input));
  const text = typeof input === 'string' ? input : '';
  const normal = text
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,\s\u00a0]/g, '')
    .replace(/^\+/, '');
  if (normal === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { ok: false, error: 'invalidNumber', text };
  return check(Number(normal), key, text);
}

function check(value: number, key: string, text: string): Parsed {
  if (!Number.isFinite(value) || Math.abs(value) > 1e12) return { ok: false, error: 'invalidNumber', text };
  if (value < 0 && !allowsNegative(key)) return { ok: false, error: 'notNegative', text };
  if (!Number.isInteger(value) && !allowsDecimals(key)) return { ok: false, error: 'notInteger', text };
  return { ok: true, value };
}

export function formatValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

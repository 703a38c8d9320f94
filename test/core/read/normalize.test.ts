import { describe, expect, it } from 'vitest';
import { normalizeText, originalSpan } from '../../../src/core/read/normalize';

describe('normalizeText', () => {
  it('maps full-width digits and punctuation, NBSP, zero-width characters, curly quotes and CRLF', () => {
    const original = '（一）予以公开｜２\u00a0０\u200b１\r\n危及“三安全一稳定”\u3000Ａ';
    const { text } = normalizeText(original);
    expect(text).toBe('(一)予以公开|2 01\n危及"三安全一稳定" A');
  });

  it('keeps every character’s offset in the original text', () => {
    const original = 'ab\u200b１２\r\n３';
    const norm = normalizeText(original);
    expect(norm.text).toBe('ab12\n3');
    const at = norm.text.indexOf('12');
    expect(originalSpan(norm, at, at + 2)).toEqual({ start: 3, end: 5 });
    const last = originalSpan(norm, 5, 6);
    expect(original.slice(last.start, last.end)).toBe('３');
  });

  it('leaves Chinese text and ASCII untouched on large input', () => {
    const big = '政府信息公开'.repeat(200_000) + '0|'.repeat(100_000);
    expect(normalizeText(big).text).toBe(big);
  });
});

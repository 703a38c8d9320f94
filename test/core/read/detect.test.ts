// HTML detection is linear: leading comments are skipped one by one, never by a backtracking regex.
import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../../src/core/read/detect';

describe('looksLikeHtml', () => {
  it('sees a fragment behind leading comments', () => {
    expect(looksLikeHtml('<!-- a --> <!-- b -->\n<p>段落</p>')).toBe(true);
    expect(looksLikeHtml('<!-- a --> 政府信息公开')).toBe(false);
    expect(looksLikeHtml('<!-- unterminated <p>')).toBe(false);
  });

  it('answers at once for `<!---->` repeated (a backtracking regex took minutes)', () => {
    for (const head of ['<!---->'.repeat(40), '<!---->'.repeat(580), `${'<!-- '.repeat(800)}x`]) {
      const started = performance.now();
      expect(looksLikeHtml(head)).toBe(false);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { originalDocument, sanitizeHtml } from '../../../src/core/original';
import { readHtmlString } from '../../../src/core/read/html';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'read');

function spans(html: string) {
  const read = readHtmlString(html);
  if (!read.ok) throw new Error('unreadable');
  const map = new Map<number, { start: number; end: number }>();
  for (const t of read.tableSources ?? [])
    for (const c of t.cells) if (c.element !== undefined) map.set(c.element, c.span);
  return { text: read.text, map };
}

describe('the original view’s sanitiser', () => {
  it('keeps structure and text, drops everything that could run or load', () => {
    const out = sanitizeHtml(
      '<html><head><title>T</title><script>alert(1)</script><link rel=stylesheet href=//x></head><body>' +
        '<p onclick="x()" style="color:red">甲<a href="javascript:y()">乙</a><img src=http://x/a.png></p>' +
        '<iframe src=//x></iframe><form action=//x><input value=1></form><table><tr><td colspan="2">丙</td></tr></table>' +
        '<svg><script>z()</script></svg>&lt;script&gt;</body></html>',
      new Map(),
    );
    expect(out).toBe('<p>甲乙</p><table><tr><td colspan="2">丙</td></tr></table>&lt;script&gt;');
  });

  it('marks each table cell the reader used with its span in the document text', () => {
    const html = readFileSync(join(FIXTURES, 'report-000-2021.html'), 'utf8');
    const { text, map } = spans(html);
    const out = sanitizeHtml(html, map);
    expect([...out.matchAll(/ data-s="/g)].length).toBe(map.size);
    // Cells holding plain text (no nested markup): their text is the document text at their span.
    const marked = [...out.matchAll(/<t[dh][^>]* data-s="(\d+)" data-e="(\d+)">([^<]*)<\/t[dh]>/g)];
    expect(marked.length).toBeGreaterThan(30);
    // The text of each marked cell is the document text at its span (whitespace collapsed by the reader).
    for (const [, s, e, inner] of marked)
      expect(text.slice(Number(s), Number(e))).toBe(inner!.replace(/\s+/g, ' ').trim());
  });

  it('wraps the page in a document with its own strict CSP', () => {
    const doc = originalDocument('<p>x</p>');
    expect(doc).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"`,
    );
    expect(doc).not.toContain('<script');
  });
});

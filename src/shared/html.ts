/** Text made safe to place in HTML, as element content or a double-quoted attribute value. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

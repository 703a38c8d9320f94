// A published page (or a Word file's HTML) made safe to show: an allowlist of structural tags, no attributes but
// rowspan/colspan, no scripts, styles, links, images, forms or frames, so nothing can run or reach the network.
// Table cells are numbered exactly as the reader numbers them (read/html-walk), and each cell the reader used is
// marked with its span in the document text.
import { parseHtml } from '../read/html-events';
import { isHidden, SKIPPED } from '../read/html-walk';
import type { Span } from '../../shared/types';

const KEPT = new Set([
  'p', 'div', 'span', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'colgroup', 'col', 'ul', 'ol', 'li', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'pre',
  'blockquote', 'center', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'address', 'dl', 'dt',
  'dd', 'figure', 'figcaption',
]); // prettier-ignore
const VOID = new Set(['br', 'hr', 'col']);
/** Shown nowhere in a browser either. */
const HEAD = new Set(['head', 'title']);

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function spanAttr(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = parseInt(value.trim(), 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : null;
}

/** Sanitised body markup; `spans` maps a cell's ordinal to its span in the document text. */
export function sanitizeHtml(html: string, spans: ReadonlyMap<number, Span>): string {
  const out: string[] = [];
  const frames: { name: string; startsSkip: boolean; emitted: boolean; table: boolean }[] = [];
  let skipping = false;
  let hiddenHead = 0;
  let tables = 0;
  let cellOrdinal = 0;

  parseHtml(html, {
    onopentag(name, attribs) {
      if (skipping) {
        frames.push({ name, startsSkip: false, emitted: false, table: false });
        return;
      }
      const startsSkip = SKIPPED.has(name) || isHidden(attribs);
      if (startsSkip) {
        skipping = true;
        frames.push({ name, startsSkip, emitted: false, table: false });
        return;
      }
      let ordinal: number | null = null;
      if (tables > 0 && (name === 'td' || name === 'th')) ordinal = cellOrdinal++;
      const table = name === 'table';
      if (table) tables++;
      if (HEAD.has(name)) hiddenHead++;
      const emitted = hiddenHead === 0 && KEPT.has(name);
      frames.push({ name, startsSkip: false, emitted, table });
      if (!emitted) return;
      let tag = `<${name}`;
      const rowspan = spanAttr(attribs.rowspan);
      const colspan = spanAttr(attribs.colspan);
      if (rowspan !== null) tag += ` rowspan="${rowspan}"`;
      if (colspan !== null) tag += ` colspan="${colspan}"`;
      const span = ordinal === null ? undefined : spans.get(ordinal);
      if (span) tag += ` data-s="${span.start}" data-e="${span.end}"`;
      out.push(`${tag}>`);
    },
    onclosetag() {
      const frame = frames.pop();
      if (!frame) return;
      if (frame.startsSkip) {
        skipping = false;
        return;
      }
      if (skipping) return;
      if (frame.table) tables--;
      if (HEAD.has(frame.name)) hiddenHead--;
      if (frame.emitted && !VOID.has(frame.name)) out.push(`</${frame.name}>`);
    },
    ontext(text) {
      if (!skipping && hiddenHead === 0) out.push(escapeText(text));
    },
  });
  return out.join('');
}

/** No script, no network, no navigation: only the page's own markup and the viewer's inline styles. */
export const ORIGINAL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'";

const STYLE = `
body { font: 13px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 8px 10px; color: #1d2330; }
table { border-collapse: collapse; margin: 6px 0; }
td, th { border: 1px solid #b8bfcc; padding: 2px 5px; vertical-align: top; }
td[data-s] { cursor: default; }
.nb-hit { background: #ffe066; outline: 2px solid #e8590c; outline-offset: -2px; }
`;

/** A complete document for an iframe's srcdoc, with its own Content-Security-Policy. */
export function originalDocument(body: string): string {
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${ORIGINAL_CSP}">` +
    `<style>${STYLE}</style></head><body>${body}</body></html>`
  );
}

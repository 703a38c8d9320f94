// The original view of a report: its HTML page or Word file, sanitised, with every table cell the reader used
// marked with its span in the document text. Read from the stored path on demand; never trusted to match.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { OriginalView, Outcome } from '../../shared/api';
import type { Span } from '../../shared/types';
import { decodeText } from '../read/encoding';
import { MAX_BYTES } from '../read/failure';
import { declaredCharset, readHtmlString } from '../read/html';
import { documentText } from '../store/queries';
import { stmt, type Store } from '../store/open';
import { originalDocument, sanitizeHtml } from './sanitize';

export { originalDocument, sanitizeHtml, ORIGINAL_CSP } from './sanitize';

interface StoredReport {
  path: string;
  sha256: string;
  format: string | null;
  status: string;
}

function stored(db: Store, reportId: number): StoredReport | undefined {
  return stmt(db, 'SELECT path, sha256, format, status FROM reports WHERE id = ?').get(reportId) as
    StoredReport | undefined;
}

/** The file the store holds for a report, if it is still there (for "open original file"). */
export async function originalPath(db: Store, reportId: number): Promise<Outcome<string>> {
  const r = stored(db, reportId);
  if (!r) return { ok: false, reason: `报告不存在：#${reportId}` };
  try {
    if (!(await stat(r.path)).isFile()) throw new Error('not a file');
  } catch {
    return { ok: false, reason: `原文件已不在原处：${r.path}` };
  }
  return { ok: true, value: r.path };
}

function spansOf(html: string): { text: string; spans: Map<number, Span> } {
  const read = readHtmlString(html);
  const spans = new Map<number, Span>();
  if (!read.ok) return { text: '', spans };
  for (const table of read.tableSources ?? [])
    for (const cell of table.cells) if (cell.element !== undefined) spans.set(cell.element, cell.span);
  return { text: read.text, spans };
}

async function markupOf(bytes: Buffer, format: string): Promise<string | null> {
  if (format === 'docx') return (await mammoth.convertToHtml({ buffer: bytes })).value;
  const decoded = decodeText(bytes, declaredCharset(bytes));
  return decoded.ok ? decoded.text : null;
}

export async function loadOriginal(db: Store, reportId: number): Promise<OriginalView> {
  const r = stored(db, reportId);
  if (!r) return { kind: 'unavailable', reason: `报告不存在：#${reportId}` };
  if (r.format !== 'html' && r.format !== 'docx') {
    return r.status === 'failed' || r.format === null
      ? { kind: 'unavailable', reason: '文件未能读取，没有可显示的原文' }
      : { kind: 'text' };
  }
  let bytes: Buffer;
  try {
    const info = await stat(r.path);
    if (info.size > MAX_BYTES) return { kind: 'unavailable', reason: '原文件过大，无法显示' };
    bytes = await readFile(r.path);
  } catch {
    return { kind: 'unavailable', reason: `原文件已不在原处：${r.path}` };
  }
  const same = createHash('sha256').update(bytes).digest('hex') === r.sha256;
  let markup: string | null;
  try {
    markup = await markupOf(bytes, r.format);
  } catch {
    markup = null;
  }
  if (markup === null) return { kind: 'unavailable', reason: '原文件已损坏或无法解码' };
  const { text, spans } = spansOf(markup);
  const spansMatch = same && text === documentText(db, reportId);
  return {
    kind: 'html',
    html: originalDocument(sanitizeHtml(markup, spansMatch ? spans : new Map())),
    spansMatch,
  };
}

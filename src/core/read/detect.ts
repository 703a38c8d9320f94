// What kind of file is this? Decided by content first, by the file name's extension second.

export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'ole2' }
  | { kind: 'docx' }
  | { kind: 'zip'; what: 'xlsx' | 'pptx' | 'ofd' | 'odf' | 'zip' }
  | { kind: 'rtf' }
  | { kind: 'mht' }
  | { kind: 'other-binary'; what: string; isImage: boolean }
  | { kind: 'html' }
  | { kind: 'text' };

const startsWith = (bytes: Uint8Array, sig: number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Signatures of files that are certainly not reports in a format we read. */
const OTHER_BINARIES: { sig: number[]; at?: number; what: string; isImage?: boolean }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'PNG', isImage: true },
  { sig: [0xff, 0xd8, 0xff], what: 'JPEG', isImage: true },
  { sig: ascii('GIF8'), what: 'GIF', isImage: true },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF', isImage: true },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF', isImage: true },
  { sig: ascii('WEBP'), at: 8, what: 'WebP', isImage: true },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF 可执行程序' },
  { sig: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7z 压缩包' },
  { sig: ascii('Rar!'), what: 'RAR 压缩包' },
  { sig: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz 压缩包' },
  { sig: ascii('SQLite format 3'), what: 'SQLite 数据库' },
  { sig: [0x00, 0x61, 0x73, 0x6d], what: 'WebAssembly' },
];

function hasName(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name, 0, 'latin1') >= 0;
}

function sniffZip(bytes: Uint8Array): Sniffed {
  // Entry names are stored uncompressed in the local headers and the central directory.
  if (hasName(bytes, 'word/document.xml')) return { kind: 'docx' };
  if (hasName(bytes, 'xl/workbook.xml')) return { kind: 'zip', what: 'xlsx' };
  if (hasName(bytes, 'ppt/presentation.xml')) return { kind: 'zip', what: 'pptx' };
  if (hasName(bytes, 'OFD.xml')) return { kind: 'zip', what: 'ofd' };
  if (hasName(bytes, 'application/vnd.oasis.opendocument')) return { kind: 'zip', what: 'odf' };
  return { kind: 'zip', what: 'zip' };
}

const HTML_MARKER = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|meta\s)/i;
const HTML_START_TAG = /^<(?:p|div|span|table|font|center|style|script|link|title|h[1-6]|br)[\s/>]/i;

/**
 * Leading comments skipped with indexOf, one after the other: linear in the length. (A regex of the form
 * `^(?:<!--[\s\S]*?-->\s*)*<tag` backtracks exponentially on `<!---->` repeated, then no tag.)
 */
function afterLeadingComments(s: string): string {
  let at = 0;
  while (s.startsWith('<!--', at)) {
    const end = s.indexOf('-->', at + 4);
    if (end < 0) return '';
    at = end + 3;
    while (at < s.length && /\s/.test(s[at]!)) at++;
  }
  return s.slice(at);
}

/** Markup near the start: a page, or a fragment that opens with a common tag. */
export function looksLikeHtml(head: string): boolean {
  const start = head
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  return HTML_MARKER.test(start) || HTML_START_TAG.test(afterLeadingComments(start));
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const HTML_EXTENSIONS = new Set(['htm', 'html', 'shtml', 'xhtml']);

export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  const head1k = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head1k.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole2' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return sniffZip(bytes);
  if (head1k.startsWith('{\\rtf')) return { kind: 'rtf' };
  for (const b of OTHER_BINARIES)
    if (startsWith(bytes, b.sig, b.at ?? 0))
      return { kind: 'other-binary', what: b.what, isImage: b.isImage ?? false };
  if (startsWith(bytes, ascii('MZ')) && bytes.length >= 64 && bytes.subarray(0, 64).includes(0))
    return { kind: 'other-binary', what: 'Windows 可执行程序', isImage: false };

  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) return { kind: 'mht' };
  if (looksLikeHtml(head.replace(/^\xEF\xBB\xBF/, ''))) return { kind: 'html' };
  if (HTML_EXTENSIONS.has(extensionOf(fileName))) return { kind: 'html' };
  return { kind: 'text' };
}

// Character encoding detection: decided from the bytes, never assumed.

import iconv from 'iconv-lite';
import { charStats, controlByteShare, gbQuality, isGbText, isPlausible, looksBinary } from './plausible';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding; warnings: string[] }
  | { ok: false; code: 'binary' | 'encoding' };

const DISPLAY: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK/GB18030',
  big5: 'Big5（繁体）',
};

/** The reviewer's note for a file that was not UTF-8. */
export function encodingNote(e: TextEncoding): string {
  return `文件编码为 ${DISPLAY[e]}，已自动转换（encoding: ${e}）`;
}

/** Maps a declared charset label (`<meta charset>`, XML declaration) to a decoder, or null when it is no help. */
export function encodingFromLabel(label: string | null | undefined): TextEncoding | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (
    [
      'gb2312',
      'gbk',
      'gb18030',
      'x-gbk',
      'cp936',
      'ms936',
      'windows-936',
      'euc-cn',
      'csgb2312',
      'chinese',
    ].includes(l)
  )
    return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'cp950' || l === 'x-x-big5') return 'big5';
  if (l === 'utf-16le' || l === 'utf-16') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  // Latin-1 labels are common on misconfigured Chinese sites: better to detect than to believe them.
  return null;
}

export function bomEncoding(bytes: Uint8Array): TextEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Decodes with a known encoding; a BOM of that encoding is dropped. */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'gb18030' || encoding === 'big5') return iconv.decode(Buffer.from(bytes), encoding);
  return new TextDecoder(encoding).decode(bytes);
}

interface Utf8Read {
  text: string;
  /** The file ends in the middle of a character (a cut-off download). */
  cutAtEnd: boolean;
}

function readUtf8(bytes: Uint8Array): Utf8Read | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const text = decoder.decode(bytes, { stream: true });
    try {
      decoder.decode();
      return { text, cutAtEnd: false };
    } catch {
      return { text, cutAtEnd: true };
    }
  } catch {
    return null;
  }
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 1 << 18).indexOf(0) >= 0;
}

/** UTF-16 without a BOM: ASCII characters and line ends leave NUL bytes; the right byte order reads as text. */
function readUtf16(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 18) & ~1);
  let best: { encoding: TextEncoding; score: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const stats = charStats(new TextDecoder(encoding).decode(sample));
    if (!isPlausible(stats)) continue;
    const score = stats.common - stats.bad * 10;
    if (!best || score > best.score) best = { encoding, score };
  }
  if (!best) return null;
  return { text: new TextDecoder(best.encoding).decode(bytes), encoding: best.encoding };
}

const ok = (text: string, encoding: TextEncoding, warnings: string[] = []): Decoded => ({
  ok: true,
  text,
  encoding,
  warnings,
});

function noteDeclared(declared: TextEncoding | null, actual: TextEncoding, warnings: string[]): void {
  if (declared && declared !== actual)
    warnings.push(
      `网页声明的编码为 ${DISPLAY[declared]}，实际按 ${DISPLAY[actual]} 读取（declared charset does not match the bytes）`,
    );
}

function readGb(bytes: Uint8Array): string | null {
  if (!isGbText(gbQuality(bytes))) return null;
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  return isPlausible(charStats(text)) ? text : null;
}

function readBig5(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes), 'big5');
  const stats = charStats(text);
  return isPlausible(stats) && stats.bad === 0 ? text : null;
}

/**
 * Decodes a text or HTML file. Order: BOM; NUL bytes (UTF-16, else binary); valid UTF-8; GB18030 (GBK, GB2312);
 * Big5. `declared` is the page's own charset label, trusted only where the bytes agree with it.
 */
export function decodeText(bytes: Uint8Array, declaredLabel?: string | null): Decoded {
  const declared = encodingFromLabel(declaredLabel);
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = decodeAs(bytes, bom);
    return looksBinary(charStats(text)) ? { ok: false, code: 'binary' } : ok(text, bom);
  }

  if (hasNul(bytes)) {
    const utf16 = readUtf16(bytes);
    return utf16 ? ok(utf16.text, utf16.encoding) : { ok: false, code: 'binary' };
  }
  if (controlByteShare(bytes) > 0.02) return { ok: false, code: 'binary' };

  const warnings: string[] = [];
  const utf8 = readUtf8(bytes);
  if (utf8) {
    if (utf8.cutAtEnd) warnings.push('文件末尾有一个不完整的字符，已忽略（file ends inside a character）');
    const stats = charStats(utf8.text);
    // Short GBK text can be valid UTF-8 by accident (“路” is C2 B7, UTF-8 for “·”): then it reads as a few
    // Latin, Greek or Cyrillic letters and no Chinese character, while the GB reading is Chinese. Longer GBK text
    // is never valid UTF-8, so a long text without Chinese stays UTF-8.
    const fewLettersNoChinese = stats.cjk === 0 && stats.nonAscii > 0 && stats.nonAscii <= 16;
    if (fewLettersNoChinese || (stats.nonAscii > 0 && !isPlausible(stats))) {
      const gb = readGb(bytes);
      const gbStats = gb === null ? null : charStats(gb);
      if (gb !== null && gbStats && gbStats.cjk > 0 && gbStats.common >= stats.common)
        return ok(gb, 'gb18030');
    }
    if (looksBinary(stats)) return { ok: false, code: 'binary' };
    if (stats.nonAscii > 0) noteDeclared(declared, 'utf-8', warnings);
    return ok(utf8.text, 'utf-8', warnings);
  }

  if (declared === 'big5') {
    const big5 = readBig5(bytes);
    if (big5 !== null) return ok(big5, 'big5');
  }
  const gb = readGb(bytes);
  if (gb !== null) {
    noteDeclared(declared, 'gb18030', warnings);
    return ok(gb, 'gb18030', warnings);
  }
  if (declared !== 'big5') {
    const big5 = readBig5(bytes);
    if (big5 !== null) {
      warnings.push(
        '文件编码识别为 Big5（繁体中文），请核对文字是否正确（detected Big5, please check the text）',
      );
      return ok(big5, 'big5', warnings);
    }
  }
  return { ok: false, code: 'encoding' };
}

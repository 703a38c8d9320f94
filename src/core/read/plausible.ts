// Is a decoded text what a person wrote, or the wrong decoder's garbage? Cheap character-class counts.

export interface CharStats {
  total: number;
  /** Control characters, U+FFFD, lone surrogates, private use: never in a real report. */
  bad: number;
  /** ASCII, Latin-1, common CJK, CJK and full-width punctuation, the symbols Chinese documents use. */
  common: number;
  /** Characters outside ASCII. */
  nonAscii: number;
  /** CJK unified ideographs (U+4E00–U+9FFF). */
  cjk: number;
}

const SAMPLE = 1 << 18;

function isCommon(cp: number): boolean {
  return (
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xff) ||
    (cp >= 0x0391 && cp <= 0x03c9) ||
    (cp >= 0x0401 && cp <= 0x0451) ||
    (cp >= 0x2010 && cp <= 0x205e) ||
    (cp >= 0x2100 && cp <= 0x22ff) ||
    (cp >= 0x2460 && cp <= 0x25ff) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0x3200 && cp <= 0x32ff) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef && cp !== 0xfffd)
  );
}

function isBad(cp: number): boolean {
  if (cp < 0x20)
    return cp !== 0x09 && cp !== 0x0a && cp !== 0x0b && cp !== 0x0c && cp !== 0x0d && cp !== 0x1a;
  return (
    cp === 0x7f ||
    (cp >= 0x80 && cp <= 0x9f) ||
    cp === 0xfffd ||
    cp === 0xfffe ||
    cp === 0xffff ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    (cp >= 0xe000 && cp <= 0xf8ff)
  );
}

/** Counts over the first 256K characters (enough to judge, cheap on a 50 MB file). */
export function charStats(text: string): CharStats {
  const n = Math.min(text.length, SAMPLE);
  let bad = 0;
  let common = 0;
  let nonAscii = 0;
  let cjk = 0;
  for (let i = 0; i < n; i++) {
    const cp = text.charCodeAt(i);
    if (cp === 0x0a || cp === 0x0d || cp === 0x09) {
      common++;
      continue;
    }
    if (cp >= 0x80) nonAscii++;
    if (cp >= 0x4e00 && cp <= 0x9fff) cjk++;
    if (isBad(cp)) bad++;
    else if (isCommon(cp)) common++;
  }
  return { total: n, bad, common, nonAscii, cjk };
}

/** Few bad characters and mostly common ones: text a person wrote. */
export function isPlausible(s: CharStats): boolean {
  if (s.total === 0) return true;
  return s.bad <= s.total * 0.005 && s.common >= s.total * 0.9;
}

/** Many control characters: binary data rather than text in some encoding. */
export function looksBinary(s: CharStats): boolean {
  return s.total > 0 && s.bad > s.total * 0.02;
}

/** Share of control bytes (not tab, newline, form feed, carriage return, SUB, ESC) among the first 256 KB. */
export function controlByteShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SAMPLE);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b) ||
      b === 0x7f
    )
      controls++;
  }
  return controls / n;
}

export interface GbQuality {
  /** Two-byte characters. */
  pairs: number;
  /** Two-byte characters in GB2312's hanzi rows or its main punctuation rows: what simplified Chinese text is. */
  gb2312: number;
  /** Byte sequences that are not GB18030 at all. */
  invalid: number;
}

/**
 * How GB-like a byte string is. Real GBK text is almost all GB2312 hanzi and punctuation; other double-byte
 * encodings (Big5) read as GBK land mostly outside those rows, and single-byte encodings make invalid sequences.
 */
export function gbQuality(bytes: Uint8Array): GbQuality {
  const n = Math.min(bytes.length, SAMPLE);
  let pairs = 0;
  let gb2312 = 0;
  let invalid = 0;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= n) break; // a character cut by the sample end (or the file end) is not evidence
    const t = bytes[i + 1]!;
    if (b === 0x80 || b === 0xff) {
      invalid++;
      i++;
    } else if (t >= 0x30 && t <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 !== undefined && b4 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39)
        i += 4;
      else {
        invalid++;
        i++;
      }
    } else if (t < 0x40 || t === 0x7f || t === 0xff) {
      invalid++;
      i++;
    } else {
      pairs++;
      if (t >= 0xa1 && ((b >= 0xa1 && b <= 0xa3) || (b >= 0xb0 && b <= 0xf7))) gb2312++;
      i += 2;
    }
  }
  return { pairs, gb2312, invalid };
}

export function isGbText(q: GbQuality): boolean {
  if (q.invalid > (q.pairs + q.invalid) * 0.01) return false;
  return q.pairs === 0 || q.gb2312 >= q.pairs * 0.7;
}

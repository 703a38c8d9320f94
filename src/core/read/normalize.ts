// Normalisation for extraction that keeps every character's offset in the original text, so that a cell read from
// the normalised text can point at its span in the document the reviewer sees.

export interface NormalizedText {
  text: string;
  /** toOriginal[i] = offset in the original text of normalised character i; toOriginal[text.length] = end. */
  toOriginal: Int32Array;
}

const REMOVED = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);
const SPACES = new Set([
  0x00a0, 0x3000, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f,
  0x0009, 0x000b, 0x000c,
]);
const REPLACED: Record<number, string> = {
  0x201c: '"', // “
  0x201d: '"', // ”
  0x2018: "'", // ‘
  0x2019: "'", // ’
  0x300c: '"', // 「
  0x300d: '"', // 」
  0x2212: '-', // minus sign
  0x2013: '-', // en dash between digits is a minus; a lone dash is a blank cell either way
  0xff5e: '~',
  0x2014: '—', // em dash stays an em dash (blank marker)
};

function mapCodePoint(cp: number, ch: string): string {
  if (REMOVED.has(cp)) return '';
  if (SPACES.has(cp)) return ' ';
  const replaced = REPLACED[cp];
  if (replaced !== undefined) return replaced;
  return ch.normalize('NFKC');
}

/**
 * NFKC, full-width digits and punctuation to ASCII, NBSP and other spaces to ' ', zero-width characters removed,
 * curly quotes to straight ones, CRLF/CR to LF.
 */
export function normalizeText(original: string): NormalizedText {
  const out: string[] = [];
  const offsets: number[] = [];
  let chunkStart = -1; // start of a run of characters copied unchanged
  const flush = (end: number): void => {
    if (chunkStart < 0) return;
    out.push(original.slice(chunkStart, end));
    for (let k = chunkStart; k < end; k++) offsets.push(k);
    chunkStart = -1;
  };
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const unchanged =
      (cp < 0x80 && cp !== 0x0d && cp !== 0x09 && cp !== 0x0b && cp !== 0x0c) ||
      (cp >= 0x4e00 && cp <= 0x9fff);
    if (unchanged) {
      if (chunkStart < 0) chunkStart = i;
      i += width;
      continue;
    }
    flush(i);
    let mapped: string;
    if (cp === 0x0d) {
      mapped = original.charCodeAt(i + 1) === 0x0a ? '' : '\n';
    } else {
      mapped = mapCodePoint(cp, original.slice(i, i + width));
    }
    out.push(mapped);
    for (let k = 0; k < mapped.length; k++) offsets.push(i);
    i += width;
  }
  flush(original.length);
  const text = out.join('');
  const toOriginal = new Int32Array(text.length + 1);
  for (let k = 0; k < offsets.length; k++) toOriginal[k] = offsets[k]!;
  toOriginal[text.length] = original.length;
  return { text, toOriginal };
}

/** Maps a half-open range of the normalised text back to the original text. */
export function originalSpan(
  norm: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const s = norm.toOriginal[Math.max(0, Math.min(start, norm.text.length))]!;
  const lastIndex = Math.max(start, end - 1);
  const last = norm.toOriginal[Math.min(lastIndex, norm.text.length)]!;
  const e = end > start ? Math.max(s, last + 1) : s;
  return { start: s, end: e };
}

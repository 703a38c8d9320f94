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

const cache = new Map<number, string>();

function mapCodePoint(cp: number, ch: string): string {
  if (cp >= 0xff01 && cp <= 0xff5e && cp !== 0xff5e) return String.fromCharCode(cp - 0xfee0); // full-width ASCII
  let out = cache.get(cp);
  if (out === undefined) {
    if (REMOVED.has(cp)) out = '';
    else if (SPACES.has(cp)) out = ' ';
    else out = REPLACED[cp] ?? ch.normalize('NFKC');
    if (cache.size < 5000) cache.set(cp, out);
  }
  return out;
}

/**
 * NFKC, full-width digits and punctuation to ASCII, NBSP and other spaces to ' ', zero-width characters removed,
 * curly quotes to straight ones, CRLF/CR to LF.
 */
export function normalizeText(original: string): NormalizedText {
  let text = '';
  let offsets = new Int32Array(original.length + 16);
  let length = 0;
  const push = (from: number, count: number, same: boolean): void => {
    if (length + count + 1 > offsets.length) {
      const grown = new Int32Array(Math.max(offsets.length * 2, length + count + 16));
      grown.set(offsets.subarray(0, length));
      offsets = grown;
    }
    for (let k = 0; k < count; k++) offsets[length++] = same ? from : from + k;
  };
  // Characters that change: everything but ASCII (except CR, tab, VT, FF) and the common CJK block.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern tells apart
  const special = /[^\x00-\x08\x0a\x0e-\x7f\u4e00-\u9fff]/g;
  let copiedTo = 0;
  const copyUpTo = (end: number): void => {
    if (end <= copiedTo) return;
    text += original.slice(copiedTo, end);
    push(copiedTo, end - copiedTo, false);
    copiedTo = end;
  };
  let m: RegExpExecArray | null;
  while ((m = special.exec(original))) {
    const i = m.index;
    copyUpTo(i);
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const mapped =
      cp === 0x0d
        ? original.charCodeAt(i + 1) === 0x0a
          ? ''
          : '\n'
        : mapCodePoint(cp, original.slice(i, i + width));
    text += mapped;
    push(i, mapped.length, true);
    copiedTo = i + width;
    special.lastIndex = copiedTo;
  }
  copyUpTo(original.length);
  const toOriginal = offsets.length === text.length + 1 ? offsets : offsets.slice(0, text.length + 1);
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

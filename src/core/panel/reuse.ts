// Text reused from the same agency's previous report: the share of this report's prose sentences that the
// previous one already had (figures and years masked, so a copy with this year's numbers still counts), and the
// repeated passages. Table rows, headings and short lines are not prose and are left out. Sentences are kept as
// hashes with their place in the text (digest.ts stores them once per document), flat in one typed array so that
// thousands of documents are read and compared without allocating an object per sentence.

const MIN_CHARS = 14;
const MAX_PASSAGES = 12;
const MAX_PASSAGE_CHARS = 400;

/** Prose sentences, three numbers each: hash of the compared form, start, end (UTF-16 offsets into the text). */
export type Sentences = Uint32Array;

const BREAK = /[。！？；!?;\n]+/gu;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * FNV-1a of the compared form of `s`: every figure (digits, with a decimal part if any) read as one '#', as if
 * /\d+(?:\.\d+)?/g were replaced by '#' first, without building that string.
 */
function maskedHash(s: string): number {
  let h = 0x811c9dc5;
  const n = s.length;
  for (let i = 0; i < n;) {
    let c = s.charCodeAt(i);
    if (isDigit(c)) {
      do i++;
      while (i < n && isDigit(s.charCodeAt(i)));
      if (i + 1 < n && s.charCodeAt(i) === 0x2e && isDigit(s.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isDigit(s.charCodeAt(i))) i++;
      }
      c = 0x23;
    } else i++;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Characters of `s` in U+4E00–U+9FFF (CJK unified ideographs). */
function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** The prose sentences of a text, in order. */
export function sentencesOf(text: string): Sentences {
  const out: number[] = [];
  let start = 0;
  BREAK.lastIndex = 0;
  for (;;) {
    const m = BREAK.exec(text);
    const end = m ? m.index : text.length;
    if (end - start >= MIN_CHARS) {
      const piece = text.slice(start, end);
      if (!piece.includes('|')) {
        const compact = piece.replace(/\s+/gu, '');
        if (compact.length >= MIN_CHARS && cjkCount(compact) >= compact.length * 0.6)
          out.push(maskedHash(compact), start, end);
      }
    }
    if (!m) break;
    start = m.index + m[0].length;
  }
  return Uint32Array.from(out);
}

export interface Reuse {
  sentences: number;
  repeated: number;
  /** repeated / sentences, 0 when there are none. */
  share: number;
  /**
   * The first runs of consecutive repeated sentences, as [start, end] in this report's text (passagesOf prints
   * them), only when the share is enough for a finding. Offsets rather than text: the check reads no text at all.
   */
  runs: [number, number][];
}

/** How much of `current` repeats `previous`. */
export function measureReuse(current: Sentences, previous: ReadonlySet<number>): Reuse {
  let repeated = 0;
  const runs: [number, number][] = [];
  let run: [number, number] | null = null;
  for (let i = 0; i < current.length; i += 3) {
    const start = current[i + 1]!;
    const end = current[i + 2]!;
    if (previous.has(current[i]!)) {
      repeated++;
      if (run) run[1] = end;
      else run = [start, end];
    } else if (run) {
      runs.push(run);
      run = null;
    }
  }
  if (run) runs.push(run);
  const sentences = current.length / 3;
  const share = sentences === 0 ? 0 : repeated / sentences;
  return { sentences, repeated, share, runs: reuseSeverity(share) ? runs.slice(0, MAX_PASSAGES) : [] };
}

/** The repeated passages as printed in `text` (the text the runs were measured on). */
export function passagesOf(text: string, runs: readonly (readonly [number, number])[]): string[] {
  return runs.map(([start, end]) => {
    const p = text.slice(start, end).trim();
    return p.length > MAX_PASSAGE_CHARS ? `${p.slice(0, MAX_PASSAGE_CHARS)}…` : `${p}。`;
  });
}

export function keySet(sentences: Sentences): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i < sentences.length; i += 3) keys.add(sentences[i]!);
  return keys;
}

/** Severity by share: most of the text copied is a warning, a third an info; below that nothing. */
export function reuseSeverity(share: number): 'warning' | 'info' | null {
  if (share >= 0.6) return 'warning';
  if (share >= 0.3) return 'info';
  return null;
}

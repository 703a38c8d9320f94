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

const CJK = /[\u4e00-\u9fff]/gu;
const BREAK = /[。！？；!?;\n]+/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
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
        const cjk = compact.length >= MIN_CHARS ? (compact.match(CJK)?.length ?? 0) : 0;
        if (compact.length >= MIN_CHARS && cjk >= compact.length * 0.6)
          out.push(fnv1a(compact.replace(/\d+(?:\.\d+)?/gu, '#')), start, end);
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
  /** Runs of consecutive repeated sentences, as printed in this report. */
  passages: string[];
}

/** How much of `current` repeats `previous`; `text` (of `current`) gives the passages. */
export function measureReuse(
  current: Sentences,
  previous: ReadonlySet<number>,
  text: () => string | null,
): Reuse {
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
  const passages: string[] = [];
  if (reuseSeverity(share)) {
    const t = text() ?? '';
    for (const [start, end] of runs.slice(0, MAX_PASSAGES)) {
      const p = t.slice(start, end).trim();
      passages.push(p.length > MAX_PASSAGE_CHARS ? `${p.slice(0, MAX_PASSAGE_CHARS)}…` : `${p}。`);
    }
  }
  return { sentences, repeated, share, passages };
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

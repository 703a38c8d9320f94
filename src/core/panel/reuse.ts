// Text reused from the same agency's previous report: the share of this report's prose sentences that the
// previous one already had (figures and years masked, so a copy with this year's numbers still counts), and the
// repeated passages. Table rows, headings and short lines are not prose and are left out.

const MIN_CHARS = 14;
const MAX_PASSAGES = 12;
const MAX_PASSAGE_CHARS = 400;

export interface Sentence {
  text: string;
  /** Whitespace removed, digits masked: what is compared. */
  key: string;
}

const CJK = /[\u4e00-\u9fff]/gu;

/** The prose sentences of a text, in order. */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const piece of text.split(/[。！？；!?;\n]+/u)) {
    if (piece.includes('|')) continue;
    const compact = piece.replace(/\s+/gu, '');
    if (compact.length < MIN_CHARS) continue;
    const cjk = compact.match(CJK)?.length ?? 0;
    if (cjk < compact.length * 0.6) continue;
    out.push({ text: piece.trim(), key: compact.replace(/\d+(?:\.\d+)?/gu, '#') });
  }
  return out;
}

export interface Reuse {
  sentences: number;
  repeated: number;
  /** repeated / sentences, 0 when there are none. */
  share: number;
  /** Runs of consecutive repeated sentences, as printed in this report. */
  passages: string[];
}

/** How much of `current` repeats `previous` (both given as their sentences). */
export function measureReuse(current: readonly Sentence[], previous: ReadonlySet<string>): Reuse {
  let repeated = 0;
  const passages: string[] = [];
  let run: string[] = [];
  const close = (): void => {
    if (run.length > 0 && passages.length < MAX_PASSAGES) {
      const p = run.join('。');
      passages.push(p.length > MAX_PASSAGE_CHARS ? `${p.slice(0, MAX_PASSAGE_CHARS)}…` : `${p}。`);
    }
    run = [];
  };
  for (const s of current) {
    if (previous.has(s.key)) {
      repeated++;
      run.push(s.text);
    } else close();
  }
  close();
  const sentences = current.length;
  return { sentences, repeated, share: sentences === 0 ? 0 : repeated / sentences, passages };
}

export function keySet(sentences: readonly Sentence[]): Set<string> {
  return new Set(sentences.map((s) => s.key));
}

/** Severity by share: most of the text copied is a warning, a third an info; below that nothing. */
export function reuseSeverity(share: number): 'warning' | 'info' | null {
  if (share >= 0.6) return 'warning';
  if (share >= 0.3) return 'info';
  return null;
}

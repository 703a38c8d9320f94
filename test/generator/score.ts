// In-process scorer with the semantics of ../shared/eval/score.mjs: the same figures from {prediction, truth}
// pairs, without files. Keep it in step with score.mjs (test/generator/score.test.ts compares the two).
import type { Extraction, Prediction } from '../../src/shared/types';
import type { Truth } from './types';

export interface DocScore {
  file: string;
  cells: number;
  correct: number;
  wrong: string[];
  absent: string[];
  silent: string[];
  spurious: number;
  flagged: number;
  missing?: boolean;
  template?: string;
  year?: string;
  agency?: string;
  unflagged_source_errors?: string[];
}

export interface ScoreSummary {
  docs: number;
  docs_without_output: number;
  cells: number;
  cell_accuracy_pct: number;
  nonzero_cells: number;
  nonzero_accuracy_pct: number;
  wrong: number;
  absent: number;
  silent_errors: number;
  review_burden_pct: number;
  spurious_cells: number;
  source_errors_flagged: string;
  template_accuracy_pct: number;
  year_accuracy_pct: number;
  agency_accuracy_pct: number;
}

export interface ScorePair {
  /** null: the program wrote no prediction for this document. */
  prediction: Prediction | null;
  truth: Truth;
}

export interface Score {
  summary: ScoreSummary;
  perDoc: DocScore[];
  /** Keys of `values` the truth does not have, per document (score.mjs only counts them). */
  spuriousKeys: Map<string, string[]>;
  /** Publication dates read right (score.mjs does not score them). */
  published_accuracy_pct: number;
}

/** The prediction file the project writes for an extraction (see ../shared/eval/README.md). */
export function predictionOf(file: string, extraction: Extraction): Prediction {
  return {
    file,
    template: extraction.template,
    meta: extraction.meta,
    values: Object.fromEntries(extraction.cells.map((c) => [c.key, c.value])),
    review: [...extraction.review],
  };
}

const norm = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
const sameNumber = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9;
const matches = (got: unknown, want: number | null): boolean =>
  want === null ? got === undefined || got === null || got === 0 : sameNumber(got, want);
const normLabel = (s: string): string =>
  String(s)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^[（(]?[一二三四五六七八九十0-9]+[)）、.．]/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[\p{P}\p{S}]/gu, '');
const LABEL_KEY = /^legacy\.label:(.*?)(#cumulative)?$/;
const agencyMatches = (truth: unknown, pred: unknown): boolean => {
  const t = norm(truth);
  const p = norm(pred);
  return t.length > 0 && p.length > 0 && (t === p || t.includes(p) || p.includes(t));
};
const pct = (a: number, b: number): number => (b === 0 ? 100 : Math.round((10000 * a) / b) / 100);

export function scoreReports(pairs: readonly ScorePair[]): Score {
  const t = {
    docs: 0,
    missing: 0,
    cells: 0,
    correct: 0,
    nonzero: 0,
    nonzeroCorrect: 0,
    wrong: 0,
    absent: 0,
    silent: 0,
    flagged: 0,
    spurious: 0,
    templateOk: 0,
    yearOk: 0,
    agencyOk: 0,
    publishedOk: 0,
    errorRules: 0,
    errorRulesFlagged: 0,
  };
  const perDoc: DocScore[] = [];
  const spuriousKeys = new Map<string, string[]>();

  for (const { prediction: pred, truth } of pairs) {
    t.docs++;
    const doc: DocScore = {
      file: truth.file,
      cells: 0,
      correct: 0,
      wrong: [],
      absent: [],
      silent: [],
      spurious: 0,
      flagged: 0,
    };
    perDoc.push(doc);
    if (!pred) {
      t.missing++;
      doc.missing = true;
      const n = Object.keys(truth.values).length;
      t.cells += n;
      t.absent += n;
      t.silent += n;
      doc.cells = n;
      continue;
    }
    const values: Record<string, number | null> = pred.values ?? {};
    const byLabel = new Map<string, [string, number | null]>();
    for (const [k, v] of Object.entries(values)) {
      const m = LABEL_KEY.exec(k);
      if (m) byLabel.set(normLabel(m[1] ?? '') + (m[2] ?? ''), [k, v]);
    }
    const used = new Set<string>();
    const lookup = (key: string): [string | undefined, number | null | undefined] => {
      if (key in values) return [key, values[key]];
      const label = truth.labels?.[key];
      if (label === undefined) return [undefined, undefined];
      return (
        byLabel.get(normLabel(label) + (key.endsWith('#cumulative') ? '#cumulative' : '')) ?? [
          undefined,
          undefined,
        ]
      );
    };
    const flagged = new Set(pred.review ?? []);
    const ambiguous = new Set((truth.ambiguous ?? []).flatMap((a) => a.keys));

    if (pred.template === truth.template) t.templateOk++;
    else doc.template = `${pred.template} ≠ ${truth.template}`;
    if (Number(pred.meta?.year) === truth.meta?.year) t.yearOk++;
    else doc.year = `${pred.meta?.year} ≠ ${truth.meta?.year}`;
    if (agencyMatches(truth.meta?.agency, pred.meta?.agency)) t.agencyOk++;
    else doc.agency = `${pred.meta?.agency} ≠ ${truth.meta?.agency}`;
    if (pred.meta?.published === truth.meta?.published) t.publishedOk++;

    for (const [key, want] of Object.entries(truth.values)) {
      doc.cells++;
      t.cells++;
      const [predKey, got] = lookup(key);
      if (predKey !== undefined) used.add(predKey);
      const isFlagged = flagged.has(key) || (predKey !== undefined && flagged.has(predKey));
      if (isFlagged) {
        doc.flagged++;
        t.flagged++;
      }
      const nonzero = typeof want === 'number' && want !== 0;
      if (nonzero) t.nonzero++;
      if (matches(got, want) || (ambiguous.has(key) && isFlagged)) {
        doc.correct++;
        t.correct++;
        if (nonzero) t.nonzeroCorrect++;
        continue;
      }
      if (got === undefined || got === null) {
        doc.absent.push(key);
        t.absent++;
      } else {
        doc.wrong.push(`${key}: ${got} ≠ ${want}`);
        t.wrong++;
      }
      if (!isFlagged) {
        doc.silent.push(key);
        t.silent++;
      }
    }
    for (const key of Object.keys(values))
      if (!used.has(key) && !(key in truth.values)) {
        doc.spurious++;
        t.spurious++;
        spuriousKeys.set(truth.file, [...(spuriousKeys.get(truth.file) ?? []), key]);
      }
    for (const rule of truth.source_errors ?? []) {
      t.errorRules++;
      if (rule.keys.some((k) => flagged.has(k))) t.errorRulesFlagged++;
      else (doc.unflagged_source_errors ??= []).push(rule.why);
    }
  }

  return {
    summary: {
      docs: t.docs,
      docs_without_output: t.missing,
      cells: t.cells,
      cell_accuracy_pct: pct(t.correct, t.cells),
      nonzero_cells: t.nonzero,
      nonzero_accuracy_pct: pct(t.nonzeroCorrect, t.nonzero),
      wrong: t.wrong,
      absent: t.absent,
      silent_errors: t.silent,
      review_burden_pct: pct(t.flagged, t.cells),
      spurious_cells: t.spurious,
      source_errors_flagged: `${t.errorRulesFlagged}/${t.errorRules}`,
      template_accuracy_pct: pct(t.templateOk, t.docs),
      year_accuracy_pct: pct(t.yearOk, t.docs),
      agency_accuracy_pct: pct(t.agencyOk, t.docs),
    },
    perDoc,
    spuriousKeys,
    published_accuracy_pct: pct(t.publishedOk, t.docs - t.missing),
  };
}

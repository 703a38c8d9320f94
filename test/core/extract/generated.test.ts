// 2,000 generated reports with known truth (every template, every shape, fixed seeds) through extractReport:
// every cell right, nothing wrong left unflagged, every source error flagged, metadata right, nothing spurious.
// Reproduce a failing report with `npx tsx test/generator/dump.ts <seed> <template> <shape> --diff`.
import { beforeAll, describe, expect, it } from 'vitest';
import { SHAPES } from '../../generator';
import {
  describeFailures,
  extractAndScore,
  isFailure,
  percentile,
  planReports,
  type ExtractionRun,
  type PlannedReport,
} from '../../generator/run';

const COUNT = 2000;
const FIRST_SEED = 100_000;

let planned: PlannedReport[] = [];
let run: ExtractionRun;

beforeAll(() => {
  planned = planReports(COUNT, FIRST_SEED);
  run = extractAndScore(planned);
  const { summary, published_accuracy_pct } = run.score;
  const seconds = run.ms.reduce((s, x) => s + x, 0) / 1000;
  console.log(
    `generated reports: ${Object.entries(summary)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}, published_accuracy_pct ${published_accuracy_pct}; ` +
      `extraction ${(COUNT / seconds).toFixed(0)} reports/s, p99 ${percentile(run.ms, 99).toFixed(1)} ms`,
  );
}, 300_000);

/** Failures among the reports planned with this shape, described for the lead. */
function failuresOf(shape?: string): { count: number; text: string } {
  const subset: number[] = [];
  planned.forEach((p, i) => {
    if (shape !== undefined && p.shape !== shape) return;
    const doc = run.score.perDoc[i];
    if (doc && isFailure(doc, run.score.spuriousKeys.get(doc.file))) subset.push(i);
  });
  function pick<T>(xs: readonly T[]): T[] {
    return subset.map((i) => xs[i] as T);
  }
  const sub: ExtractionRun = {
    ...run,
    score: { ...run.score, perDoc: pick(run.score.perDoc) },
    ms: pick(run.ms),
  };
  return { count: subset.length, text: describeFailures(pick(planned), sub) };
}

describe(`extractReport on ${COUNT} generated reports`, () => {
  it('covers every template and shape', () => {
    expect(new Set(planned.map((p) => p.report.truth.template))).toEqual(new Set(['2021', '2019', 'legacy']));
    expect(new Set(planned.map((p) => p.shape))).toEqual(new Set(SHAPES));
    expect(planned.filter((p) => p.report.truth.source_errors.length > 0).length).toBeGreaterThan(100);
  });

  it('never throws', () => {
    expect(run.thrown.map((t) => `${t.planned.report.fileName}: ${t.error}`).slice(0, 5)).toEqual([]);
  });

  it.each(SHAPES)('reads every %s report right, or flags what it cannot read', (shape) => {
    const { count, text } = failuresOf(shape);
    expect(count, text).toBe(0);
  });

  it('reaches the goals: accuracy 100 %, no silent errors, every source error flagged, metadata 100 %', () => {
    const s = run.score.summary;
    const [flagged = 0, errors = 0] = s.source_errors_flagged.split('/').map(Number);
    const { text } = failuresOf();
    expect(
      {
        cell_accuracy_pct: s.cell_accuracy_pct,
        nonzero_accuracy_pct: s.nonzero_accuracy_pct,
        silent_errors: s.silent_errors,
        spurious_cells: s.spurious_cells,
        template_accuracy_pct: s.template_accuracy_pct,
        year_accuracy_pct: s.year_accuracy_pct,
        agency_accuracy_pct: s.agency_accuracy_pct,
        source_errors_unflagged: errors - flagged,
      },
      text,
    ).toEqual({
      cell_accuracy_pct: 100,
      nonzero_accuracy_pct: 100,
      silent_errors: 0,
      spurious_cells: 0,
      template_accuracy_pct: 100,
      year_accuracy_pct: 100,
      agency_accuracy_pct: 100,
      source_errors_unflagged: 0,
    });
  });
});

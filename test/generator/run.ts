// Runs the extractor over generated reports and scores it: shared by the generated-reports test and the
// extraction benchmark.
import { extractReport } from '../../src/core/extract';
import type { TemplateId } from '../../src/shared/types';
import { generateReport, SHAPES, shapeFits } from './index';
import { predictionOf, scoreReports, type DocScore, type Score } from './score';
import type { GeneratedReport, ShapeName } from './types';

export interface PlannedReport {
  report: GeneratedReport;
  /** The shape this report was asked to show (it may show others too). */
  shape: ShapeName;
}

const TEMPLATES: TemplateId[] = ['2021', '2019', 'legacy'];

/** `count` reports from consecutive seeds, cycling through every (template, shape) pair that occurs. */
export function planReports(count: number, firstSeed: number): PlannedReport[] {
  const pairs = TEMPLATES.flatMap((template) =>
    SHAPES.filter((shape) => shapeFits(shape, template)).map((shape) => ({ template, shape })),
  );
  return Array.from({ length: count }, (_, i) => {
    const { template, shape } = pairs[i % pairs.length] ?? {
      template: '2021' as const,
      shape: 'pipes' as const,
    };
    return { report: generateReport(firstSeed + i, { template, shape }), shape };
  });
}

export interface ExtractionRun {
  score: Score;
  /** Milliseconds per report, in plan order. */
  ms: number[];
  /** Reports whose extraction threw, with the error. */
  thrown: { planned: PlannedReport; error: string }[];
}

export function extractAndScore(planned: readonly PlannedReport[]): ExtractionRun {
  const ms: number[] = [];
  const thrown: ExtractionRun['thrown'] = [];
  const pairs = planned.map((p) => {
    const start = performance.now();
    try {
      const extraction = extractReport(p.report.text);
      ms.push(performance.now() - start);
      return { prediction: predictionOf(p.report.fileName, extraction), truth: p.report.truth };
    } catch (e) {
      ms.push(performance.now() - start);
      thrown.push({ planned: p, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      return { prediction: null, truth: p.report.truth };
    }
  });
  return { score: scoreReports(pairs), ms, thrown };
}

/** Whatever keeps a document from a perfect score: wrong or missing cells, metadata, spurious keys, source errors. */
export function isFailure(doc: DocScore, spurious: readonly string[] = []): boolean {
  return (
    doc.wrong.length + doc.absent.length + doc.spurious + spurious.length > 0 ||
    !!(doc.template || doc.year || doc.agency || doc.missing || doc.unflagged_source_errors?.length)
  );
}

/** The first `max` failing documents, readable: how to regenerate each, what was expected and what came out. */
export function describeFailures(planned: readonly PlannedReport[], run: ExtractionRun, max = 8): string {
  const lines: string[] = [];
  let shown = 0;
  run.score.perDoc.forEach((doc, i) => {
    const p = planned[i];
    const spurious = run.score.spuriousKeys.get(doc.file) ?? [];
    if (!p || !isFailure(doc, spurious) || shown++ >= max) return;
    const r = p.report;
    lines.push(
      `\n${r.fileName} [${r.shapes.join(', ')}] — npx tsx test/generator/dump.ts ${r.seed} ${r.truth.template} ${p.shape} --diff`,
    );
    for (const k of ['template', 'year', 'agency'] as const) if (doc[k]) lines.push(`  ${k}: got ${doc[k]}`);
    if (doc.missing) lines.push('  extraction threw');
    for (const w of doc.wrong.slice(0, 6)) {
      const key = w.split(':')[0] ?? '';
      lines.push(
        `  wrong   ${w.replace(' ≠ ', ' (got) ≠ ')} (expected)${doc.silent.includes(key) ? '  NOT FLAGGED' : ''}`,
      );
    }
    const absent = doc.absent
      .slice(0, 6)
      .map((k) => `${k} (expected ${r.truth.values[k]})${doc.silent.includes(k) ? ' NOT FLAGGED' : ''}`);
    if (absent.length) lines.push(`  absent  ${absent.join(', ')}${doc.absent.length > 6 ? ' …' : ''}`);
    if (spurious.length) lines.push(`  spurious ${spurious.slice(0, 6).join(', ')}`);
    for (const why of doc.unflagged_source_errors ?? []) lines.push(`  source error not flagged: ${why}`);
  });
  if (shown > max) lines.push(`\n… ${shown - max} more failing documents`);
  return lines.join('\n');
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

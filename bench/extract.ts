// npm run bench:extract [-- --count 10000 --seed 200000]
// Generates reports with known truth (not timed), then times extractReport over all of them on this one thread and
// prints throughput, per-report latency and the score figures on the same set.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { extractReport } from '../src/core/extract';
import { benchPdf } from './pdf';
import type { Prediction } from '../src/shared/types';
import { percentile, planReports } from '../test/generator/run';
import { predictionOf, scoreReports } from '../test/generator/score';

const GOAL_PER_SECOND = 1000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const count = option('count', 10_000);
const seed = option('seed', 200_000);

let start = performance.now();
const planned = planReports(count, seed);
const generationSeconds = (performance.now() - start) / 1000;
const bytes = planned.reduce((s, p) => s + Buffer.byteLength(p.report.text, 'utf8'), 0);

// Warm the JIT on reports outside the measured set.
for (const p of planReports(200, seed + count)) extractReport(p.report.text);

const ms = new Array<number>(count);
const predictions = new Array<Prediction | null>(count);
let failures = 0;
const cpu = process.cpuUsage();
const wall = performance.now();
planned.forEach((p, i) => {
  start = performance.now();
  try {
    const extraction = extractReport(p.report.text);
    ms[i] = performance.now() - start;
    predictions[i] = predictionOf(p.report.fileName, extraction);
  } catch {
    ms[i] = performance.now() - start;
    predictions[i] = null;
    failures++;
  }
});
const seconds = (performance.now() - wall) / 1000;
const { user, system } = process.cpuUsage(cpu);
const cpuSeconds = (user + system) / 1e6;
const extractSeconds = ms.reduce((s, x) => s + x, 0) / 1000;

// Mean time by the shape each report was planned with: where the extractor spends its time.
const byShape = new Map<string, number[]>();
planned.forEach((p, i) => byShape.set(p.shape, [...(byShape.get(p.shape) ?? []), ms[i] ?? 0]));
const shapeMeans = [...byShape]
  .map(([shape, xs]) => [shape, xs.reduce((s, x) => s + x, 0) / xs.length] as const)
  .sort((a, b) => b[1] - a[1])
  .map(([shape, mean]) => `${shape} ${mean.toFixed(2)}`);

const score = scoreReports(
  planned.map((p, i) => ({ prediction: predictions[i] ?? null, truth: p.report.truth })),
);
const perSecond = count / extractSeconds;
const lines = [
  `extraction benchmark: ${count} generated reports (seeds ${seed}–${seed + count - 1}), one thread, Node ${process.version}`,
  `  generated in ${generationSeconds.toFixed(1)} s (not timed), ${(bytes / 1e6).toFixed(1)} MB of text`,
  `  reports/second: ${perSecond.toFixed(0)} (goal ≥ ${GOAL_PER_SECOND}: ${perSecond >= GOAL_PER_SECOND ? 'met' : 'NOT met'})`,
  `  total: ${extractSeconds.toFixed(2)} s in extractReport (${seconds.toFixed(2)} s wall with building predictions; ` +
    `${cpuSeconds.toFixed(2)} s CPU = ${(count / cpuSeconds).toFixed(0)} reports per CPU-second, which a busy machine does not skew)`,
  `  throughput: ${(bytes / 1e6 / extractSeconds).toFixed(2)} MB/s`,
  `  per report: p50 ${percentile(ms, 50).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms`,
  `  mean ms by shape: ${shapeMeans.join(', ')}`,
  `  exceptions: ${failures}`,
  '  score on the same reports:',
  ...Object.entries(score.summary).map(([k, v]) => `    ${k}: ${v}`),
  `    published_accuracy_pct: ${score.published_accuracy_pct}`,
];
console.log(lines.join('\n'));

// Text PDFs: pages per second through the PDF reader (bench/pdf.ts).
await benchPdf();

// Scans: OCR seconds per page and peak memory, in a process of its own as an import worker reads one (bench/ocr.ts).
console.log('\nOCR of a scan (PP-OCRv4 on onnxruntime-node, one thread, own process):');
const ocr = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ocr.ts')], {
  encoding: 'utf8',
});
console.log((ocr.stdout + ocr.stderr).trimEnd().replace(/^/gm, '  '));

// Prints one generated report and its truth; with --diff, also what the extractor reads differently.
// usage: npx tsx test/generator/dump.ts <seed> [2021|2019|legacy] [shape] [--diff] [--truth]
import { extractReport } from '../../src/core/extract';
import type { TemplateId } from '../../src/shared/types';
import { generateReport, SHAPES, type ShapeName } from './index';
import { predictionOf, scoreReports } from './score';

const args = process.argv.slice(2);
const seed = Number(args[0]);
if (!Number.isInteger(seed)) {
  console.error(
    `usage: tsx test/generator/dump.ts <seed> [2021|2019|legacy] [${SHAPES.join('|')}] [--diff] [--truth]`,
  );
  process.exit(2);
}
const template = args.find((a) => ['2021', '2019', 'legacy'].includes(a)) as TemplateId | undefined;
const shape = args.find((a) => (SHAPES as readonly string[]).includes(a)) as ShapeName | undefined;
const report = generateReport(seed, { template, shape });
const visible = (s: string): string => s.replace(/\u00a0/g, '⍽').replace(/[\u200b\ufeff]/g, '∅');

console.log(visible(report.text));
console.log(`---- ${report.fileName} [${report.shapes.join(', ')}]  (⍽ = NBSP, ∅ = zero-width)`);
if (args.includes('--truth')) console.log(JSON.stringify(report.truth, null, 1));
else {
  const t = report.truth;
  console.log(`truth: ${t.template} ${JSON.stringify(t.meta)}`);
  for (const a of t.ambiguous) console.log(`  ambiguous: ${a.why}`);
  for (const e of t.source_errors) console.log(`  source error: ${e.why}`);
}
if (args.includes('--diff')) {
  const extraction = extractReport(report.text);
  const { perDoc, spuriousKeys } = scoreReports([
    { prediction: predictionOf(report.fileName, extraction), truth: report.truth },
  ]);
  const doc = perDoc[0];
  console.log(`extractor: ${extraction.template} ${JSON.stringify(extraction.meta)}`);
  for (const w of doc?.wrong ?? [])
    console.log(`  wrong  ${w}${doc?.silent.includes(w.split(':')[0] ?? '') ? '  (not flagged)' : ''}`);
  for (const k of doc?.absent ?? [])
    console.log(`  absent ${k}${doc?.silent.includes(k) ? '  (not flagged)' : ''}`);
  for (const k of spuriousKeys.get(report.fileName) ?? []) console.log(`  spurious ${k}`);
  for (const w of doc?.unflagged_source_errors ?? []) console.log(`  source error not flagged: ${w}`);
  for (const f of extraction.findings) console.log(`  finding ${f.rule}: ${f.message}`);
}

// Writes generated reports and their truth files in the layout of ../shared/eval/dev, so that the CLI and
// score.mjs can be run on them: <dir>/docs/*.txt and <dir>/truth/*.json.
// usage: npx tsx test/generator/write.ts <dir> [--count 200] [--seed 300000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planReports } from './run';

const dir = process.argv[2];
const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
if (!dir || dir.startsWith('--')) {
  console.error('usage: tsx test/generator/write.ts <dir> [--count 200] [--seed 300000]');
  process.exit(2);
}
mkdirSync(join(dir, 'docs'), { recursive: true });
mkdirSync(join(dir, 'truth'), { recursive: true });
const planned = planReports(option('count', 200), option('seed', 300_000));
for (const { report } of planned) {
  const stem = report.fileName.replace(/\.txt$/, '');
  writeFileSync(join(dir, 'docs', report.fileName), report.text);
  writeFileSync(join(dir, 'truth', `${stem}.json`), `${JSON.stringify(report.truth, null, 1)}\n`);
}
console.log(
  `wrote ${planned.length} reports to ${join(dir, 'docs')} and their truth to ${join(dir, 'truth')}`,
);

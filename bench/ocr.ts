// npm run bench:ocr [-- <scan.pdf or page image>]
// OCR seconds per page on one thread (the recogniser runs single-threaded, as in an import worker) and the peak
// memory of the process doing it. Default input: ../shared/eval/scan's image-only PDF, else the test fixture.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readDocument } from '../src/core/read';

const GOAL_SECONDS_PER_PAGE = 15;
const shared = resolve(import.meta.dirname, '../../shared/eval/scan/docs/hongze_2023_scan.pdf');
const fixture = resolve(import.meta.dirname, '../test/fixtures/read/ocr/apply-table.png');
const file = process.argv[2] ?? (existsSync(shared) ? shared : fixture);
const bytes = readFileSync(file);
const mb = (n: number): string => (n / 1024 / 1024).toFixed(0);

const baseline = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = performance.now();
let last = start;
const pageSeconds: number[] = [];
const read = await readDocument(bytes, basename(file), {
  onProgress: () => {
    const now = performance.now();
    pageSeconds.push((now - last) / 1000);
    last = now;
  },
});
const total = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
if (!read.ok) {
  console.error(`失败：${read.error}`);
  process.exit(1);
}
// ru_maxrss is in kilobytes on Linux.
const peak = process.resourceUsage().maxRSS * 1024;
const pages = pageSeconds.length;
const perPage = total / pages;
console.log(
  `file: ${join(basename(resolve(file, '..')), basename(file))}, ${pages} page(s), engine ${read.ocr?.engine}`,
);
console.log(
  `pages: ${pageSeconds.map((s) => s.toFixed(2)).join(' s, ')} s (the first includes loading the model)`,
);
console.log(
  `ocr_seconds_per_page: ${perPage.toFixed(2)} wall, ${(cpuSeconds / pages).toFixed(2)} CPU ` +
    `(goal ≤ ${GOAL_SECONDS_PER_PAGE} on one core: ${cpuSeconds / pages <= GOAL_SECONDS_PER_PAGE ? 'met' : 'NOT met'})`,
);
console.log(`total_seconds: ${total.toFixed(2)}`);
console.log(
  `peak_rss_mb: ${mb(peak)} (process before reading: ${mb(baseline)} MB; one import worker's OCR peak)`,
);
console.log(`tables: ${read.tables.length}, doubtful spans: ${read.ocr?.doubtful.length ?? 0}`);

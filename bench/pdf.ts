// npm run bench:pdf (also run at the end of bench:extract): text-PDF reading speed on this one thread.
// Reads the real published reports of test/fixtures/read/pdf (5, 5 and 6 pages) several times and prints pages per
// second, the time for 10 pages (the two 5-page reports), the first (cold) read, and page-image drawing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../src/core/read';
import { renderPdfPage } from '../src/core/read/pdf/render-page';

const DIR = join(import.meta.dirname, '../test/fixtures/read/pdf');
const FILES = ['hongze_2023.pdf', 'hongze_2024.pdf', 'huaian_2024.pdf'];
const ROUNDS = 5;
const GOAL_TEN_PAGES_SECONDS = 1;

async function timed(name: string, bytes: Uint8Array): Promise<{ seconds: number; pages: number }> {
  const start = performance.now();
  const read = await readDocument(bytes, name);
  const seconds = (performance.now() - start) / 1000;
  if (!read.ok) throw new Error(`${name}: ${read.error}`);
  return { seconds, pages: read.layout?.pages.length ?? 0 };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchPdf(): Promise<void> {
  const docs = FILES.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));
  const cold = await timed(docs[0]!.name, docs[0]!.bytes);

  let pages = 0;
  let seconds = 0;
  const tenPages: number[] = [];
  const cpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    let ten = 0;
    for (const doc of docs) {
      const t = await timed(doc.name, doc.bytes);
      pages += t.pages;
      seconds += t.seconds;
      if (doc.name.startsWith('hongze')) ten += t.seconds;
    }
    tenPages.push(ten);
  }
  const { user, system } = process.cpuUsage(cpu);
  const cpuSeconds = (user + system) / 1e6;

  const renders: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await renderPdfPage(docs[0]!.bytes, 3, 1.5);
    renders.push((performance.now() - start) / 1000);
  }

  const ten = median(tenPages);
  console.log('\ntext PDF reading (pdfjs-dist, one thread):');
  console.log(`  first read (loads pdfjs): ${cold.seconds.toFixed(2)} s for ${cold.pages} pages`);
  console.log(
    `  warm: ${pages} pages in ${seconds.toFixed(2)} s = ${(pages / seconds).toFixed(1)} pages/s wall;` +
      ` ${(cpuSeconds / pages).toFixed(3)} CPU s per page = ${(pages / cpuSeconds).toFixed(1)} pages per CPU-second` +
      ' (which a busy machine does not skew)',
  );
  console.log(`  10 pages by CPU time: ${((cpuSeconds / pages) * 10).toFixed(2)} s`);
  console.log(
    `  10 pages (hongze_2023 + hongze_2024), median of ${ROUNDS}: ${ten.toFixed(2)} s` +
      ` (goal ≤ ${GOAL_TEN_PAGES_SECONDS} s: ${ten <= GOAL_TEN_PAGES_SECONDS ? 'met' : 'NOT met'})`,
  );
  console.log(`  page image (page 3 at 1.5×, PNG): median ${median(renders).toFixed(2)} s`);
}

if (process.argv[1]?.endsWith('pdf.ts')) await benchPdf();

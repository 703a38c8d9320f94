// Robustness of the readers: byte-level mutants of real HTML pages, a real .docx and real texts in five encodings
// go through readDocument in a worker thread with the import workers' heap limit. No exception may escape, every
// result must be well-formed, and no document may take 1 s or more. The suite runs READ_FUZZ_RUNS mutants (default
// 3,000, so CI stays short); `npm run fuzz:readers` runs 10,000.
import { describe, expect, it } from 'vitest';
import { describeReport, runReadFuzz } from './run-read-fuzz';

const RUNS = Number(process.env.READ_FUZZ_RUNS ?? 3_000);
const LIMIT_MS = 1_000;

describe('readDocument on mutated bytes', () => {
  it(`survives ${RUNS} mutants of HTML, DOCX and text, each under ${LIMIT_MS} ms and the worker heap limit`, async () => {
    const report = await runReadFuzz({ runs: RUNS, seed: 20_260_101, limitMs: LIMIT_MS });
    console.log(describeReport(report));
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.byKind.docx).toBeGreaterThan(RUNS / 4);
  }, 1_800_000);
});

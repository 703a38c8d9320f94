// Starts the readers' fuzz in a worker thread with the heap limit of the app's import workers (WORKER_HEAP_MB): a
// document that needs more memory ends the worker, and the run fails.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WORKER_HEAP_MB } from '../../../src/core/library/pool';
import type { FuzzOptions, FuzzReport } from './read-fuzz';

export function runReadFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const worker = new Worker(new URL('./read-fuzz-worker.ts', import.meta.url), {
    execArgv: ['--import', tsx],
    workerData: opts,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; report: FuzzReport } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.report);
      else reject(new Error(m.error));
    });
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => reject(new Error(`fuzz worker exited with code ${code}`)));
  });
}

export function describeReport(r: FuzzReport): string {
  return (
    `readers fuzz: ${r.runs} mutants (HTML ${r.byKind.html}, DOCX ${r.byKind.docx}, text ${r.byKind.text}) in ` +
    `${r.seconds.toFixed(0)} s; p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, slowest ` +
    `${r.slowest.ms.toFixed(0)} ms (${r.slowest.name}, ${r.slowest.size} bytes, ${r.slowest.what}); ` +
    `peak heap ${r.peakHeapMb.toFixed(0)} MB of ${WORKER_HEAP_MB} MB; ${r.failures.length} failures`
  );
}

// Runs the readers' fuzz in a worker thread, so that the import workers' heap limit bounds every document.
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzReaders, type FuzzOptions } from './read-fuzz';

if (!parentPort) throw new Error('read-fuzz-worker must run in a worker thread');
const port = parentPort;
fuzzReaders(workerData as FuzzOptions).then(
  (report) => port.postMessage({ ok: true, report }),
  (err: unknown) => port.postMessage({ ok: false, error: String((err as Error).stack ?? err) }),
);

// The real import worker, except that extracting a file whose text starts with HANG never returns and one that
// starts with CRASH ends the thread: for testing how the pool survives a hanging or crashing extractor.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../../../src/core/library/messages';

const paths = new Map<number, string>();
parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'read') paths.set(m.id, m.path);
  if (m.type !== 'extract') return;
  const text = readFileSync(paths.get(m.id)!, 'utf8');
  if (text.startsWith('HANG')) for (;;);
  if (text.startsWith('CRASH')) process.exit(3);
});

await import('../../../src/core/library/import-worker');

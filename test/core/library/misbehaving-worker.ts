// The real import worker loop, except that extracting a file whose text starts with HANG never returns and one
// that starts with CRASH ends the thread: for testing how the pool survives a hanging or crashing extractor.
import { parentPort } from 'node:worker_threads';
import { extractContent, type HashedFile } from '../../../src/core/library/read-file';
import { serveImports } from '../../../src/core/library/worker-loop';

async function misbehave(file: HashedFile) {
  const head = Buffer.from(file.bytes ?? []).toString('utf8', 0, 5);
  if (head.startsWith('HANG')) for (;;);
  if (head.startsWith('CRASH')) process.exit(3);
  return extractContent(file);
}

serveImports(parentPort!, misbehave);

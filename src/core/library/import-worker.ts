// Worker thread of the import pool: reads and hashes files, and extracts those the main thread asks for. It never
// touches the database; the main thread alone writes.
import { parentPort } from 'node:worker_threads';
import { extractContent, fileError, hashFile, isGone, type HashedFile } from './read-file';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort;
if (!port) throw new Error('import-worker.ts must run in a worker thread');

const waiting = new Map<number, HashedFile>();
const post = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  void handle(m);
});

async function handle(m: ToWorker): Promise<void> {
  if (m.type === 'read') {
    try {
      const file = await hashFile(m.path);
      waiting.set(m.id, file);
      post({ type: 'hashed', id: m.id, sha256: file.sha256, size: file.size, mtimeMs: file.mtimeMs });
    } catch (err) {
      post({ type: 'unopened', id: m.id, error: fileError(err), gone: isGone(err) });
    }
    return;
  }
  const file = waiting.get(m.id);
  waiting.delete(m.id);
  if (m.type === 'extract' && file)
    post({ type: 'extracted', id: m.id, content: await extractContent(file) });
}

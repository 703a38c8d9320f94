// The import worker's loop: reads and hashes files and extracts them. It never touches the database; the main
// thread alone writes. After hashing, a file is extracted unless the main thread answers `drop` (its content is
// stored already) before the worker gets to it, so a busy main thread never leaves the worker idle.
import type { MessagePort } from 'node:worker_threads';
import { extractContent, fileError, hashFile, isGone, type HashedFile } from './read-file';
import type { FromWorker, ToWorker } from './messages';
import type { FileContent } from '../store/save';
import type { ReadOptions } from '../read/types';

export function serveImports(
  port: MessagePort,
  extract: (file: HashedFile, options: ReadOptions) => Promise<FileContent> = extractContent,
): void {
  const hashed = new Map<number, HashedFile>();
  const ocrOf = new Map<number, boolean>();
  const toExtract: number[] = [];
  let extracting = false;
  const post = (m: FromWorker): void => port.postMessage(m);

  /** One file per turn of the event loop, so that `drop` messages are seen in between; in the order hashed. */
  const extractNext = (): void => {
    const id = toExtract.shift();
    if (id === undefined) {
      extracting = false;
      return;
    }
    const file = hashed.get(id);
    hashed.delete(id);
    const ocr = ocrOf.get(id) ?? true;
    ocrOf.delete(id);
    if (!file) {
      setImmediate(extractNext);
      return;
    }
    const onProgress = ({ page, pages }: { page: number; pages: number }): void =>
      post({ type: 'progress', id, page, pages });
    void extract(file, { ocr, onProgress }).then((content) => {
      post({ type: 'extracted', id, content });
      setImmediate(extractNext);
    });
  };

  const read = async (id: number, path: string, root: string | undefined): Promise<void> => {
    try {
      const file = await hashFile(path, root);
      hashed.set(id, file);
      post({ type: 'hashed', id, sha256: file.sha256, size: file.size, mtimeMs: file.mtimeMs });
      toExtract.push(id);
      if (!extracting) {
        extracting = true;
        setImmediate(extractNext);
      }
    } catch (err) {
      post({ type: 'unopened', id, error: fileError(err), gone: isGone(err) });
    }
  };

  port.on('message', (m: ToWorker) => {
    if (m.type === 'read') {
      ocrOf.set(m.id, m.ocr);
      void read(m.id, m.path, m.root);
    } else {
      hashed.delete(m.id);
      ocrOf.delete(m.id);
    }
  });
}

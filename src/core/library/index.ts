// The folder library: keeps the store in step with a folder of reports, once (import) or continuously (watch).
import { resolve } from 'node:path';
import type { Store } from '../store/open';
import { setLibraryFolder } from '../store/queries';
import { Importer, type ImporterOptions, type LibraryProgress, type Tally } from './importer';
import { reconcile } from './scan';

export { watchFolder, type FolderWatcher, type WatchOptions } from './watch';
export { Importer, type ImporterOptions, type LibraryProgress, type Tally } from './importer';
export { isReportFile, listReportFiles, scanFolder, REPORT_EXTENSIONS } from './files';

export interface ImportResult {
  folder: string;
  progress: LibraryProgress;
  tally: Tally;
  seconds: number;
}

/** Imports every report file under `folder` (recursively) once, and marks reports whose files are gone as missing. */
export async function importFolder(
  db: Store,
  folder: string,
  opts: ImporterOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const root = resolve(folder);
  setLibraryFolder(db, root);
  const importer = new Importer(db, { ...opts, root });
  try {
    await reconcile(db, importer, root, opts.version);
    await importer.idle();
  } finally {
    await importer.close();
  }
  return {
    folder: root,
    progress: importer.snapshot,
    tally: importer.tally,
    seconds: (performance.now() - started) / 1000,
  };
}

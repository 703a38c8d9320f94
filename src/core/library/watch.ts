// Watching the folder: chokidar (recursive, waiting until files finish writing, links not followed) feeds the import
// queue with the regular files that appear or change.
import { lstatSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Store } from '../store/open';
import { setLibraryFolder } from '../store/queries';
import { presentPathsUnder } from '../store/save';
import { inIgnoredFolder, isIgnoredName, isReportFile } from './files';
import { Importer, type ImporterOptions, type LibraryProgress } from './importer';
import { reconcile } from './scan';

/** Linux allows 4,096 bytes in a path. */
const MAX_WATCHED_PATH_BYTES = 4000;

export interface WatchOptions extends ImporterOptions {
  onError?: (error: Error) => void;
  /** How long a file's size must stay the same before it is read (ms). */
  stabilityMs?: number;
  /** Poll instead of using file system events (network drives). */
  usePolling?: boolean;
}

export interface FolderWatcher {
  folder: string;
  /** Resolves once the watcher runs and the folder's initial import is written. */
  ready: Promise<void>;
  progress(): LibraryProgress;
  /** Resolves when no file is waiting to be read or written. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function watchFolder(db: Store, folder: string, opts: WatchOptions = {}): FolderWatcher {
  const root = resolve(folder);
  setLibraryFolder(db, root);
  const importer = new Importer(db, { ...opts, root });
  const relevant = (path: string): boolean => isReportFile(path) && !inIgnoredFolder(root, path);
  const onError = (err: unknown): void => opts.onError?.(err instanceof Error ? err : new Error(String(err)));
  const guard =
    (fn: (path: string) => void) =>
    (path: string): void => {
      try {
        fn(path);
      } catch (err) {
        onError(err);
      }
    };

  // Only regular files are read: a link (to /etc/passwd, /dev/zero, a folder elsewhere), a device or a pipe that
  // appears in the folder is never queued, and a report file replaced by one is gone.
  const added = (path: string): void => {
    if (!relevant(path)) return;
    let regular: boolean;
    try {
      regular = lstatSync(path).isFile();
    } catch {
      return; // gone again: its unlink event follows
    }
    if (regular) importer.add([path]);
    else importer.remove([path]);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    usePolling: opts.usePolling ?? false,
    // Paths near the system's limit are left out: chokidar never becomes ready once one fails (ENAMETOOLONG); the
    // initial scan reports them as errors of their own.
    ignored: (path, stats) =>
      path !== root &&
      (Buffer.byteLength(path) >= MAX_WATCHED_PATH_BYTES ||
        isIgnoredName(basename(path)) ||
        (stats?.isFile() === true && !isReportFile(path))),
    awaitWriteFinish: { stabilityThreshold: opts.stabilityMs ?? 1000, pollInterval: 100 },
  });
  watcher
    .on('add', guard(added))
    .on('change', guard(added))
    .on(
      'unlink',
      guard((p) => importer.remove([p])),
    )
    .on(
      'unlinkDir',
      guard((d) => importer.remove(presentPathsUnder(db, d))),
    )
    .on('error', onError);

  const ready = new Promise<void>((resolveReady, reject) => {
    watcher.once('ready', () => {
      reconcile(db, importer, root, opts.version)
        .then(() => importer.idle())
        .then(resolveReady, reject);
    });
  });
  ready.catch(onError);

  return {
    folder: root,
    ready,
    progress: () => importer.snapshot,
    idle: () => importer.idle(),
    close: async () => {
      await watcher.close();
      await importer.close();
    },
  };
}

// Binds the folder library (first import, then watching) to the service: throttled progress, changed report ids.
import type { ImportProgress } from '../../shared/api';
import type { Store } from '../store';
import { importFolder, watchFolder, type LibraryProgress } from '../library';

export interface LibraryHandle {
  /** Resolves when the current import pass is over. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface LibraryOptions {
  /** Keep watching after the first import (the app); false imports once (benchmarks). */
  watch: boolean;
  onProgress: (p: Omit<ImportProgress, 'folder' | 'reading'>) => void;
  /** A page of a file being read by OCR is done (`path` relative to the folder). */
  onPageProgress?: (path: string, page: number, pages: number) => void;
  onReportsChanged: (reportIds: number[]) => void;
  /** Worker threads (default: the library's, one per core). */
  workers?: number;
  /** Whether scans and page images are OCR'd, asked per file. */
  ocr?: () => boolean;
}

const THROTTLE_MS = 150;

/** Calls `fn` at most every THROTTLE_MS with the latest value, and always with the final (not running) one. */
function throttle(fn: (p: LibraryProgress) => void): (p: LibraryProgress) => void {
  let last = 0;
  let timer: NodeJS.Timeout | null = null;
  let latest: LibraryProgress | null = null;
  const flush = (): void => {
    timer = null;
    if (latest) fn(latest);
    latest = null;
    last = Date.now();
  };
  return (p) => {
    latest = p;
    if (!p.running) {
      if (timer) clearTimeout(timer);
      flush();
    } else if (!timer) {
      timer = setTimeout(flush, Math.max(0, THROTTLE_MS - (Date.now() - last)));
    }
  };
}

export function startLibrary(db: Store, folder: string, opts: LibraryOptions): LibraryHandle {
  const onProgress = throttle((p) => opts.onProgress(p));
  const onError = (err: Error): void =>
    opts.onProgress({
      running: false,
      done: 0,
      total: 0,
      failed: 1,
      failures: [{ path: folder, error: `无法监视文件夹：${err.message} (cannot watch the folder)` }],
    });
  const common = {
    onProgress,
    onChange: (ids: number[]) => opts.onReportsChanged(ids),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.ocr ? { ocr: opts.ocr } : {}),
    ...(opts.onPageProgress ? { onPageProgress: opts.onPageProgress } : {}),
  };
  if (!opts.watch) {
    const done = importFolder(db, folder, common).then(
      () => undefined,
      (err: unknown) => onError(err instanceof Error ? err : new Error(String(err))),
    );
    return { idle: () => done, close: () => done };
  }
  const watcher = watchFolder(db, folder, { ...common, onError });
  return {
    idle: async () => {
      await watcher.ready.catch(() => undefined);
      await watcher.idle();
    },
    close: () => watcher.close(),
  };
}

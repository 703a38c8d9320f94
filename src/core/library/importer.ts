// The import queue: files go to the reader (worker threads), results come back to this thread, which alone writes
// SQLite, in batched transactions (each file in its own savepoint, so one bad file never loses the others).
import { existsSync } from 'node:fs';
import type { ImportFailure } from '../../shared/api';
import { EXTRACTOR_VERSION } from '../extract/version';
import { isCurrent, markPathGone, saveFile, type ImportedFile, type SaveOutcome } from '../store/save';
import type { Store } from '../store/open';
import { createReader, type FileReader, type ReadOutcome } from './pool';
import type { ScanProblem } from './files';
import { unopenedFile } from './read-file';

export interface LibraryProgress {
  running: boolean;
  done: number;
  total: number;
  failed: number;
  /** The most recent failures, newest last. */
  failures: ImportFailure[];
}

/**
 * What happened to each file. `unsaved`: read but not stored (the database refused the write: disk full, locked, …);
 * `unlisted`: folders that could not be listed, whose files are unknown.
 */
export type Tally = Record<SaveOutcome | 'gone' | 'skipped' | 'unsaved' | 'unlisted', number>;

export interface ImporterOptions {
  onProgress?: (progress: LibraryProgress) => void;
  /** Reports added or changed by a batch (to refresh the queue). */
  onChange?: (reportIds: number[]) => void;
  onWarning?: (message: string) => void;
  /** Worker threads; 0 reads in this thread. Default: one per core. */
  workers?: number;
  /** Files per transaction. */
  batchSize?: number;
  /** Longest wait before a partial batch is written. */
  flushMs?: number;
  /** Longest time one transaction of results may hold the thread (ms). */
  flushBudgetMs?: number;
  /** Extractor version recorded with each report (tests simulate upgrades). */
  version?: number;
  /** Whether scans and page images are OCR'd (the reviewer's setting, asked per file). Default: yes. */
  ocr?: () => boolean;
  /** Per-page progress of a file being OCR'd. */
  onPageProgress?: (path: string, page: number, pages: number) => void;
  /** The chosen folder: only regular files whose real path lies inside it are read. */
  root?: string;
}

const KEPT_FAILURES = 50;

interface Written {
  path: string;
  counted?: keyof Tally;
  reportId?: number;
  error?: string;
}

const DATABASE_DOWN = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CORRUPT|NOMEM|CANTOPEN|NOTADB|PROTOCOL)/;

const pathOf = (o: ReadOutcome): string => (o.kind === 'file' ? o.file.path : o.path);

export class Importer {
  readonly tally: Tally = {
    added: 0,
    failed: 0,
    updated: 0,
    duplicate: 0,
    moved: 0,
    unchanged: 0,
    gone: 0,
    skipped: 0,
    unsaved: 0,
    unlisted: 0,
  };
  private readonly reader: FileReader;
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly active = new Set<string>();
  private readonly again = new Set<string>();
  private pending: ReadOutcome[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushSoon = false;
  private waiters: (() => void)[] = [];
  private readonly progress: LibraryProgress = { running: false, done: 0, total: 0, failed: 0, failures: [] };
  private readonly version: number;

  constructor(
    private readonly db: Store,
    private readonly opts: ImporterOptions = {},
  ) {
    this.version = opts.version ?? EXTRACTOR_VERSION;
    this.reader = createReader(this.version, {
      workers: opts.workers,
      onWarning: opts.onWarning,
      ...(opts.ocr ? { ocr: opts.ocr } : {}),
      ...(opts.onPageProgress ? { onPageProgress: opts.onPageProgress } : {}),
      root: opts.root,
    });
  }

  get snapshot(): LibraryProgress {
    return { ...this.progress, failures: [...this.progress.failures] };
  }

  /** Queues files to read (new or changed). A file already queued is queued once; one in flight is read again after. */
  add(paths: Iterable<string>): void {
    for (const path of paths) {
      if (this.queued.has(path)) continue;
      if (this.active.has(path)) {
        this.again.add(path);
        continue;
      }
      this.queue.push(path);
      this.queued.add(path);
      this.progress.total++;
    }
    this.pump();
  }

  /**
   * Files that cannot be read by name (not UTF-8, path too long, …) are stored as failed reports with their error;
   * folders that cannot be listed are failures of the import (nothing to store).
   */
  refuse(problems: Iterable<ScanProblem>): void {
    let files = 0;
    for (const p of problems) {
      if (p.kind === 'folder') {
        this.tally.unlisted++;
        this.fail(p.path, p.error);
        this.opts.onWarning?.(`${p.path}：${p.error}`);
        continue;
      }
      this.pending.push({ kind: 'refused', path: p.path, error: p.error });
      this.progress.total++;
      files++;
    }
    if (files > 0) this.scheduleFlush(0);
  }

  /** Counts files found unchanged without reading them. */
  skip(count: number): void {
    this.progress.total += count;
    this.progress.done += count;
    this.tally.skipped += count;
  }

  /** The file at `path` is gone: its report is marked missing (kept, with its data). */
  remove(paths: Iterable<string>): void {
    const list = [...paths];
    if (list.length === 0) return;
    const changed: number[] = [];
    this.db
      .transaction(() => {
        for (const path of list) {
          const id = markPathGone(this.db, path);
          if (id !== null) {
            changed.push(id);
            this.tally.gone++;
          }
        }
      })
      .immediate();
    if (changed.length) this.opts.onChange?.(changed);
  }

  /** Resolves when every queued file is read and written. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Writes what was read already, then stops the workers (files still being read are read next time). */
  async close(): Promise<void> {
    while (this.pending.length > 0) this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.reader.close();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.active.size === 0 && this.pending.length === 0;
  }

  private pump(): void {
    while (this.active.size < this.reader.parallelism && this.queue.length > 0) {
      const path = this.queue.shift()!;
      this.queued.delete(path);
      this.active.add(path);
      this.setRunning(true);
      this.reader
        .read(path, (sha256) => isCurrent(this.db, sha256, this.version))
        .then(
          (outcome) => this.received(path, outcome),
          (err: unknown) =>
            this.received(path, { kind: 'file', file: unopenedFile(path, String(err), this.version) }),
        );
    }
  }

  private received(path: string, outcome: ReadOutcome): void {
    this.active.delete(path);
    this.pending.push(outcome);
    // Changed again while it was read: read it once more (after this result is written).
    if (this.again.delete(path)) this.add([path]);
    const soon =
      this.pending.length >= (this.opts.batchSize ?? 64) ||
      (this.queue.length === 0 && this.active.size === 0);
    this.scheduleFlush(soon ? 0 : (this.opts.flushMs ?? 200));
    this.pump();
  }

  /**
   * Writing always happens in a turn of the event loop of its own: many worker messages can arrive in one turn,
   * and writing after each would add up to a long block.
   */
  private scheduleFlush(delayMs: number): void {
    if (this.timer && (delayMs > 0 || this.flushSoon)) return;
    if (this.timer) clearTimeout(this.timer);
    this.flushSoon = delayMs === 0;
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  private fail(path: string, error: string): void {
    this.progress.failed++;
    this.progress.failures.push({ path, error });
    if (this.progress.failures.length > KEPT_FAILURES) this.progress.failures.shift();
  }

  /**
   * Writes pending results in one transaction, for at most `flushBudgetMs` (15 ms), so the thread (Electron's main) is never
   * blocked for long; what is left is written on the next turn of the event loop.
   */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushSoon = false;
    const deadline = performance.now() + (this.opts.flushBudgetMs ?? 15);
    let taken = 0;
    const results: Written[] = [];
    if (this.pending.length > 0) {
      try {
        this.db
          .transaction(() => {
            while (taken < this.pending.length && (taken === 0 || performance.now() < deadline)) {
              results.push(this.write(this.pending[taken++]!));
            }
          })
          .immediate();
      } catch (err) {
        // The database refused the transaction (locked too long, disk full, …) and rolled it back. Rather than
        // wait out the lock again for each result, everything pending is reported as not stored; the next import
        // or watcher start reads these files again.
        const why = `保存失败：${err instanceof Error ? err.message : String(err)} (could not store)`;
        this.opts.onWarning?.(why);
        taken = this.pending.length;
        results.splice(
          0,
          results.length,
          ...this.pending.map((o): Written => ({ path: pathOf(o), counted: 'unsaved', error: why })),
        );
      }
      this.pending.splice(0, taken);
    }
    const changed = new Set<number>();
    for (const r of results) {
      if (r.counted) this.tally[r.counted]++;
      if (r.reportId !== undefined) changed.add(r.reportId);
      if (r.error) this.fail(r.path, r.error);
    }
    this.progress.done += taken;
    if (this.pending.length > 0) this.scheduleFlush(0);
    if (changed.size) this.opts.onChange?.([...changed]);
    if (this.isIdle()) this.setRunning(false);
    else this.opts.onProgress?.(this.snapshot);
    if (this.isIdle()) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Stores one result in its own savepoint; what it did is applied to the tallies once the batch commits. */
  private write(outcome: ReadOutcome): Written {
    const path = pathOf(outcome);
    if (outcome.kind === 'refused') return this.save(path, unopenedFile(path, outcome.error, this.version));
    if (outcome.kind === 'gone' || !existsSync(path)) {
      // Deleted while it was being read.
      const id = markPathGone(this.db, path);
      return id === null ? { path } : { path, reportId: id, counted: 'gone' };
    }
    return this.save(path, outcome.file);
  }

  private save(path: string, file: ImportedFile): Written {
    try {
      const saved = this.db.transaction(() => saveFile(this.db, file))();
      return {
        path,
        counted: saved.outcome,
        ...(saved.outcome !== 'unchanged' ? { reportId: saved.reportId } : {}),
        ...(file.content?.error ? { error: file.content.error } : {}),
      };
    } catch (err) {
      // The database itself is unavailable: stop the batch rather than wait out the lock once per file.
      if (DATABASE_DOWN.test((err as { code?: string }).code ?? '')) throw err;
      return {
        path,
        counted: 'unsaved',
        error: `保存失败：${err instanceof Error ? err.message : String(err)} (could not store)`,
      };
    }
  }

  private setRunning(running: boolean): void {
    if (this.progress.running === running) return;
    this.progress.running = running;
    this.opts.onProgress?.(this.snapshot);
  }
}

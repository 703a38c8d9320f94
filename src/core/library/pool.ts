// Reading files off the main thread: a pool of worker threads (one per core) that hash files and extract those
// whose content is not stored yet. A worker that crashes or hangs fails only the file it was on; when workers
// cannot start at all (missing build entry), files are read in the calling thread instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportedFile } from '../store/save';
import type { FromWorker, ToWorker } from './messages';
import { extractContent, fileError, hashFile, isGone, unopenedFile } from './read-file';

export type ReadOutcome =
  | { kind: 'file'; file: ImportedFile }
  | { kind: 'gone'; path: string }
  /** Not read at all (a name that cannot be opened as given): stored as a failed report with this error. */
  | { kind: 'refused'; path: string; error: string };

/** `isCurrent(sha256)`: true when that content is stored already, so the file need not be extracted. */
export interface FileReader {
  read(path: string, isCurrent: (sha256: string) => boolean): Promise<ReadOutcome>;
  /** How many files are worth having in flight at once. */
  readonly parallelism: number;
  close(): Promise<void>;
}

/** Per-page progress of a file being OCR'd. */
export type PageProgress = (path: string, page: number, pages: number) => void;

/** Reads in the calling thread: the fallback, and for callers that ask for no workers. */
export class InlineReader implements FileReader {
  readonly parallelism = 1;
  constructor(
    private readonly version: number,
    private readonly opts: Pick<PoolOptions, 'ocr' | 'onPageProgress' | 'root'> = {},
  ) {}

  async read(path: string, isCurrent: (sha256: string) => boolean): Promise<ReadOutcome> {
    let hashed;
    try {
      hashed = await hashFile(path, this.opts.root);
    } catch (err) {
      return isGone(err)
        ? { kind: 'gone', path }
        : { kind: 'file', file: unopenedFile(path, fileError(err), this.version) };
    }
    const { bytes: _bytes, ...meta } = hashed;
    const content = isCurrent(hashed.sha256)
      ? null
      : await extractContent(hashed, {
          ocr: this.opts.ocr?.() ?? true,
          onProgress: ({ page, pages }) => this.opts.onPageProgress?.(path, page, pages),
        });
    return { kind: 'file', file: { ...meta, parserVersion: this.version, content } };
  }

  async close(): Promise<void> {}
}

interface WorkerEntry {
  url: URL;
  execArgv?: string[];
}

/** The worker's module: the TypeScript source under tsx/vitest, the built file next to the Electron main bundle. */
function workerEntry(): WorkerEntry | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
    return { url: new URL('./import-worker.ts', here), execArgv: ['--import', tsx] };
  }
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  return null;
}

interface Job {
  id: number;
  path: string;
  isCurrent: (sha256: string) => boolean;
  resolve: (outcome: ReadOutcome) => void;
  hashed?: { sha256: string; size: number; mtimeMs: number };
  /** Order in which the worker hashed it, which is the order it extracts in. */
  hashedSeq?: number;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  lastHeard: number;
  started: boolean;
}

/**
 * Memory bounds: each worker's JavaScript heap is capped, so one hostile file ends its worker (that file fails with
 * a clear error) instead of growing the app; at most MAX_WORKERS workers, so the bounds do not add up with cores.
 */
export const WORKER_HEAP_MB = 256;
export const MAX_WORKERS = 3;

export interface PoolOptions {
  size?: number;
  /** Old-generation heap of each worker (MB). */
  heapMb?: number;
  /** A worker silent this long while it has work is taken to hang: its current file fails. */
  hangMs?: number;
  onWarning?: (message: string) => void;
  /** Whether scans and page images are OCR'd, asked for each file (a setting). Default: yes. */
  ocr?: () => boolean;
  onPageProgress?: PageProgress;
  /** The chosen folder: only regular files whose real path lies inside it are read. */
  root?: string;
}

export class WorkerPool implements FileReader {
  readonly parallelism: number;
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  private failedStarts = 0;
  private fallback: InlineReader | null = null;
  private readonly watchdog: NodeJS.Timeout;
  private readonly hangMs: number;

  constructor(
    private readonly version: number,
    private readonly entry: WorkerEntry,
    private readonly opts: PoolOptions = {},
  ) {
    const size = Math.max(1, opts.size ?? Math.min(availableParallelism(), MAX_WORKERS));
    this.parallelism = size * 8;
    this.hangMs = opts.hangMs ?? 120_000;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
    this.watchdog = setInterval(() => this.checkHangs(), Math.min(this.hangMs, 5_000));
    this.watchdog.unref();
  }

  private spawn(): Slot {
    const heapMb = this.opts.heapMb ?? WORKER_HEAP_MB;
    const worker = new Worker(this.entry.url, {
      ...(this.entry.execArgv ? { execArgv: this.entry.execArgv } : {}),
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    });
    const slot: Slot = { worker, jobs: new Map(), lastHeard: Date.now(), started: false };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (err) =>
      this.onDeath(
        slot,
        (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `读取该文件所需内存超过上限（${heapMb} MB），文件过大或过于复杂 (out of memory: the file needs more than ${heapMb} MB)`
          : `处理该文件时工作线程出错：${err.message} (worker error)`,
      ),
    );
    worker.on('exit', (code) =>
      this.onDeath(slot, `处理该文件时工作线程退出（代码 ${code}）(worker exited)`),
    );
    return slot;
  }

  read(path: string, isCurrent: (sha256: string) => boolean): Promise<ReadOutcome> {
    if (this.closed) return Promise.reject(new Error('import pool is closed'));
    if (this.fallback) return this.fallback.read(path, isCurrent);
    return new Promise((resolve) => this.dispatch({ id: this.nextId++, path, isCurrent, resolve }));
  }

  private dispatch(job: Job): void {
    if (this.fallback) {
      void this.fallback.read(job.path, job.isCurrent).then(job.resolve);
      return;
    }
    const slot = this.slots.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    if (slot.jobs.size === 0) slot.lastHeard = Date.now();
    slot.jobs.set(job.id, job);
    this.post(slot, {
      type: 'read',
      id: job.id,
      path: job.path,
      ocr: this.opts.ocr?.() ?? true,
      root: this.opts.root,
    });
  }

  private post(slot: Slot, m: ToWorker): void {
    slot.worker.postMessage(m);
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    slot.lastHeard = Date.now();
    slot.started = true;
    const job = slot.jobs.get(m.id);
    if (!job) return;
    if (m.type === 'progress') {
      this.opts.onPageProgress?.(job.path, m.page, m.pages);
      return;
    }
    if (m.type === 'hashed') {
      job.hashed = { sha256: m.sha256, size: m.size, mtimeMs: m.mtimeMs };
      job.hashedSeq = this.nextId++;
      if (!job.isCurrent(m.sha256)) return; // the worker extracts it
      this.post(slot, { type: 'drop', id: m.id });
      this.finish(slot, job, { kind: 'file', file: this.file(job, null) });
    } else if (m.type === 'unopened') {
      const outcome: ReadOutcome = m.gone
        ? { kind: 'gone', path: job.path }
        : { kind: 'file', file: unopenedFile(job.path, m.error, this.version) };
      this.finish(slot, job, outcome);
    } else {
      this.finish(slot, job, { kind: 'file', file: this.file(job, m.content) });
    }
  }

  private file(job: Job, content: ImportedFile['content']): ImportedFile {
    const h = job.hashed!;
    return {
      path: job.path,
      size: h.size,
      mtimeMs: h.mtimeMs,
      sha256: h.sha256,
      parserVersion: this.version,
      content,
    };
  }

  private finish(slot: Slot, job: Job, outcome: ReadOutcome): void {
    slot.jobs.delete(job.id);
    job.resolve(outcome);
  }

  private checkHangs(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (slot.jobs.size > 0 && now - slot.lastHeard > this.hangMs) {
        this.replace(slot, `处理超时（超过 ${Math.round(this.hangMs / 1000)} 秒）(extraction timed out)`);
      }
    }
  }

  private onDeath(slot: Slot, reason: string): void {
    if (this.closed || !this.slots.includes(slot)) return;
    if (!slot.started && ++this.failedStarts >= 3) {
      this.opts.onWarning?.(
        `无法启动导入工作线程，改为在主线程中读取：${reason} (workers unavailable; reading inline)`,
      );
      this.fallback = new InlineReader(this.version, this.opts);
    }
    this.replace(slot, reason);
  }

  /** Ends a dead or hung worker: the file it was extracting fails, its other files start again elsewhere. */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const jobs = [...slot.jobs.values()].sort((a, b) => a.id - b.id);
    // A worker extracts its hashed files in the order hashed: the first one not finished is the file it was on.
    const hashed = jobs.filter((j) => j.hashedSeq !== undefined).sort((a, b) => a.hashedSeq! - b.hashedSeq!);
    const culprit = hashed[0] ?? jobs[0];
    if (this.fallback) this.slots.splice(index, 1);
    else this.slots[index] = this.spawn();
    if (this.slots.length === 0 && !this.fallback) this.fallback = new InlineReader(this.version, this.opts);
    for (const job of jobs) {
      if (job === culprit && slot.started) {
        const file = job.hashed
          ? this.file(job, {
              format: null,
              text: null,
              encoding: null,
              warnings: [],
              extraction: null,
              error: reason,
            })
          : unopenedFile(job.path, reason, this.version);
        job.resolve({ kind: 'file', file });
      } else {
        this.dispatch(job);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(
      this.slots.map((s) => {
        s.worker.removeAllListeners();
        return s.worker.terminate();
      }),
    );
  }
}

/** Worker threads by default; `workers: 0` (or no worker entry in this build) reads in the calling thread. */
export function createReader(version: number, opts: PoolOptions & { workers?: number } = {}): FileReader {
  const entry = opts.workers === 0 ? null : workerEntry();
  if (!entry) {
    if (opts.workers !== 0)
      opts.onWarning?.('未找到导入工作线程文件，改为在主线程中读取 (worker entry not found; reading inline)');
    return new InlineReader(version, opts);
  }
  return new WorkerPool(version, entry, { ...opts, size: opts.workers ?? opts.size });
}

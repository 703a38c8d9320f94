// ReviewService: the API handler map (src/shared/api.ts) on top of the store and the folder library. Runs in the
// Electron main process and, for e2e tests and benchmarks, in plain Node behind the loopback bridge.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type {
  ApiEvents,
  ApiHandlers,
  EventName,
  ExportOutcome,
  ExportRequest,
  ImportProgress,
  Language,
  Outcome,
  Settings,
} from '../shared/api';
import { exportDataset, ExportError } from './export';
import { loadOriginal, originalPath } from './original';
import * as store from './store';
import { startLibrary, type LibraryHandle } from './service/library';
import { pageImage, sourceLocation } from './service/page-source';
import { PanelService, type PanelChannels } from './service/panel';
import { readSettings, writeSettings } from './service/settings';

export interface ServiceOptions {
  /** Where settings, databases and the copy of the sample reports live (Electron: `app.getPath('userData')`). */
  dataDir: string;
  /** The bundled sample reports, copied to `<dataDir>/samples` on first use. */
  samplesDir: string | null;
  /** Watch the folder for changes after the first import (default true); benchmarks import once. */
  watch?: boolean;
}

/** Everything but the two channels that need a system dialog (the Electron main process or the bridge adds them). */
export type ServiceHandlers = Omit<ApiHandlers, 'chooseFolder' | 'exportDataset' | 'openOriginalFile'>;

const NO_PROGRESS: ImportProgress = {
  folder: null,
  running: false,
  done: 0,
  total: 0,
  failed: 0,
  failures: [],
  reading: null,
};

/** The database of a folder: one per folder, named by a hash of its absolute path. */
export function databaseFor(dataDir: string, folder: string): string {
  const id = createHash('sha256').update(resolve(folder)).digest('hex').slice(0, 16);
  return join(dataDir, 'libraries', `${id}.sqlite`);
}

export class ReviewService implements Omit<ServiceHandlers, keyof PanelChannels> {
  private settings: Settings;
  private db: store.Store | null = null;
  private library: LibraryHandle | null = null;
  private progress: ImportProgress = NO_PROGRESS;
  private readonly events = new EventEmitter();
  private readonly settingsFile: string;
  private readonly panel = new PanelService(
    () => this.store,
    () => this.reviewer,
    (reportIds) => this.emit('reportsChanged', { reportIds }),
  );

  private constructor(private readonly opts: ServiceOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    this.settingsFile = join(opts.dataDir, 'settings.json');
    this.settings = readSettings(this.settingsFile);
  }

  /** Opens the service; if a folder was chosen before, its database is opened and the folder watched again. */
  static async open(opts: ServiceOptions): Promise<ReviewService> {
    const service = new ReviewService(opts);
    const folder = service.settings.folder;
    if (folder && existsSync(folder)) await service.openFolder(folder, service.settings.usingSamples);
    // A folder that went away (unplugged drive, renamed): start at the welcome screen, the database stays.
    else if (folder) service.save({ folder: null, usingSamples: false });
    return service;
  }

  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  private emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    this.events.emit(event, payload);
  }

  /** The handler map, bound to this service (for ipcMain and the bridge). */
  handlers(): ServiceHandlers {
    return {
      getSettings: () => this.getSettings(),
      setReviewerName: (a) => this.setReviewerName(a),
      setLanguage: (a) => this.setLanguage(a),
      setOcr: (a) => this.setOcr(a),
      useSampleReports: () => this.useSampleReports(),
      importStatus: () => this.importStatus(),
      listReports: (a) => this.listReports(a),
      queueHead: (a) => this.queueHead(a),
      getReport: (a) => this.getReport(a),
      editCell: (a) => this.editCell(a),
      undo: (a) => this.undo(a),
      redo: (a) => this.redo(a),
      verifyReport: (a) => this.verifyReport(a),
      reopenReport: (a) => this.reopenReport(a),
      waiveFinding: (a) => this.waiveFinding(a),
      cellHistory: (a) => this.cellHistory(a),
      getSourceLocation: (a) => this.getSourceLocation(a),
      getPageImage: (a) => this.getPageImage(a),
      getOriginal: (a) => this.getOriginal(a),
      ...this.panel.handlers(),
    };
  }

  // --- settings and folders ------------------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    return { ...this.settings };
  }

  private save(patch: Partial<Settings>): Settings {
    this.settings = { ...this.settings, ...patch };
    writeSettings(this.settingsFile, this.settings);
    return { ...this.settings };
  }

  async setReviewerName({ name }: { name: string }): Promise<Settings> {
    return this.save({ reviewerName: name.trim() });
  }

  async setLanguage({ language }: { language: Language }): Promise<Settings> {
    return this.save({ language });
  }

  async setOcr({ enabled }: { enabled: boolean }): Promise<Settings> {
    const was = this.settings.ocr;
    const settings = this.save({ ocr: enabled });
    // Files refused because OCR was off are read again: forgotten as read, then the folder is brought in step.
    if (enabled && !was && this.db && settings.folder && store.forgetOcrRefusals(this.db) > 0) {
      return this.openFolder(settings.folder, settings.usingSamples);
    }
    return settings;
  }

  /** Opens the database of `folder` and starts importing and watching it. */
  async openFolder(folder: string, usingSamples = false): Promise<Settings> {
    const abs = resolve(folder);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) {
      throw new Error(`文件夹不存在或不可读：${abs} (folder not found)`);
    }
    await this.closeFolder();
    const file = databaseFor(this.opts.dataDir, abs);
    mkdirSync(join(this.opts.dataDir, 'libraries'), { recursive: true });
    const db = store.openStore(file);
    store.setLibraryFolder(db, abs);
    this.db = db;
    this.panel.refreshAll();
    const settings = this.save({ folder: abs, usingSamples });
    this.progress = { ...NO_PROGRESS, folder: abs, running: true };
    this.library = startLibrary(db, abs, {
      watch: this.opts.watch ?? true,
      onProgress: (p) => {
        this.progress = { ...p, folder: abs, reading: p.running ? this.progress.reading : null };
        this.emit('importProgress', this.progress);
      },
      onPageProgress: (path, page, pages) => {
        this.progress = {
          ...this.progress,
          reading: page < pages ? { path: relative(abs, resolve(abs, path)), page, pages } : null,
        };
        this.emit('importProgress', this.progress);
      },
      onReportsChanged: (reportIds) => {
        this.panel.changed(reportIds, true);
        this.emit('reportsChanged', { reportIds });
      },
      ocr: () => this.settings.ocr,
    });
    return settings;
  }

  async useSampleReports(): Promise<Settings> {
    const target = join(this.opts.dataDir, 'samples');
    if (!existsSync(target)) {
      if (!this.opts.samplesDir || !existsSync(this.opts.samplesDir)) {
        throw new Error('找不到随附的示例报告 (bundled sample reports not found)');
      }
      cpSync(this.opts.samplesDir, target, { recursive: true });
    }
    return this.openFolder(target, true);
  }

  /** Resolves when the current import pass is over (tests, benchmarks). */
  async idle(): Promise<ImportProgress> {
    await this.library?.idle();
    this.panel.flush();
    this.panel.settle();
    return this.progress;
  }

  private async closeFolder(): Promise<void> {
    const library = this.library;
    this.library = null;
    await library?.close();
    this.panel.stop();
    this.db?.close();
    this.db = null;
    this.progress = NO_PROGRESS;
  }

  async close(): Promise<void> {
    await this.closeFolder();
    this.events.removeAllListeners();
  }

  // --- queries and the write path ------------------------------------------------------------------------------

  private get store(): store.Store {
    if (!this.db) throw new Error('尚未选择报告文件夹 (no report folder chosen)');
    return this.db;
  }

  private get reviewer(): string {
    return this.settings.reviewerName ?? '';
  }

  async importStatus(): Promise<ImportProgress> {
    return this.progress;
  }

  async listReports(query: Parameters<ApiHandlers['listReports']>[0]) {
    return store.listReports(this.store, query);
  }

  async queueHead({ first }: { first: number }) {
    return store.queueHead(this.store, first);
  }

  async getReport({ reportId }: { reportId: number }) {
    return store.getReport(this.store, reportId);
  }

  /** A change of a report: the findings across its agency's reports follow, right after the answer is sent. */
  private changedReport<T>(reportId: number, result: T): T {
    this.panel.changed([reportId]);
    return result;
  }

  async editCell(args: Parameters<ApiHandlers['editCell']>[0]) {
    return this.changedReport(args.reportId, store.editCell(this.store, args, this.reviewer));
  }

  async undo({ reportId }: { reportId: number }) {
    return this.changedReport(reportId, store.undo(this.store, reportId, this.reviewer));
  }

  async redo({ reportId }: { reportId: number }) {
    return this.changedReport(reportId, store.redo(this.store, reportId, this.reviewer));
  }

  async verifyReport(args: Parameters<ApiHandlers['verifyReport']>[0]) {
    return this.changedReport(args.reportId, store.verifyReport(this.store, args, this.reviewer));
  }

  async reopenReport(args: Parameters<ApiHandlers['reopenReport']>[0]) {
    return this.changedReport(args.reportId, store.reopenReport(this.store, args, this.reviewer));
  }

  async waiveFinding(args: Parameters<ApiHandlers['waiveFinding']>[0]) {
    return store.waiveFinding(this.store, args, this.reviewer);
  }

  async cellHistory({ reportId, key }: { reportId: number; key: string }) {
    return store.cellHistory(this.store, reportId, key);
  }

  async getSourceLocation({ reportId, span }: Parameters<ApiHandlers['getSourceLocation']>[0]) {
    return sourceLocation(this.store, reportId, span);
  }

  async getPageImage({ reportId, page, scale }: Parameters<ApiHandlers['getPageImage']>[0]) {
    return pageImage(this.store, reportId, page, scale);
  }

  async getOriginal({ reportId }: { reportId: number }) {
    return loadOriginal(this.store, reportId);
  }

  /** The stored file of a report, for the main process to open (the page never sends a path). */
  async originalPath(reportId: number): Promise<Outcome<string>> {
    return originalPath(this.store, reportId);
  }

  /** Writes the dataset into `folder`; a condition the reviewer can act on comes back as a reason. */
  async exportTo(folder: string, request: ExportRequest): Promise<Outcome<ExportOutcome>> {
    const started = performance.now();
    try {
      const result = await exportDataset(
        this.panel.settled(),
        { ...request, out: resolve(folder) },
        (done, total) => this.emit('exportProgress', { done, total }),
      );
      return {
        ok: true,
        value: {
          folder: resolve(folder),
          files: result.files.map((f) => f.path),
          reports: result.reports,
          rows: result.rows,
          seconds: (performance.now() - started) / 1000,
        },
      };
    } catch (err) {
      if (err instanceof ExportError) return { ok: false, reason: err.message };
      throw err;
    }
  }
}

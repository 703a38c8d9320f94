// The contract between the renderer and the process that holds the data (Electron main, or the e2e bridge).
// Types only: the runtime argument schemas live in src/main/args.ts and are checked against these types.
import type { DocumentFormat, Finding, ReadHow, Span, Template, TemplateId } from './types';
import type {
  AgencyEdit,
  AgencyEditResult,
  AgencySuggestion,
  AgencyView,
  Comparison,
  Coverage,
  CoverageQuery,
  PanelFindingView,
} from './panel';

export type Language = 'zh-CN' | 'en';

/** `missing` is not a status: a report whose file was deleted keeps its status and data and has `missing: true`. */
export type ReportStatus = 'new' | 'needs_review' | 'verified' | 'failed';

export interface Settings {
  /** Recorded on every edit; asked once at first start. */
  reviewerName: string | null;
  language: Language;
  /** The watched folder, or null before the reviewer chose one. */
  folder: string | null;
  /** True when the folder is the copy of the bundled sample reports. */
  usingSamples: boolean;
  /** Read scans and page images by OCR (slow: seconds a page). Off: such files fail with 未启用文字识别（OCR）. */
  ocr: boolean;
}

export interface ImportFailure {
  path: string;
  error: string;
}

export interface ImportProgress {
  folder: string | null;
  /** True while files are being read and extracted. */
  running: boolean;
  done: number;
  total: number;
  failed: number;
  /** The most recent failures (file and error text), newest last. */
  failures: ImportFailure[];
  /** A file being read by OCR, page by page (slow: seconds a page); null otherwise. */
  reading: { path: string; page: number; pages: number } | null;
}

/** One row of the queue. */
export interface ReportRow {
  id: number;
  /** Path relative to the watched folder. */
  path: string;
  status: ReportStatus;
  missing: boolean;
  template: Template | null;
  agency: string | null;
  year: number | null;
  published: string | null;
  /** Standing (not waived) findings. */
  errors: number;
  warnings: number;
  /** Cells whose value a reviewer changed. */
  edited: number;
  /** Read failure or other reason the report needs attention, 简体中文. */
  error: string | null;
  updatedAt: string;
  /** Other paths where the same bytes were found (byte-identical duplicate files), relative like `path`. */
  copies: string[];
  /**
   * The same report in several files of different content (e.g. .txt, .html and .docx of one report: same agency,
   * year, format and values). Null when the report stands alone.
   */
  group: ReportGroup | null;
}

export interface ReportGroup {
  /** The report chosen to stand for the group (verified first, then fewest errors, richest format, file name). */
  primaryId: number;
  /** Every report of the group, the primary first. */
  memberIds: number[];
}

export interface CellView {
  key: string;
  /** Printed label for `legacy.label:` keys. */
  label: string | null;
  raw: string | null;
  /** What the extractor read; null when nothing was read or the reviewer added the cell. */
  extracted: number | null;
  /** Current value (the reviewer's when edited). */
  value: number | null;
  how: ReadHow | null;
  span: Span | null;
  edited: boolean;
  /** Set when a re-extraction disagrees with the reviewer's value. */
  attention: string | null;
  /** The extractor listed the cell for review (ambiguous split, guess, missing). */
  review: boolean;
}

export interface Waiver {
  by: string;
  note: string;
  at: string;
}

export interface FindingView extends Finding {
  id: number;
  waiver: Waiver | null;
  /** Cells of the finding whose value a reviewer typed: the error may be the reviewer's own. */
  editedKeys: string[];
}

export interface ReportHeader extends ReportRow {
  format: DocumentFormat | null;
  sha256: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  /** Why the report is in its status (e.g. "源文件已更改"), when known. */
  statusReason: string | null;
  /** What the reader noticed (encoding guessed, merged Word cells, …), 简体中文. */
  readWarnings: string[];
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface ReportDetail {
  report: ReportHeader;
  cells: CellView[];
  findings: FindingView[];
  /** The normalised document text every cell span points into. */
  text: string;
  undo: UndoState;
}

/** What changed after an edit, undo, redo, waiver or status change: enough to repaint without reloading. */
export interface ReportChange {
  report: ReportHeader;
  /** Cells whose value changed (the edited cell, or those an undo/redo restored). */
  cells: CellView[];
  /** Every finding of the report, recomputed. */
  findings: FindingView[];
  undo: UndoState;
}

export type EditKind = 'cell' | 'verify' | 'reopen' | 'waive' | 'status';

export interface CellEdit {
  id: number;
  kind: EditKind;
  key: string | null;
  old: number | null;
  new: number | null;
  reviewer: string;
  at: string;
  note: string | null;
  /** True when this edit was undone (and not redone). */
  undone: boolean;
}

export interface ReportQuery {
  status?: ReportStatus;
}

/** What the queue counts: one per report, other versions of a grouped report and identical copies apart. */
export interface QueueCounts {
  /** Reports listed by default (every report but the other versions of a grouped report). */
  all: number;
  /** Status new or needs_review. */
  waiting: number;
  new: number;
  needs_review: number;
  verified: number;
  failed: number;
  /** Other versions of grouped reports (hidden unless the reviewer asks for versions). */
  secondary: number;
  /** Byte-identical copies of reports at other paths. */
  copies: number;
  /** Every report, other versions included. */
  reports: number;
}

/**
 * The top of the queue as it first shows (status needs_review, new, failed, verified; most errors first; path
 * order; other versions left out) and the queue's counts: enough to paint the queue before the whole list arrives.
 */
export interface QueueHead {
  rows: ReportRow[];
  counts: QueueCounts;
}

export interface EditCellArgs {
  reportId: number;
  key: string;
  value: number | null;
  note?: string;
}

export interface VerifyArgs {
  reportId: number;
  /**
   * Waivers to record before verifying, one per standing error finding, each with its own note. The report is
   * verified only if no error stands after them; nothing is waived otherwise.
   */
  waivers?: { findingId: number; note: string }[];
  /**
   * The sha256 of the file whose content the reviewer was shown: refused when the report has been read from another
   * file since (the screen has not shown it yet).
   */
  seen?: string;
}

/** A rectangle on a page of the original (PDF points, origin top left); `page` is 1-based. */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a report's text is printed, for reports read from PDFs: its pages and the box of a span of its text. */
export interface SourceLocation {
  /** Size of each page in points. */
  pages: { width: number; height: number }[];
  /** The box of the asked span (on the page where it starts), or null when the span is not on a page. */
  box: PageBox | null;
}

/** One page of a report's original file as an image. */
export interface PageImageView {
  page: number;
  pageCount: number;
  /** `data:image/png;base64,…` (a page image read by OCR: its own type, e.g. image/jpeg) */
  dataUrl: string;
  /** Image size in pixels; the page is `width / scale` points wide. */
  width: number;
  height: number;
  scale: number;
}
/** The published file as the reviewer would see it, made safe to show beside the grid. */
export type OriginalView =
  | {
      kind: 'html';
      /**
       * Sanitised markup (no scripts, no styles, no links, no images, no external references). Every table cell
       * the reader used carries `data-s` / `data-e`: its span in the document text, so a cell's source can be found.
       */
      html: string;
      /** False when the file changed since it was read: spans are then not shown. */
      spansMatch: boolean;
    }
  | { kind: 'text' }
  | { kind: 'unavailable'; reason: string };

export type ExportFormat = 'csv' | 'xlsx' | 'json';
export type ExportShape = 'long' | 'wide' | 'reports' | 'codebook' | 'harmonised' | 'checks' | 'gaps';

/** What to export; where to is asked with the system dialog (the page never names a path). */
export interface ExportRequest {
  format: ExportFormat;
  shapes: ExportShape[];
  /** Every report whatever its status (with a status column); default: verified reports only. */
  includeAll: boolean;
  years?: number[];
  templates?: TemplateId[];
  /** Part of the agency name, e.g. `街道`. */
  agency?: string;
  /** Part of the agency's region (the `gaps` sheet). */
  region?: string;
}

export interface ExportOutcome {
  folder: string;
  files: string[];
  reports: number;
  rows: number;
  seconds: number;
}

/**
 * Result of a command that can be refused for a reason the reviewer must read (verify with standing errors, …).
 * Invalid arguments and broken invariants are thrown instead.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Every channel: one argument (or none) and a promised result. */
export interface ApiHandlers {
  getSettings: () => Promise<Settings>;
  setReviewerName: (args: { name: string }) => Promise<Settings>;
  setLanguage: (args: { language: Language }) => Promise<Settings>;
  /** Turns OCR of scans and page images on or off; turned on, the files refused for want of it are read again. */
  setOcr: (args: { enabled: boolean }) => Promise<Settings>;
  /** Shows the system folder dialog and starts watching the chosen folder. Null when cancelled. */
  chooseFolder: () => Promise<Settings | null>;
  /** Copies the bundled sample reports to a writable folder (once) and watches it. */
  useSampleReports: () => Promise<Settings>;
  importStatus: () => Promise<ImportProgress>;
  listReports: (args: ReportQuery) => Promise<ReportRow[]>;
  /** The first `first` rows of the queue and its counts (the queue's first paint; the whole list follows). */
  queueHead: (args: { first: number }) => Promise<QueueHead>;
  getReport: (args: { reportId: number }) => Promise<ReportDetail>;
  editCell: (args: EditCellArgs) => Promise<ReportChange>;
  undo: (args: { reportId: number }) => Promise<ReportChange>;
  redo: (args: { reportId: number }) => Promise<ReportChange>;
  verifyReport: (args: VerifyArgs) => Promise<Outcome<ReportChange>>;
  reopenReport: (args: { reportId: number; note?: string }) => Promise<ReportChange>;
  waiveFinding: (args: { reportId: number; findingId: number; note: string }) => Promise<ReportChange>;
  cellHistory: (args: { reportId: number; key: string }) => Promise<CellEdit[]>;
  /** Page sizes and the box of a span of the report's text; null for reports not read from a PDF. */
  getSourceLocation: (args: { reportId: number; span: Span | null }) => Promise<SourceLocation | null>;
  /** Page `page` of the report's PDF drawn at `scale` pixels per point; refused when the file is gone or changed. */
  getPageImage: (args: { reportId: number; page: number; scale: number }) => Promise<Outcome<PageImageView>>;
  /** The original of an HTML or Word report, sanitised for the original view. */
  getOriginal: (args: { reportId: number }) => Promise<OriginalView>;
  /** Opens the report's stored file with the system's default application (the page never names a path). */
  openOriginalFile: (args: { reportId: number }) => Promise<Outcome<null>>;
  /** Asks for a destination folder and writes the dataset there; null when cancelled; refused with a reason. */
  exportDataset: (args: ExportRequest) => Promise<Outcome<ExportOutcome> | null>;
  // The panel (src/shared/panel.ts): agencies across years.
  /** Agency × year matrix of report status. */
  coverage: (args: CoverageQuery) => Promise<Coverage>;
  /** A report's cross-report findings and supervisors' checks. */
  panelFindings: (args: { reportId: number }) => Promise<PanelFindingView[]>;
  /** Two reports of one agency side by side; `otherId` defaults to the agency's previous report. */
  compareReports: (args: { reportId: number; otherId?: number }) => Promise<Comparison>;
  listAgencies: () => Promise<AgencyView[]>;
  agencySuggestions: () => Promise<AgencySuggestion[]>;
  /** A registry change (rename, region, parent, merge, split, a report's agency), audited and undoable. */
  editAgency: (args: AgencyEdit) => Promise<AgencyEditResult>;
  undoAgencyEdit: () => Promise<AgencyEditResult>;
  redoAgencyEdit: () => Promise<AgencyEditResult>;
}

export type Channel = keyof ApiHandlers;
export type ArgsOf<C extends Channel> = Parameters<ApiHandlers[C]> extends [infer A] ? A : undefined;
export type ResultOf<C extends Channel> = Awaited<ReturnType<ApiHandlers[C]>>;

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'choose-folder'
  | 'use-samples'
  | 'undo'
  | 'redo'
  | 'verify'
  | 'reopen'
  | 'next-finding'
  | 'previous-finding'
  | 'next-report'
  | 'back-to-queue'
  | 'history'
  | 'set-name'
  | 'language-zh-CN'
  | 'language-en'
  | 'export'
  | 'shortcuts';

/** Events pushed to the renderer. */
export interface ApiEvents {
  importProgress: ImportProgress;
  /** Reports were added, changed or removed by the watcher. */
  reportsChanged: { reportIds: number[] };
  /** Report-sheets written of the total while an export runs. */
  exportProgress: { done: number; total: number };
  menuCommand: MenuCommand;
}

export type EventName = keyof ApiEvents;

/** The object the renderer talks to (`window.nianbao`). */
export interface NianbaoApi extends ApiHandlers {
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/**
 * IPC naming: each handler is invoked on the channel of its own name (`listReports`); events are sent on
 * `event:<name>` (`event:importProgress`).
 */
export type EventChannel<E extends EventName = EventName> = `event:${E}`;

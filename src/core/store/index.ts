// The store: SQLite (better-sqlite3, WAL) holding reports, cells, findings, documents and the audit log.
export { openStore, type Store, type OpenOptions } from './open';
export { migrate, loadMigrations, MigrationError, type Migration } from './migrate';
export {
  listReports,
  queueHead,
  getReport,
  reportHeader,
  cellViews,
  findingViews,
  undoState,
  cellHistory,
  statusCounts,
  setLibraryFolder,
  NotFoundError,
  type StatusCount,
} from './queries';
export { documentLayout, reportFile, type ReportFile } from './layout';
export { editCell, verifyReport, reopenReport, waiveFinding, undo, redo, RefusedError } from './write';
export {
  saveFile,
  markPathGone,
  knownPaths,
  isCurrent,
  presentPathsUnder,
  forgetOcrRefusals,
  type ImportedFile,
  type FileContent,
  type SaveOutcome,
  type KnownPath,
} from './save';

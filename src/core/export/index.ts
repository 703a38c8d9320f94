// Verified datasets out: `exportDataset` writes the chosen shapes of the store's reports as CSV, XLSX or JSON.
// README.md (Exporting datasets) documents every column of every shape and the harmonised view.
import Database from 'better-sqlite3';
import { storeSource } from './store-source';
import type { ExportOptions, ExportProgress, ExportResult } from './types';
import { writeExport } from './write';

export * from './types';
export { codebookEntries, type CodebookEntry } from './codebook';
export { harmonisedKeys } from './harmonise';

/**
 * Exports the reports of the store `db` that pass the filters of `options` (verified only unless `includeAll`).
 * Reads through a read-only connection of its own inside one transaction, so the export is a consistent snapshot
 * and the caller's connection stays free for edits while files are written. Every file is written under a
 * temporary name and renamed when all are complete; on failure nothing is left behind. Throws ExportError for
 * conditions the user can act on (no matching report, output folder not writable).
 */
export async function exportDataset(
  db: Database.Database,
  options: ExportOptions,
  onProgress?: ExportProgress,
): Promise<ExportResult> {
  const own = db.memory ? null : new Database(db.name, { readonly: true, fileMustExist: true });
  const reader = own ?? db;
  try {
    if (own) own.exec('BEGIN');
    const source = storeSource(reader, options);
    return await writeExport(source, { ...options, withStatus: options.includeAll === true }, onProgress);
  } finally {
    if (own) {
      if (own.inTransaction) own.exec('COMMIT');
      own.close();
    }
  }
}

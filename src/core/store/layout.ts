// The page layout stored with a PDF's document text, and the file a report can be shown from.
import type { PageLayout } from '../read/types';
import { stmt, type Store } from './open';

/** The layout of the report's document, or null for text formats (and documents stored before migration 003). */
export function documentLayout(db: Store, reportId: number): PageLayout | null {
  const row = stmt(
    db,
    'SELECT d.layout FROM reports r JOIN documents d ON d.sha256 = r.sha256 WHERE r.id = ?',
  ).get(reportId) as { layout: string | null } | undefined;
  if (!row?.layout) return null;
  try {
    return JSON.parse(row.layout) as PageLayout;
  } catch {
    return null;
  }
}

export interface ReportFile {
  sha256: string;
  /** Every path the report's content is at now (the file may have been copied or moved). */
  paths: string[];
}

export function reportFile(db: Store, reportId: number): ReportFile | null {
  const report = stmt(db, 'SELECT sha256 FROM reports WHERE id = ?').get(reportId) as
    { sha256: string } | undefined;
  if (!report) return null;
  const paths = (
    stmt(db, 'SELECT path FROM report_paths WHERE report_id = ? AND present = 1 ORDER BY last_seen DESC').all(
      reportId,
    ) as { path: string }[]
  ).map((r) => r.path);
  return { sha256: report.sha256, paths };
}

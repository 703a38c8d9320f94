// The panel's export sheets: `gaps` (who has not published, per agency and year) and `checks` (the findings
// across reports and the supervisors' checks per report, prose-vs-table included), over the store.
import type Database from 'better-sqlite3';
import type { CellValue, Column, ExportFilters, Sheet } from '../export/types';
import type { Store } from '../store/open';
import { gaps } from './coverage';
import { allPanelFindings } from './findings';

const text = (name: string, width?: number): Column => ({ name, type: 'text', ...(width ? { width } : {}) });
const integer = (name: string): Column => ({ name, type: 'integer' });

const GAP_STATUS: Record<string, string> = { none: '未发布', failed: '文件无法读取' };

export function gapsSheet(db: Database.Database, filters: ExportFilters): Sheet {
  return {
    name: 'gaps',
    columns: [
      integer('agency_id'),
      text('agency', 30),
      text('region', 16),
      integer('year'),
      text('status', 10),
      text('status_text', 14),
      integer('last_year'),
      text('files', 40),
    ],
    *rows() {
      const query = {
        ...(filters.years?.length ? { years: [...filters.years] } : {}),
        ...(filters.region ? { region: filters.region } : {}),
        ...(filters.agency ? { agency: filters.agency } : {}),
      };
      for (const g of gaps(db as Store, query)) {
        const row: CellValue[] = [
          g.agencyId,
          g.agency,
          g.region,
          g.year,
          g.status,
          GAP_STATUS[g.status] ?? g.status,
          g.lastYear,
          g.files.join('\n') || null,
        ];
        yield row;
      }
    },
  };
}

interface ProseRecord {
  id: number;
  report_id: number;
  agency_id: number | null;
  agency: string | null;
  year: number | null;
  path: string;
  severity: string;
  keys: string;
  message: string;
}

/** Findings of the reports `reportIds` selected for the export: the panel's, then prose-vs-table. */
export function checksSheet(db: Database.Database, reportIds: () => ReadonlySet<number>): Sheet {
  return {
    name: 'checks',
    columns: [
      integer('report_id'),
      integer('agency_id'),
      text('agency', 30),
      integer('year'),
      text('file', 40),
      text('kind', 12),
      text('rule', 20),
      text('severity', 8),
      text('keys', 30),
      text('message', 60),
      integer('other_report_id'),
      integer('other_year'),
      text('other_file', 40),
      { name: 'reuse_share', type: 'number' },
      text('reused_passages', 60),
    ],
    *rows() {
      const selected = reportIds();
      for (const f of allPanelFindings(db as Store)) {
        if (!selected.has(f.reportId)) continue;
        yield [
          f.reportId,
          f.agencyId,
          f.agency,
          f.year,
          f.path,
          f.kind,
          f.rule,
          f.severity,
          f.keys.join(', ') || null,
          f.message,
          f.otherReportId,
          f.otherYear,
          f.otherPath,
          f.share,
          f.passages,
        ];
      }
      const prose = db
        .prepare(
          `SELECT f.id, f.report_id, r.agency_id, r.agency, r.panel_year AS year, r.path, f.severity, f.keys, f.message
           FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.rule = 'prose.table' AND f.resolved = 0
           ORDER BY f.report_id, f.id`,
        )
        .all() as ProseRecord[];
      for (const p of prose) {
        if (!selected.has(p.report_id)) continue;
        const keys = JSON.parse(p.keys) as string[];
        yield [
          p.report_id,
          p.agency_id,
          p.agency,
          p.year,
          p.path,
          'report',
          'prose.table',
          p.severity,
          keys.join(', ') || null,
          p.message,
          null,
          null,
          null,
          null,
          null,
        ];
      }
    },
  };
}

// An ExportSource over reports held in memory, with the same filters as the store-backed source.
import type { TemplateId } from '../../shared/types';
import type { ExportFilters, ExportSource, ReportCells } from './types';

/** Whether a report passes the filters: verified unless `includeAll`, year, template, agency substring. */
export function matches(report: ReportCells['report'], filters: ExportFilters): boolean {
  if (!filters.includeAll && report.status !== 'verified') return false;
  if (filters.years?.length && (report.year === null || !filters.years.includes(report.year))) return false;
  if (filters.templates?.length && !filters.templates.includes(report.template as TemplateId)) return false;
  if (filters.agency && !(report.agency ?? '').includes(filters.agency)) return false;
  return true;
}

export function memorySource(all: readonly ReportCells[], filters: ExportFilters = {}): ExportSource {
  const selected = all.filter((r) => matches(r.report, filters)).sort((a, b) => a.report.id - b.report.id);
  const of = (templates?: readonly TemplateId[]) =>
    templates ? selected.filter((r) => templates.includes(r.report.template as TemplateId)) : selected;
  return {
    count: (templates) => of(templates).length,
    templates: () => [...new Set(selected.map((r) => r.report.template))].filter((t) => t !== 'unknown'),
    reports: () => selected.map((r) => r.report),
    reportCells: (templates) => of(templates),
    keysOf: (template) => [...new Set(of([template]).flatMap((r) => r.cells.map((c) => c.key)))],
  };
}

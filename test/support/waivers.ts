// Test and benchmark shorthand: one waiver per standing error of a report, each with the given note.
import type { ReportDetail } from '../../src/shared/api';

export function errorWaivers(detail: ReportDetail, note: string): { findingId: number; note: string }[] {
  return detail.findings
    .filter((f) => f.severity === 'error' && f.waiver === null)
    .map((f) => ({ findingId: f.id, note }));
}

// The panel's part of the contract: agencies, the coverage matrix, findings across reports, year over year.
// Types only.
import type { ReportStatus } from './api';
import type { Severity, Template } from './types';

export interface AgencyView {
  id: number;
  name: string;
  region: string | null;
  parentId: number | null;
  /** Names as printed that mean this agency. */
  names: string[];
  /** Reports placed under it. */
  reports: number;
  /** Years it has reports for, ascending. */
  years: number[];
}

/** Why two agencies may be one: similar names, complementary years, one named in the other's reports. */
export interface AgencySuggestion {
  a: number;
  b: number;
  aName: string;
  bName: string;
  score: number;
  /** 简体中文 reasons, e.g. “名称相近（公安局）”, “年度互补（2009–2012 / 2019–2022）”. */
  reasons: string[];
}

/** A change of the registry. Every one is audited and can be undone. */
export type AgencyEdit =
  | { op: 'rename'; agencyId: number; name: string }
  | { op: 'setRegion'; agencyId: number; region: string | null }
  | { op: 'setParent'; agencyId: number; parentId: number | null }
  | { op: 'merge'; agencyId: number; intoId: number }
  /** The printed name moves to `agencyId`, or to a new agency of its own when null (split). */
  | { op: 'moveName'; name: string; agencyId: number | null }
  /** One report goes under `agencyId` whatever its printed name; null returns it to its name's agency. */
  | { op: 'assignReport'; reportId: number; agencyId: number | null };

export interface AgencyEditResult {
  agencies: AgencyView[];
  canUndo: boolean;
  canRedo: boolean;
  /** What was done or undone, 简体中文. */
  summary: string;
}

export type CoverageStatus = 'none' | 'failed' | 'needs_review' | 'verified' | 'several';

export const COVERAGE_STATUSES: CoverageStatus[] = ['none', 'failed', 'needs_review', 'verified', 'several'];

/** How a cell of the coverage matrix is drawn, in the app and on the command line. */
export const COVERAGE_SYMBOLS: Record<CoverageStatus, string> = {
  none: '·',
  failed: '✗',
  needs_review: '?',
  verified: '✓',
  several: '多',
};

export interface CoverageCell {
  year: number;
  status: CoverageStatus;
  reportIds: number[];
  /** Standing cross-report and supervisors' findings of the cell's reports (warnings and errors). */
  findings: number;
}

export interface CoverageRow {
  agencyId: number;
  name: string;
  region: string | null;
  /** Cells of the years that have a report; any other year of `years` is `none`. */
  cells: CoverageCell[];
}

export interface CoverageQuery {
  years?: number[];
  region?: string;
  /** Only agencies with at least one cell of this status among the years shown. */
  status?: CoverageStatus;
  /** Part of the agency's name. */
  agency?: string;
}

export interface Coverage {
  years: number[];
  rows: CoverageRow[];
  regions: string[];
  /** Reports that could not be placed: no agency or no year could be told. */
  unplaced: { reportId: number; path: string; status: ReportStatus }[];
  /** Milliseconds the query took. */
  ms: number;
}

export interface PanelFindingView {
  id: number;
  reportId: number;
  kind: 'cross' | 'supervision';
  rule: string;
  severity: Severity;
  keys: string[];
  message: string;
  /** The other report of a cross-report finding, with what the reviewer needs to recognise it. */
  other: { reportId: number; year: number | null; agency: string | null; path: string } | null;
  /** Text reuse: the share of sentences repeated and the repeated passages. */
  reuse?: { share: number; sentences: number; repeated: number; passages: string[] };
}

export interface ComparedCell {
  key: string;
  /** Row and column as printed (`二、上年结转政府信息公开申请数量 | 自然人`). */
  label: string;
  a: number | null;
  b: number | null;
  changed: boolean;
}

export interface SectionDiff {
  section: string;
  /** Sentence-level difference: same, only in the earlier report (removed), only in the later (added). */
  parts: { kind: 'same' | 'removed' | 'added'; text: string }[];
  changed: boolean;
}

export interface ComparedReport {
  reportId: number;
  agency: string | null;
  year: number | null;
  template: Template | null;
  path: string;
  status: ReportStatus;
}

export interface Comparison {
  a: ComparedReport;
  b: ComparedReport;
  cells: ComparedCell[];
  sections: SectionDiff[];
  /** Other reports of the agency, to pick a different pair. */
  siblings: ComparedReport[];
}

// The checks a supervisor makes, as pure functions: across two consecutive reports of one agency
// (spec/RULES.md, "Across reports of one agency") and on one report as a whole (deadline, format for the year,
// the six sections). Text reuse is in reuse.ts.
import type { Severity, Template } from '../../shared/types';
import { APPLICANT_COLUMNS, APPLICANT_LABELS } from '../fields';
import { REQUIRED_SECTIONS, SECTION_TITLES, type SectionKey } from './sections';

export interface PanelReport {
  id: number;
  agencyId: number | null;
  year: number | null;
  template: Template | null;
  status: string;
  path: string;
  agency: string | null;
  published: string | null;
}

export type Values = ReadonlyMap<string, number | null>;

export interface PanelFinding {
  reportId: number;
  otherReportId: number | null;
  kind: 'cross' | 'supervision';
  rule: string;
  severity: Severity;
  keys: string[];
  message: string;
  detail?: unknown;
}

const IN_FORCE_ROWS: [string, string][] = [
  ['rules', '规章'],
  ['normative_docs', '规范性文件'],
];
const ITEM_ROWS: [string, string][] = [
  ['licensing', '行政许可'],
  ['other_services', '其他对外管理服务事项'],
  ['punishment', '行政处罚'],
  ['coercion', '行政强制'],
  ['fees', '行政事业性收费'],
];

/** Cell keys the cross-report rules read. */
export const CROSS_KEYS: string[] = [
  ...APPLICANT_COLUMNS.flatMap((c) => [`apply.carried_over.${c}`, `apply.carried_forward.${c}`]),
  ...IN_FORCE_ROWS.flatMap(([r]) => ['made', 'repealed', 'in_force'].map((c) => `active.${r}.${c}`)),
  ...ITEM_ROWS.flatMap(([r]) => ['prev_items', 'change'].map((c) => `active.${r}.${c}`)),
];

export function reportLabel(r: Pick<PanelReport, 'id' | 'year'>): string {
  return `${r.year ?? '?'}年报告（#${r.id}）`;
}

const modern = (t: Template | null): boolean => t === '2019' || t === '2021';
const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * The rules between the report of year N−1 (`prev`) and of year N (`cur`) of one agency. Findings belong to `cur`
 * and name `prev` as the other report. A cell either report lacks (or left blank) skips its rule.
 */
export function checkAcross(
  prev: PanelReport,
  prevValues: Values,
  cur: PanelReport,
  curValues: Values,
): PanelFinding[] {
  if (prev.year === null || cur.year !== prev.year + 1) return [];
  // Every rule below compares two reports of the 2019 or 2021 format.
  if (!modern(prev.template) || !modern(cur.template)) return [];
  const out: PanelFinding[] = [];
  const finding = (rule: string, keys: string[], message: string): PanelFinding => ({
    reportId: cur.id,
    otherReportId: prev.id,
    kind: 'cross',
    rule,
    severity: 'warning',
    keys,
    message,
  });
  for (const c of APPLICANT_COLUMNS) {
    const over = curValues.get(`apply.carried_over.${c}`);
    const forward = prevValues.get(`apply.carried_forward.${c}`);
    if (!num(over) || !num(forward) || over === forward) continue;
    out.push(
      finding(
        'cross.carry',
        [`apply.carried_over.${c}`],
        `${APPLICANT_LABELS[c]}列：本报告“上年结转” ${fmt(over)} ≠ ${reportLabel(prev)}“结转下年度继续办理” ${fmt(forward)}`,
      ),
    );
  }
  if (prev.template === '2021' && cur.template === '2021') {
    for (const [row, label] of IN_FORCE_ROWS) {
      const before = prevValues.get(`active.${row}.in_force`);
      const [made, repealed, now] = ['made', 'repealed', 'in_force'].map((c) =>
        curValues.get(`active.${row}.${c}`),
      );
      if (!num(before) || !num(now)) continue;
      const expected = before + (num(made) ? made : 0) - (num(repealed) ? repealed : 0);
      if (Math.abs(expected - now) < 1e-6) continue;
      out.push(
        finding(
          'cross.in_force',
          [`active.${row}.in_force`, `active.${row}.made`, `active.${row}.repealed`],
          `${label}：现行有效件数 ${fmt(now)} ≠ ${reportLabel(prev)}的 ${fmt(before)} + 本年制发 ${fmt(num(made) ? made : 0)} − 本年废止 ${fmt(num(repealed) ? repealed : 0)} = ${fmt(expected)}`,
        ),
      );
    }
  }
  if (prev.template === '2019' && cur.template === '2019') {
    for (const [row, label] of ITEM_ROWS) {
      const before = prevValues.get(`active.${row}.prev_items`);
      const change = prevValues.get(`active.${row}.change`);
      const now = curValues.get(`active.${row}.prev_items`);
      if (!num(before) || !num(now)) continue;
      const expected = before + (num(change) ? change : 0);
      if (Math.abs(expected - now) < 1e-6) continue;
      out.push(
        finding(
          'cross.items',
          [`active.${row}.prev_items`],
          `${label}：上一年项目数量 ${fmt(now)} ≠ ${reportLabel(prev)}的上一年项目数量 ${fmt(before)} + 本年增/减 ${fmt(num(change) ? change : 0)} = ${fmt(expected)}`,
        ),
      );
    }
  }
  return out;
}

/** The format a report of `year` must use: before 2019 the old 统计表, 2019–2020 the 2019 form, then 2021. */
export function expectedTemplate(year: number): '2021' | '2019' | 'legacy' {
  if (year >= 2021) return '2021';
  return year >= 2019 ? '2019' : 'legacy';
}

const TEMPLATE_TEXT: Record<string, string> = {
  '2021': '2021版',
  '2019': '2019版',
  legacy: '2019年前的统计表',
};

/**
 * The deadline of a report about `year`: 31 January of the next year under the 2019 regulation (条例第五十条);
 * 31 March under the 2008 one, which governed reports up to 2018.
 */
export function deadlineOf(year: number): string {
  return year >= 2019 ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

/** Deadline, format for the year and (2019 and 2021 formats) the six sections. */
/** `sections`: the sections the report's text has (null when its text is not stored). */
export function checkReport(r: PanelReport, sections: readonly SectionKey[] | null): PanelFinding[] {
  const out: PanelFinding[] = [];
  const finding = (rule: string, severity: Severity, message: string, detail?: unknown): PanelFinding => ({
    reportId: r.id,
    otherReportId: null,
    kind: 'supervision',
    rule,
    severity,
    keys: [],
    message,
    ...(detail !== undefined ? { detail } : {}),
  });
  if (r.status === 'failed' || r.year === null) return out;
  const deadline = deadlineOf(r.year);
  if (r.published) {
    const late =
      r.published.length >= 10
        ? r.published.slice(0, 10) > deadline
        : r.published.slice(0, 7) > deadline.slice(0, 7);
    if (late)
      out.push(
        finding(
          'supervision.late',
          'warning',
          `发布日期 ${r.published} 晚于规定期限 ${deadline}（${r.year}年度报告）`,
          { published: r.published, deadline },
        ),
      );
  } else {
    out.push(finding('supervision.no_date', 'info', `未能读出发布日期，无法核对是否在 ${deadline} 前发布`));
  }
  const template = r.template;
  if (template === '2021' || template === '2019' || template === 'legacy') {
    const expected = expectedTemplate(r.year);
    if (template !== expected)
      out.push(
        finding(
          'supervision.format',
          'warning',
          `${r.year}年度报告应使用${TEMPLATE_TEXT[expected]}表格，本报告使用的是${TEMPLATE_TEXT[template]}`,
          { expected, found: template },
        ),
      );
  }
  if ((template === '2021' || template === '2019') && sections !== null) {
    const missing = REQUIRED_SECTIONS.filter((k) => !sections.includes(k));
    if (missing.length > 0)
      out.push(
        finding(
          'supervision.sections',
          'warning',
          `缺少${missing.length === 1 ? '一部分' : ` ${missing.length} 部分`}：${missing.map((k) => SECTION_TITLES[k]).join('、')}`,
          { missing },
        ),
      );
  }
  return out;
}

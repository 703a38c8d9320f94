// The consistency rules of spec/RULES.md as sum equations: sum(left) = sum(right).
import type { Severity, TemplateId } from '../../shared/types';
import { APPLICANT_COLUMNS, APPLICANT_LABELS } from '../fields';

export interface SumRule {
  id: string;
  severity: Severity;
  left: string[];
  right: string[];
  /** Short Chinese description of the equation, for messages. */
  text: string;
  /** For apply-table rules: the row (`apply.granted`) or column (`natural_person`) the rule runs along. */
  axis?: { row?: string; column?: string };
}

const SIX = APPLICANT_COLUMNS.filter((c) => c !== 'total');

const APPLY_RESULT_ROWS_COMMON = [
  'granted',
  'partial',
  'denied.state_secret',
  'denied.law_forbidden',
  'denied.three_safety',
  'denied.third_party',
  'denied.internal_affairs',
  'denied.process_info',
  'denied.enforcement_file',
  'denied.admin_query',
  'unable.not_held',
  'unable.needs_creation',
  'unable.unclear',
  'not_processed.petition',
  'not_processed.repeat',
  'not_processed.publication',
  'not_processed.massive',
  'not_processed.confirm',
];
const OTHER_ROWS_2021 = ['other.overdue_correction', 'other.overdue_fee', 'other.other'];

function applyRules(otherRows: string[]): SumRule[] {
  const rows = ['new', 'carried_over', ...APPLY_RESULT_ROWS_COMMON, ...otherRows, 'total', 'carried_forward'];
  const rules: SumRule[] = [];
  for (const c of APPLICANT_COLUMNS) {
    rules.push({
      id: 'apply.balance',
      severity: 'error',
      left: [`apply.new.${c}`, `apply.carried_over.${c}`],
      right: [`apply.total.${c}`, `apply.carried_forward.${c}`],
      text: `${APPLICANT_LABELS[c]}列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
      axis: { column: c },
    });
    rules.push({
      id: 'apply.results',
      severity: 'error',
      left: [`apply.total.${c}`],
      right: [...APPLY_RESULT_ROWS_COMMON, ...otherRows].map((r) => `apply.${r}.${c}`),
      text: `${APPLICANT_LABELS[c]}列：（七）总计 = 各项办理结果之和`,
      axis: { column: c },
    });
  }
  for (const r of rows) {
    rules.push({
      id: 'apply.row_total',
      severity: 'error',
      left: [`apply.${r}.total`],
      right: SIX.map((c) => `apply.${r}.${c}`),
      text: '本行总计 = 六类申请人之和',
      axis: { row: `apply.${r}` },
    });
  }
  return rules;
}

const outcome = (prefix: string, id: string, name: string): SumRule => ({
  id,
  severity: 'error',
  left: [`${prefix}.total`],
  right: ['maintained', 'corrected', 'other', 'pending'].map((c) => `${prefix}.${c}`),
  text: `${name}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
});

const REVIEW_RULES: SumRule[] = [
  outcome('review', 'review.total', '行政复议'),
  outcome('litigation.direct', 'litigation.direct.total', '行政诉讼（未经复议直接起诉）'),
  outcome('litigation.after_review', 'litigation.after_review.total', '行政诉讼（复议后起诉）'),
];

const L = (k: string): string => `legacy.${k}`;

const LEGACY_RULES: SumRule[] = [
  {
    id: 'legacy.received',
    severity: 'error',
    left: [L('apply.received')],
    right: ['in_person', 'fax', 'online', 'letter'].map((k) => L(`apply.${k}`)),
    text: '收到申请数 = 当面 + 传真 + 网络 + 信函申请数',
  },
  {
    id: 'legacy.closed',
    severity: 'error',
    left: [L('apply.closed')],
    right: [L('apply.closed_on_time'), L('apply.closed_extended')],
    text: '申请办结数 = 按时办结数 + 延期办结数',
  },
  {
    id: 'legacy.answered',
    severity: 'error',
    left: [L('apply.answered')],
    right: [
      'already_public',
      'granted',
      'partial',
      'denied',
      'not_this_agency',
      'not_exist',
      'needs_change',
      'other_channel',
    ].map((k) => L(`apply.${k}`)),
    text: '申请答复数 = 已主动公开 + 同意公开 + 部分公开 + 不同意公开 + 非本机关 + 信息不存在 + 告知更改补充 + 告知其他途径',
  },
  {
    id: 'legacy.denied',
    severity: 'error',
    left: [L('apply.denied')],
    right: ['state_secret', 'commercial_secret', 'privacy', 'security', 'not_gov_info', 'other_law'].map(
      (k) => L(`apply.denied_${k}`),
    ),
    text: '不同意公开答复数 = 各项不同意公开理由之和',
  },
  {
    id: 'legacy.review',
    severity: 'error',
    left: [L('review.total')],
    right: [L('review.maintained'), L('review.corrected'), L('review.other')],
    text: '行政复议数量 = 维持 + 纠错 + 其他情形',
  },
  {
    id: 'legacy.litigation',
    severity: 'error',
    left: [L('litigation.total')],
    right: [L('litigation.maintained'), L('litigation.corrected'), L('litigation.other')],
    text: '行政诉讼数量 = 维持 + 纠错 + 其他情形',
  },
  {
    id: 'legacy.staff',
    severity: 'error',
    left: [L('org.staff')],
    right: [L('org.staff_full_time'), L('org.staff_part_time')],
    text: '从事政府信息公开工作人员数 = 专职 + 兼职',
  },
  {
    id: 'legacy.key_areas',
    severity: 'warning',
    left: [L('key_areas.total')],
    right: [
      'budget',
      'housing',
      'food_safety',
      'environment',
      'tendering',
      'work_safety',
      'land',
      'pricing',
      'credit',
      'audit',
      'public_enterprises',
      'other',
    ].map((k) => L(`key_areas.${k}`)),
    text: '重点领域公开政府信息数 = 各重点领域之和',
  },
];

/** The rules that apply to a report of this template, given which keys it has. */
export function rulesFor(template: TemplateId, has: (key: string) => boolean): SumRule[] {
  if (template === 'legacy') return LEGACY_RULES;
  const subRows = OTHER_ROWS_2021.some((r) => has(`apply.${r}.total`) || has(`apply.${r}.natural_person`));
  const otherRows =
    subRows || (template === '2021' && !has('apply.other.total')) ? OTHER_ROWS_2021 : ['other'];
  return [...applyRules(otherRows), ...REVIEW_RULES];
}

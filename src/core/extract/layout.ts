// The rows of the 2019 and 2021 tables: how to recognise each row's label, its printed numbering and its cells.
import { APPLICANT_COLUMNS } from '../fields';

/**
 * The same pattern, allowing white space and line breaks between Chinese characters: labels and headings are often
 * broken over lines (`一、本年新\n\n收政府信息公开申请数量`).
 */
export function spaced(re: RegExp): RegExp {
  // Character classes (`[、,，和及与\s]`) are kept as they are; between two literal Chinese characters goes `\s*`.
  const source = re.source.replace(
    /\[(?:\\.|[^\]\\])*\]|([\u3400-\u9fff])(?=[\u3400-\u9fff])/g,
    (m, cjk?: string) => (cjk ? `${cjk}\\s*` : m),
  );
  return new RegExp(source, re.flags);
}

export interface RowSpec {
  /** Key prefix (`apply.granted`) or, for the active table, the row id (`active.rules`). */
  id: string;
  /** Distinctive words of the row label, wherever the row is printed. */
  label: RegExp;
  /** The numbering printed before the label in the official form (`5` of `5.属于三类内部事务信息`). */
  numbering?: string;
  keys: string[];
}

const applyKeys = (row: string): string[] => APPLICANT_COLUMNS.map((c) => `apply.${row}.${c}`);

const applyRow = (row: string, label: RegExp, numbering?: string): RowSpec => ({
  id: `apply.${row}`,
  label,
  keys: applyKeys(row),
  ...(numbering ? { numbering } : {}),
});

/** Rows of the apply table before （六）其他处理, identical in the 2019 and 2021 formats. */
const APPLY_HEAD: RowSpec[] = [
  applyRow('new', /本年新收/),
  applyRow('carried_over', /上年结转/),
  applyRow('granted', /予以公开/),
  applyRow('partial', /部分公开/),
  applyRow('denied.state_secret', /国家秘密/, '1'),
  // 其他法律行政止公开: a published template cuts 法规禁 from this label (read in real PDF reports).
  applyRow('denied.law_forbidden', /法律行政法规禁止|法律法规禁止|禁止公开|法律行政止公开/, '2'),
  applyRow('denied.three_safety', /三安全一稳定|三安全/, '3'),
  applyRow('denied.third_party', /第三方合法权益|第三方/, '4'),
  applyRow('denied.internal_affairs', /内部事务/, '5'),
  applyRow('denied.process_info', /过程性信息|过程性/, '6'),
  applyRow('denied.enforcement_file', /执法案卷/, '7'),
  applyRow('denied.admin_query', /行政查询/, '8'),
  applyRow('unable.not_held', /不掌握/, '1'),
  applyRow('unable.needs_creation', /另行制作/, '2'),
  applyRow('unable.unclear', /仍不明确|不明确/, '3'),
  applyRow('not_processed.petition', /信访举报投诉|信访/, '1'),
  applyRow('not_processed.repeat', /重复申请/, '2'),
  applyRow('not_processed.publication', /公开出版物|出版物/, '3'),
  applyRow('not_processed.massive', /大量反复/, '4'),
  applyRow('not_processed.confirm', /确认或重新出具|重新出具/, '5'),
];

const APPLY_TAIL: RowSpec[] = [
  applyRow('total', /总计|合计/),
  applyRow('carried_forward', /结转下年度|结转下一年度/),
];

/** 2021: （六）其他处理 has three sub-rows. */
export const APPLY_ROWS_2021: RowSpec[] = [
  ...APPLY_HEAD,
  applyRow('other.overdue_correction', /逾期不补正|不补正/, '1'),
  applyRow('other.overdue_fee', /收费通知|缴纳费用/, '2'),
  applyRow('other.other', /其他/, '3'),
  ...APPLY_TAIL,
];

/** 2019 (and 2021 reports that kept it): one （六）其他处理 row. */
export const APPLY_ROWS_2019: RowSpec[] = [...APPLY_HEAD, applyRow('other', /其他处理/), ...APPLY_TAIL];

/** Words that only the 2021 sub-rows of （六）其他处理 have. */
export const OTHER_SUBROWS_2021 = /逾期不补正|逾期未按收费|缴纳费用/;

const activeRow = (id: string, label: RegExp, cells: string[]): RowSpec => ({
  id: `active.${id}`,
  label,
  keys: cells.map((c) => `active.${id}.${c}`),
});

export const ACTIVE_ROWS_2021: RowSpec[] = [
  activeRow('rules', /规章/, ['made', 'repealed', 'in_force']),
  activeRow('normative_docs', /规范性文件/, ['made', 'repealed', 'in_force']),
  activeRow('licensing', /行政许可/, ['decisions']),
  activeRow('punishment', /行政处罚/, ['decisions']),
  activeRow('coercion', /行政强制/, ['decisions']),
  activeRow('fees', /行政事业性收费|事业性收费/, ['amount']),
];

export const ACTIVE_ROWS_2019: RowSpec[] = [
  activeRow('rules', /规章/, ['new_made', 'new_published', 'total_published']),
  activeRow('normative_docs', /规范性文件/, ['new_made', 'new_published', 'total_published']),
  activeRow('licensing', /行政许可/, ['prev_items', 'change', 'decisions']),
  activeRow('other_services', /其他对外管理服务事项|对外管理服务/, ['prev_items', 'change', 'decisions']),
  activeRow('punishment', /行政处罚/, ['prev_items', 'change', 'decisions']),
  activeRow('coercion', /行政强制/, ['prev_items', 'change', 'decisions']),
  activeRow('fees', /行政事业性收费|事业性收费/, ['prev_items', 'change']),
  activeRow('procurement', /政府集中采购|集中采购/, ['items', 'amount']),
];

/** Column headings that tell the two active-table formats apart. */
export const ACTIVE_MARKS_2021 = /制发件数|废止件数|现行有效件数|收费金额/g;
export const ACTIVE_MARKS_2019 =
  /新制作数量|新公开数量|对外公开总数量|上一年项目数量|采购项目数量|采购总金额|对外管理服务事项|集中采购/g;

export const REVIEW_KEYS: string[] = [
  ...['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `review.${c}`),
  ...['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `litigation.direct.${c}`),
  ...['maintained', 'corrected', 'other', 'pending', 'total'].map((c) => `litigation.after_review.${c}`),
];

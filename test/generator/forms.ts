// The printed forms of the 2021 and 2019 tables: header lines and data rows with their labels and cell keys.
// Labels are written with CJK punctuation; the page style may later turn （），： into ASCII as many sites do.
import { APPLICANT_COLUMNS } from '../../src/core/fields';

export type TableId = 'active' | 'apply' | 'review' | 'legacy';

export interface TextItem {
  kind: 'text';
  cells: string[];
}
export interface DataItem {
  kind: 'data';
  /** Row id used in messages and rules: `apply.granted`, `active.rules`, `review`. */
  id: string;
  /** Label cells as printed before the values (a group label may precede the row's own label). */
  labels: string[];
  keys: string[];
}
export type FormItem = TextItem | DataItem;

export interface Form {
  table: TableId;
  /** Columns of the printed grid; pipes rows are padded to it. */
  width: number;
  items: FormItem[];
}

const text = (...cells: string[]): TextItem => ({ kind: 'text', cells });
const data = (id: string, labels: string[], keys: string[]): DataItem => ({ kind: 'data', id, labels, keys });
const cols = (row: string, names: readonly string[]): string[] => names.map((n) => `${row}.${n}`);

export function activeForm2021(): Form {
  const three = ['made', 'repealed', 'in_force'];
  return {
    table: 'active',
    width: 4,
    items: [
      text('第二十条第（一）项'),
      text('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
      data('active.rules', ['规章'], cols('active.rules', three)),
      data('active.normative_docs', ['行政规范性文件'], cols('active.normative_docs', three)),
      text('第二十条第（五）项'),
      text('信息内容', '本年处理决定数量'),
      data('active.licensing', ['行政许可'], ['active.licensing.decisions']),
      text('第二十条第（六）项'),
      text('信息内容', '本年处理决定数量'),
      data('active.punishment', ['行政处罚'], ['active.punishment.decisions']),
      data('active.coercion', ['行政强制'], ['active.coercion.decisions']),
      text('第二十条第（八）项'),
      text('信息内容', '本年收费金额（单位：万元）'),
      data('active.fees', ['行政事业性收费'], ['active.fees.amount']),
    ],
  };
}

export function activeForm2019(withRulesBlock: boolean): Form {
  const items = ['prev_items', 'change', 'decisions'];
  const first: FormItem[] = [
    text('第二十条第（一）项'),
    text('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'),
    data('active.rules', ['规章'], cols('active.rules', ['new_made', 'new_published', 'total_published'])),
    data(
      'active.normative_docs',
      ['规范性文件'],
      cols('active.normative_docs', ['new_made', 'new_published', 'total_published']),
    ),
  ];
  return {
    table: 'active',
    width: 4,
    items: [
      ...(withRulesBlock ? first : []),
      text('第二十条第（五）项'),
      text('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'),
      data('active.licensing', ['行政许可'], cols('active.licensing', items)),
      data('active.other_services', ['其他对外管理服务事项'], cols('active.other_services', items)),
      text('第二十条第（六）项'),
      text('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'),
      data('active.punishment', ['行政处罚'], cols('active.punishment', items)),
      data('active.coercion', ['行政强制'], cols('active.coercion', items)),
      text('第二十条第（八）项'),
      text('信息内容', '上一年项目数量', '本年增/减'),
      data('active.fees', ['行政事业性收费'], cols('active.fees', ['prev_items', 'change'])),
      text('第二十条第（九）项'),
      text('信息内容', '采购项目数量', '采购总金额'),
      data('active.procurement', ['政府集中采购'], cols('active.procurement', ['items', 'amount'])),
    ],
  };
}

const RESULT_GROUPS: [string, string, [string, string][]][] = [
  [
    'denied',
    '（三）不予公开',
    [
      ['state_secret', '属于国家秘密'],
      ['law_forbidden', '其他法律行政法规禁止公开'],
      ['three_safety', '危及“三安全一稳定”'],
      ['third_party', '保护第三方合法权益'],
      ['internal_affairs', '属于三类内部事务信息'],
      ['process_info', '属于四类过程性信息'],
      ['enforcement_file', '属于行政执法案卷'],
      ['admin_query', '属于行政查询事项'],
    ],
  ],
  [
    'unable',
    '（四）无法提供',
    [
      ['not_held', '本机关不掌握相关政府信息'],
      ['needs_creation', '没有现成信息需要另行制作'],
      ['unclear', '补正后申请内容仍不明确'],
    ],
  ],
  [
    'not_processed',
    '（五）不予处理',
    [
      ['petition', '信访举报投诉类申请'],
      ['repeat', '重复申请'],
      ['publication', '要求提供公开出版物'],
      ['massive', '无正当理由大量反复申请'],
      ['confirm', '要求行政机关确认或重新出具已获取信息'],
    ],
  ],
];

const OTHER_ROWS: [string, string][] = [
  ['overdue_correction', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['overdue_fee', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['other', '其他'],
];

export const PARTIAL_LABEL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

/** The apply table; `otherSplit`: （六）其他处理 has the three sub-rows of the 2021 format. */
export function applyForm(otherSplit: boolean, headerSpaced: boolean): Form {
  const row = (id: string, labels: string[]): DataItem => data(id, labels, cols(id, APPLICANT_COLUMNS));
  const items: FormItem[] = [
    text('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'),
    text('自然人', '法人或其他组织', '总计'),
    headerSpaced
      ? text('商业 企业', '科研 机构', '社会公益组织', '法律服务机构', '其他')
      : text('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'),
    row('apply.new', ['一、本年新收政府信息公开申请数量']),
    row('apply.carried_over', ['二、上年结转政府信息公开申请数量']),
    row('apply.granted', ['三、本年度办理结果', '（一）予以公开']),
    row('apply.partial', [PARTIAL_LABEL]),
  ];
  for (const [area, group, rows] of RESULT_GROUPS)
    rows.forEach(([id, label], i) => {
      const own = `${i + 1}.${label}`;
      items.push(row(`apply.${area}.${id}`, i === 0 ? [group, own] : [own]));
    });
  if (otherSplit)
    OTHER_ROWS.forEach(([id, label], i) => {
      const own = `${i + 1}.${label}`;
      items.push(row(`apply.other.${id}`, i === 0 ? ['（六）其他处理', own] : [own]));
    });
  else items.push(row('apply.other', ['（六）其他处理']));
  items.push(row('apply.total', ['（七）总计']), row('apply.carried_forward', ['四、结转下年度继续办理']));
  return { table: 'apply', width: 10, items };
}

export function reviewForm(headerStyle: 'spaced' | 'plain'): Form {
  const sp = (a: string, b: string): string => (headerStyle === 'spaced' ? `${a} ${b}` : a + b);
  const five = [sp('结果', '维持'), sp('结果', '纠正'), sp('其他', '结果'), sp('尚未', '审结'), '总计'];
  const parts = ['maintained', 'corrected', 'other', 'pending', 'total'];
  return {
    table: 'review',
    width: 15,
    items: [
      text('行政复议', '行政诉讼'),
      text('结果维持', ...five.slice(1), '未经复议直接起诉', '复议后起诉'),
      text(...five, ...five),
      data(
        'review',
        [],
        [
          ...cols('review', parts),
          ...cols('litigation.direct', parts),
          ...cols('litigation.after_review', parts),
        ],
      ),
    ],
  };
}

// Pre-2019 统计表 as Fujian's departments printed them (real reports of ../shared/eval/real): a short indicator list
// whose totals are followed by 其中：1. 2. … parts, with or without a 历年累计 column, printed in one line of text
// either spaced (`主动公开信息数 条 15 其中：1．网站公开 条 15 …`) or with every separator lost
// (`主动公开文件数条6262027其中：1.政府网站公开数条62620272.政府公报公开数条00…`).
import type { Random } from './random';
import type { Truth } from './types';
import type { Values } from './values';

interface Part {
  key: string;
  labels: readonly string[];
}
interface Group {
  total: Part;
  unit: string;
  parts: Part[];
}

const L = (key: string, ...labels: string[]): Part => ({ key: `legacy.${key}`, labels });
const own = (label: string): Part => ({ key: `legacy.label:${label.replace(/^\d\./, '')}`, labels: [label] });

function groups(rng: Random, year: number): Group[] {
  const early = year <= 2013;
  const received: Part[] = early
    ? [
        L('apply.in_person', '其中：1.当面申请数'),
        L('apply.fax', '2.传真申请数'),
        own('3.电子邮件申请数'),
        L('apply.online', '4.网上申请数'),
        L('apply.letter', '5.信函申请数'),
        own('6.其他形式申请数'),
      ]
    : [
        L('apply.in_person', '其中：1.当面申请数'),
        L('apply.online', '2.网络申请数', '2.网上申请数'),
        own('3.信函、传真申请数'),
      ];
  const answered: Part[] = [
    L('apply.granted', '其中：1.同意公开答复数'),
    L('apply.partial', '2.同意部分公开答复数'),
    L('apply.denied', early ? '3.否决公开答复总数' : '3.不予公开答复数'),
  ];
  if (!early || rng.chance(0.3)) answered.push(own('4.其他类型答复数'));
  return [
    {
      total: L('active.total', '主动公开信息数', '主动公开文件数', '主动公开政府信息数'),
      unit: '条',
      parts: [
        L('channels.website', '其中：1.网站公开', '其中：1.政府网站公开数'),
        L('channels.gazette', '2.政府公报公开', '2.政府公报公开数'),
      ],
    },
    {
      total: L('apply.received', '受理依申请公开信息总数', '受理政府信息公开申请总数'),
      unit: '条',
      parts: received,
    },
    { total: L('apply.answered', '对申请的答复总数', '对申请的答复数'), unit: '条', parts: answered },
  ];
}

const SINGLES: { part: Part; unit: string; from: number; to: number }[] = [
  { part: own('政府信息公开收费减免金额'), unit: '元', from: 2014, to: 2018 },
  { part: own('接受行政申诉、举报数'), unit: '条', from: 2014, to: 2018 },
  { part: L('review.total', '行政复议数'), unit: '件', from: 2008, to: 2018 },
  { part: L('litigation.total', '行政诉讼数'), unit: '件', from: 2008, to: 2018 },
  { part: own('行政申诉数'), unit: '件', from: 2008, to: 2013 },
];

export interface FujianTable {
  text: string;
  values: Values;
  labels: Record<string, string>;
  ambiguous: Truth['ambiguous'];
  cumulative: boolean;
}

/** Cuts of a digit run into year | cumulative with no leading zero and the cumulative not below the year. */
function cuts(run: string): number {
  let n = 0;
  for (let i = 1; i < run.length; i++) {
    const a = run.slice(0, i);
    const b = run.slice(i);
    if ((a.length > 1 && a[0] === '0') || (b.length > 1 && b[0] === '0')) continue;
    if (Number(b) >= Number(a)) n++;
  }
  return n;
}

export function fujianTable(rng: Random, year: number, opts: { glued: boolean }): FujianTable {
  const cumulative = year >= 2014 ? rng.chance(0.8) : rng.chance(0.2);
  const busy = rng.chance(0.3);
  const rows: { part: Part; unit: string }[] = [];
  const values: Values = {};
  const before = (n: number): number => n + (cumulative ? rng.count(0.3, busy ? 3000 : 60) : 0);
  for (const g of groups(rng, year)) {
    const partValues = g.parts.map((_, i) =>
      g.total.key === 'legacy.active.total'
        ? i === 0
          ? rng.count(0.05, busy ? 900 : 80)
          : rng.count(0.85, 5)
        : rng.count(0.6, busy ? 20 : 3),
    );
    const cumValues = partValues.map(before);
    rows.push({ part: g.total, unit: g.unit });
    values[g.total.key] = partValues.reduce((a, b) => a + b, 0);
    if (cumulative) values[`${g.total.key}#cumulative`] = cumValues.reduce((a, b) => a + b, 0);
    g.parts.forEach((p, i) => {
      rows.push({ part: p, unit: g.unit });
      values[p.key] = partValues[i]!;
      if (cumulative) values[`${p.key}#cumulative`] = cumValues[i]!;
    });
  }
  for (const s of SINGLES) {
    if (year < s.from || year > s.to) continue;
    rows.push({ part: s.part, unit: s.unit });
    const v = rng.count(0.9, 2);
    values[s.part.key] = v;
    if (cumulative) values[`${s.part.key}#cumulative`] = before(v);
  }

  const labels: Record<string, string> = {};
  const ambiguous: Truth['ambiguous'] = [];
  const printed: string[] = [];
  for (const { part, unit } of rows) {
    const label = rng.pick(part.labels);
    const keys = cumulative ? [part.key, `${part.key}#cumulative`] : [part.key];
    if (part.key.startsWith('legacy.label:')) for (const k of keys) labels[k] = label;
    const shown = keys.map((k) => String(values[k] ?? 0));
    if (opts.glued && cumulative && cuts(shown.join('')) > 1)
      ambiguous.push({ keys, why: `year and cumulative glued ("${shown.join('')}")` });
    printed.push(opts.glued ? `${label}${unit}${shown.join('')}` : `${label} ${unit} ${shown.join(' ')}`);
  }
  const columns = cumulative ? `${year}年 历年累计` : rng.pick([`${year}年度`, '年末统计']);
  const header = opts.glued
    ? `${rng.pick(['七、附表', '六、附表', '附表：'])}${rng.pick(['指标名称单位', '指 标 名 称单 位'])}${columns.replace(' ', '')}`
    : `附表： 指标名称 ${rng.pick(['计量单位', '计量 单位'])} ${columns}`;
  const body = opts.glued
    ? printed.map((p, i) => (i > 0 && rng.chance(0.2) ? ` ${p}` : p)).join('')
    : printed.join(' ');
  return { text: `${header}${opts.glued ? '' : ' '}${body}`, values, labels, ambiguous, cumulative };
}

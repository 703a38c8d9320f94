// The pre-2019 统计表: indicator / unit / value rows (sometimes a 历年累计 column), with the variations provinces
// and years printed: blocks missing, other label wordings, indicators outside the canonical list.
import type { DataItem, Form, FormItem } from './forms';
import type { Random } from './random';
import { rulesFor } from './rules';
import type { Values } from './values';

interface Row {
  key: string;
  /** Printed wordings; the first is the most common. */
  labels: string[];
  unit: string;
  block?: 'key_areas' | 'response' | 'social' | 'normative_made';
  /** An indicator outside fields.json: kept as `legacy.label:<label>`. */
  extra?: 'channel' | 'plain';
}
/** A numbered top-level line (一、…); with a key it carries a value itself. */
interface Head {
  head: string;
  key?: string;
  unit?: string;
  block?: Row['block'];
}
/** A sub-heading without value. */
interface Sub {
  sub: string;
  block?: Row['block'];
}
type Entry = Row | Head | Sub;

const r = (key: string, unit: string, ...labels: string[]): Row => ({ key: `legacy.${key}`, labels, unit });
const inBlock = (block: Row['block'], row: Row): Row => ({ ...row, block });

const ENTRIES: Entry[] = [
  { head: '主动公开情况' },
  r(
    'active.total',
    '条',
    '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）',
    '（一）主动公开政府信息数',
  ),
  r('active.normative_docs', '条', '其中：主动公开规范性文件数'),
  inBlock('normative_made', r('active.normative_made', '件', '制发规范性文件总数')),
  inBlock(
    'key_areas',
    r(
      'key_areas.total',
      '条',
      '（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）',
      '（二）重点领域公开政府信息数',
    ),
  ),
  ...(
    [
      ['budget', '其中：主动公开财政预算决算、“三公经费”和行政经费信息数'],
      ['housing', '主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数'],
      ['food_safety', '主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数'],
      ['environment', '主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数'],
      [
        'tendering',
        '主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数',
      ],
      ['work_safety', '主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数'],
      ['land', '主动公开农用地转为建设用地批准、征收集体土地批准、征地公告'],
      ['pricing', '主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数'],
      ['credit', '主动公开本市企业信用信息系统中的警示信息和良好信息等信息数'],
      ['audit', '主动公开政府部门预算执行审计结果等信息数'],
      ['public_enterprises', '主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数'],
      ['other', '主动公开市人民政府决定主动公开的其他信息数'],
    ] as const
  ).map(([k, label]) => inBlock('key_areas', r(`key_areas.${k}`, '条', label))),
  { sub: '通过不同渠道和方式公开政府信息的情况' },
  r('channels.gazette', '条', '1.政府公报公开政府信息数'),
  r('channels.website', '条', '2.政府网站公开政府信息数'),
  inBlock('social', r('channels.weibo', '条', '3.政务微博公开政府信息数')),
  inBlock('social', r('channels.wechat', '条', '4.政务微信公开政府信息数')),
  r('channels.other', '条', '5.其他方式公开政府信息数'),
  { ...r('label:移动客户端公开政府信息数', '条', '6.移动客户端公开政府信息数'), extra: 'plain' },
  { head: '回应解读情况', block: 'response' },
  inBlock(
    'response',
    r(
      'response.hotspots',
      '次',
      '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）',
      '（一）回应公众关注热点或重大舆情数',
    ),
  ),
  { sub: '（二）通过不同渠道和方式回应解读的情况', block: 'response' },
  ...(
    [
      ['press_conferences', '次', '1.参加或举办新闻发布会总次数'],
      ['press_conferences_leaders', '次', '其中：主要负责同志参加新闻发布会次数'],
      ['online_interviews', '次', '2.政府网站在线访谈次数'],
      ['online_interviews_leaders', '次', '其中：主要负责同志参加政府网站在线访谈次数'],
      ['interpretations', '篇', '3.政策解读稿件发布数'],
      ['weibo_wechat', '次', '4.微博微信回应事件数'],
      ['other', '次', '5.其他方式回应事件数'],
    ] as const
  ).map(([k, unit, label]) => inBlock('response', r(`response.${k}`, unit, label))),
  { head: '依申请公开情况' },
  r('apply.received', '件', '（一）收到申请数'),
  r('apply.in_person', '件', '1.当面申请数'),
  r('apply.fax', '件', '2.传真申请数'),
  r('apply.online', '件', '3.网络申请数'),
  r('apply.letter', '件', '4.信函申请数'),
  { ...r('label:电子邮件申请数', '件', '5.电子邮件申请数'), extra: 'channel' },
  r('apply.closed', '件', '（二）申请办结数'),
  r('apply.closed_on_time', '件', '1.按时办结数'),
  r('apply.closed_extended', '件', '2.延期办结数'),
  r('apply.answered', '件', '（三）申请答复数'),
  r('apply.already_public', '件', '1.属于已主动公开范围数'),
  r('apply.granted', '件', '2.同意公开答复数'),
  r('apply.partial', '件', '3.同意部分公开答复数'),
  r('apply.denied', '件', '4.不同意公开答复数'),
  r('apply.denied_state_secret', '件', '其中：涉及国家秘密'),
  r('apply.denied_commercial_secret', '件', '涉及商业秘密'),
  r('apply.denied_privacy', '件', '涉及个人隐私'),
  r('apply.denied_security', '件', '危及国家安全、公共安全、经济安全和社会稳定'),
  r('apply.denied_not_gov_info', '件', '不是《条例》所指政府信息'),
  r('apply.denied_other_law', '件', '法律法规规定的其他情形'),
  r('apply.not_this_agency', '件', '5.不属于本行政机关公开数'),
  r('apply.not_exist', '件', '6.申请信息不存在数'),
  r('apply.needs_change', '件', '7.告知作出更改补充数'),
  r('apply.other_channel', '件', '8.告知通过其他途径办理数'),
  { head: '行政复议数量', key: 'legacy.review.total', unit: '件' },
  r('review.maintained', '件', '（一）维持具体行政行为数'),
  r('review.corrected', '件', '（二）被依法纠错数'),
  r('review.other', '件', '（三）其他情形数'),
  { head: '行政诉讼数量', key: 'legacy.litigation.total', unit: '件' },
  r('litigation.maintained', '件', '（一）维持具体行政行为或者驳回原告诉讼请求数'),
  r('litigation.corrected', '件', '（二）被依法纠错数'),
  r('litigation.other', '件', '（三）其他情形数'),
  { head: '举报投诉数量', key: 'legacy.complaints', unit: '件' },
  { head: '依申请公开信息收取的费用', key: 'legacy.fees', unit: '万元' },
  { head: '机构建设和保障经费情况' },
  r('org.units', '个', '（一）政府信息公开工作专门机构数'),
  r('org.reading_points', '个', '（二）设置政府信息公开查阅点数'),
  r('org.staff', '人', '（三）从事政府信息公开工作人员数'),
  r('org.staff_full_time', '人', '1.专职人员数（不包括政府公报及政府网站工作人员数）'),
  r('org.staff_part_time', '人', '2.兼职人员数'),
  r(
    'org.budget',
    '万元',
    '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
  ),
  {
    ...r('label:政府信息公开查阅场所接待人次', '人次', '（五）政府信息公开查阅场所接待人次'),
    extra: 'plain',
  },
  { head: '政府信息公开会议和培训情况' },
  r('meetings.meetings', '次', '（一）召开政府信息公开工作会议或专题会议数'),
  r('meetings.trainings', '次', '（二）举办各类培训班数'),
  r('meetings.trainees', '人次', '（三）接受培训人员数'),
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface LegacyForm {
  form: Form;
  /** Printed labels of `legacy.label:` keys (and their `#cumulative` twins). */
  labels: Record<string, string>;
  /** Extra application channels that count in 收到申请数. */
  extraChannels: string[];
  cumulative: boolean;
}

/** Which indicators this report prints, as its province and year did. */
export function legacyForm(
  rng: Random,
  year: number,
  opts: { cumulative: boolean; oneLine: boolean },
): LegacyForm {
  const blocks = new Set<Row['block']>();
  if (year >= 2015 || rng.chance(0.3)) blocks.add('key_areas');
  if (year >= 2014 || rng.chance(0.3)) blocks.add('response');
  if (year >= 2013 && rng.chance(0.9)) blocks.add('social');
  if (rng.chance(0.8)) blocks.add('normative_made');
  const extras = new Set(
    ENTRIES.filter((e): e is Row => 'key' in e && 'labels' in e && e.extra !== undefined)
      .filter(() => rng.chance(0.25))
      .map((e) => e.key),
  );
  const items: FormItem[] = [];
  const labels: Record<string, string> = {};
  const extraChannels: string[] = [];
  const cumulative = opts.cumulative;
  const valueKeys = (key: string): string[] => (cumulative ? [key, `${key}#cumulative`] : [key]);
  let top = 0;
  for (const e of ENTRIES) {
    if (e.block && !blocks.has(e.block)) continue;
    if ('head' in e) {
      const label = `${NUMERALS[top++] ?? '十'}、${e.head}`;
      if (e.key) items.push(dataRow(e.key, [label, e.unit ?? ''], valueKeys(e.key)));
      else items.push({ kind: 'text', cells: [label] });
    } else if ('sub' in e) {
      const n = blocks.has('key_areas') ? '（三）' : '（二）';
      items.push({ kind: 'text', cells: [e.sub.startsWith('（') ? e.sub : n + e.sub] });
    } else {
      if (e.extra && !extras.has(e.key)) continue;
      let label = e.labels.length > 1 && rng.chance(0.3) ? rng.pick(e.labels.slice(1)) : (e.labels[0] ?? '');
      // Without separators a leading 5. would glue onto the previous value; such pages print these plainly.
      if (e.extra && opts.oneLine) label = label.replace(/^\d+\./, '');
      if (e.extra) {
        for (const k of valueKeys(e.key)) labels[k] = label;
        if (e.extra === 'channel') extraChannels.push(e.key);
      }
      items.push(dataRow(e.key, [label, e.unit], valueKeys(e.key)));
    }
  }
  return { form: { table: 'legacy', width: cumulative ? 4 : 3, items }, labels, extraChannels, cumulative };
}

const dataRow = (key: string, labels: string[], keys: string[]): DataItem => ({
  kind: 'data',
  id: key,
  labels,
  keys,
});

/** Leaf indicators get random values; every total is then the sum of its printed parts. */
function leafValues(rng: Random, keys: string[], scale: number): Values {
  const v: Values = {};
  const count = (pZero: number, max: number): number =>
    rng.count(pZero, Math.max(1, Math.round(max * scale)));
  const busy = rng.chance(0.4);
  const applications = busy ? count(0.1, 60) : count(0.6, 8);
  for (const key of keys) v[key] = 0;
  const set = (key: string, n: number): void => {
    if (key in v) v[key] = n;
  };
  const active = count(0.03, busy ? 9000 : 800);
  set('legacy.active.total', active);
  set('legacy.active.normative_docs', Math.min(active, count(0.5, 30)));
  set('legacy.active.normative_made', count(0.6, 20));
  for (const k of [
    'budget',
    'food_safety',
    'work_safety',
    'environment',
    'pricing',
    'other',
    'housing',
    'land',
  ])
    set(`legacy.key_areas.${k}`, count(0.5, busy ? 400 : 40));
  set('legacy.channels.website', active);
  set('legacy.channels.gazette', count(0.8, 40));
  set('legacy.channels.wechat', count(0.4, 600));
  set('legacy.channels.weibo', count(0.6, 300));
  set('legacy.channels.other', count(0.7, 200));
  set('legacy.label:移动客户端公开政府信息数', count(0.5, 300));
  for (const k of ['hotspots', 'interpretations', 'weibo_wechat', 'press_conferences', 'online_interviews'])
    set(`legacy.response.${k}`, count(0.5, 60));
  set('legacy.response.press_conferences_leaders', count(0.8, 3));
  set('legacy.response.online_interviews_leaders', count(0.8, 3));
  // Applications by channel; answers and closings add up to about the same number.
  const channels = ['in_person', 'online', 'letter', 'fax'].map((k) => `legacy.apply.${k}`);
  const byChannel = [...channels, 'legacy.label:电子邮件申请数'].filter((k) => k in v);
  for (let i = 0; i < applications && byChannel.length > 0; i++) {
    const k = rng.pick(byChannel);
    v[k] = (v[k] ?? 0) + 1;
  }
  const extended = rng.chance(0.2) ? rng.int(0, Math.ceil(applications / 5)) : 0;
  set('legacy.apply.closed_on_time', applications - extended);
  set('legacy.apply.closed_extended', extended);
  const answers = [
    'already_public',
    'granted',
    'partial',
    'not_this_agency',
    'not_exist',
    'needs_change',
    'other_channel',
  ];
  const reasons = ['state_secret', 'commercial_secret', 'privacy', 'security', 'not_gov_info', 'other_law'];
  for (let i = 0; i < applications; i++) {
    const k = rng.chance(0.15) ? `denied_${rng.pick(reasons)}` : rng.pick(answers);
    set(`legacy.apply.${k}`, (v[`legacy.apply.${k}`] ?? 0) + 1);
  }
  for (const g of ['review', 'litigation'])
    for (const k of ['maintained', 'corrected', 'other']) set(`legacy.${g}.${k}`, count(0.8, 4));
  set('legacy.complaints', count(0.85, 5));
  set('legacy.fees', rng.chance(0.9) ? 0 : rng.int(1, 500) / 100);
  set('legacy.org.units', rng.int(0, 3));
  set('legacy.org.reading_points', rng.int(0, 12));
  set('legacy.org.staff_full_time', rng.int(0, 6));
  set('legacy.org.staff_part_time', rng.int(0, 10));
  set('legacy.org.budget', rng.chance(0.6) ? 0 : rng.int(1, 3000) / 100);
  set('legacy.label:政府信息公开查阅场所接待人次', count(0.4, 800));
  set('legacy.meetings.meetings', count(0.3, 12));
  set('legacy.meetings.trainings', count(0.4, 6));
  set('legacy.meetings.trainees', count(0.4, 300));
  return v;
}

/** Sets every rule's total to the sum of its parts (twice: 不同意公开 is both a total and a part). */
function closeTotals(v: Values, keys: string[], extraChannels: readonly string[]): void {
  const rules = rulesFor('legacy', keys, { extraChannels });
  for (let pass = 0; pass < 2; pass++)
    for (const rule of rules) {
      const [total] = rule.plus;
      if (total === undefined || rule.plus.length !== 1) continue;
      v[total] = Math.round(rule.minus.reduce((s, k) => s + (v[k] ?? 0), 0) * 100) / 100;
    }
}

export function legacyValues(rng: Random, lf: LegacyForm): Values {
  const keys = lf.form.items.flatMap((i) => (i.kind === 'data' ? i.keys : []));
  const yearKeys = keys.filter((k) => !k.endsWith('#cumulative'));
  const v = leafValues(rng, yearKeys, 1);
  closeTotals(v, yearKeys, lf.extraChannels);
  if (!lf.cumulative) return v;
  // 历年累计: this year plus earlier years, so the sums hold in both columns.
  const before = leafValues(rng, yearKeys, 6);
  closeTotals(before, yearKeys, lf.extraChannels);
  for (const k of yearKeys) v[`${k}#cumulative`] = Math.round(((v[k] ?? 0) + (before[k] ?? 0)) * 100) / 100;
  return v;
}

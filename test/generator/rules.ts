// The table arithmetic of ../shared/spec/RULES.md, written independently of src/core/rules so that the generator's
// truth can be checked against the specification itself.
import { APPLICANT_COLUMNS } from '../../src/core/fields';
import type { TemplateId } from '../../src/shared/types';

/** One rule applied to concrete cells: sum(plus) must equal sum(minus). */
export interface RuleInstance {
  rule: string;
  /** Names this instance among those of the same rule (a column, a row, `#cumulative`). */
  where: string;
  plus: string[];
  minus: string[];
}

export const ruleKeys = (r: RuleInstance): string[] => [...r.plus, ...r.minus];
export const ruleId = (r: RuleInstance): string => `${r.rule}@${r.where}`;

const DENIED = [
  'state_secret',
  'law_forbidden',
  'three_safety',
  'third_party',
  'internal_affairs',
  'process_info',
  'enforcement_file',
  'admin_query',
];
const UNABLE = ['not_held', 'needs_creation', 'unclear'];
const NOT_PROCESSED = ['petition', 'repeat', 'publication', 'massive', 'confirm'];
const OTHER_2021 = ['overdue_correction', 'overdue_fee', 'other'];

/** Result rows of the apply table, in printed order; `other` is one row (2019) or three (2021). */
export function applyResultRows(otherSplit: boolean): string[] {
  return [
    'apply.granted',
    'apply.partial',
    ...DENIED.map((d) => `apply.denied.${d}`),
    ...UNABLE.map((d) => `apply.unable.${d}`),
    ...NOT_PROCESSED.map((d) => `apply.not_processed.${d}`),
    ...(otherSplit ? OTHER_2021.map((d) => `apply.other.${d}`) : ['apply.other']),
  ];
}

function applyRules(has: (k: string) => boolean): RuleInstance[] {
  const otherSplit = has('apply.other.overdue_correction.total');
  const results = applyResultRows(otherSplit);
  const rows = ['apply.new', 'apply.carried_over', ...results, 'apply.total', 'apply.carried_forward'];
  const out: RuleInstance[] = [];
  const people = APPLICANT_COLUMNS.filter((c) => c !== 'total');
  for (const c of APPLICANT_COLUMNS) {
    out.push({
      rule: 'apply.balance',
      where: c,
      plus: [`apply.new.${c}`, `apply.carried_over.${c}`],
      minus: [`apply.total.${c}`, `apply.carried_forward.${c}`],
    });
    out.push({
      rule: 'apply.results',
      where: c,
      plus: [`apply.total.${c}`],
      minus: results.map((r) => `${r}.${c}`),
    });
  }
  for (const r of rows)
    out.push({
      rule: 'apply.row_total',
      where: r,
      plus: [`${r}.total`],
      minus: people.map((c) => `${r}.${c}`),
    });
  const parts = ['maintained', 'corrected', 'other', 'pending'];
  for (const g of ['review', 'litigation.direct', 'litigation.after_review'])
    out.push({ rule: `${g}.total`, where: g, plus: [`${g}.total`], minus: parts.map((p) => `${g}.${p}`) });
  return out;
}

const L = (s: string): string => `legacy.${s}`;

function legacyRules(extraChannels: readonly string[]): RuleInstance[] {
  const sums: [string, string, string[]][] = [
    [
      'legacy.received',
      L('apply.received'),
      [
        ...['in_person', 'fax', 'online', 'letter'].map((k) => L(`apply.${k}`)),
        ...extraChannels.filter((k) => k.endsWith('申请数')),
      ],
    ],
    ['legacy.closed', L('apply.closed'), [L('apply.closed_on_time'), L('apply.closed_extended')]],
    [
      'legacy.answered',
      L('apply.answered'),
      [
        'already_public',
        'granted',
        'partial',
        'denied',
        'not_this_agency',
        'not_exist',
        'needs_change',
        'other_channel',
      ]
        .map((k) => L(`apply.${k}`))
        .concat(extraChannels.filter((k) => k.endsWith('答复数'))),
    ],
    [
      'legacy.denied',
      L('apply.denied'),
      ['state_secret', 'commercial_secret', 'privacy', 'security', 'not_gov_info', 'other_law'].map((k) =>
        L(`apply.denied_${k}`),
      ),
    ],
    ['legacy.review', L('review.total'), ['maintained', 'corrected', 'other'].map((k) => L(`review.${k}`))],
    [
      'legacy.litigation',
      L('litigation.total'),
      ['maintained', 'corrected', 'other'].map((k) => L(`litigation.${k}`)),
    ],
    ['legacy.staff', L('org.staff'), [L('org.staff_full_time'), L('org.staff_part_time')]],
    [
      'legacy.key_areas',
      L('key_areas.total'),
      [
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
    ],
  ];
  const out: RuleInstance[] = [];
  for (const suffix of ['', '#cumulative'])
    for (const [rule, total, parts] of sums)
      out.push({
        rule,
        where: suffix || 'year',
        plus: [total + suffix],
        minus: parts.map((p) => p + suffix),
      });
  return out;
}

/**
 * The rule instances that apply to a report with these keys: a rule applies when its first key and at least one
 * other key are present; absent keys are left out of the sums (legacy provinces print fewer indicators).
 */
const cache = new Map<string, RuleInstance[]>();

export function rulesFor(
  template: TemplateId,
  keys: Iterable<string>,
  opts: { extraChannels?: readonly string[] } = {},
): RuleInstance[] {
  const present = new Set(keys);
  const id = `${template}|${(opts.extraChannels ?? []).join(',')}|${[...present].join(',')}`;
  const known = cache.get(id);
  if (known) return known;
  const built = buildRules(template, present, opts.extraChannels ?? []);
  if (cache.size > 500) cache.clear();
  cache.set(id, built);
  return built;
}

function buildRules(
  template: TemplateId,
  present: Set<string>,
  extraChannels: readonly string[],
): RuleInstance[] {
  const has = (k: string): boolean => present.has(k);
  const all = template === 'legacy' ? legacyRules(extraChannels) : applyRules(has);
  const out: RuleInstance[] = [];
  for (const r of all) {
    const plus = r.plus.filter(has);
    const minus = r.minus.filter(has);
    if (!has(r.plus[0] ?? '') || plus.length + minus.length < 2) continue;
    out.push({ ...r, plus, minus });
  }
  return out;
}

const sum = (keys: readonly string[], values: Record<string, number | null>): number =>
  keys.reduce((s, k) => s + (values[k] ?? 0), 0);

export function holds(r: RuleInstance, values: Record<string, number | null>): boolean {
  return Math.abs(sum(r.plus, values) - sum(r.minus, values)) < 1e-9;
}

/** The rule instances these values break (an empty cell counts as 0). */
export function brokenRules(
  template: TemplateId,
  values: Record<string, number | null>,
  opts: { extraChannels?: readonly string[] } = {},
): RuleInstance[] {
  return rulesFor(template, Object.keys(values), opts).filter((r) => !holds(r, values));
}

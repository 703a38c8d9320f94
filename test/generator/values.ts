// Plausible, internally consistent values for the 2021 and 2019 tables: mostly zeros, some small counts, now and
// then large numbers and decimals.
import { APPLICANT_COLUMNS } from '../../src/core/fields';
import type { Random } from './random';
import { applyResultRows } from './rules';

export type Values = Record<string, number | null>;

export type Activity = 'none' | 'small' | 'medium' | 'large';

/** Share of applications by applicant column (natural persons dominate). */
const COLUMN_WEIGHT: Record<string, number> = {
  natural_person: 0.8,
  commercial: 0.12,
  research: 0.01,
  social_welfare: 0.01,
  legal_service: 0.03,
  other_org: 0.03,
};

/** How often each result row takes an application. */
const RESULT_WEIGHT: Record<string, number> = {
  'apply.granted': 40,
  'apply.partial': 8,
  'apply.denied.third_party': 3,
  'apply.denied.process_info': 3,
  'apply.denied.internal_affairs': 2,
  'apply.unable.not_held': 20,
  'apply.unable.needs_creation': 3,
  'apply.unable.unclear': 2,
  'apply.not_processed.petition': 4,
  'apply.not_processed.repeat': 3,
  'apply.other': 5,
  'apply.other.overdue_correction': 2,
  'apply.other.other': 3,
};

function split(rng: Random, n: number, weights: [string, number][]): Map<string, number> {
  const out = new Map<string, number>(weights.map(([k]) => [k, 0]));
  for (let i = 0; i < n; i++) {
    const k = rng.weighted(weights);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Applications received over the year, by activity level. */
function yearlyApplications(rng: Random, activity: Activity): number {
  switch (activity) {
    case 'none':
      return 0;
    case 'small':
      return rng.int(1, 12);
    case 'medium':
      return rng.int(13, 150);
    case 'large':
      return rng.int(151, 2500);
  }
}

export function applyValues(rng: Random, otherSplit: boolean, activity: Activity): Values {
  const v: Values = {};
  const people = APPLICANT_COLUMNS.filter((c) => c !== 'total');
  const results = applyResultRows(otherSplit);
  const rows = ['apply.new', 'apply.carried_over', ...results, 'apply.total', 'apply.carried_forward'];
  for (const r of rows) for (const c of people) v[`${r}.${c}`] = 0;

  const received = split(
    rng,
    yearlyApplications(rng, activity),
    people.map((c) => [c, COLUMN_WEIGHT[c] ?? 0.01]),
  );
  const resultWeights: [string, number][] = results.map((r) => [r, RESULT_WEIGHT[r] ?? 0.6]);
  for (const c of people) {
    const fresh = received.get(c) ?? 0;
    const carriedOver = fresh > 0 && rng.chance(0.25) ? rng.int(0, Math.ceil(fresh / 4)) : 0;
    const open = fresh + carriedOver;
    const carriedForward = open > 0 && rng.chance(0.3) ? rng.int(0, Math.ceil(open / 3)) : 0;
    v[`apply.new.${c}`] = fresh;
    v[`apply.carried_over.${c}`] = carriedOver;
    v[`apply.carried_forward.${c}`] = carriedForward;
    v[`apply.total.${c}`] = open - carriedForward;
    for (const [r, n] of split(rng, open - carriedForward, resultWeights)) v[`${r}.${c}`] = n;
  }
  for (const r of rows) v[`${r}.total`] = people.reduce((s, c) => s + (v[`${r}.${c}`] ?? 0), 0);
  return v;
}

export function reviewValues(rng: Random, activity: Activity): Values {
  const v: Values = {};
  const busy = activity === 'none' ? 0.05 : activity === 'small' ? 0.2 : 0.6;
  for (const g of ['review', 'litigation.direct', 'litigation.after_review']) {
    const big = activity === 'large' && rng.chance(0.5);
    let total = 0;
    for (const p of ['maintained', 'corrected', 'other', 'pending']) {
      const n = rng.chance(busy) ? rng.int(0, big ? 40 : 3) : 0;
      v[`${g}.${p}`] = n;
      total += n;
    }
    v[`${g}.total`] = total;
  }
  return v;
}

/** A fee or amount in 万元 with up to two decimals. */
export function tenThousands(rng: Random): number {
  return rng.int(1, 500000) / 100;
}

export function active2021Values(rng: Random, busy: boolean): Values {
  const v: Values = {};
  const rulesInForce = busy ? rng.count(0.4, 40) : rng.count(0.9, 5);
  v['active.rules.made'] = rulesInForce > 0 ? rng.count(0.6, Math.min(5, rulesInForce)) : 0;
  v['active.rules.repealed'] = rng.count(0.85, 3);
  v['active.rules.in_force'] = rulesInForce;
  const docsInForce = rng.count(0.3, busy ? 400 : 30);
  v['active.normative_docs.made'] = docsInForce > 0 ? rng.count(0.3, Math.min(30, docsInForce)) : 0;
  v['active.normative_docs.repealed'] = rng.count(0.7, 12);
  v['active.normative_docs.in_force'] = docsInForce;
  v['active.licensing.decisions'] = rng.count(0.45, 300, 60000, busy ? 0.4 : 0.05);
  v['active.punishment.decisions'] = rng.count(0.55, 200, 9000, busy ? 0.3 : 0.03);
  v['active.coercion.decisions'] = rng.count(0.85, 30);
  v['active.fees.amount'] = rng.chance(0.8) ? 0 : rng.chance(0.5) ? tenThousands(rng) : rng.int(1, 300);
  return v;
}

export function active2019Values(rng: Random, busy: boolean, signed: boolean): Values {
  const v: Values = {};
  for (const doc of ['rules', 'normative_docs']) {
    const made = rng.count(busy ? 0.4 : 0.75, busy ? 30 : 6);
    v[`active.${doc}.new_made`] = made;
    v[`active.${doc}.new_published`] = made > 0 ? rng.int(Math.max(0, made - 2), made) : 0;
    v[`active.${doc}.total_published`] = rng.count(0.4, busy ? 600 : 40) + made;
  }
  // Without `signed` the change column holds plain non-negative counts; with it, printed signs (+3, -2).
  const change = (prev: number): number => {
    if (!signed) return rng.chance(0.85) ? 0 : rng.int(1, 6);
    if (rng.chance(0.4)) return 0;
    return prev > 0 && rng.chance(0.5) ? -rng.int(1, Math.min(prev, 12)) : rng.int(1, 12);
  };
  for (const item of ['licensing', 'other_services', 'punishment', 'coercion']) {
    const prev = rng.count(0.5, busy ? 400 : 30);
    v[`active.${item}.prev_items`] = prev;
    v[`active.${item}.change`] = change(prev);
    v[`active.${item}.decisions`] = rng.count(0.5, 300, 50000, busy ? 0.3 : 0.03);
  }
  const fees = rng.count(0.7, 15);
  v['active.fees.prev_items'] = fees;
  v['active.fees.change'] = change(fees);
  const items = rng.count(0.6, 12);
  v['active.procurement.items'] = items;
  v['active.procurement.amount'] = items === 0 ? 0 : rng.int(2000, 5000000);
  return v;
}

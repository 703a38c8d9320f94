// Multi-year series of one agency's reports whose figures carry over from year to year as spec/RULES.md
// ("Across reports of one agency") requires — 上年结转 = last year's 结转下年度, 现行有效件数 chains (2021 format),
// 上一年项目数量 chains (2019 format) — with chosen years broken, published late or printed in the wrong format.
import { APPLICANT_COLUMNS } from '../../src/core/fields';
import type { TemplateId } from '../../src/shared/types';
import { generateReport } from './index';
import type { Agency, PublishDate } from './prose';
import type { GeneratedReport } from './types';

export type ChainRule = 'carry' | 'in_force' | 'items';

export interface SeriesOptions {
  agency: Agency;
  from: number;
  to: number;
  seed: number;
  /** Years whose chain to the year before is broken, and which chain. */
  breaks?: { year: number; rule: ChainRule }[];
  /** Years published after the deadline. */
  late?: number[];
  /** Years printed in a format that does not fit the year (2019 format for 2021+, 2021 format for 2019–2020). */
  wrongFormat?: number[];
  /** Years without a report. */
  skip?: number[];
}

type Values = Record<string, number | null>;

const SIX = APPLICANT_COLUMNS.filter((c) => c !== 'total');

function templateFor(year: number, wrong: boolean): TemplateId {
  const right: TemplateId = year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
  if (!wrong) return right;
  return right === '2021' ? '2019' : right === '2019' ? '2021' : right;
}

const get = (v: Values, k: string): number => v[k] ?? 0;

function retotal(v: Values, rows: string[]): void {
  for (const r of rows)
    if (`${r}.natural_person` in v) v[`${r}.total`] = SIX.reduce((s, c) => s + get(v, `${r}.${c}`), 0);
}

/** 上年结转 of this year = 结转下年度 of the previous, keeping the year's own arithmetic. */
function chainCarry(v: Values, prev: Values, broken: boolean): void {
  for (const c of SIX) {
    let over = get(prev, `apply.carried_forward.${c}`);
    if (broken && c === 'natural_person') over += 1;
    v[`apply.carried_over.${c}`] = over;
    const fresh = get(v, `apply.total.${c}`) + get(v, `apply.carried_forward.${c}`) - over;
    if (fresh >= 0) v[`apply.new.${c}`] = fresh;
    else {
      v[`apply.new.${c}`] = 0;
      v[`apply.granted.${c}`] = get(v, `apply.granted.${c}`) - fresh;
      v[`apply.total.${c}`] = get(v, `apply.total.${c}`) - fresh;
    }
  }
  const rows = new Set<string>(['apply.new', 'apply.carried_over', 'apply.granted', 'apply.total']);
  retotal(v, [...rows]);
}

function chainInForce(v: Values, prev: Values, broken: boolean): void {
  for (const r of ['rules', 'normative_docs']) {
    const made = get(v, `active.${r}.made`);
    let repealed = get(v, `active.${r}.repealed`);
    const before = get(prev, `active.${r}.in_force`);
    if (before + made - repealed < 0) repealed = before + made;
    v[`active.${r}.repealed`] = repealed;
    v[`active.${r}.in_force`] = before + made - repealed + (broken && r === 'normative_docs' ? 2 : 0);
  }
}

function chainItems(v: Values, prev: Values, broken: boolean): void {
  for (const r of ['licensing', 'other_services', 'punishment', 'coercion', 'fees']) {
    if (!(`active.${r}.prev_items` in prev)) continue;
    v[`active.${r}.prev_items`] =
      Math.max(0, get(prev, `active.${r}.prev_items`) + get(prev, `active.${r}.change`)) +
      (broken && r === 'licensing' ? 3 : 0);
  }
}

export interface SeriesReport extends GeneratedReport {
  year: number;
  template: TemplateId;
}

export function generateSeries(opts: SeriesOptions): SeriesReport[] {
  const out: SeriesReport[] = [];
  let prev: { year: number; template: TemplateId; values: Values } | null = null;
  for (let year = opts.from; year <= opts.to; year++) {
    if (opts.skip?.includes(year)) {
      prev = null;
      continue;
    }
    const template = templateFor(year, opts.wrongFormat?.includes(year) ?? false);
    const broken = (rule: ChainRule) => opts.breaks?.some((b) => b.year === year && b.rule === rule) ?? false;
    const last: typeof prev = prev;
    const published: PublishDate = opts.late?.includes(year)
      ? { year: year + 1, month: year >= 2019 ? 3 : 5, day: 15 }
      : { year: year + 1, month: 1, day: 10 + (year % 15) };
    let kept: Values = {};
    const report = generateReport(opts.seed * 100 + (year - 2000), {
      template,
      year,
      shape: 'pipes',
      mix: false,
      agency: opts.agency,
      published,
      adjust: (values, t) => {
        const modern = (x: TemplateId) => x === '2019' || x === '2021';
        if (last && last.year === year - 1) {
          if (modern(t) && modern(last.template)) chainCarry(values, last.values, broken('carry'));
          if (t === '2021' && last.template === '2021') chainInForce(values, last.values, broken('in_force'));
          if (t === '2019' && last.template === '2019') chainItems(values, last.values, broken('items'));
        }
        kept = { ...values };
      },
    });
    out.push({ ...report, year, template });
    prev = { year, template, values: kept };
  }
  return out;
}

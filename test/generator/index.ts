// generateReport(seed, options) → a realistic synthetic annual report with its known truth.
import type { TemplateId } from '../../src/shared/types';
import { asciiPunctuation, fullWidth } from './cells';
import { assembleLegacy, assembleModern, type RenderedTables } from './document';
import { activeForm2019, activeForm2021, applyForm, reviewForm, type Form } from './forms';
import { renderTable } from './layout';
import { fujianTable } from './fujian';
import { legacyForm, legacyValues } from './legacy';
import { printTables } from './print';
import { makeAgency, type ProseFigures } from './prose';
import { Random } from './random';
import { rulesFor } from './rules';
import { chooseShapes } from './shapes';
import { injectSourceError } from './source-error';
import type { GenerateOptions, GeneratedReport, Modifier, Truth } from './types';
import {
  active2019Values,
  active2021Values,
  applyValues,
  reviewValues,
  tenThousands,
  type Activity,
  type Values,
} from './values';

export { SHAPES, LAYOUTS, MODIFIERS, shapeFits } from './shapes';
export type { GenerateOptions, GeneratedReport, ShapeName, Truth } from './types';

function yearFor(rng: Random, template: TemplateId): number {
  if (template === '2021') return rng.int(2021, 2024);
  if (template === '2019') return rng.pick([2019, 2020]);
  return rng.int(2008, 2018);
}

const decimal = (rng: Random): number => {
  const v = tenThousands(rng);
  return Number.isInteger(v) ? v + 0.5 : v;
};

interface Tables {
  forms: Form[];
  values: Values;
  labels: Record<string, string>;
  extraChannels: string[];
  figures: ProseFigures;
}

function activityOf(rng: Random, mods: Set<Modifier>, oneLine: boolean): Activity {
  if (mods.has('glued_nonzero'))
    return rng.weighted([
      ['medium', 4],
      ['large', 1],
    ]);
  // Pages that lost every separator come from small offices here: large tables of glued multi-digit runs would
  // be mostly ambiguous, which tests little.
  if (oneLine)
    return rng.weighted([
      ['none', 50],
      ['small', 42],
      ['medium', 8],
    ]);
  return rng.weighted([
    ['none', 45],
    ['small', 38],
    ['medium', 14],
    ['large', 3],
  ]);
}

function modernTables(
  rng: Random,
  template: '2021' | '2019',
  year: number,
  mods: Set<Modifier>,
  oneLine: boolean,
): Tables {
  const activity = activityOf(rng, mods, oneLine);
  const busy = rng.chance(0.3);
  const otherSplit = template === '2021' ? !rng.chance(0.15) : year === 2020 && rng.chance(0.2);
  const active = template === '2021' ? activeForm2021() : activeForm2019(rng.chance(0.75));
  const forms = [
    active,
    applyForm(otherSplit, rng.chance(0.5)),
    reviewForm(rng.chance(0.6) ? 'spaced' : 'plain'),
  ];
  const values: Values = {
    ...(template === '2021' ? active2021Values(rng, busy) : active2019Values(rng, busy, mods.has('signed'))),
    ...applyValues(rng, otherSplit, activity),
    ...reviewValues(rng, activity),
  };
  if (mods.has('thousands')) values['active.licensing.decisions'] = rng.int(1000, 60000);
  if (mods.has('decimals') && template === '2021') values['active.fees.amount'] = decimal(rng);
  if (mods.has('decimals') && template === '2019') {
    values['active.procurement.items'] = rng.int(1, 12);
    values['active.procurement.amount'] = decimal(rng);
  }
  if (mods.has('signed') && !Object.keys(values).some((k) => k.endsWith('.change') && values[k] !== 0))
    values['active.licensing.change'] = rng.chance(0.5) ? rng.int(1, 9) : -1;
  return {
    forms,
    values,
    labels: {},
    extraChannels: [],
    figures: {
      applications: values['apply.new.total'] ?? 0,
      carriedOver: values['apply.carried_over.total'] ?? 0,
      reviews: values['review.total'] ?? 0,
      lawsuits: (values['litigation.direct.total'] ?? 0) + (values['litigation.after_review.total'] ?? 0),
    },
  };
}

function legacyTables(
  rng: Random,
  year: number,
  mods: Set<Modifier>,
  oneLine: boolean,
  unit: string,
): Tables {
  const cumulative = !oneLine && (mods.has('short_row') || rng.chance(0.2));
  const lf = legacyForm(rng, year, { cumulative, oneLine });
  const values = legacyValues(rng, lf);
  if (mods.has('thousands') && Math.max(...Object.values(values).map((v) => v ?? 0)) < 1000) {
    const n = rng.int(1000, 9000);
    for (const k of ['legacy.active.total', 'legacy.channels.website'])
      if (k in values) {
        values[k] = n;
        if (cumulative) values[`${k}#cumulative`] = n + rng.int(1000, 30000);
      }
  }
  if (mods.has('decimals') && 'legacy.org.budget' in values) {
    values['legacy.org.budget'] = decimal(rng) / 10;
    if (cumulative)
      values['legacy.org.budget#cumulative'] =
        Math.round(((values['legacy.org.budget'] ?? 0) + 3.25) * 1000) / 1000;
  }
  const header = cumulative
    ? ['统计指标', '单位', '本年度', '历年累计']
    : [rng.pick(['统 计 指 标', '统计指标']), '单位', '统计数'];
  lf.form.items.unshift(
    { kind: 'text', cells: ['政府信息公开情况统计表'] },
    { kind: 'text', cells: [`填报单位（盖章）：${unit}`] },
    { kind: 'text', cells: header },
  );
  return {
    forms: [lf.form],
    values,
    labels: lf.labels,
    extraChannels: lf.extraChannels,
    figures: { applications: values['legacy.apply.received'] ?? 0 },
  };
}

function fujianReport(
  rng: Random,
  seed: number,
  agency: Parameters<typeof assembleLegacy>[1],
  year: number,
  date: Parameters<typeof assembleLegacy>[3],
  layout: string,
): GeneratedReport {
  const glued = rng.chance(0.6);
  const table = fujianTable(rng, year, { glued });
  const assembled = assembleLegacy(rng, agency, year, date, [table.text], {
    applications: table.values['legacy.apply.received'] ?? 0,
  });
  const fileName = `gen-${String(seed).padStart(6, '0')}-legacy-${layout}.txt`;
  const truth: Truth = {
    file: fileName,
    template: 'legacy',
    meta: { agency: agency.name, year, published: assembled.published },
    values: table.values,
    ...(Object.keys(table.labels).length > 0 ? { labels: table.labels } : {}),
    ambiguous: table.ambiguous,
    source_errors: [],
  };
  return { fileName, text: assembled.lines.join('\n') + '\n', truth, shapes: ['one_line', 'fujian'], seed };
}

export function generateReport(seed: number, options: GenerateOptions = {}): GeneratedReport {
  const rng = new Random(seed);
  const template =
    options.template ??
    rng.weighted<TemplateId>([
      ['2021', 4],
      ['2019', 3],
      ['legacy', 3],
    ]);
  const year = options.year ?? yearFor(rng, template);
  const { page, mods } = chooseShapes(rng, template, options.shape, options.mix ?? true);
  const agency = makeAgency(rng);
  const date = {
    year: year + 1,
    month: rng.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
    ] as const),
    day: rng.int(1, 28),
  };
  const unit =
    /(乡|镇)人民政府$/.test(agency.name) && rng.chance(0.4)
      ? `${agency.name.replace(/(乡|镇)人民政府$/, '地区办事处')}（${agency.name}）`
      : agency.name;
  if (mods.has('fujian')) return fujianReport(rng, seed, agency, year, date, page.layout);
  const t =
    template === 'legacy'
      ? legacyTables(rng, year, mods, page.layout === 'one_line', unit)
      : modernTables(rng, template, year, mods, page.layout === 'one_line');

  const keys = t.forms.flatMap((f) => f.items.flatMap((i) => (i.kind === 'data' ? i.keys : [])));
  const rules = rulesFor(template, keys, { extraChannels: t.extraChannels });
  const error = mods.has('source_error') ? injectSourceError(rng, template, t.values, rules) : undefined;
  const printed = printTables(rng, t.forms, t.values, {
    page,
    mods,
    rules: error ? null : rules,
    keep: new Set(error ? [error.key] : []),
  });
  const style = { layout: page.layout, lineStyle: page.lineStyle, invisible: mods.has('nbsp_zero_width') };
  const rendered: RenderedTables = {};
  for (const form of t.forms) rendered[form.table] = renderTable(rng, form, printed.rows, style);

  const assembled =
    template === 'legacy'
      ? assembleLegacy(rng, agency, year, date, rendered.legacy ?? [], t.figures)
      : assembleModern(rng, agency, year, date, rendered, t.figures);
  const ascii = rng.chance(0.6);
  const bars = rng.chance(0.3);
  const finish = (s: string): string => {
    const p = ascii ? asciiPunctuation(s) : s;
    return mods.has('fullwidth') ? fullWidth(p, bars) : p;
  };
  const separator = page.layout === 'cell_per_line' && page.lineStyle === '004' ? '\n\n' : '\n';
  const bom = mods.has('nbsp_zero_width') && rng.chance(0.3) ? '\ufeff' : '';
  const text = bom + finish(assembled.lines.join(separator)) + '\n';

  const fileName = `gen-${String(seed).padStart(6, '0')}-${template}-${page.layout}.txt`;
  const order = new Map(keys.map((k, i) => [k, i]));
  const values = Object.fromEntries(
    Object.entries(t.values)
      .filter(([k]) => order.has(k))
      .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
  );
  const truth: Truth = {
    file: fileName,
    template,
    meta: { agency: agency.name, year, published: assembled.published },
    values,
    ...(Object.keys(t.labels).length > 0
      ? { labels: Object.fromEntries(Object.entries(t.labels).map(([k, l]) => [k, finish(l)])) }
      : {}),
    ambiguous: printed.ambiguous,
    source_errors: error?.broken ?? [],
  };
  return { fileName, text, truth, shapes: [page.layout, ...mods], seed };
}

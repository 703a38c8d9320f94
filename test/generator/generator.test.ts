// The generator's truth must be right before it can judge the extractor: the arithmetic of RULES.md holds in every
// consistent report and breaks exactly where a source_error report says; keys are canonical; shapes show.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsOf, isValidKey } from '../../src/core/fields';
import type { TemplateId } from '../../src/shared/types';
import { generateReport, SHAPES, shapeFits, type GeneratedReport, type Truth } from './index';
import { brokenRules, ruleKeys } from './rules';
import { Random } from './random';
import { ambiguousRows, cellPattern, splits } from './split';

const TEMPLATES: TemplateId[] = ['2021', '2019', 'legacy'];
const REAL_TRUTHS = resolve(import.meta.dirname, '../fixtures/reports');

/** Every fitting (template, shape) pair, several seeds each. */
function sample(perPair: number): GeneratedReport[] {
  const out: GeneratedReport[] = [];
  let seed = 50_000;
  for (const template of TEMPLATES)
    for (const shape of SHAPES)
      if (shapeFits(shape, template))
        for (let i = 0; i < perPair; i++) out.push(generateReport(seed++, { template, shape }));
  return out;
}
const reports = sample(12);

const keysOf = (keys: string[]): string => [...keys].sort().join(' ');
const sumOf = (keys: string[], v: Record<string, number>): number =>
  keys.reduce((s, k) => s + (v[k] ?? 0), 0);
const extraChannels = (t: Truth): string[] =>
  Object.keys(t.labels ?? {}).filter((k) => /^legacy\.label:.*(?:申请数|答复数)$/.test(k));

describe('generateReport', () => {
  it('is deterministic from the seed', () => {
    for (const seed of [1, 77, 4242]) expect(generateReport(seed)).toEqual(generateReport(seed));
    expect(generateReport(1).text).not.toBe(generateReport(2).text);
  });

  it('covers every shape in every template it fits', () => {
    for (const template of TEMPLATES)
      for (const shape of SHAPES) {
        if (!shapeFits(shape, template)) continue;
        const r = generateReport(7, { template, shape });
        expect(r.shapes, `${template}/${shape}`).toContain(shape);
        expect(r.truth.template).toBe(template);
      }
    expect(shapeFits('signed', '2021')).toBe(false);
    expect(() => generateReport(1, { template: 'legacy', shape: 'glued' })).toThrow(/does not occur/);
  });

  it('uses only canonical keys, in the order of the form', () => {
    for (const r of reports) {
      const { template, values } = r.truth;
      // A 2020 report may print the three （六） sub-rows of the 2021 apply table in its 2019-format report.
      const valid = (key: string): boolean =>
        isValidKey(template, key) ||
        (template === '2019' && key.startsWith('apply.other.') && isValidKey('2021', key));
      for (const key of Object.keys(values)) expect(valid(key), `${r.fileName}: ${key}`).toBe(true);
      if (template === 'legacy') continue;
      const order = fieldsOf(template).map((f) => f.key);
      const known = Object.keys(values).filter((k) => order.includes(k));
      expect(known).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
      expect(Object.keys(values).length).toBeGreaterThanOrEqual(170);
    }
  });

  it('satisfies every rule of RULES.md unless it claims a source error, and then breaks exactly the claimed rules', () => {
    let errors = 0;
    for (const r of reports) {
      const broken = brokenRules(r.truth.template, r.truth.values, { extraChannels: extraChannels(r.truth) });
      const claimed = r.truth.source_errors.map((e) => keysOf(e.keys)).sort();
      expect(broken.map((b) => keysOf(ruleKeys(b))).sort(), `${r.fileName} ${r.shapes.join(',')}`).toEqual(
        claimed,
      );
      expect(claimed.length > 0).toBe(r.shapes.includes('source_error'));
      errors += claimed.length;
    }
    expect(errors).toBeGreaterThan(0);
  });

  it('states its metadata in the text', () => {
    for (const r of reports) {
      const text = r.text.normalize('NFKC');
      const { agency, year, published } = r.truth.meta;
      expect(text, r.fileName).toContain(agency);
      expect(text).toContain(String(year));
      expect(published).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(Number(published.slice(0, 4))).toBe(year + 1);
      const range = { '2021': [2021, 2100], '2019': [2019, 2020], legacy: [2000, 2018] }[r.truth.template];
      expect(year).toBeGreaterThanOrEqual(range[0] ?? 0);
      expect(year).toBeLessThanOrEqual(range[1] ?? 0);
    }
  });

  it('lists ambiguous and source-error keys that the truth holds', () => {
    for (const r of reports)
      for (const a of [...r.truth.ambiguous, ...r.truth.source_errors])
        for (const k of a.keys) expect(r.truth.values, `${r.fileName} ${a.why}`).toHaveProperty([k]);
  });

  it('shows each shape in the text', () => {
    const text = (shape: string): string[] =>
      reports.filter((r) => r.shapes.includes(shape as never)).map((r) => r.text.normalize('NFKC'));
    const some = (shape: string, re: RegExp): void =>
      expect(
        text(shape).every((t) => re.test(t)),
        shape,
      ).toBe(true);
    some('pipes', /\S \| \S/);
    some('glued', /^[\s\u200b]*0{2,}[\s\u200b]*$/m);
    some('glued_nonzero', /^[\s\u200b]*(?=\d*[1-9])\d{3,}[\s\u200b]*$/m);
    some('typo_00', /(^|[|\s])00([|\s]|$)/m);
    some('thousands', /\d,\d{3}/);
    some('units', /\d(件|元|万元|条|项|次|个|人|篇|人次)/);
    for (const t of text('signed'))
      expect(t.slice(t.indexOf('第二十条'), t.indexOf('勾稽关系'))).toMatch(/[+-][1-9]/);
    some('decimals', /\d\.\d/);
    some('fullwidth', /./);
    expect(reports.filter((r) => r.shapes.includes('fullwidth')).every((r) => /[０-９]/.test(r.text))).toBe(
      true,
    );
    expect(
      reports.filter((r) => r.shapes.includes('nbsp_zero_width')).every((r) => /[\u200b\ufeff]/.test(r.text)),
    ).toBe(true);
    for (const r of reports.filter((r) => r.shapes.includes('short_row')))
      expect(r.truth.ambiguous.some((a) => a.why.includes(' of its '))).toBe(true);
    for (const r of reports.filter((r) => r.shapes.includes('one_line') && r.truth.template !== 'legacy'))
      expect(r.text.normalize('NFKC').replace(/[\u200b\ufeff]/g, '')).toMatch(/保护第三方合法权益\d+5\.属于/);
    for (const r of reports.filter((r) => r.shapes.includes('broken_rows') && r.shapes[0] === 'pipes'))
      expect(r.text.normalize('NFKC')).toMatch(/^\| /m);
  });
});

describe('splits of glued runs', () => {
  const counts = (n: number): RegExp[] => Array.from({ length: n }, () => cellPattern('apply.new.total'));

  it('reads runs of zeros by the row’s cell count', () => {
    expect(splits(['3', '00000', '3'], counts(7))).toEqual([[3, 0, 0, 0, 0, 0, 3]]);
    expect(splits(['000000', '1'], counts(7))).toEqual([[0, 0, 0, 0, 0, 0, 1]]);
    expect(splits(['0000000'], counts(7))).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('finds every reading of a multi-digit run, and the row rule settles it', () => {
    expect(splits(['120000012'], counts(7))).toEqual([
      [1, 20, 0, 0, 0, 0, 12],
      [1, 200, 0, 0, 0, 1, 2],
      [12, 0, 0, 0, 0, 0, 12],
      [120, 0, 0, 0, 0, 1, 2],
    ]);
    const keys = [
      'natural_person',
      'commercial',
      'research',
      'social_welfare',
      'legal_service',
      'other_org',
      'total',
    ];
    const row = { keys: keys.map((c) => `apply.new.${c}`), tokens: ['120000012'] };
    const truth = Object.fromEntries(row.keys.map((k, i) => [k, [12, 0, 0, 0, 0, 0, 12][i] ?? 0]));
    const rule = {
      rule: 'apply.row_total',
      where: 'apply.new',
      plus: [row.keys[6] ?? ''],
      minus: row.keys.slice(0, 6),
    };
    expect(ambiguousRows([row], truth, [rule]).size).toBe(0);
    expect(ambiguousRows([row], truth, null).size).toBe(1);
  });

  it('allows signs only in 本年增/减 and decimals only in amounts', () => {
    const keys = ['active.licensing.prev_items', 'active.licensing.change', 'active.licensing.decisions'];
    expect(splits(['12+50'], keys.map(cellPattern))).toEqual([[12, 5, 0]]);
    expect(
      splits(['83762.55'], ['active.procurement.items', 'active.procurement.amount'].map(cellPattern)),
    ).toHaveLength(4);
  });

  it('agrees with a brute-force enumeration of every combination of readings', () => {
    const rng = new Random(99);
    const cols = ['a', 'b', 'total'];
    let ambiguousSeen = 0;
    for (let n = 0; n < 300; n++) {
      // Three rows a + b = total, the third row the sum of the first two, every row glued into one or two tokens.
      const first = [rng.int(0, 30), rng.int(0, 30)];
      const second = [rng.int(0, 30), rng.int(0, 30)];
      const table = [
        first,
        second,
        [(first[0] ?? 0) + (second[0] ?? 0), (first[1] ?? 0) + (second[1] ?? 0)],
      ].map(([x = 0, y = 0]) => [x, y, x + y]);
      const truth: Record<string, number> = {};
      const rows = table.map((vals, r) => {
        const keys = cols.map((c) => `t.r${r}.${c}`);
        keys.forEach((k, j) => (truth[k] = vals[j] ?? 0));
        const cut = rng.int(0, 2);
        const text = vals.map(String);
        return {
          keys,
          tokens: cut === 0 ? [text.join('')] : [text.slice(0, cut).join(''), text.slice(cut).join('')],
        };
      });
      // A random part of the arithmetic, so that some rows stay open.
      const rules = [
        ...rows.map((r, i) => ({
          rule: 'row',
          where: String(i),
          plus: [r.keys[2] ?? ''],
          minus: r.keys.slice(0, 2),
        })),
        ...cols.map((c) => ({
          rule: 'col',
          where: c,
          plus: [`t.r2.${c}`],
          minus: [`t.r0.${c}`, `t.r1.${c}`],
        })),
      ].filter(() => rng.chance(0.4));
      const options = rows.map(
        (r) =>
          splits(
            r.tokens,
            r.keys.map(() => cellPattern('x.count')),
          ) ?? [],
      );
      const readings = new Map<number, Set<string>>([0, 1, 2].map((i) => [i, new Set<string>()]));
      for (const x of options[0] ?? [])
        for (const y of options[1] ?? [])
          for (const z of options[2] ?? []) {
            const v = Object.fromEntries(
              rows.flatMap((r, i) => r.keys.map((k, j) => [k, [x, y, z][i]?.[j] ?? 0])),
            );
            if (rules.every((rule) => sumOf(rule.plus, v) === sumOf(rule.minus, v)))
              [x, y, z].forEach((c, i) => readings.get(i)?.add(c.join(',')));
          }
      const expected = [0, 1, 2].filter((i) => (readings.get(i)?.size ?? 0) > 1);
      expect([...ambiguousRows(rows, truth, rules)].sort(), JSON.stringify(rows)).toEqual(expected);
      ambiguousSeen += expected.length;
    }
    expect(ambiguousSeen).toBeGreaterThan(50);
  });

  it('refuses a printed row that cannot mean its truth', () => {
    const keys = ['a.x', 'a.y'];
    expect(() => ambiguousRows([{ keys, tokens: ['12'] }], { 'a.x': 2, 'a.y': 1 }, [])).toThrow(
      /cannot be read/,
    );
  });
});

describe('rules.ts against the real dev set', () => {
  const dir = REAL_TRUTHS;
  it('finds the source errors the real truth files list, and none in the others', () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const truth = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Truth;
      const broken = brokenRules(truth.template, truth.values);
      if (truth.source_errors.length === 0) expect(broken, name).toEqual([]);
      else
        for (const e of truth.source_errors)
          expect(
            broken.some((b) => ruleKeys(b).some((k) => e.keys.includes(k))),
            `${name}: ${e.why}`,
          ).toBe(true);
    }
  });
});

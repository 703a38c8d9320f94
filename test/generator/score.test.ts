// The in-process scorer must give the same figures as ../shared/eval/score.mjs (copied to test/fixtures/eval); this
// runs both on the same pairs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../src/shared/types';
import { generateReport } from './index';
import { predictionOf, scoreReports, type ScorePair } from './score';
import type { Truth } from './types';

const SCORE_MJS = resolve(import.meta.dirname, '../fixtures/eval/score.mjs');
const work = mkdtempSync(join(tmpdir(), 'nianbao-score-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs score.mjs on the pairs written as files; returns its --json output. */
function scoreMjs(pairs: ScorePair[]): {
  summary: Record<string, unknown>;
  perDoc: Record<string, unknown>[];
} {
  const dir = mkdtempSync(join(work, 'run-'));
  mkdirSync(join(dir, 'truth'));
  mkdirSync(join(dir, 'pred'));
  for (const { truth, prediction } of pairs) {
    const stem = truth.file.replace(/\.[^.]+$/, '');
    writeFileSync(join(dir, 'truth', `${stem}.json`), JSON.stringify(truth));
    if (prediction) writeFileSync(join(dir, 'pred', `${stem}.json`), JSON.stringify(prediction));
  }
  const out = join(dir, 'score.json');
  const run = spawnSync(
    process.execPath,
    [SCORE_MJS, '--truth', join(dir, 'truth'), '--pred', join(dir, 'pred'), '--json', out, '--quiet'],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8'));
}

const base = (seed: number, template: Truth['template']): { truth: Truth; prediction: Prediction } => {
  const { truth, fileName } = generateReport(seed, { template });
  const values = Object.fromEntries(Object.entries(truth.values).map(([k, v]) => [k, v ?? 0]));
  return { truth, prediction: { file: fileName, template, meta: { ...truth.meta }, values, review: [] } };
};

/** Hand-made pairs that exercise every branch of score.mjs. */
function pairs(): ScorePair[] {
  const perfect = base(1, '2021');

  const flawed = base(2, '2019');
  const keys = Object.keys(flawed.truth.values);
  const [a = '', b = '', c = '', d = '', e = ''] = keys;
  flawed.prediction.values[a] = 7; // wrong, silent
  flawed.prediction.values[b] = 9; // wrong, flagged
  delete flawed.prediction.values[c]; // absent, silent
  delete flawed.prediction.values[d]; // absent, flagged
  flawed.prediction.values['apply.bogus.total'] = 1; // spurious
  flawed.prediction.values[e] = null; // null where the truth holds a number
  flawed.prediction.review = [b, d, 'active.fees.change'];
  flawed.prediction.template = '2021';
  flawed.prediction.meta = { agency: `${flawed.truth.meta.agency}（盖章）`, year: 2001, published: null };
  flawed.truth.ambiguous = [{ keys: [b], why: 'garbled' }];
  flawed.truth.source_errors = [
    { keys: [b, 'x'], why: 'flagged one' },
    { keys: [a], why: 'unflagged one' },
  ];

  const legacy = base(3, 'legacy');
  legacy.truth.values['legacy.label:电子邮件申请数'] = 4;
  legacy.truth.values['legacy.label:电子邮件申请数#cumulative'] = 9;
  legacy.truth.values['legacy.label:其他形式申请数'] = 0;
  legacy.truth.labels = {
    'legacy.label:电子邮件申请数': '5.电子邮件申请数',
    'legacy.label:电子邮件申请数#cumulative': '5.电子邮件申请数',
    'legacy.label:其他形式申请数': '（六）其他形式 申请数',
  };
  legacy.prediction.values['legacy.label:5．电子邮件申请数'] = 4;
  legacy.prediction.values['legacy.label:电子邮件申请数#cumulative'] = 8;
  legacy.prediction.values['legacy.label:其他形式申请数'] = null;
  legacy.prediction.review = ['legacy.label:电子邮件申请数#cumulative'];
  legacy.prediction.meta = { agency: legacy.truth.meta.agency.slice(0, 2), year: null, published: null };
  const firstLegacy = Object.keys(legacy.truth.values)[0] ?? '';
  legacy.truth.values[firstLegacy] = null;
  legacy.prediction.values[firstLegacy] = 0;

  const missing = base(4, '2021');
  const noAgency = base(5, '2019');
  noAgency.prediction.meta = { agency: null, year: noAgency.truth.meta.year, published: null };

  return [perfect, flawed, legacy, { truth: missing.truth, prediction: null }, noAgency];
}

describe('scoreReports', () => {
  it('gives the same summary and per-document figures as score.mjs', () => {
    const input = pairs();
    const mine = scoreReports(input);
    const theirs = scoreMjs(input);
    expect(mine.summary).toEqual(theirs.summary);
    const sorted = [...mine.perDoc].sort((x, y) => x.file.localeCompare(y.file));
    expect(JSON.parse(JSON.stringify(sorted))).toEqual(theirs.perDoc);
    // The pairs are not trivial: every kind of error shows.
    expect(mine.summary.silent_errors).toBeGreaterThan(0);
    expect(mine.summary.spurious_cells).toBe(1);
    expect(mine.summary.source_errors_flagged).toBe('1/2');
    expect(mine.summary.docs_without_output).toBe(1);
    expect(mine.summary.agency_accuracy_pct).toBeLessThan(100);
  });

  it('scores a perfect prediction at 100 %', () => {
    const { summary } = scoreReports([base(11, 'legacy'), base(12, '2021'), base(13, '2019')]);
    expect(summary.cell_accuracy_pct).toBe(100);
    expect(summary.silent_errors).toBe(0);
    expect(summary.template_accuracy_pct).toBe(100);
  });

  it('builds a prediction from an extraction', () => {
    const p = predictionOf('x.txt', {
      template: '2021',
      meta: { agency: 'A', year: 2021, published: null },
      tables: [],
      cells: [
        { key: 'review.total', raw: '3', value: 3, how: 'clean', span: null },
        { key: 'review.other', raw: '', value: null, how: 'guessed', span: null },
      ],
      findings: [],
      review: ['review.other'],
    });
    expect(p).toEqual({
      file: 'x.txt',
      template: '2021',
      meta: { agency: 'A', year: 2021, published: null },
      values: { 'review.total': 3, 'review.other': null },
      review: ['review.other'],
    });
  });
});

// Real reports (test/fixtures/reports) and a scorer in the terms of ../shared/eval/README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction } from '../../../src/shared/types';

export const REPORTS = {
  cuidong2021: '000_a3f0cc370b290d87',
  binhai2020: '001_cba15cde576bc8e7',
  gaobeidian2017: '002_16dca761f14228ce',
  yongcheng2023: '003_81dd061a659bf16a',
  lanting2020: '004_20668ad12bb1064e',
} as const;

const dir = join(import.meta.dirname, '../../fixtures/reports');

export interface Truth {
  template: string;
  meta: { agency: string; year: number; published: string };
  values: Record<string, number | null>;
  ambiguous?: { keys: string[] }[];
  source_errors?: { keys: string[] }[];
}

export const reportText = (stem: string): string => readFileSync(join(dir, `${stem}.txt`), 'utf8');
export const reportTruth = (stem: string): Truth =>
  JSON.parse(readFileSync(join(dir, `${stem}.json`), 'utf8')) as Truth;

export interface Score {
  wrong: string[];
  silent: string[];
  sourceErrorsUnflagged: number;
}

/** Compares an extraction with the truth: wrong cells, and wrong cells the extraction did not flag. */
export function score(extraction: Extraction, truth: Truth): Score {
  const values = new Map(extraction.cells.map((c) => [c.key, c.value]));
  const review = new Set(extraction.review);
  const ambiguous = new Set((truth.ambiguous ?? []).flatMap((a) => a.keys));
  const wrong: string[] = [];
  const silent: string[] = [];
  for (const [key, want] of Object.entries(truth.values)) {
    const got = values.get(key);
    const ok = want === null ? got === undefined || got === null || got === 0 : got === want;
    if (ok || (ambiguous.has(key) && review.has(key))) continue;
    wrong.push(`${key}: ${String(got)} ≠ ${String(want)}`);
    if (!review.has(key)) silent.push(key);
  }
  const sourceErrorsUnflagged = (truth.source_errors ?? []).filter(
    (e) => !e.keys.some((k) => review.has(k)),
  ).length;
  return { wrong, silent, sourceErrorsUnflagged };
}

/** The value a truth file gives a key, with the document's empty cells as 0. */
export const truthValue = (truth: Truth, key: string): number => truth.values[key] ?? 0;

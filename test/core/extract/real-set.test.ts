// The public real reports of ../shared/eval/real, copied as fixtures: the goals of `npm run eval` hold in the suite.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKeyOf, isValidKey } from '../../../src/core/fields';
import { INDICATOR_KEYS } from '../../../src/core/extract/legacy/indicators';
import { processDocument } from '../../../src/core/pipeline';
import { predictionOf, scoreReports, type ScorePair } from '../../generator/score';
import type { Truth } from '../../generator/types';

const DIR = join(import.meta.dirname, '../../fixtures/real');
const docs = readdirSync(join(DIR, 'docs')).sort();

async function extract(file: string) {
  const processed = await processDocument(readFileSync(join(DIR, 'docs', file)), file);
  if (!processed.extraction) throw new Error(`${file}: ${processed.read.ok ? '' : processed.read.error}`);
  return processed.extraction;
}

describe('the public real reports', () => {
  it('are read right: accuracy 100, no silent error, every source error flagged, burden ≤ 8 %', async () => {
    const pairs: ScorePair[] = [];
    for (const file of docs) {
      const truth = JSON.parse(
        readFileSync(join(DIR, 'truth', file.replace(/\.\w+$/, '.json')), 'utf8'),
      ) as Truth;
      pairs.push({ prediction: predictionOf(file, await extract(file)), truth });
    }
    const { summary } = scoreReports(pairs);
    expect(summary).toMatchObject({
      cell_accuracy_pct: 100,
      nonzero_accuracy_pct: 100,
      silent_errors: 0,
      spurious_cells: 0,
      template_accuracy_pct: 100,
      year_accuracy_pct: 100,
      agency_accuracy_pct: 100,
    });
    const [flagged, total] = summary.source_errors_flagged.split('/');
    expect(flagged).toBe(total);
    expect(summary.review_burden_pct).toBeLessThanOrEqual(8);
  });

  it('the same report as text dump and as web page gives the same values', async () => {
    const dump = await extract('p_jjp_2024.txt');
    const page = await extract('h_jjp_2024.html');
    const values = (x: typeof dump) => Object.fromEntries(x.cells.map((c) => [c.key, c.value]));
    expect(values(page)).toEqual(values(dump));
    expect(page.template).toBe(dump.template);
    expect(page.meta).toEqual(dump.meta);
  });

  it('emits only keys of the spec (or legacy labels), and tells when no table was found', async () => {
    for (const file of docs) {
      const x = await extract(file);
      if (x.template === 'unknown') continue;
      for (const c of x.cells) expect(isValidKey(x.template, c.key), `${file}: ${c.key}`).toBe(true);
    }
    for (const key of INDICATOR_KEYS) expect(isKeyOf('legacy', key), key).toBe(true);
    const none = await extract('p_zrz_2013.txt');
    expect(none.template).toBe('legacy');
    expect(none.cells).toEqual([]);
    expect(none.findings.map((f) => f.message).join()).toContain('未找到统计表');
  });

  it('a glued year + 历年累计 run is settled by the table’s own sums, or put in review with candidates', async () => {
    const x = await extract('p_zrz_2017.txt');
    const cell = (k: string) => x.cells.find((c) => c.key === k);
    // 1423 = 14 | 23, the only cut under which 当面 1|5 + 网上 2|4 + 信函、传真 11|14 add up.
    expect(cell('legacy.apply.received')).toMatchObject({ value: 14, how: 'split' });
    expect(cell('legacy.apply.received#cumulative')?.value).toBe(23);
    expect(x.review).not.toContain('legacy.apply.received');
    // 6262027 has three cuts and no sum decides between them.
    expect(x.review).toContain('legacy.active.total');
    expect(x.findings.find((f) => f.keys.includes('legacy.active.total'))?.message).toContain('626 | 2027');
  });
});

// Structure first: a number that fills its own cell of a table grid is one value; the same digits in a text dump
// without separators may be several glued cells.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../../src/core/pipeline';

const page = readFileSync(join(import.meta.dirname, '../../fixtures/real/docs/h_jjp_2024.html'), 'utf8');

/** The page with the three cells of its 行政规范性文件 row set to `cells` (blank cells as ''). */
function withNormativeRow(cells: [string, string, string]): Buffer {
  const at = page.indexOf('行政规范性文件');
  let rest = page.slice(at);
  let k = 0;
  rest = rest.replace(/<p>(\d+)<\/p>/g, (m) => (k < 3 ? `<p>${cells[k++]}</p>` : m));
  return Buffer.from(page.slice(0, at) + rest);
}

const row = async (bytes: Buffer, name: string) => {
  const x = (await processDocument(bytes, name)).extraction!;
  const keys = ['made', 'repealed', 'in_force'].map((c) => `active.normative_docs.${c}`);
  return {
    values: keys.map((k) => x.cells.find((c) => c.key === k)?.value),
    review: keys.filter((k) => x.review.includes(k)),
  };
};

describe('table grids', () => {
  it('read each printed cell as one value, a blank cell as blank', async () => {
    const r = await row(withNormativeRow(['20', '', '155']), 'page.html');
    expect(r.values).toEqual([20, 0, 155]);
    expect(r.review).toEqual([]);
  });

  it('blank cells before a number are cells of the row; the text alone cannot tell them from padding', async () => {
    const bytes = withNormativeRow(['', '', '155']);
    const grid = await row(bytes, 'page.html');
    expect(grid.values).toEqual([0, 0, 155]);
    expect(grid.review).toEqual([]);
    // The same page flattened to text (cells joined by ' | ', no grid): the reading is not claimed right.
    const read = await processDocument(bytes, 'page.html');
    const flat = await row(Buffer.from(read.read.ok ? read.read.text : ''), 'page.txt');
    expect(flat.review.length).toBeGreaterThan(0);
  });
});

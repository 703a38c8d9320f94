// Round trip of every format and shape over reports held in memory: write, read back with independent parsers,
// compare with the reports. The store-backed round trip is in store-roundtrip.test.ts.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/core/export/memory-source';
import { EXPORT_FORMATS, EXPORT_SHAPES } from '../../../src/core/export/types';
import { writeExport } from '../../../src/core/export/write';
import { expectCodebook, expectHarmonised, expectLong, expectReports, expectWide } from './expect-export';
import { AGENCY_TRICKY, exportFixtures } from './fixtures';
import { readExport } from './read-back';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(EXPORT_FORMATS)('%s export round trip', (format) => {
  it.each([false, true])('all shapes, includeAll=%s, equal the reports', async (includeAll) => {
    const all = exportFixtures();
    const selected = all.filter((r) => includeAll || r.report.status === 'verified');
    const out = path.join(root, `${format}-${includeAll}`);
    const progress: [number, number][] = [];
    const result = await writeExport(
      memorySource(all, { includeAll }),
      { format, out, shapes: EXPORT_SHAPES, withStatus: includeAll, xlsx: { maxRowsPerSheet: 150 } },
      (done, total) => progress.push([done, total]),
    );
    expect(result.reports).toBe(selected.length);
    const sheets = await readExport(format, result.files);
    expectLong(sheets, selected, includeAll);
    expectWide(sheets, selected, includeAll);
    expectReports(sheets, selected);
    expectCodebook(sheets);
    expectHarmonised(sheets, selected, includeAll);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expect(progress.map(([done]) => done)).toEqual(progress.map((_, i) => i + 1));
    const names = readdirSync(path.dirname(result.files[0]?.path ?? out));
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    const agencies = sheets.get('long')?.rows.map((r) => r.agency);
    expect(agencies).toContain(AGENCY_TRICKY);
  });
});

describe('filters', () => {
  it('select by year, template and agency substring', async () => {
    const all = exportFixtures();
    const source = memorySource(all, {
      includeAll: true,
      years: [2020],
      templates: ['2019'],
      agency: '街道',
    });
    expect([...source.reports()].map((r) => r.id)).toEqual([2, 5]);
    expect(memorySource(all, { agency: '街道' }).count()).toBe(2);
  });

  it('refuse an export with no matching report and leave no file', async () => {
    const out = path.join(root, 'empty');
    await expect(
      writeExport(memorySource(exportFixtures(), { years: [1999] }), {
        format: 'csv',
        out,
        shapes: ['long'],
        withStatus: false,
      }),
    ).rejects.toThrow(/没有符合条件的已核验报告/);
  });
});

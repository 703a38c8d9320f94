// Round trip against a real SQLite store built through the store's write path: export every shape in every
// format with exportDataset, read the files back with independent parsers, compare with the database.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDataset, EXPORT_FORMATS, EXPORT_SHAPES } from '../../../src/core/export';
import { memorySource } from '../../../src/core/export/memory-source';
import { storeSource } from '../../../src/core/export/store-source';
import type { ReportCells } from '../../../src/core/export/types';
import type { Store } from '../../../src/core/store';
import { expectCodebook, expectHarmonised, expectLong, expectReports, expectWide } from './expect-export';
import { AGENCY_TRICKY, exportFixtures } from './fixtures';
import { readExport } from './read-back';
import { buildStore, readStore, REVIEWER, WAIVE_NOTE } from './store-db';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-export-store-'));
let db: Store;
let stored: ReportCells[];

beforeAll(() => {
  db = buildStore(path.join(root, 'nianbao.db'), exportFixtures());
  stored = readStore(db);
});
afterAll(() => {
  if (db) db.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the store holds what the fixtures describe', () => {
  it('edited, negative, decimal and Chinese values; waivers; statuses', () => {
    const first = stored[0] as ReportCells;
    expect(first.report.agency).toBe(AGENCY_TRICKY);
    expect(first.report.reviewer).toBe(REVIEWER);
    expect(first.report.edits).toBe(1);
    expect(first.report.waived.length).toBeGreaterThan(0);
    expect(first.report.waived.every((w) => w.note === WAIVE_NOTE)).toBe(true);
    const cell = (r: number, key: string) => stored[r]?.cells.find((c) => c.key === key);
    expect(cell(0, 'apply.new.natural_person')).toMatchObject({ value: 21, edited: true });
    expect(cell(0, 'active.fees.amount')?.value).toBe(12.35);
    expect(cell(1, 'active.licensing.change')?.value).toBe(-3);
    expect(cell(1, 'active.procurement.amount')?.value).toBe(11840.5);
    expect(stored.map((r) => r.report.status)).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
      'needs_review',
    ]);
  });
});

describe.each(EXPORT_FORMATS)('%s export of the store', (format) => {
  it.each([false, true])('every shape equals the database (includeAll=%s)', async (includeAll) => {
    const selected = stored.filter((r) => includeAll || r.report.status === 'verified');
    const out = path.join(root, `${format}-${includeAll}`);
    const ticks: number[] = [];
    const result = await exportDataset(db, { format, out, shapes: EXPORT_SHAPES, includeAll }, (done) =>
      ticks.push(done),
    );
    expect(result.reports).toBe(selected.length);
    expect(ticks.length).toBeGreaterThan(0);
    const sheets = await readExport(format, result.files);
    expectLong(sheets, selected, includeAll);
    expectWide(sheets, selected, includeAll);
    expectReports(sheets, selected);
    expectCodebook(sheets);
    expectHarmonised(sheets, selected, includeAll);
    const leftovers = readdirSync(root, { recursive: true }).filter((n) => String(n).includes('.tmp-'));
    expect(leftovers).toEqual([]);
  });
});

describe('filters in SQL', () => {
  const cases = [
    {},
    { includeAll: true },
    { includeAll: true, years: [2020] },
    { includeAll: true, templates: ['2019' as const, 'legacy' as const] },
    { agency: '街道' },
    { includeAll: true, agency: '街道', years: [2020, 2021], templates: ['2019' as const] },
    { years: [1999] },
    { years: [], templates: [], agency: '' },
  ];
  it.each(cases)('select the same reports as the in-memory filter: %j', (filters) => {
    const sql = [...storeSource(db, filters).reports()].map((r) => r.id);
    const memory = [...memorySource(stored, filters).reports()].map((r) => r.id);
    expect(sql).toEqual(memory);
  });

  it('a single long CSV file with an agency filter holds only that agency', async () => {
    const out = path.join(root, 'one', 'lanting.csv');
    const result = await exportDataset(db, { format: 'csv', out, agency: '兰亭' });
    expect(result.files.map((f) => f.path)).toEqual([out]);
    const sheets = await readExport('csv', result.files);
    const agencies = new Set(sheets.get('long')?.rows.map((r) => r.agency));
    expect([...agencies]).toEqual(['兰亭街道']);
  });

  it('a failure part-way leaves no file and the store usable', async () => {
    const out = path.join(root, 'broken');
    for (const format of EXPORT_FORMATS) {
      const failing = exportDataset(db, { format, out, shapes: ['long', 'wide'] }, (done) => {
        if (done === 2) throw new Error('中途失败 (simulated)');
      });
      await expect(failing).rejects.toThrow(/simulated/);
    }
    expect(readdirSync(out)).toEqual([]);
    const again = await exportDataset(db, { format: 'csv', out, shapes: ['long'] });
    expect(readdirSync(out)).toEqual(['long.csv']);
    expect(again.reports).toBe(4);
  });

  it('an export with no matching report fails and writes nothing', async () => {
    const out = path.join(root, 'none');
    await expect(exportDataset(db, { format: 'xlsx', out, years: [1999] })).rejects.toThrow(/没有符合条件/);
    expect(existsSync(path.join(out, 'nianbao-long.xlsx'))).toBe(false);
  });
});

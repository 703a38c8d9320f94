// A report page whose tables sit in an .xls attachment beside it: each file is read on its own, and the two lend
// each other what one lacks.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFolder } from '../../../src/core/library';
import { companionBase, companionPaths, withCompanions } from '../../../src/core/library/companions';
import { processDocument } from '../../../src/core/pipeline';
import { getReport, listReports, openStore, type Store } from '../../../src/core/store';
import { tempDir } from '../store/helpers';

const OFFICE = join(import.meta.dirname, '../../fixtures/read/office');
/** The real page of 金井片区 2024 without its tables: the prose that says whose report it is. */
const pageWithoutTables = readFileSync(join(OFFICE, '../../real/docs/h_jjp_2024.html'), 'utf8').replace(
  /<table[\s\S]*?<\/table>/gi,
  '<p>统计表详见附件。</p>',
);

let tmp: ReturnType<typeof tempDir>;
let folder: string;

beforeEach(() => {
  tmp = tempDir('nianbao-companions-');
  folder = join(tmp.dir, 'reports');
  mkdirSync(folder, { recursive: true });
});
afterEach(() => tmp.cleanup());

async function read(path: string) {
  return withCompanions(path, await processDocument(readFileSync(path), basename(path)));
}

describe('companion files', () => {
  it('share a base name: the page and its numbered attachments', () => {
    expect(companionBase('某某局2023年政府信息公开工作年度报告.html')).toBe(
      '某某局2023年政府信息公开工作年度',
    );
    expect(companionBase('某某局2023年政府信息公开工作年度报告附件1.xls')).toBe(
      '某某局2023年政府信息公开工作年度',
    );
    expect(companionBase('某某局2023年政府信息公开工作年度报告_附表(2).xlsx')).toBe(
      '某某局2023年政府信息公开工作年度',
    );
    expect(companionBase('report_2023.html')).toBe('report_2023');
    expect(companionBase('report_2023_1.xls')).toBe('report_2023');
    expect(companionBase('其他局2023年政府信息公开工作年度报告.html')).not.toBe(
      companionBase('某某局2023年报告.xls'),
    );
  });

  it('a tables-only attachment with a plain name takes agency and year from the page beside it', async () => {
    const page = join(folder, 'index.html');
    const sheet = join(folder, '附件1.xls');
    writeFileSync(page, pageWithoutTables);
    copyFileSync(join(OFFICE, 'h_jjp_2024-tables.xls'), sheet);

    const tables = await read(sheet);
    expect(tables.extraction!.template).toBe('2021');
    expect(tables.extraction!.meta).toMatchObject({ agency: '平潭综合实验区金井片区管理局', year: 2024 });
    expect(tables.read.ok && tables.read.warnings).toEqual([
      '单位和年度取自同目录的《index.html》（agency/year taken from index.html）',
    ]);

    const prose = await read(page);
    expect(prose.extraction!.tables).toEqual([]);
    expect(prose.read.ok && prose.read.warnings.at(-1)).toBe(
      '本文件没有统计表，统计表在同目录的附件《附件1.xls》中（tables are in 附件1.xls）',
    );
  });

  it('in a large folder only files of the same base are companions; a file’s own name comes first', async () => {
    for (let i = 0; i < 8; i++) writeFileSync(join(folder, `其他单位${i}.html`), '<p>其他</p>');
    const page = join(folder, '金井片区管理局2024年政府信息公开工作年度报告.html');
    writeFileSync(page, pageWithoutTables);
    const sheet = join(folder, '金井片区管理局2024年政府信息公开工作年度报告附件.xls');
    copyFileSync(join(OFFICE, 'h_jjp_2024-tables.xls'), sheet);
    expect(await companionPaths(sheet)).toEqual([page]);
    const tables = await read(sheet);
    expect(tables.extraction!.meta).toMatchObject({ agency: '金井片区管理局', year: 2024 });
    expect(tables.read.ok && tables.read.warnings).toEqual([]);
  });

  it('a report with tables of its own is another report: nothing is borrowed from it', async () => {
    copyFileSync(join(OFFICE, 'report-000-2021.doc'), join(folder, '崔东.doc'));
    const sheet = join(folder, '附件1.xls');
    copyFileSync(join(OFFICE, 'h_jjp_2024-tables.xls'), sheet);
    const tables = await read(sheet);
    expect(tables.extraction!.meta).toEqual({ agency: null, year: null, published: null });
    expect(tables.read.ok && tables.read.warnings).toEqual([]);
  });

  it('a document that lacks nothing is left as it is', async () => {
    const full = join(folder, 'h_jjp_2024.doc');
    copyFileSync(join(OFFICE, 'h_jjp_2024.doc'), full);
    writeFileSync(join(folder, 'other.html'), '<h1>别的单位2020年政府信息公开工作年度报告</h1>');
    const doc = await read(full);
    expect(doc.extraction!.meta.agency).toBe('平潭综合实验区金井片区管理局');
    expect(doc.read.ok && doc.read.warnings).toEqual([]);
  });
});

describe('importing a folder with a page and its attachment', () => {
  let db: Store;
  beforeEach(() => {
    db = openStore(join(tmp.dir, 'store.db'));
  });
  afterEach(() => db.close());

  it('stores the attachment as the report with the values, with the page’s agency and year', async () => {
    writeFileSync(join(folder, 'index.html'), pageWithoutTables);
    copyFileSync(join(OFFICE, 'h_jjp_2024-tables.xls'), join(folder, '附件1.xls'));
    await importFolder(db, folder, { workers: 0 });
    const rows = listReports(db);
    const sheet = rows.find((r) => r.path === '附件1.xls')!;
    expect(sheet.template).toBe('2021');
    const report = getReport(db, sheet.id).report;
    expect(report).toMatchObject({ agency: '平潭综合实验区金井片区管理局', year: 2024, format: 'xls' });
    expect(getReport(db, sheet.id).cells.length).toBeGreaterThan(150);
  });
});

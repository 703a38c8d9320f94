// .doc, .wps, .xls and .xlsx files made with LibreOffice from real published reports (see
// test/fixtures/read/office/README.md) read to the same values as the reports they were made from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { processDocument, type ProcessedDocument } from '../../../src/core/pipeline';
import { readDocument } from '../../../src/core/read';
import type { ReadOk, ReadResult } from '../../../src/core/read/types';

const READ = join(import.meta.dirname, '../../fixtures/read');
const OFFICE = join(READ, 'office');
const bytesOf = (path: string): Uint8Array => readFileSync(path);

function ok(result: ReadResult): ReadOk {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result;
}

async function processed(path: string, name = path): Promise<ProcessedDocument> {
  return processDocument(bytesOf(path), name.split('/').pop()!);
}

function values(doc: ProcessedDocument): Record<string, number | null> {
  if (!doc.extraction) throw new Error(doc.read.ok ? 'no extraction' : doc.read.error);
  return Object.fromEntries(doc.extraction.cells.map((c) => [c.key, c.value]));
}

/** Every printed cell's span holds exactly the grid's text at its place. */
function expectSpansMatchGrids(read: ReadOk): void {
  expect(read.tableSources?.length).toBe(read.tables.length);
  read.tableSources!.forEach((source, t) => {
    for (const cell of source.cells) {
      const printed = read.text.slice(cell.span.start, cell.span.end);
      expect(printed).toBe(read.tables[t]![cell.row]![cell.col]);
    }
  });
}

const PAIRS: { source: string; converted: string; format: string; sameGrids: boolean }[] = [
  {
    source: '../real/docs/h_jjp_2024.html',
    converted: 'office/h_jjp_2024.doc',
    format: 'doc',
    sameGrids: true,
  },
  { source: 'report-000-2021.html', converted: 'office/report-000-2021.doc', format: 'doc', sameGrids: true },
  { source: 'report-001-2019.docx', converted: 'office/report-001-2019.doc', format: 'doc', sameGrids: true },
  {
    source: 'report-001-2019-gbk.html',
    converted: 'office/report-001-2019-gbk.wps',
    format: 'wps',
    sameGrids: true,
  },
  // Calc lays a whole web page out on one sheet: one grid, the same values.
  {
    source: '../real/docs/h_jjp_2024.html',
    converted: 'office/h_jjp_2024.xls',
    format: 'xls',
    sameGrids: false,
  },
  {
    source: '../real/docs/h_jjp_2024.html',
    converted: 'office/h_jjp_2024.xlsx',
    format: 'xlsx',
    sameGrids: false,
  },
];

describe('Office files converted from real reports read to the same values as their source', () => {
  for (const { source, converted, format, sameGrids } of PAIRS) {
    it(`${converted} = ${source}`, async () => {
      const want = await processed(join(READ, source));
      const got = await processed(join(READ, converted));
      const read = ok(got.read);
      expect(read.format).toBe(format);
      expect(Object.keys(values(want)).length).toBeGreaterThan(150);
      expect(values(got)).toEqual(values(want));
      expect(got.extraction!.template).toBe(want.extraction!.template);
      expect(got.extraction!.meta).toEqual(want.extraction!.meta);
      expect([...got.extraction!.review].sort()).toEqual([...want.extraction!.review].sort());
      expectSpansMatchGrids(read);
      if (sameGrids) {
        // Each table of the source, with its rowspan/colspan expanded, is a table of the Word file.
        const grids = read.tables.map((g) => JSON.stringify(g));
        for (const grid of ok(want.read).tables) expect(grids).toContain(JSON.stringify(grid));
      }
    });
  }

  it('reads the real rowspan/colspan table of 金井片区 2024 from the .doc', async () => {
    const r = ok(await readDocument(bytesOf(join(OFFICE, 'h_jjp_2024.doc')), 'h_jjp_2024.doc'));
    const apply = r.tables.find((t) => t.some((row) => row.includes('申请人情况')))!;
    const source = r.tableSources![r.tables.indexOf(apply)]!;
    const head = source.cells.find((c) => r.text.slice(c.span.start, c.span.end) === '申请人情况')!;
    expect(head.colSpan).toBeGreaterThan(1);
    const result = source.cells.find((c) => r.text.slice(c.span.start, c.span.end) === '三、本年度办理结果')!;
    expect(result.rowSpan).toBeGreaterThan(5);
    expect(r.text).toContain('一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8');
  });

  it('reads a .doc saved under a .wps name (as WPS Office saves it) as WPS, with the same values', async () => {
    const asDoc = await processed(join(OFFICE, 'report-001-2019.doc'));
    const asWps = await processDocument(bytesOf(join(OFFICE, 'report-001-2019.doc')), '滨海街道2020年报.wps');
    expect(asWps.read.ok && asWps.read.format).toBe('wps');
    expect(values(asWps)).toEqual(values(asDoc));
  });
});

describe('a workbook that holds only the tables (an attachment beside the report page)', () => {
  for (const [file, source] of [
    ['h_jjp_2024-tables.xls', '../real/docs/h_jjp_2024.html'],
    ['report-000-2021-tables.xls', 'report-000-2021.html'],
    ['report-000-2021-tables.xlsx', 'report-000-2021.html'],
  ] as const) {
    it(`${file}: the template from the tables, the values of the source`, async () => {
      const want = await processed(join(READ, source));
      const got = await processed(join(OFFICE, file));
      expect(got.extraction!.template).toBe(want.extraction!.template);
      expect(values(got)).toEqual(values(want));
      // No prose: the sheet itself names no agency and no year.
      expect(got.extraction!.meta).toEqual({ agency: null, year: null, published: null });
    });
  }

  it('takes agency and year from the file name when the sheet has none', async () => {
    const got = await processDocument(
      bytesOf(join(OFFICE, 'h_jjp_2024-tables.xls')),
      '平潭综合实验区金井片区管理局2024年政府信息公开工作年度报告附件.xls',
    );
    expect(got.extraction!.meta).toEqual({
      agency: '平潭综合实验区金井片区管理局',
      year: 2024,
      published: null,
    });
  });

  it('takes them from a title row in the sheet before the file name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['崔东街道办事处2021年政府信息公开工作年度报告统计表']);
    const tables = ok((await processed(join(OFFICE, 'report-000-2021-tables.xlsx'))).read).tables;
    for (const grid of tables) for (const row of grid) ws.addRow(row);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const got = await processDocument(bytes, '附件1.xlsx');
    expect(got.extraction!.meta).toMatchObject({ agency: '崔东街道办事处', year: 2021 });
    expect(got.extraction!.template).toBe('2021');
  });
});

describe('spreadsheet cells', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2023年统计表');
    ws.getCell('A1').value = '收费情况';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = '行政事业性收费';
    ws.mergeCells('A2:A3');
    ws.getCell('B2').value = 0.1 + 0.2;
    ws.getCell('C2').value = 1234567;
    ws.getCell('C2').numFmt = '#,##0';
    ws.getCell('B3').value = 0.125;
    ws.getCell('B3').numFmt = '0.0%';
    ws.getCell('C3').value = 12.5;
    ws.getCell('C3').numFmt = '0.00';
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.getCell('A1').value = '不显示';
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('are the text Excel prints, merges are spans, the sheet name is a line, hidden sheets are left out', async () => {
    const r = ok(await readDocument(await workbook(), '统计.xlsx'));
    expect(r.format).toBe('xlsx');
    expect(r.text).toBe(
      ['2023年统计表', '收费情况', '行政事业性收费 | 0.3 | 1,234,567', '12.5% | 12.50'].join('\n'),
    );
    expect(r.tables).toEqual([
      [
        ['收费情况', '', ''],
        ['行政事业性收费', '0.3', '1,234,567'],
        ['', '12.5%', '12.50'],
      ],
    ]);
    const cells = r.tableSources![0]!.cells;
    expect(cells[0]).toMatchObject({ row: 0, col: 0, rowSpan: 1, colSpan: 3 });
    expect(cells[1]).toMatchObject({ row: 1, col: 0, rowSpan: 2, colSpan: 1 });
    expectSpansMatchGrids(r);
  });
});

describe('OFD', () => {
  it('is refused with a clear message', async () => {
    const z = new JSZip();
    z.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
    z.file('Doc_0/Document.xml', '<ofd:Document/>');
    const result = await readDocument(await z.generateAsync({ type: 'uint8array' }), '年报.ofd');
    expect(result).toEqual({
      ok: false,
      format: 'unknown',
      code: 'unsupported',
      error: '暂不支持 OFD 版式文件，请提供 PDF 或网页版本（OFD fixed-layout documents are not supported）',
    });
  });
});

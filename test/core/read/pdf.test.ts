import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../../src/core/pipeline';
import { readDocument, type ReadOk } from '../../../src/core/read';
import { pdfHasTextLayer, readPdf } from '../../../src/core/read/pdf';
import { bombPdf, imageOnlyPdf, pdfWithPages, ruledTable, textAt } from './pdf-builder';

const dir = join(import.meta.dirname, '../../fixtures/read/pdf');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

async function readOk(bytes: Uint8Array, name = 'report.pdf'): Promise<ReadOk> {
  const read = await readDocument(bytes, name);
  if (!read.ok) throw new Error(read.error);
  return read;
}

describe('PDF with a text layer (real reports)', () => {
  it('reads hongze_2023: each table row one line, tables over pages one grid, page numbers dropped', async () => {
    const read = await readOk(fixture('hongze_2023.pdf'));
    expect(read.format).toBe('pdf');
    const lines = read.text.split('\n');
    expect(lines[0]).toBe('洪泽区人民政府2023 年政府信息公开工作年度报告');
    expect(lines).toContain('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数');
    expect(lines).toContain('行政规范性文件 | 0 | 5 | 5');
    expect(lines).toContain('一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21');
    expect(lines).toContain('（七）总计 | 21 | 0 | 0 | 0 | 0 | 0 | 21');
    expect(lines).toContain('10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0');
    expect(read.text).not.toMatch(/^- \d+ -$/m);
    // The active table runs from page 2 to page 3, the apply table from page 3 to page 4: three grids in all.
    expect(read.tables).toHaveLength(3);
    const active = read.tables[0]!;
    expect(active.map((r) => r[0])).toContain('规章');
    expect(active.map((r) => r[0])).toContain('行政事业性收费');
    const apply = read.tables[1]!;
    expect(apply).toHaveLength(26);
    expect(apply[apply.length - 1]).toEqual([
      '四、结转下年度继续办理',
      '',
      '',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
  });

  it('gives every printed cell its span in the text and its box on its page', async () => {
    const read = await readOk(fixture('hongze_2023.pdf'));
    const sources = read.tableSources!;
    expect(sources).toHaveLength(read.tables.length);
    for (const [t, source] of sources.entries()) {
      for (const cell of source.cells) {
        expect(read.text.slice(cell.span.start, cell.span.end)).toBe(read.tables[t]![cell.row]![cell.col]);
        expect(cell.box).toBeDefined();
      }
    }
    const fee = sources[0]!.cells.find((c) => read.text.slice(c.span.start, c.span.end) === '7730.28')!;
    expect(fee.box!.page).toBe(3);
    expect(fee.box!.x).toBeGreaterThan(200);
    expect(fee.box!.width).toBeGreaterThan(100);
    const layout = read.layout!;
    expect(layout.pages).toHaveLength(5);
    expect(layout.pages[0]).toEqual({ width: 595, height: 842 });
    for (let i = 1; i < layout.runs.length; i++)
      expect(layout.runs[i]!.start).toBeGreaterThanOrEqual(layout.runs[i - 1]!.end);
  });

  it('extracts the real reports to their published values', async () => {
    const huaian = await processDocument(fixture('huaian_2024.pdf'), 'huaian_2024.pdf');
    const values = new Map(huaian.extraction!.cells.map((c) => [c.key, c.value]));
    expect(huaian.extraction!.template).toBe('2021');
    expect(values.get('apply.new.natural_person')).toBe(3001);
    expect(values.get('apply.new.total')).toBe(3119);
    expect(values.get('active.fees.amount')).toBe(96171.6);
    const hongze = await processDocument(fixture('hongze_2024.pdf'), 'hongze_2024.pdf');
    expect(hongze.extraction!.meta.year).toBe(2024);
    expect(hongze.extraction!.cells.length).toBeGreaterThan(150);
  });
});

describe('PDF layout rules (generated PDFs)', () => {
  it('keeps empty cells as empty cells', async () => {
    const table = ruledTable(
      72,
      700,
      [100, 60, 60],
      [
        ['Label', 'A', 'B'],
        ['Row one', '1', ''],
        ['Row two', '', '3'],
      ],
    );
    const read = await readOk(pdfWithPages([textAt(72, 760, 'Heading') + table]));
    expect(read.text).toBe('Heading\nLabel | A | B\nRow one | 1 | \nRow two |  | 3');
    expect(read.tables).toEqual([
      [
        ['Label', 'A', 'B'],
        ['Row one', '1', ''],
        ['Row two', '', '3'],
      ],
    ]);
  });

  it('continues a table on the next page, drops its repeated header row and the page numbers', async () => {
    const header = ['Item', 'Count'];
    const page1 =
      textAt(72, 780, 'Table one') + ruledTable(72, 200, [120, 60], [header, ['a', '1'], ['b', '2']]);
    const page2 = ruledTable(72, 800, [120, 60], [header, ['c', '3']]) + textAt(72, 600, 'After the table');
    const read = await readOk(
      pdfWithPages([page1 + textAt(280, 40, '- 1 -'), page2 + textAt(280, 40, '- 2 -')]),
    );
    expect(read.text).toBe('Table one\nItem | Count\na | 1\nb | 2\nc | 3\nAfter the table');
    expect(read.tables).toHaveLength(1);
    const boxes = read.tableSources![0]!.cells.map((c) => c.box!.page);
    expect(boxes).toEqual([1, 1, 1, 1, 1, 1, 2, 2]);
  });
});

describe('bad PDFs: a clear error each, in bounded time', () => {
  it('refuses an encrypted PDF', async () => {
    const read = await readDocument(fixture('encrypted.pdf'), 'encrypted.pdf');
    expect(read).toMatchObject({ ok: false, format: 'pdf', code: 'encrypted' });
    expect(!read.ok && read.error).toContain('加密');
  });

  it('refuses a truncated PDF and one that is not a PDF inside', async () => {
    for (const bytes of [
      fixture('truncated.pdf'),
      new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 7)])),
    ]) {
      const read = await readDocument(bytes, 'broken.pdf');
      expect(read).toMatchObject({ ok: false, format: 'pdf', code: 'corrupt' });
      expect(!read.ok && read.error).toContain('此 PDF 文件已损坏或不完整');
    }
  });

  it('says that a PDF of page images has no text layer (for OCR), and that OCR is off when it is', async () => {
    const read = await readPdf(imageOnlyPdf());
    expect(read).toMatchObject({ ok: false, format: 'pdf', code: 'no_text_layer' });
    expect(!read.ok && read.error).toContain('此 PDF 没有文字层（扫描件），需要文字识别（OCR）');
    const off = await readDocument(imageOnlyPdf(), 'scan.pdf', { ocr: false });
    expect(off).toMatchObject({ ok: false, format: 'pdf', code: 'ocr_off' });
    expect(!off.ok && off.error).toContain('未启用文字识别（OCR）');
    expect(await pdfHasTextLayer(imageOnlyPdf())).toBe(false);
    expect(await pdfHasTextLayer(fixture('hongze_2024.pdf'))).toBe(true);
  });

  it('refuses a PDF bomb before inflating it', async () => {
    const started = Date.now();
    const read = await readDocument(bombPdf(80), 'bomb.pdf');
    expect(read).toMatchObject({ ok: false, format: 'pdf', code: 'too_large' });
    expect(!read.ok && read.error).toContain('PDF 炸弹');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads the first 100 pages of a 500-page PDF, with a warning', async () => {
    const pages = Array.from({ length: 500 }, (_, i) =>
      textAt(72, 700, `Page ${i + 1} of a long report, with a sentence of text.`),
    );
    const started = Date.now();
    const read = await readOk(pdfWithPages(pages), 'long.pdf');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(read.text.split('\n')).toHaveLength(100);
    expect(read.warnings).toEqual([
      '此 PDF 共 500 页，只读取了前 100 页（only the first 100 of 500 pages were read）',
    ]);
  });
});

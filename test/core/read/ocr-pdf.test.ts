// A scanned PDF (a page image, no text layer): the PDF text reader finds no text layer, so the page is read by OCR
// when OCR is on, with boxes in PDF points; with OCR off the reviewer is told that OCR is off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../../src/core/pipeline';
import { readDocument } from '../../../src/core/read';
import { decodeImage } from '../../../src/core/read/ocr/image';
import { CELL_SEPARATOR } from '../../../src/core/read/render';
import { pdfWithPages } from './pdf-builder';

/** The real scan crop of ocr.test.ts (1240 × 560 pixels, 150 dpi) as the top of an A4 page of a PDF. */
async function scannedPdf(): Promise<Uint8Array> {
  const png = readFileSync(join(import.meta.dirname, '../../fixtures/read/ocr/apply-table.png'));
  const image = await decodeImage(png, 4000);
  expect(image.scale).toBe(1);
  const width = (image.width * 72) / 150;
  const height = (image.height * 72) / 150;
  return pdfWithPages(
    [`q ${width} 0 0 ${height} 0 ${842 - height} cm /Im0 Do Q\n`],
    [
      {
        dict: `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>`,
        stream: deflateSync(image.data),
      },
    ],
  );
}

describe('a scanned PDF', () => {
  it('is read by OCR after the text reader finds no text layer, cells boxed in PDF points', async () => {
    const bytes = await scannedPdf();
    const pages: number[] = [];
    const { read, extraction } = await processDocument(bytes, '扫描件.pdf', {
      onProgress: (p) => pages.push(p.page),
    });
    if (!read.ok) throw new Error(read.error);
    expect(read.format).toBe('pdf');
    expect(read.ocr?.engine).toMatch(/PP-OCRv4/);
    expect(pages).toEqual([1]);
    const row = read.text.split('\n').find((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    expect(row?.split(CELL_SEPARATOR).slice(1)).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(read.layout?.pages).toEqual([{ width: 595, height: 842 }]);
    const cell = read.tableSources![0]!.cells.find(
      (c) => read.text.slice(c.span.start, c.span.end) === '21',
    )!;
    // 650 pixels at 150 dpi is about 312 points from the left edge.
    expect(cell.box).toMatchObject({ page: 1 });
    expect(cell.box!.x).toBeGreaterThan(300);
    expect(cell.box!.x).toBeLessThan(325);
    // Every OCR'd value is how 'ocr', with its span (for the page view) and in review unless confirmed.
    expect(extraction!.cells.length).toBeGreaterThan(10);
    for (const c of extraction!.cells) expect(c.how).toBe('ocr');
    const natural = extraction!.cells.find((c) => c.key === 'apply.new.natural_person');
    expect(natural).toMatchObject({ value: 21 });
    expect(read.text.slice(natural!.span!.start, natural!.span!.end)).toBe('21');
  }, 120_000);

  it('is a clear per-file failure when OCR is off', async () => {
    const read = await readDocument(await scannedPdf(), '扫描件.pdf', { ocr: false });
    expect(read).toMatchObject({ ok: false, format: 'pdf', code: 'ocr_off' });
    expect(!read.ok && read.error).toMatch(/^未启用文字识别（OCR）：该 PDF 为扫描件，没有文字层/);
  }, 60_000);
});

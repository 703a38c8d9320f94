// The PDF source channels on a real folder and SQLite file: the stored layout locates a cell's span on its page,
// the page image is drawn from the report's file, and a changed file is refused with a reason.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService } from '../../../src/core/service';
import { dispatch } from '../../../src/main/args';

const PDF = join(import.meta.dirname, '../../fixtures/read/pdf/huaian_2024.pdf');

describe('PDF source channels', () => {
  let dataDir: string;
  let folder: string;
  let service: ReviewService;
  let reportId: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nianbao-page-source-'));
    folder = join(dataDir, 'reports');
    mkdirSync(folder);
    copyFileSync(PDF, join(folder, 'huaian.pdf'));
    service = await ReviewService.open({ dataDir, samplesDir: null, watch: false });
    await service.openFolder(folder);
    await service.idle();
    reportId = (await service.listReports({}))[0]!.id;
  });

  afterAll(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('locates a cell on its page from the stored layout', async () => {
    const detail = await service.getReport({ reportId });
    const cell = detail.cells.find((c) => c.key === 'apply.new.natural_person')!;
    expect(detail.text.slice(cell.span!.start, cell.span!.end)).toBe('3001');
    const location = (await service.getSourceLocation({ reportId, span: cell.span }))!;
    expect(location.pages).toHaveLength(6);
    expect(location.box).toMatchObject({ page: 4 });
    expect(location.box!.width).toBeLessThan(60); // the one cell, not the row
    expect((await service.getSourceLocation({ reportId, span: null }))!.box).toBeNull();
  });

  it('draws a page as a bounded PNG, and refuses pages that are not there', async () => {
    const image = await service.getPageImage({ reportId, page: 4, scale: 1 });
    if (!image.ok) throw new Error(image.reason);
    expect(image.value).toMatchObject({ page: 4, pageCount: 6, width: 595 });
    expect(Math.abs(image.value.height - 842)).toBeLessThanOrEqual(1);
    const png = Buffer.from(image.value.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const big = await service.getPageImage({ reportId, page: 1, scale: 4 });
    expect(big.ok && big.value.width * big.value.height).toBeLessThanOrEqual(8_000_000);
    const missing = await service.getPageImage({ reportId, page: 7, scale: 1 });
    expect(missing).toMatchObject({ ok: false });
    expect(!missing.ok && missing.reason).toContain('没有第 7 页');
    await expect(
      dispatch(service.handlers() as never, 'getPageImage', { reportId, page: 0, scale: 1 }),
    ).rejects.toThrow(/参数无效/);
  });

  it('refuses to draw from a file whose content changed', async () => {
    writeFileSync(join(folder, 'huaian.pdf'), 'not the same file');
    const image = await service.getPageImage({ reportId, page: 1, scale: 1 });
    expect(image).toMatchObject({ ok: false });
    expect(!image.ok && image.reason).toContain('原文件已移动、删除或更改');
  });
});

describe('page image source channels', () => {
  let dataDir: string;
  let service: ReviewService;
  let reportId: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nianbao-image-source-'));
    const folder = join(dataDir, 'reports');
    mkdirSync(folder);
    copyFileSync(
      join(import.meta.dirname, '../../fixtures/read/ocr/apply-table.png'),
      join(folder, '申请表.png'),
    );
    service = await ReviewService.open({ dataDir, samplesDir: null, watch: false });
    await service.openFolder(folder);
    await service.idle();
    reportId = (await service.listReports({}))[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('locates an OCR cell on the image and shows the image itself as the page', async () => {
    const detail = await service.getReport({ reportId });
    const cell = detail.cells.find((c) => c.key === 'apply.new.natural_person')!;
    expect(cell).toMatchObject({ how: 'ocr', value: 21 });
    const location = (await service.getSourceLocation({ reportId, span: cell.span }))!;
    expect(location.pages).toEqual([{ width: 1240, height: 560 }]);
    expect(location.box).toMatchObject({ page: 1 });
    expect(location.box!.x).toBeGreaterThan(640);
    const image = await service.getPageImage({ reportId, page: 1, scale: 1 });
    if (!image.ok) throw new Error(image.reason);
    expect(image.value).toMatchObject({ page: 1, pageCount: 1, width: 1240, height: 560, scale: 1 });
    expect(image.value.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(await service.getPageImage({ reportId, page: 2, scale: 1 })).toMatchObject({ ok: false });
  });
});

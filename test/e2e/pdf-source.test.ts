// The source pane of a PDF report in Chromium: the page image with the selected flagged cell's box, page
// navigation and zoom. Real core, real SQLite file, a real published PDF report behind the loopback bridge.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import { appLoaded, reportLoaded, selectedKey } from './helpers';
import { ensureRendererBuilt, SCREENSHOTS, tempDir } from './setup';

const PDF = join(import.meta.dirname, '../fixtures/read/pdf/hongze_2023.pdf');

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe('PDF report source pane in Chromium', () => {
  let dataDir: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;
  let reportId: number;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    dataDir = tempDir('e2e-pdf');
    const folder = join(dataDir, 'reports');
    mkdirSync(folder);
    copyFileSync(PDF, join(folder, '洪泽区2023年报.pdf'));
    bridge = await startBridge({ dataDir, samplesDir: null });
    await bridge.service.setReviewerName({ name: '王审校' });
    await bridge.service.openFolder(folder);
    await bridge.service.idle();
    reportId = (await bridge.service.listReports({}))[0]!.id;
    session = await launch();
    page = await session.browser.newPage();
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the PDF report and shows the selected flagged cell boxed on its page', async () => {
    const detail = await bridge.service.getReport({ reportId });
    expect(detail.report.format).toBe('pdf');
    expect(detail.findings.length).toBeGreaterThan(0);
    await page.goto(bridge.url);
    await appLoaded(page);
    await page.locator('.queue-grid .ag-row', { hasText: '洪泽区' }).locator('[col-id="agency"]').click();
    await page.keyboard.press('Enter');
    await reportLoaded(page, reportId);

    // Opening a report selects its first flagged cell.
    const key = await selectedKey(page);
    const cell = detail.cells.find((c) => c.key === key)!;
    expect(cell.span).not.toBeNull();
    const location = (await bridge.service.getSourceLocation({ reportId, span: cell.span }))!;
    const box = location.box!;
    expect(box.page).toBeGreaterThanOrEqual(2);

    await page.getByTestId('page-box').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('page-image').getAttribute('data-page')).toBe(String(box.page));
    expect(await page.getByTestId('page-number').textContent()).toBe(`第 ${box.page} / 5 页`);
    // The highlight sits where the cell is printed: the same place relative to the page image.
    const image = (await page.getByTestId('page-image').boundingBox()) as Rect;
    const shown = (await page.getByTestId('page-box').boundingBox()) as Rect;
    const size = location.pages[box.page - 1]!;
    const k = image.width / size.width;
    expect(Math.abs(shown.x - (image.x + box.x * k))).toBeLessThan(2);
    expect(Math.abs(shown.y - (image.y + box.y * k))).toBeLessThan(2);
    expect(Math.abs(shown.width - box.width * k)).toBeLessThan(2);
    expect(Math.abs(shown.height - box.height * k)).toBeLessThan(2);
    // The image is the drawn page, not a placeholder: as wide as the pane and as tall as the page's proportions.
    expect(Math.abs(image.height / image.width - size.height / size.width)).toBeLessThan(0.01);
    const natural = await page
      .getByTestId('page-image')
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(natural).toBeGreaterThan(300);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/review-pdf.png` });
  });

  it('moves between pages and zooms', async () => {
    const before = Number(await page.getByTestId('page-image').getAttribute('data-page'));
    await page.getByRole('button', { name: '下一页' }).click();
    await expect
      .poll(() => page.getByTestId('page-image').getAttribute('data-page'))
      .toBe(String(before + 1));
    // The cell's box is on another page: no highlight here.
    expect(await page.getByTestId('page-box').count()).toBe(0);
    await page.getByRole('button', { name: '上一页' }).click();
    await page.getByTestId('page-box').waitFor();
    const small = (await page.getByTestId('page-image').boundingBox())!.width;
    await page.getByRole('button', { name: '放大' }).click();
    expect(await page.getByTestId('page-zoom').textContent()).toBe('125%');
    await expect
      .poll(async () => (await page.getByTestId('page-image').boundingBox())!.width)
      .toBeGreaterThan(small * 1.2);
    await page.getByRole('button', { name: '文字' }).click();
    await expect.poll(() => page.locator('[data-testid="source-text"] mark').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('turns OCR off and on from the header switch, and the setting is kept', async () => {
    const ocr = page.getByTestId('ocr-setting');
    expect(await ocr.isChecked()).toBe(true);
    await ocr.click();
    // The switch follows the stored setting: unchecked only once the service has answered.
    await page.locator('[data-testid="ocr-setting"]:not(:checked)').waitFor();
    await expect.poll(async () => (await bridge.service.getSettings()).ocr).toBe(false);
    await ocr.click();
    await page.locator('[data-testid="ocr-setting"]:checked').waitFor();
    await expect.poll(async () => (await bridge.service.getSettings()).ocr).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

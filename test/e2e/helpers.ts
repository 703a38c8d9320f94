// Page helpers for the e2e suite: wait on the app's own state markers, never on time.
import type { Page } from 'playwright-core';
import { buildLayout } from '../../src/renderer/src/review/layout';
import type { ReportDetail } from '../../src/shared/api';

/** The little of the page's DOM these helpers touch (the node tsconfig has no DOM library). */
interface PageElement {
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}
interface PageWindow {
  __painted?: Promise<void>;
  document: { querySelector(selector: string): PageElement | null };
  addEventListener(type: string, listener: () => void, opts: { once: boolean }): void;
}

export async function appLoaded(page: Page): Promise<void> {
  await page.waitForSelector('[data-app-state="loaded"]', { timeout: 30_000 });
}

export async function reportLoaded(page: Page, reportId?: number): Promise<void> {
  const id = reportId === undefined ? '' : `[data-report-id="${reportId}"]`;
  await page.waitForSelector(`[data-testid="review"]${id}[data-report-state="loaded"]`, { timeout: 30_000 });
}

/** The key of the cell the reviewer has selected (shown by the inspector). */
export async function selectedKey(page: Page): Promise<string | null> {
  return page.locator('[data-testid="inspector"]').getAttribute('data-key', { timeout: 5_000 });
}

/** Runs `act` and resolves once the renderer says the grid was repainted after the resulting change. */
export async function afterRepaint(page: Page, act: () => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    w.__painted = new Promise((resolve) =>
      w.addEventListener('nianbao:edit-painted', () => resolve(), { once: true }),
    );
  });
  await act();
  await page.evaluate(() => (globalThis as unknown as PageWindow).__painted);
}

/** The grid's focused cell, read from ag-grid's own DOM (updated synchronously on every key press). */
async function focusedCell(page: Page): Promise<{ row: number; col: number } | null> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageWindow;
    const cell = document.querySelector('.review-grid .ag-cell-focus');
    const row = cell?.closest('.ag-row')?.getAttribute('row-index');
    const col = cell?.getAttribute('col-id');
    if (!cell || row === null || row === undefined || !col?.startsWith('c')) return null;
    return { row: Number(row), col: Number(col.slice(1)) };
  });
}

/**
 * Moves the selection to `key` with the keyboard only: F8 / Shift+F8 to the finding in the key's row, then the
 * arrow keys along the row.
 */
export async function goToCell(page: Page, detail: ReportDetail, key: string): Promise<void> {
  const layout = buildLayout(detail.report.template, detail.cells);
  const target = layout.position.get(key);
  if (!target) throw new Error(`cell ${key} is not on the form`);
  for (let i = 0; i < 40; i++) {
    const here = await focusedCell(page);
    if (!here) throw new Error('no cell focused');
    if (here.row === target.row) {
      const moves = target.col - here.col;
      for (let m = 0; m < Math.abs(moves); m++)
        await page.keyboard.press(moves > 0 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction(
        (k) =>
          (globalThis as unknown as PageWindow).document
            .querySelector('[data-testid="inspector"]')
            ?.getAttribute('data-key') === k,
        key,
        { timeout: 5_000 },
      );
      return;
    }
    await page.keyboard.press(target.row > here.row ? 'F8' : 'Shift+F8');
  }
  throw new Error(`no finding leads to the row of ${key}`);
}

/** Opens the selected cell's editor and types a value over what it holds, without committing it. */
export async function typeOver(page: Page, value: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

/** Types a value into the selected cell and commits it with Enter, waiting for the stored, repainted result. */
export async function typeValue(page: Page, value: string): Promise<void> {
  await afterRepaint(page, async () => {
    await typeOver(page, value);
    await page.keyboard.press('Enter');
  });
}

export async function standingErrors(page: Page): Promise<number> {
  return page.locator('[data-testid="findings"] li[data-severity="error"][data-waived="false"]').count();
}

/** Distinct rows the queue grid shows. */
export async function queueRowCount(page: Page): Promise<number> {
  return page
    .locator('.queue-grid .ag-row[row-id]')
    .evaluateAll((els) => new Set(els.map((e) => e.getAttribute('row-id'))).size);
}

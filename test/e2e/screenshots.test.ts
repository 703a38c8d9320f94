// The queue as a reviewer sees it mid-week: a few hundred generated reports, some verified, some edited, some
// failed files, for docs/screenshots/queue.png. Also checks the queue's quick search and status filter.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateReport } from '../generator';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import { appLoaded, queueRowCount, reportLoaded } from './helpers';
import { ensureRendererBuilt, SAMPLES, screenshot, tempDir } from './setup';

const GENERATED = 240;

describe('queue with a working library', () => {
  let dir: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = tempDir('queue');
    const folder = join(dir, '2021年报');
    mkdirSync(folder, { recursive: true });
    for (let i = 1; i <= GENERATED; i++) {
      const report = generateReport(7000 + i);
      writeFileSync(join(folder, report.fileName), report.text);
    }
    copyFileSync(join(SAMPLES, '004_20668ad12bb1064e.txt'), join(folder, '004_20668ad12bb1064e.txt'));
    writeFileSync(join(folder, '扫描件.pdf'), '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    writeFileSync(join(folder, '损坏的文档.docx'), 'PK\u0003\u0004 truncated');
    bridge = await startBridge({ dataDir: join(dir, 'data'), samplesDir: SAMPLES, chooseFolder: folder });
    await bridge.service.setReviewerName({ name: '王审校' });
    await bridge.service.openFolder(folder);
    await bridge.service.idle();
    // A morning's work: reports without errors verified, one edited.
    const rows = await bridge.service.listReports({});
    for (const r of rows.filter((x) => x.errors === 0 && x.status !== 'failed').slice(0, 60)) {
      await bridge.service.verifyReport({ reportId: r.id });
    }
    const glued = rows.find((r) => r.path.startsWith('004_'))!;
    await bridge.service.editCell({
      reportId: glued.id,
      key: 'apply.denied.third_party.natural_person',
      value: 1,
    });
    session = await launch();
    page = await session.browser.newPage();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every file, failed ones with their error', async () => {
    await page.goto(bridge.url);
    await appLoaded(page);
    const failed = await bridge.service.listReports({ status: 'failed' });
    expect(failed.map((r) => r.path).sort()).toEqual(['扫描件.pdf', '损坏的文档.docx']);
    expect(failed.every((r) => (r.error ?? '').length > 0)).toBe(true);
    await page.locator('[data-filter="failed"]').click();
    await expect.poll(() => queueRowCount(page)).toBe(2);
    await expect
      .poll(() =>
        page
          .locator('.queue-grid .ag-row', { hasText: '扫描件.pdf' })
          .locator('[col-id="note"]')
          .textContent(),
      )
      .toContain('PDF');
    await page.locator('[data-filter="all"]').click();
  });

  it('applies a status filter chosen while the queue grid is starting', async () => {
    // ag-grid draws its first rows before onGridReady hands over its api: a chip clicked in between, filtering
    // through the api, left every row shown (CI, at load). Clicked here as the first row is drawn.
    const fresh = await session.browser.newPage();
    try {
      await fresh.addInitScript(() => {
        const { document, MutationObserver } = globalThis as unknown as {
          document: { querySelector(s: string): { click(): void } | null };
          MutationObserver: new (cb: () => void) => {
            observe(n: object, o: object): void;
            disconnect(): void;
          };
        };
        const watch = new MutationObserver(() => {
          if (!document.querySelector('.queue-grid .ag-row[row-id]')) return;
          watch.disconnect();
          document.querySelector('[data-filter="failed"]')?.click();
        });
        watch.observe(document, { childList: true, subtree: true });
      });
      await fresh.goto(bridge.url);
      await appLoaded(fresh);
      await fresh.waitForSelector('[data-filter="failed"][aria-selected="true"]');
      await expect.poll(() => queueRowCount(fresh)).toBe(2);
    } finally {
      await fresh.close();
    }
  });

  it('finds a report by quick search', async () => {
    await page.getByRole('searchbox').fill('兰亭');
    await expect.poll(() => queueRowCount(page)).toBe(1);
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => queueRowCount(page)).toBeGreaterThan(20);
  });

  it('switching between reports repaints every cell (no colour left from the previous report)', async () => {
    const rows = await bridge.service.listReports({});
    const glued = rows.find((r) => r.path.startsWith('004_'))!;
    const clean = rows.find(
      (r) => r.template === '2019' && r.errors === 0 && r.warnings === 0 && r.edited === 0,
    );
    expect(clean).toBeDefined();
    const open = async (path: string, id: number): Promise<void> => {
      await page.getByRole('searchbox').fill(path);
      await expect.poll(() => queueRowCount(page)).toBe(1);
      await page.locator('.queue-grid .ag-row [col-id="agency"]').first().click();
      await page.keyboard.press('Enter');
      await reportLoaded(page, id);
    };
    const marked = () =>
      page.locator('.review-grid .ag-cell:is(.sev-error, .sev-warning, .suspect, .edited)').count();
    await open(glued.path, glued.id);
    expect(await marked()).toBeGreaterThan(0);
    await page.keyboard.press('Alt+ArrowLeft');
    await open(clean!.path, clean!.id);
    expect(await marked()).toBe(0);
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('searchbox').fill('');
  });

  it('going back to the queue puts the keyboard on the row of the report just reviewed, though not drawn', async () => {
    // The queue's last row opened, then 下一份待审 wraps round to the top: on going back the queue is still at its
    // end, where the row of the report just reviewed is not drawn.
    await page.locator('.queue-grid .ag-row[row-index="0"] [col-id="agency"]').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await reportLoaded(page);
    // Twice: the queue may keep the first row, selected before, drawn.
    for (let i = 0; i < 2; i++) {
      const last = await page.getAttribute('[data-testid="review"]', 'data-report-id');
      await page.keyboard.press('ControlOrMeta+Shift+N');
      await page.waitForSelector(
        `[data-testid="review"]:not([data-report-id="${last}"])[data-report-state="loaded"]`,
      );
    }
    const next = await page.getAttribute('[data-testid="review"]', 'data-report-id');
    const row = `.queue-grid .ag-row[row-id="${next}"]`;
    await page.waitForSelector(row, { state: 'detached' });
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    await page.waitForSelector(row);
    expect(
      await page.evaluate(
        (s) =>
          Boolean(
            (
              globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
            ).document.activeElement?.closest(s),
          ),
        row,
      ),
    ).toBe(true);
    await page.keyboard.press('Home');
  });

  it('saves the queue screenshot', async () => {
    // Sorted by year, newest first: a mix of statuses, as a reviewer's queue looks mid-week.
    await page.getByRole('columnheader', { name: '年度' }).click();
    await page.getByRole('columnheader', { name: '年度' }).click();
    await page.locator('.queue-grid .ag-row[row-index="3"] [col-id="agency"]').click();
    await screenshot(page, 'queue');
  });
});

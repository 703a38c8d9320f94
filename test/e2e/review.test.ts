// The review desk end to end: the built renderer in Chromium, the real core and a real SQLite file behind the
// loopback bridge. Import the samples, fix the glued-digit report by keyboard, verify, restart, undo.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import {
  afterRepaint,
  appLoaded,
  goToCell,
  queueRowCount,
  reportLoaded,
  selectedKey,
  standingErrors,
  typeValue,
} from './helpers';
import { ensureRendererBuilt, SAMPLES, screenshot, tempDir } from './setup';

const GLUED = '004_20668ad12bb1064e.txt';
// The report's own arithmetic errors (truth file source_errors): the corrections that make every rule pass.
const CORRECTIONS: [string, string][] = [
  ['apply.denied.third_party.natural_person', '1'],
  ['apply.total.natural_person', '3'],
  ['apply.total.total', '3'],
];

describe('review desk in Chromium', () => {
  let dataDir: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;
  let reportId: number;
  // Page errors and console errors (ag-grid reports a missing module or a bad option there).
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    dataDir = tempDir('e2e');
    bridge = await startBridge({ dataDir, samplesDir: SAMPLES, exportFolder: join(dataDir, 'export') });
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

  it('first start: asks the reviewer name once, imports the sample reports', async () => {
    await page.goto(bridge.url);
    await appLoaded(page);
    await page.getByTestId('name-dialog').locator('input').fill('王审校');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reviewer').textContent()).toContain('王审校');
    await page.getByTestId('use-samples').click();
    await bridge.service.idle();
    await expect.poll(() => queueRowCount(page)).toBe(5);
    await expect.poll(() => page.getByTestId('import-bar').textContent()).toContain('5/5');
    const rows = await bridge.service.listReports({});
    const glued = rows.find((r) => r.path === GLUED);
    expect(glued?.errors).toBeGreaterThan(0);
    reportId = glued!.id;
  });

  it('opens the glued-digit report by keyboard and shows its flagged cells', async () => {
    await page.locator('.queue-grid .ag-row', { hasText: '兰亭街道' }).locator('[col-id="agency"]').click();
    await page.keyboard.press('Enter');
    await reportLoaded(page, reportId);
    expect(await page.locator('.review-grid .ag-cell.sev-error').count()).toBeGreaterThan(3);
    expect(await standingErrors(page)).toBeGreaterThan(0);
    const rules = await page
      .locator('[data-testid="findings"] li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toContain('apply.row_total');
    // A flagged cell's findings are its title once the pointer is on it (no ag-grid tooltip component per cell).
    const flagged = page.locator('.review-grid .ag-cell.sev-error').first();
    await flagged.hover();
    await expect.poll(() => flagged.getAttribute('title')).toContain('【错误·');
    // The selected cell's source span is highlighted in the source text.
    expect(await selectedKey(page)).toMatch(/^apply\./);
    await expect.poll(() => page.locator('[data-testid="source-text"] mark').count()).toBe(1);
    await screenshot(page, 'review');
  });

  it('refuses bad input and corrects the flagged cells by keyboard until the findings clear', async () => {
    const detail = await bridge.service.getReport({ reportId });
    await goToCell(page, detail, 'apply.denied.third_party.natural_person');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.toast-error').count()).toBeGreaterThan(0);
    expect(
      (await bridge.service.getReport({ reportId })).cells.find((c) =>
        c.key.endsWith('third_party.natural_person'),
      )?.value,
    ).toBe(0);

    for (const [key, value] of CORRECTIONS) {
      await goToCell(page, await bridge.service.getReport({ reportId }), key);
      await typeValue(page, value);
    }
    await expect.poll(() => standingErrors(page)).toBe(0);
    const after = await bridge.service.getReport({ reportId });
    expect(after.findings.filter((f) => f.severity === 'error' && !f.waiver)).toEqual([]);
    for (const [key, value] of CORRECTIONS) {
      const cell = after.cells.find((c) => c.key === key);
      expect(cell?.value).toBe(Number(value));
      expect(cell?.edited).toBe(true);
    }
    // Every edit is recorded with the reviewer's name.
    const history = await bridge.service.cellHistory({ reportId, key: 'apply.total.total' });
    expect(history.map((h) => [h.reviewer, h.old, h.new])).toEqual([['王审校', 1, 3]]);
  });

  it('verifies with Ctrl+Enter and the queue shows it verified', async () => {
    // No error stands, but cells the extractor listed for review were never selected: the dialog says so.
    await page.keyboard.press('ControlOrMeta+Enter');
    const dialog = page.getByTestId('verify-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('verify-error').count()).toBe(0);
    await expect.poll(() => dialog.getByTestId('verify-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('verify-unseen-ack').check();
    await afterRepaint(page, () => dialog.getByTestId('verify-confirm').click());
    await page.waitForSelector('[data-testid="review"][data-status="verified"]');
    await page.keyboard.press('Alt+ArrowLeft');
    const row = page.locator('.queue-grid .ag-row', { hasText: '兰亭街道' });
    await expect.poll(() => row.locator('[col-id="status"]').textContent()).toBe('已核验');
    await expect.poll(() => row.locator('[col-id="edited"]').textContent()).toBe('3');
  });

  it('exports the verified report as CSV through the export dialog', async () => {
    mkdirSync(join(dataDir, 'export'));
    await page.getByTestId('export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('CSV').check();
    await dialog.getByRole('button', { name: '选择文件夹并导出' }).click();
    await expect
      .poll(() => dialog.getByTestId('export-result').textContent(), { timeout: 30_000 })
      .toContain('1 份报告');
    await dialog.getByRole('button', { name: '关闭' }).click();
    const files = readdirSync(join(dataDir, 'export'));
    const long = files.find((f) => f.includes('long'));
    expect(long).toBeDefined();
    const csv = readFileSync(join(dataDir, 'export', long!), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const line = csv.split(/\r?\n/).find((l) => l.includes('apply.total.total'));
    expect(line).toContain('兰亭街道');
    expect(line).toMatch(/,3,1,/); // value 3, extracted 1
  });

  it('after a restart of the bridge on the same database, undo and redo still work', async () => {
    await bridge.close();
    bridge = await startBridge({ dataDir, samplesDir: SAMPLES });
    await page.goto(bridge.url);
    await appLoaded(page);
    const row = page.locator('.queue-grid .ag-row', { hasText: '兰亭街道' });
    await expect.poll(() => row.locator('[col-id="status"]').textContent()).toBe('已核验');
    await row.locator('[col-id="agency"]').dblclick();
    await reportLoaded(page, reportId);

    await afterRepaint(page, () => page.keyboard.press('ControlOrMeta+Z')); // undoes the verification
    await page.waitForSelector('[data-testid="review"][data-status="new"]'); // its status before verification
    await afterRepaint(page, () => page.keyboard.press('ControlOrMeta+Z')); // undoes apply.total.total 1 → 3
    const undone = await bridge.service.getReport({ reportId });
    expect(undone.cells.find((c) => c.key === 'apply.total.total')?.value).toBe(1);
    await expect.poll(() => standingErrors(page)).toBeGreaterThan(0);

    await afterRepaint(page, () => page.keyboard.press('ControlOrMeta+Shift+Z'));
    const redone = await bridge.service.getReport({ reportId });
    expect(redone.cells.find((c) => c.key === 'apply.total.total')?.value).toBe(3);
    await expect.poll(() => standingErrors(page)).toBe(0);
  });

  it('logged no page or console error', () => {
    // The bad-input toast is not an error; a failed request or a grid warning would be.
    expect(consoleErrors).toEqual([]);
  });
});

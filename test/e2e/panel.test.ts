// The panel end to end in Chromium against the real core: the coverage matrix of generated multi-year series
// and real reports, opening a report from it, a cross-report finding jumping to the other report, and the
// year-over-year view. Screenshots for the README: docs/screenshots/coverage.png, compare.png.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSeries } from '../generator/series';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import { appLoaded, reportLoaded } from './helpers';
import { ensureRendererBuilt, SCREENSHOTS, tempDir } from './setup';

const REAL = join(import.meta.dirname, '../fixtures/panel');
const BROKEN = { name: '长安区民政局', parent: '长安区人民政府', self: '我局' };
const GAPPY = { name: '龙泉镇人民政府', parent: '龙泉县人民政府', self: '我镇' };

describe('panel in Chromium', () => {
  let dir: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;
  const ids = new Map<string, number>();
  const id = (agency: string, year: number): number => ids.get(`${agency}|${year}`)!;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = tempDir('panel-e2e');
    const folder = join(dir, 'reports');
    mkdirSync(folder, { recursive: true });
    const series = [
      ...generateSeries({
        agency: BROKEN,
        from: 2018,
        to: 2024,
        seed: 12,
        breaks: [{ year: 2022, rule: 'carry' }],
        late: [2021],
      }),
      ...generateSeries({ agency: GAPPY, from: 2019, to: 2024, seed: 13, skip: [2021] }),
    ];
    for (const r of series) writeFileSync(join(folder, `${r.truth.meta.agency}-${r.year}.txt`), r.text);
    for (const f of readdirSync(REAL)) copyFileSync(join(REAL, f), join(folder, f));
    bridge = await startBridge({
      dataDir: join(dir, 'data'),
      samplesDir: null,
      exportFolder: join(dir, 'export'),
    });
    await bridge.service.setReviewerName({ name: '督查员' });
    await bridge.service.openFolder(folder);
    await bridge.service.idle();
    for (const r of await bridge.service.listReports({})) ids.set(`${r.agency}|${r.year}`, r.id);
    session = await launch();
    page = await session.browser.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the coverage matrix with statuses and the missing year, filters by status', async () => {
    await page.goto(bridge.url);
    await appLoaded(page);
    await page.getByTestId('coverage-button').click();
    await page.waitForSelector('[data-testid="coverage"][data-coverage-state="loaded"]');
    const row = (name: string) => page.locator('table.coverage tr', { hasText: name });
    await expect
      .poll(() => row(BROKEN.name).locator('td[data-year="2022"]').getAttribute('data-status'))
      .toBe('needs_review');
    expect(await row(GAPPY.name).locator('td[data-year="2021"]').getAttribute('data-status')).toBe('none');
    expect(
      await row('平潭综合实验区环境与国土资源局').locator('td[data-year="2013"]').getAttribute('data-status'),
    ).toBe('needs_review');
    // The 2022 cell carries the count of its standing panel findings (two broken carry-overs among them).
    const own = (await bridge.service.handlers().panelFindings({ reportId: id(BROKEN.name, 2022) })).filter(
      (f) => f.reportId === id(BROKEN.name, 2022) && f.severity !== 'info',
    );
    expect(own.filter((f) => f.rule === 'cross.carry')).toHaveLength(2);
    expect(await row(BROKEN.name).locator('td[data-year="2022"] .cov-flag').textContent()).toBe(
      String(own.length),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'coverage.png') });

    await page.getByTestId('coverage-years').fill('2021');
    await page.getByTestId('coverage-status').selectOption('none');
    // The filtered matrix has replaced the whole one: the complete agency's row is gone, the gappy one's is there.
    await row(BROKEN.name).waitFor({ state: 'detached' });
    await row(GAPPY.name).waitFor();
    const names = await page.locator('table.coverage tbody td.agency').allTextContents();
    expect(names).toContain(GAPPY.name);
    expect(names).not.toContain(BROKEN.name);
    await page.getByTestId('coverage-status').selectOption('');
    await page.getByTestId('coverage-years').fill('');
    await row(BROKEN.name).waitFor();
  });

  it('opens a report from its cell', async () => {
    const cell = page
      .locator('table.coverage tr', { hasText: BROKEN.name })
      .locator('td[data-year="2022"] button');
    await cell.click();
    await reportLoaded(page, id(BROKEN.name, 2022));
    await page.waitForSelector(`[data-testid="panel-checks"][data-report-id="${id(BROKEN.name, 2022)}"]`);
  });

  it('a cross-report finding names the other report and jumps to it', async () => {
    const carry = page.locator('[data-testid="panel-checks"] li[data-rule="cross.carry"]');
    await expect.poll(() => carry.count()).toBe(2);
    expect(await carry.first().textContent()).toContain('2021年报告');
    await carry.first().getByTestId('open-other').click();
    await reportLoaded(page, id(BROKEN.name, 2021));
    const checks = page.locator(`[data-testid="panel-checks"][data-report-id="${id(BROKEN.name, 2021)}"]`);
    await checks.waitFor();
    // The earlier report shows the same finding, and its own late publication.
    await expect.poll(() => checks.locator('li[data-rule="cross.carry"]').count()).toBe(2);
    expect(await checks.locator('li[data-rule="supervision.late"]').count()).toBe(1);
  });

  it('year over year: changed cells highlighted, text difference by section', async () => {
    await page.getByTestId('compare-years').click();
    await page.waitForSelector('[data-testid="compare"][data-compare-state="loaded"]');
    const view = page.getByTestId('compare');
    expect(Number(await view.getAttribute('data-a'))).toBe(id(BROKEN.name, 2020));
    expect(Number(await view.getAttribute('data-b'))).toBe(id(BROKEN.name, 2021));
    expect(await page.locator('table.compare tr.changed').count()).toBeGreaterThan(0);
    expect(await page.locator('table.compare tr:not(.changed)').count()).toBe(1); // the header row
    expect(await page.locator('[data-testid="compare-text"] section').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid="compare-text"] .diff-added').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'compare.png') });
    expect(errors).toEqual([]);
  });
});

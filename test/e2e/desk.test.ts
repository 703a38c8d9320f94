// The review desk's trust issues end to end (issue 10), in Chromium against the real core and SQLite: every cell
// the grid shows after each change of template matches the store; each error waived on its own; the original page
// and Word file beside the grid; duplicates grouped; a failed file explained.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import { afterRepaint, appLoaded, goToCell, reportLoaded, selectedKey, typeOver, typeValue } from './helpers';
import { ensureRendererBuilt, SAMPLES, screenshot, tempDir } from './setup';
import { buildLayout } from '../../src/renderer/src/review/layout';
import { firstStop, indexFindings } from '../../src/renderer/src/review/findings';
import { HOLD_MS } from '../../src/renderer/src/review/timings';
import type { ReportDetail, ReportRow } from '../../src/shared/api';

/** As the grid prints a value (src/renderer/src/review/values.ts). */
const formatValue = (v: number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

interface RowElement {
  getAttribute(name: string): string | null;
  className: string;
  querySelectorAll(s: string): Iterable<RowElement> & { length: number };
  textContent: string | null;
  closest(s: string): RowElement | null;
}

/** The page's globals the queue's tests read (the node tsconfig has no DOM library). */
interface PreviewWindow {
  __preview?: Record<string, string | null>[];
  MutationObserver: new (callback: (records: unknown, observer: { disconnect(): void }) => void) => {
    observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
  };
  document: { querySelector(selector: string): RowElement | null; activeElement: RowElement | null };
  requestAnimationFrame(callback: () => void): void;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'read');
const HOSTILE =
  '<script>window.parent.__pwned = 1</script><img src="http://127.0.0.1:9/leak.png" onerror="window.parent.__pwned = 2">' +
  '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"><iframe src="http://127.0.0.1:9/"></iframe>' +
  '<a href="javascript:window.parent.__pwned = 3">链接</a><style>body { display: none }</style>';

interface PageDoc {
  document: {
    querySelector(
      s: string,
    ): { contentDocument: PageDoc['document'] | null; textContent: string | null } | null;
    querySelectorAll(s: string): { length: number };
  };
  __pwned?: number;
}

/** Every value cell the grid rendered, by row index and column, with its row's id and class. */
async function renderedCells(page: Page) {
  return page.locator('.review-grid .ag-row[row-index]').evaluateAll((els) =>
    (els as unknown as RowElement[]).map((row) => ({
      index: Number(row.getAttribute('row-index')),
      id: row.getAttribute('row-id') ?? '',
      cls: row.className,
      cells: [...row.querySelectorAll('[col-id^="c"]')].map((c) => ({
        col: Number((c.getAttribute('col-id') ?? 'c-1').slice(1)),
        text: (c.textContent ?? '').trim(),
      })),
    })),
  );
}

/** Selects a cell by clicking it (the whole form is rendered in the tall test viewport). */
async function clickCell(page: Page, detail: ReportDetail, key: string): Promise<void> {
  const layout = buildLayout(detail.report.template, detail.cells);
  const pos = layout.position.get(key);
  if (!pos) throw new Error(`${key} not on the form`);
  await page.locator(`.review-grid .ag-row[row-index="${pos.row}"] [col-id="c${pos.col}"]`).click();
  await page.waitForSelector(`[data-testid="inspector"][data-key="${key.replace(/"/g, '\\"')}"]`);
}

/** Compares every rendered cell of the open report with the store: value, row kind, row keyed by report. */
async function expectGridMatchesStore(page: Page, bridge: Bridge, reportId: number): Promise<void> {
  const detail = await bridge.service.getReport({ reportId });
  const layout = buildLayout(detail.report.template, detail.cells);
  const values = new Map(detail.cells.map((c) => [c.key, c.value]));
  const rows = await renderedCells(page);
  // The viewport is tall enough for the whole form: nothing is left unrendered.
  expect(new Set(rows.map((r) => r.index)).size).toBe(layout.rows.length);
  let compared = 0;
  for (const r of rows) {
    const form = layout.rows[r.index]!;
    expect(r.id.startsWith(`${reportId}:${detail.report.template}:`)).toBe(true);
    expect(r.cls).toContain(`row-${form.kind}`);
    if (form.kind !== 'cells') continue;
    // Every place of the form that holds a cell has its own grid cell (empty places may be drawn as one).
    const drawn = new Set(r.cells.map((c) => c.col));
    form.cols.forEach((key, col) => {
      if (key && !drawn.has(col)) throw new Error(`report ${reportId} ${key}: no grid cell in column ${col}`);
    });
    for (const c of r.cells) {
      const key = form.cols[c.col];
      const expected = key ? formatValue(values.get(key)) : '';
      if (c.text !== expected)
        throw new Error(`report ${reportId} ${key}: shown “${c.text}”, stored “${expected}”`);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(50);
}

describe('review desk: transitions, waivers, originals, duplicates, failures', () => {
  let dir: string;
  let folder: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;
  let rows: ReportRow[];
  const opened: string[] = [];
  const consoleErrors: string[] = [];
  // While set, the bridge holds every edit until it resolves (a store slow to answer).
  let editsHeld: Promise<void> | null = null;
  // A store that answers each edit this many ms late; one that refuses every edit; the edits asked for.
  let editDelayMs = 0;
  let editsRefused = false;
  let editCalls = 0;
  const beforeEdit = (): Promise<void> | undefined => {
    editCalls++;
    if (editsRefused) return Promise.reject(new Error('测试：存储拒绝了修改'));
    if (editDelayMs > 0) return new Promise((resolve) => setTimeout(resolve, editDelayMs));
    return editsHeld ?? undefined;
  };
  // While set, the bridge holds every read of a report; the reads asked for.
  let readsHeld: Promise<void> | null = null;
  let reads = 0;
  const beforeRead = (): Promise<void> | undefined => {
    reads++;
    return readsHeld ?? undefined;
  };
  const byPath = (p: string): ReportRow => {
    // Of byte-identical files, whichever was imported first is the report's path, the other a copy.
    const r = rows.find((x) => x.path === p || x.copies.includes(p));
    if (!r) throw new Error(`no report ${p}`);
    return r;
  };

  async function openFromQueue(id: number): Promise<void> {
    if ((await page.getAttribute('.app', 'data-screen')) === 'review')
      await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    await page.locator(`.queue-grid .ag-row[row-id="${id}"] [col-id="agency"]`).dblclick();
    await reportLoaded(page, id);
  }

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = tempDir('desk');
    folder = join(dir, 'reports');
    mkdirSync(join(folder, 'copies'), { recursive: true });
    for (const f of [
      '000_a3f0cc370b290d87.txt',
      '001_cba15cde576bc8e7.txt',
      '002_16dca761f14228ce.txt',
      '003_81dd061a659bf16a.txt',
      '004_20668ad12bb1064e.txt',
    ])
      copyFileSync(join(SAMPLES, f), join(folder, f));
    // The same report as text and as the published page; a byte-identical copy; a Word file; a hostile page.
    copyFileSync(join(FIXTURES, 'report-000-2021.html'), join(folder, 'cuidong-2021.html'));
    copyFileSync(join(SAMPLES, '004_20668ad12bb1064e.txt'), join(folder, 'copies', 'lanting-copy.txt'));
    copyFileSync(join(FIXTURES, 'report-001-2019.docx'), join(folder, 'binhai-2020.docx'));
    const page2021 = readFileSync(join(FIXTURES, 'report-000-2021.html'), 'utf8');
    writeFileSync(join(folder, 'hostile-2021.html'), page2021.replace('<body>', `<body>${HOSTILE}`));
    writeFileSync(
      join(folder, 'broken.docx'),
      Buffer.from('PK\u0003\u0004 this is not a zip archive at all'),
    );
    bridge = await startBridge({
      dataDir: join(dir, 'data'),
      samplesDir: SAMPLES,
      chooseFolder: folder,
      onOpenFile: (p) => opened.push(p),
      beforeCall: (channel) =>
        channel === 'editCell' ? beforeEdit() : channel === 'getReport' ? beforeRead() : undefined,
    });
    await bridge.service.setReviewerName({ name: '李核验' });
    await bridge.service.openFolder(folder);
    await bridge.service.idle();
    rows = await bridge.service.listReports({});
    session = await launch({ width: 1600, height: 4200 });
    page = await session.browser.newPage();
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto(bridge.url);
    await appLoaded(page);
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('groups duplicates: identical copies merged, the same report in several files under one primary', async () => {
    const lanting = byPath('004_20668ad12bb1064e.txt');
    expect([lanting.path, ...lanting.copies].sort()).toEqual([
      '004_20668ad12bb1064e.txt',
      'copies/lanting-copy.txt',
    ]);
    const txt = byPath('000_a3f0cc370b290d87.txt');
    const html = byPath('cuidong-2021.html');
    expect(html.group).not.toBeNull();
    expect(html.group?.memberIds.sort()).toEqual(expect.arrayContaining([txt.id, html.id]));
    // The published page (structure first) stands for the group.
    expect(html.group?.primaryId).toBe(html.id);
    const secondary = rows.filter((r) => r.group && r.group.primaryId !== r.id);
    const copies = rows.reduce((n, r) => n + r.copies.length, 0);
    const summary = await page.getByTestId('queue-summary').textContent();
    expect(summary).toContain(`${rows.length + copies} 个文件 · ${rows.length} 份报告`);
    expect(summary).toContain(`${copies} 个重复文件`);
    expect(summary).toContain(`${secondary.length} 份是同一报告的其他格式`);
    const shown = (): Promise<number> =>
      page
        .locator('.queue-grid .ag-row[row-id]')
        .evaluateAll((els) => new Set(els.map((e) => e.getAttribute('row-id'))).size);
    await expect.poll(shown).toBe(rows.length - secondary.length);
    await expect
      .poll(() =>
        page.locator(`.queue-grid .ag-row[row-id="${html.id}"] [col-id="duplicates"]`).textContent(),
      )
      .toContain('主 +');
    await page.getByTestId('show-versions').check();
    await expect.poll(shown).toBe(rows.length);
    // The 待审 chip counts every report waiting for a reviewer, new ones included.
    const waiting = rows.filter(
      (r) => (r.status === 'new' || r.status === 'needs_review') && !(r.group && r.group.primaryId !== r.id),
    ).length;
    await expect
      .poll(() => page.locator('[data-filter="waiting"] .chip-count').textContent())
      .toBe(String(waiting));
  });

  it('shows every stored value after each change of template: 2021 → 2019 → 2021 → legacy, and Ctrl+Shift+N', async () => {
    const walk = [
      byPath('000_a3f0cc370b290d87.txt'),
      byPath('001_cba15cde576bc8e7.txt'),
      byPath('003_81dd061a659bf16a.txt'),
      byPath('002_16dca761f14228ce.txt'),
      byPath('cuidong-2021.html'),
      byPath('binhai-2020.docx'),
    ];
    expect(walk.map((r) => r.template)).toEqual(['2021', '2019', '2021', 'legacy', '2021', '2019']);
    // Next report by keyboard, twice, from a legacy report (before the walk: next never returns to a report
    // already opened): each lands with its own values.
    await openFromQueue(byPath('002_16dca761f14228ce.txt').id);
    for (let i = 0; i < 2; i++) {
      const before = Number(await page.getAttribute('[data-testid="review"]', 'data-report-id'));
      await page.keyboard.press('ControlOrMeta+Shift+N');
      await page.waitForFunction(
        (b) => {
          const doc = (
            globalThis as unknown as {
              document: { querySelector(s: string): RowElement | null };
            }
          ).document;
          const el = doc.querySelector('[data-testid="review"]');
          return (
            el?.getAttribute('data-report-state') === 'loaded' &&
            el.getAttribute('data-report-id') !== String(b)
          );
        },
        before,
        { timeout: 30_000 },
      );
      const now = Number(await page.getAttribute('[data-testid="review"]', 'data-report-id'));
      await expectGridMatchesStore(page, bridge, now);
    }
    for (const r of walk) {
      await openFromQueue(r.id);
      await expectGridMatchesStore(page, bridge, r.id);
    }
  });

  it('verify lists each error; each is waived with its own note; a typed value that breaks a rule is called out', async () => {
    const lanting = byPath('004_20668ad12bb1064e.txt');
    await openFromQueue(lanting.id);
    // The reviewer types a wrong number into a cell that rules check.
    await goToCell(
      page,
      await bridge.service.getReport({ reportId: lanting.id }),
      'apply.new.natural_person',
    );
    await typeValue(page, '1234');
    const detail = await bridge.service.getReport({ reportId: lanting.id });
    const errors = detail.findings.filter((f) => f.severity === 'error' && !f.waiver);
    const own = errors.filter((f) => f.editedKeys.includes('apply.new.natural_person'));
    expect(own.length).toBeGreaterThan(0);

    await page.keyboard.press('ControlOrMeta+Enter');
    const dialog = page.getByTestId('verify-dialog');
    await dialog.waitFor();
    const items = dialog.getByTestId('verify-error');
    expect(await items.count()).toBe(errors.length);
    expect(await dialog.locator('[data-own="true"]').count()).toBe(own.length);
    await expect
      .poll(() => dialog.locator('[data-own="true"] .verify-own').first().textContent())
      .toContain('1234');
    const confirm = dialog.getByTestId('verify-confirm');
    expect(await confirm.isDisabled()).toBe(true);

    // Select all is explicit: one note copied to every selected error …
    await dialog.getByRole('button', { name: '全选' }).click();
    await dialog.locator('.verify-bulk input').fill('原表自身计算有误');
    await dialog.getByRole('button', { name: /将此理由填入所选/ }).click();
    // … but the errors about the reviewer's own value still need their own confirmation.
    expect(await confirm.isDisabled()).toBe(true);
    for (const box of await dialog.getByTestId('verify-own-confirm').all()) await box.check();
    // One error gets a note of its own.
    const firstId = Number(await items.first().getAttribute('data-finding-id'));
    await items.first().locator('.verify-note').fill('与原件核对：第一处');
    await screenshot(page, 'verify');
    const ack = dialog.getByTestId('verify-unseen-ack');
    if (await ack.count()) await ack.check();
    expect(await confirm.isDisabled()).toBe(false);
    await afterRepaint(page, () => confirm.click());
    await page.waitForSelector('[data-testid="review"][data-status="verified"]');

    const after = await bridge.service.getReport({ reportId: lanting.id });
    const waived = after.findings.filter((f) => f.severity === 'error');
    expect(waived.every((f) => f.waiver !== null)).toBe(true);
    expect(waived.find((f) => f.id === firstId)?.waiver?.note).toBe('与原件核对：第一处');
    expect(waived.filter((f) => f.id !== firstId).every((f) => f.waiver?.note === '原表自身计算有误')).toBe(
      true,
    );
  });

  it('shows the published page beside the grid, sanitised, with the selected cell highlighted', async () => {
    const html = byPath('cuidong-2021.html');
    await openFromQueue(html.id);
    const view = page.getByTestId('original-view');
    await page.waitForSelector('[data-testid="original-view"][data-original-state="loaded"]');
    expect(await view.locator('iframe').getAttribute('sandbox')).toBe('allow-same-origin');
    const srcdoc = (await view.locator('iframe').getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain("default-src 'none'");
    expect(srcdoc).not.toMatch(/<script|<img|<link|<iframe|href=/i);
    await expect.poll(() => view.getAttribute('data-hit')).toBe('true');
    const key = await selectedKey(page);
    const cell = (await bridge.service.getReport({ reportId: html.id })).cells.find((c) => c.key === key);
    const marked = (): Promise<string> =>
      page.evaluate(() => {
        const w = globalThis as unknown as PageDoc;
        const doc = w.document.querySelector('[data-testid="original-view"] iframe')?.contentDocument;
        return (doc?.querySelector('.nb-hit')?.textContent ?? '').trim();
      });
    expect(await marked()).toBe(cell?.raw);
    await screenshot(page, 'original');
    // Another cell: the highlight follows.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedKey(page)).not.toBe(key);
    await expect.poll(() => view.getAttribute('data-hit')).toBe('true');
    // Open the original file: main (here the bridge) opens the stored path of this report id.
    await page.getByTestId('open-file-button').click();
    await expect.poll(() => opened.at(-1)).toBe(join(folder, 'cuidong-2021.html'));
  });

  it('shows a hostile page inert: nothing runs, nothing loads', async () => {
    const hostile = byPath('hostile-2021.html');
    await openFromQueue(hostile.id);
    await page.waitForSelector('[data-testid="original-view"][data-original-state="loaded"]');
    const found = await page.evaluate(() => {
      const w = globalThis as unknown as PageDoc;
      const doc = w.document.querySelector('[data-testid="original-view"] iframe')?.contentDocument;
      return {
        pwned: w.__pwned ?? null,
        active: doc?.querySelectorAll('script, img, link, iframe, a[href], style:not(:first-of-type)').length,
      };
    });
    expect(found).toEqual({ pwned: null, active: 0 });
  });

  it('shows a Word report as HTML beside the grid, with the selected cell highlighted', async () => {
    const docx = byPath('binhai-2020.docx');
    await openFromQueue(docx.id);
    const view = page.getByTestId('original-view');
    await page.waitForSelector('[data-testid="original-view"][data-original-state="loaded"]');
    const detail = await bridge.service.getReport({ reportId: docx.id });
    // Two read cells of the apply table: the highlight follows the selection.
    for (const key of ['apply.new.natural_person', 'apply.granted.total']) {
      const cell = detail.cells.find((c) => c.key === key);
      expect(cell?.span).not.toBeNull();
      await clickCell(page, detail, key);
      await expect.poll(() => view.getAttribute('data-hit')).toBe('true');
      const marked = await page.evaluate(() => {
        const w = globalThis as unknown as PageDoc;
        const doc = w.document.querySelector('[data-testid="original-view"] iframe')?.contentDocument;
        return (doc?.querySelector('.nb-hit')?.textContent ?? '').trim();
      });
      expect(marked).toBe(cell?.raw);
    }
  });

  it('explains a file that could not be read, and offers nothing to verify', async () => {
    const broken = byPath('broken.docx');
    expect(broken.status).toBe('failed');
    await openFromQueue(broken.id);
    const screen = page.getByTestId('failed-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain(broken.error!.replace(/\s*\([ -~]+\)\s*$/, ''));
    expect(await page.getByTestId('verify').count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await page.getByTestId('verify-dialog').count()).toBe(0);
    expect((await bridge.service.getReport({ reportId: broken.id })).report.status).toBe('failed');
    await screen.getByTestId('open-file').click();
    await expect.poll(() => opened.at(-1)).toBe(join(folder, 'broken.docx'));
  });

  it('draws the top of the queue before ag-grid has loaded, with the rows and words the grid then shows', async () => {
    const fresh = await session.browser.newPage();
    fresh.on('pageerror', (err) => consoleErrors.push(err.message));
    try {
      // Records the first paint's rows as they are inserted (they are gone once the grid has drawn its own).
      await fresh.addInitScript(() => {
        const w = globalThis as unknown as PreviewWindow;
        new w.MutationObserver((_records, observer) => {
          const preview = w.document.querySelector('[data-testid="queue-preview"]');
          if (!preview) return;
          observer.disconnect();
          w.__preview = [...preview.querySelectorAll('.qp-row')].map((row) =>
            Object.fromEntries(
              [...row.querySelectorAll('[data-col]')].map((c) => [c.getAttribute('data-col'), c.textContent]),
            ),
          );
        }).observe(w.document, { childList: true, subtree: true });
      });
      await fresh.goto(bridge.url);
      await fresh.waitForFunction(
        () => performance.getEntriesByName('nianbao:queue-grid-painted').length > 0,
      );
      const marks = await fresh.evaluate(() =>
        ['nianbao:queue-painted', 'nianbao:queue-grid-painted'].map(
          (n) => performance.getEntriesByName(n)[0]!.startTime,
        ),
      );
      expect(marks[0]).toBeLessThanOrEqual(marks[1]!);
      const preview = await fresh.evaluate(() => (globalThis as unknown as PreviewWindow).__preview);
      expect(preview?.length).toBe(rows.filter((r) => !(r.group && r.group.primaryId !== r.id)).length);
      await fresh.waitForSelector('[data-testid="queue-preview"]', { state: 'detached' });
      // Cells by column, merged over the grid's row containers.
      const grid = await fresh.locator('.queue-grid .ag-row[row-index]').evaluateAll((els) => {
        const byIndex = new Map<number, Record<string, string | null>>();
        for (const row of els) {
          const index = Number(row.getAttribute('row-index'));
          const cells = byIndex.get(index) ?? {};
          for (const c of row.querySelectorAll('[col-id]'))
            cells[c.getAttribute('col-id') ?? ''] = c.textContent;
          byIndex.set(index, cells);
        }
        return [...byIndex].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells);
      });
      expect(preview).toEqual(grid.slice(0, preview!.length));
      expect(Object.keys(preview![0]!)).toEqual(
        expect.arrayContaining(['status', 'agency', 'errors', 'path', 'note']),
      );
    } finally {
      await fresh.close();
    }
  });

  it('opens a report double-clicked on the first paint, before ag-grid has loaded', async () => {
    const fresh = await session.browser.newPage();
    fresh.on('pageerror', (err) => consoleErrors.push(err.message));
    try {
      // ag-grid's script is held back until the double click is done.
      let release: () => void = () => undefined;
      const held = new Promise<void>((ok) => (release = ok));
      await fresh.route(/\/assets\/grid-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await fresh.goto(bridge.url);
      const first = fresh.locator('[data-testid="queue-preview"] .qp-row').first();
      const id = Number(await first.getAttribute('data-id'));
      expect(rows.map((r) => r.id)).toContain(id);
      await first.locator('[data-col="agency"]').dblclick();
      expect(await fresh.locator('.queue-grid .ag-row').count()).toBe(0);
      release();
      await reportLoaded(fresh, id);
      // Back, the keyboard is on the report's row of the grid that replaced the preview.
      await fresh.keyboard.press('Alt+ArrowLeft');
      await fresh.waitForSelector('.app[data-screen="queue"]');
      await fresh.waitForFunction(
        (rowId) =>
          Boolean(
            (globalThis as unknown as PreviewWindow).document.activeElement?.closest(
              `.queue-grid .ag-row[row-id="${rowId}"]`,
            ),
          ),
        id,
      );
    } finally {
      await fresh.close();
    }
  });

  it('opens a report as stored after an edit that was still being saved when the reviewer went back', async () => {
    const report = byPath('002_16dca761f14228ce.txt');
    await openFromQueue(report.id);
    const key = await selectedKey(page);
    expect(key).not.toBeNull();
    const before = (await bridge.service.getReport({ reportId: report.id })).cells.find((c) => c.key === key);
    const value = String(((before?.value ?? 0) % 9) + 11);
    // Enter commits the value; back and open again at once: the queue reads the focused report ahead meanwhile.
    await typeOver(page, value);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForFunction(() =>
      Boolean((globalThis as unknown as PreviewWindow).document.activeElement?.closest('.queue-grid')),
    );
    await page.keyboard.press('Enter');
    await reportLoaded(page, report.id);
    const stored = (await bridge.service.getReport({ reportId: report.id })).cells.find((c) => c.key === key);
    expect(stored?.value).toBe(Number(value));
    await expectGridMatchesStore(page, bridge, report.id);
  });

  it('shows nothing of an edit answered after the reviewer had opened another report', async () => {
    const first = byPath('000_a3f0cc370b290d87.txt');
    const second = byPath('003_81dd061a659bf16a.txt');
    expect([first.template, second.template]).toEqual(['2021', '2021']);
    await openFromQueue(first.id);
    const key = await selectedKey(page);
    expect(key).not.toBeNull();
    let release = (): void => undefined;
    editsHeld = new Promise<void>((resolve) => (release = resolve));
    try {
      await typeOver(page, '9876');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="review"][data-saving="1"]');
      // The same form, so the same cell keys: the first report's answer must not land on the second's screen.
      await openFromQueue(second.id);
    } finally {
      release();
      editsHeld = null;
    }
    await page.waitForSelector('[data-testid="review"][data-saving="0"]');
    const stored = (await bridge.service.getReport({ reportId: first.id })).cells.find((c) => c.key === key);
    expect(stored?.value).toBe(9876);
    expect(Number(await page.getAttribute('[data-testid="review"]', 'data-report-id'))).toBe(second.id);
    expect(await page.locator('.review-screen .toolbar strong').textContent()).toBe(second.agency);
    await expectGridMatchesStore(page, bridge, second.id);
    const findings = (await bridge.service.getReport({ reportId: second.id })).findings;
    expect(await page.locator('[data-testid="findings"] li').count()).toBe(findings.length);
  });

  /** Two cells one above the other, both editable: the first place of a column with a cell in the next row too. */
  function cellAndCellBelow(detail: ReportDetail): { key: string; below: string; row: number; col: number } {
    const rows = buildLayout(detail.report.template, detail.cells).rows;
    for (let r = 0; r + 1 < rows.length; r++) {
      const [here, next] = [rows[r]!, rows[r + 1]!];
      if (here.kind !== 'cells' || next.kind !== 'cells') continue;
      const col = here.cols.findIndex((k, c) => k !== null && next.cols[c] != null);
      if (col >= 0) return { key: here.cols[col]!, below: next.cols[col]!, row: r, col };
    }
    throw new Error('no two cells one above the other');
  }
  const storedValue = async (reportId: number, key: string) =>
    (await bridge.service.getReport({ reportId })).cells.find((c) => c.key === key)?.value ?? null;
  const focusedPlace = () =>
    page.evaluate(() => {
      const { document } = globalThis as unknown as PreviewWindow;
      const cell = document.querySelector('.review-grid .ag-cell-focus');
      return {
        row: Number(cell?.closest('.ag-row')?.getAttribute('row-index')),
        col: cell?.getAttribute('col-id') ?? null,
        editing: document.querySelector('.review-grid .ag-cell-inline-editing') !== null,
      };
    });

  /** Opens a sample report and selects a cell with another editable cell right below it. */
  async function openAtCellAboveAnother() {
    const report = byPath('001_cba15cde576bc8e7.txt');
    await openFromQueue(report.id);
    const detail = await bridge.service.getReport({ reportId: report.id });
    const place = cellAndCellBelow(detail);
    await clickCell(page, detail, place.key);
    return { reportId: report.id, ...place };
  }

  it('Enter saves before the editor closes: no paint shows it closed without the answer, then all of it at once', async () => {
    const { reportId, key, row, col } = await openAtCellAboveAnother();
    const value = ((await storedValue(reportId, key)) ?? 0) + 11;
    await typeOver(page, String(value));
    // From the Enter to the repaint of the answer: whether the editor is still open once the key has been handled,
    // and at every frame whether the editor was open and the answer in. The store answers 25 ms late.
    interface Seen {
      openAfterKey: boolean;
      frames: { at: number; editing: boolean; saved: boolean }[];
    }
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        __seen?: Promise<Seen>;
        addEventListener(t: string, l: (e: { key?: string; timeStamp: number }) => void, o?: unknown): void;
        document: { querySelector(s: string): unknown };
        requestAnimationFrame(f: () => void): void;
      };
      w.__seen = new Promise((resolve) => {
        const seen: Seen = { openAfterKey: false, frames: [] };
        const editing = (): boolean =>
          w.document.querySelector('.review-grid .ag-cell-inline-editing') !== null;
        let keyAt = -1;
        let saved = false;
        let painted = false;
        w.addEventListener('nianbao:change-saved', () => (saved = true), { once: true });
        w.addEventListener('nianbao:edit-painted', () => (painted = true), { once: true });
        const frame = (): void => {
          seen.frames.push({ at: performance.now() - keyAt, editing: editing(), saved });
          if (painted) resolve(seen);
          else w.requestAnimationFrame(frame);
        };
        w.addEventListener(
          'keydown',
          (e) => {
            if (e.key !== 'Enter' || keyAt >= 0) return;
            keyAt = e.timeStamp;
            setTimeout(() => (seen.openAfterKey = editing()), 0);
            w.requestAnimationFrame(frame);
          },
          true,
        );
      });
    });
    editDelayMs = 25;
    try {
      await page.keyboard.press('Enter');
      const seen = await page.evaluate(() => (globalThis as unknown as { __seen: Promise<Seen> }).__seen);
      expect(seen.openAfterKey).toBe(true);
      const early = seen.frames.filter((f) => !f.editing && !f.saved && f.at < HOLD_MS);
      expect(early, JSON.stringify(seen.frames)).toEqual([]);
    } finally {
      editDelayMs = 0;
    }
    expect(await storedValue(reportId, key)).toBe(value);
    const here = await focusedPlace();
    expect(here).toEqual({ row: row + 1, col: `c${col}`, editing: false });
    await expectGridMatchesStore(page, bridge, reportId);
  });

  it('a key pressed while a save is on its way closes the editor and goes where it would have gone', async () => {
    const { reportId, key, below } = await openAtCellAboveAnother();
    let release = (): void => undefined;
    editsHeld = new Promise<void>((resolve) => (release = resolve));
    try {
      await typeOver(page, '5');
      // The next keys come at once: the first save is still held when they arrive.
      await page.keyboard.press('Enter');
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="review"][data-saving="2"]');
    } finally {
      release();
      editsHeld = null;
    }
    await page.waitForSelector('[data-testid="review"][data-saving="0"]');
    expect(await storedValue(reportId, key)).toBe(5);
    expect(await storedValue(reportId, below)).toBe(7);
    expect((await focusedPlace()).editing).toBe(false);
    await expectGridMatchesStore(page, bridge, reportId);
  });

  it('a save the store refuses: said so, the editor closes on the cell, nothing saved twice, the stored value shown', async () => {
    const { reportId, key, row, col } = await openAtCellAboveAnother();
    const before = await storedValue(reportId, key);
    const calls = editCalls;
    editsRefused = true;
    try {
      await typeOver(page, String((before ?? 0) + 3));
      await page.keyboard.press('Enter');
      await page.locator('.toast-error', { hasText: '保存失败' }).waitFor();
    } finally {
      editsRefused = false;
    }
    await page.waitForSelector('[data-testid="review"][data-saving="0"]');
    expect(editCalls - calls).toBe(1);
    expect(await storedValue(reportId, key)).toBe(before);
    expect(await focusedPlace()).toEqual({ row, col: `c${col}`, editing: false });
    await expectGridMatchesStore(page, bridge, reportId);
  });

  /** The queue's report ids in the order shown. */
  const shownOrder = (): Promise<number[]> =>
    page.locator('.queue-grid .ag-row[row-id]').evaluateAll((els) =>
      (els as unknown as RowElement[])
        .map((r) => ({ at: Number(r.getAttribute('row-index')), id: Number(r.getAttribute('row-id')) }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.id),
    );
  const preparedOpens = (): Promise<number> =>
    page.evaluate(() => performance.getEntriesByName('nianbao:open-prepared').length);
  const keyboardIn = (selector: string): Promise<boolean> =>
    page.evaluate(
      (s) => Boolean((globalThis as unknown as PreviewWindow).document.activeElement?.closest(s)),
      selector,
    );
  /** The hidden review screen has drawn this report's rows (prepared behind the queue). */
  const preparedBehindQueue = (id: number) =>
    page.waitForSelector(`.review-grid .ag-row[row-id^="${id}:"]`, { state: 'attached', timeout: 10_000 });

  it('prepares the first row at start: a click on it and Enter open it as stored', async () => {
    await page.goto(bridge.url);
    await appLoaded(page);
    await page.waitForSelector('[data-queue="whole"]');
    await page.waitForSelector('.queue-grid .ag-row[row-id]');
    const first = (await shownOrder())[0] ?? -1;
    const readable = Boolean(rows.find((r) => r.id === first)?.template);
    // The hidden review screen holds the first row's report (a file that could not be read has no rows to draw).
    const holding = `[data-testid="review"][data-report-id="${first}"][data-report-state="busy"]`;
    await page.waitForSelector(holding, { state: 'attached' });
    if (readable) await preparedBehindQueue(first);
    expect(await keyboardIn('.review-screen')).toBe(false);
    // Enter right after the click: too soon for the row the keyboard rests on to be prepared (0.4 s).
    await page.locator(`.queue-grid .ag-row[row-id="${first}"] [col-id="agency"]`).click();
    await page.keyboard.press('Enter');
    await reportLoaded(page, first);
    expect(await preparedOpens()).toBe(1);
    if (readable) await expectGridMatchesStore(page, bridge, first);
    else expect(await page.getByTestId('failed-screen').count()).toBe(1);
  });

  /**
   * Back in the queue, opens the first (or last) report of the queue's order whose next row is readable too, and
   * returns both.
   */
  const openBeforeAReadableRow = async (which: 'first' | 'last'): Promise<[number, number]> => {
    if ((await page.getAttribute('.app', 'data-screen')) === 'review')
      await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    const readable = new Set(
      rows.filter((r) => r.template !== null && r.status !== 'failed').map((r) => r.id),
    );
    const ids = await shownOrder();
    const pair = (id: number, i: number): boolean => readable.has(id) && readable.has(ids[i + 1] ?? -1);
    const at = which === 'first' ? ids.findIndex(pair) : ids.findLastIndex(pair);
    expect(at).toBeGreaterThanOrEqual(0);
    await openFromQueue(ids[at] ?? -1);
    return [ids[at] ?? -1, ids[at + 1] ?? -1];
  };

  it('opens the row after the one just reviewed from behind the queue: as stored, keyboard left in the queue', async () => {
    const [, second] = await openBeforeAReadableRow('first');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    // The next row's report is drawn in the hidden review screen, and the keyboard stays in the queue.
    await preparedBehindQueue(second);
    expect(await page.getAttribute('.app', 'data-screen')).toBe('queue');
    expect(
      await page.getAttribute(`[data-testid="review"][data-report-id="${second}"]`, 'data-report-state'),
    ).toBe('busy');
    expect(await keyboardIn('.queue-grid')).toBe(true);
    const before = await preparedOpens();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await reportLoaded(page, second);
    expect(await preparedOpens()).toBe(before + 1);
    await expectGridMatchesStore(page, bridge, second);
    // Focused as any open is: a cell of the grid selected, the keyboard in the grid.
    expect(await selectedKey(page)).not.toBeNull();
    expect(await keyboardIn('.review-grid')).toBe(true);
    // Opened again, it is read again (a new open, not the prepared one).
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    const prepared = await preparedOpens();
    await page.keyboard.press('Enter');
    await reportLoaded(page, second);
    expect(await preparedOpens()).toBe(prepared);
    await expectGridMatchesStore(page, bridge, second);
  });

  it('an open that overtakes the preparation of its report waits for that answer, not a second read', async () => {
    const [, second] = await openBeforeAReadableRow('last');
    let release = (): void => undefined;
    readsHeld = new Promise((resolve) => (release = resolve));
    reads = 0;
    const aFrameAndATask = () =>
      page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            (globalThis as unknown as PreviewWindow).requestAnimationFrame(() =>
              setTimeout(() => setTimeout(resolve, 0), 0),
            ),
          ),
      );
    try {
      // Back asks for the next row's report; a store slow to answer holds it, and the preparation waits on it.
      await page.keyboard.press('Alt+ArrowLeft');
      await page.waitForSelector('.app[data-screen="queue"]');
      await expect.poll(() => reads).toBe(1);
      await aFrameAndATask();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await aFrameAndATask();
      expect(reads).toBe(1);
    } finally {
      readsHeld = null;
      release();
    }
    await reportLoaded(page, second);
    expect(reads).toBe(1);
    await expectGridMatchesStore(page, bridge, second);
    expect(await keyboardIn('.review-grid')).toBe(true);
  });

  /** Where opening the report puts the keyboard: its first finding (or first cell), and that cell's row. */
  const openingStop = async (reportId: number) => {
    const detail = await bridge.service.getReport({ reportId });
    const layout = buildLayout(detail.report.template, detail.cells);
    const key = firstStop(indexFindings(detail.findings), layout) ?? '';
    return { key, row: layout.position.get(key)?.row ?? -1, rows: layout.rows.length };
  };
  /**
   * The open report's grid scrolled to the end of the form farthest from the stop's row: the rows around it are not
   * drawn (ag-grid may keep the row it had focused).
   */
  const scrollAwayFrom = async (stop: { row: number; rows: number }): Promise<void> => {
    expect(stop.row).toBeGreaterThanOrEqual(0);
    await page.waitForFunction(() =>
      Boolean((globalThis as unknown as PreviewWindow).document.activeElement?.closest('.review-grid')),
    );
    await page.keyboard.press(stop.row < stop.rows / 2 ? 'End' : 'Home');
    const near = stop.row + (stop.row + 1 < stop.rows ? 1 : -1);
    await page.waitForSelector(`.review-grid .ag-row[row-index="${near}"]`, { state: 'detached' });
  };
  /** In a short window ag-grid draws only the rows in view and a few around them. */
  const inShortWindow = async (run: () => Promise<void>): Promise<void> => {
    await page.setViewportSize({ width: 1280, height: 600 });
    try {
      if ((await page.getAttribute('.app', 'data-screen')) === 'review')
        await page.keyboard.press('Alt+ArrowLeft');
      await page.waitForSelector('.app[data-screen="queue"]');
      await page.waitForSelector('[data-queue="whole"]');
      await page.waitForSelector('.queue-grid .ag-row[row-id]');
      await run();
    } finally {
      await page.setViewportSize({ width: 1600, height: 4200 });
    }
  };

  it('leaves the keyboard in the grid when a report opens from behind the queue with the grid scrolled away', () =>
    inShortWindow(async () => {
      const readable = new Set(
        rows.filter((r) => r.template !== null && r.status !== 'failed').map((r) => r.id),
      );
      const ids = await shownOrder();
      const at = ids.findIndex((id, i) => readable.has(id) && readable.has(ids[i + 1] ?? -1));
      expect(at).toBeGreaterThanOrEqual(0);
      const [first, second] = [ids[at] ?? -1, ids[at + 1] ?? -1];
      const stop = await openingStop(second);
      // The report just reviewed leaves the grid where the next report's first stop is not drawn.
      await openFromQueue(first);
      await scrollAwayFrom(stop);
      await page.keyboard.press('Alt+ArrowLeft');
      await page.waitForSelector('.app[data-screen="queue"]');
      await preparedBehindQueue(second);
      const before = await preparedOpens();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await reportLoaded(page, second);
      expect(await preparedOpens()).toBe(before + 1);
      expect(await selectedKey(page)).toBe(stop.key);
      expect(await keyboardIn(`.review-grid .ag-row[row-index="${stop.row}"]`)).toBe(true);
    }));

  it('leaves the keyboard in the grid when a report is read again with the grid scrolled away', () =>
    inShortWindow(async () => {
      // A report of one file, alone in its queue row.
      const report = rows.find((r) => r.template !== null && r.status !== 'failed' && r.group === null);
      if (!report) throw new Error('no readable report outside a group');
      const name = report.path.split('/').pop() ?? '';
      const stop = await openingStop(report.id);
      // The queue searched down to this one report: going back prepares no other report behind it.
      const search = page.locator('.queue-screen input.search');
      await search.fill(name);
      try {
        await openFromQueue(report.id);
        await scrollAwayFrom(stop);
        await page.keyboard.press('Alt+ArrowLeft');
        await page.waitForSelector('.app[data-screen="queue"]');
        const before = await preparedOpens();
        await page.keyboard.press('Enter');
        await reportLoaded(page, report.id);
        // Read again (not prepared), into the grid as the reviewer left it.
        expect(await preparedOpens()).toBe(before);
        expect(await selectedKey(page)).toBe(stop.key);
        expect(await keyboardIn(`.review-grid .ag-row[row-index="${stop.row}"]`)).toBe(true);
      } finally {
        if ((await page.getAttribute('.app', 'data-screen')) === 'review')
          await page.keyboard.press('Alt+ArrowLeft');
        await search.fill('');
      }
    }));

  it('opens a report prepared while the keyboard rested on its row as it is after its file changed', async () => {
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    // Not the report just reviewed (its row has the keyboard; resting there prepares nothing).
    const reviewed = await page.evaluate(() =>
      (globalThis as unknown as PreviewWindow).document.activeElement
        ?.closest('.ag-row')
        ?.getAttribute('row-id'),
    );
    const name = ['002_16dca761f14228ce.txt', '000_a3f0cc370b290d87.txt'].find(
      (p) => String(byPath(p).id) !== reviewed,
    );
    const report = byPath(name ?? '');
    const file = join(folder, name ?? '');
    const agency = String(report.agency);
    const renamed = `${agency.slice(0, 2)}新区${agency.slice(2)}`;
    await page.locator(`.queue-grid .ag-row[row-id="${report.id}"] [col-id="agency"]`).click();
    await preparedBehindQueue(report.id);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(agency, renamed));
    await expect
      .poll(async () => (await bridge.service.getReport({ reportId: report.id })).report.agency, {
        timeout: 20_000,
      })
      .toBe(renamed);
    const before = await preparedOpens();
    await page.keyboard.press('Enter');
    await reportLoaded(page, report.id);
    // Not the prepared report: the one read after the change.
    expect(await preparedOpens()).toBe(before);
    expect(await page.locator('.review-screen .toolbar strong').textContent()).toBe(renamed);
    await expectGridMatchesStore(page, bridge, report.id);
  });

  it('opens a report as it is after its file changed, though the queue had read it ahead', async () => {
    const report = byPath('001_cba15cde576bc8e7.txt');
    const file = join(folder, '001_cba15cde576bc8e7.txt');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.waitForSelector('.app[data-screen="queue"]');
    // The keyboard rests on the report's row: the queue reads it ahead.
    const agencyCell = page.locator(`.queue-grid .ag-row[row-id="${report.id}"] [col-id="agency"]`);
    await agencyCell.click();
    // The file is rewritten under another agency's name; the folder's watcher reads it again.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('滨海街道办事处', '滨海新区街道办事处'));
    await expect
      .poll(async () => (await bridge.service.getReport({ reportId: report.id })).report.agency, {
        timeout: 20_000,
      })
      .toBe('滨海新区街道办事处');
    await expect.poll(() => agencyCell.textContent()).toBe('滨海新区街道办事处');
    // Still on the row it was on (no new read ahead): the open must not take what was read before the change.
    await page.keyboard.press('Enter');
    await reportLoaded(page, report.id);
    expect(await page.getByTestId('review').textContent()).toContain('滨海新区街道办事处');
    await expectGridMatchesStore(page, bridge, report.id);
  });

  it('reads the open report again when its file changes, and says so', async () => {
    const report = byPath('003_81dd061a659bf16a.txt');
    const file = join(folder, '003_81dd061a659bf16a.txt');
    const renamed = '永城市政务服务和数据管理局';
    const agency = String(report.agency);
    await openFromQueue(report.id);
    expect(await page.locator('.review-screen .toolbar strong').textContent()).toBe(agency);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(agency, renamed));
    await expect
      .poll(() => page.locator('.review-screen .toolbar strong').textContent(), { timeout: 20_000 })
      .toBe(renamed);
    await expect
      .poll(() => page.locator('.toast').allTextContents())
      .toContain('本报告的文件已更改，已重新读取；请重新审校');
    await reportLoaded(page, report.id);
    expect((await bridge.service.getReport({ reportId: report.id })).report.agency).toBe(renamed);
    await expectGridMatchesStore(page, bridge, report.id);

    // A published page: the original beside the grid is the new page too.
    const html = byPath('cuidong-2021.html');
    const htmlFile = join(folder, 'cuidong-2021.html');
    await openFromQueue(html.id);
    const frame = page.getByTestId('original-view').locator('iframe');
    await page.waitForSelector('[data-testid="original-view"][data-original-state="loaded"]');
    expect(await frame.getAttribute('srcdoc')).not.toContain('本页已更新');
    writeFileSync(htmlFile, readFileSync(htmlFile, 'utf8').replace('</body>', '<p>本页已更新</p></body>'));
    await expect.poll(() => frame.getAttribute('srcdoc'), { timeout: 20_000 }).toContain('本页已更新');
    await reportLoaded(page, html.id);
    await expectGridMatchesStore(page, bridge, html.id);
  });

  it("says so when the open report's file is deleted, and keeps what was read", async () => {
    const report = byPath('001_cba15cde576bc8e7.txt');
    await openFromQueue(report.id);
    expect(await page.getByTestId('file-deleted').count()).toBe(0);
    rmSync(join(folder, '001_cba15cde576bc8e7.txt'));
    await expect
      .poll(() => page.getByTestId('file-deleted').textContent(), { timeout: 20_000 })
      .toBe('本报告的文件已从文件夹中删除；已读取的数据仍保留');
    expect((await bridge.service.getReport({ reportId: report.id })).report.missing).toBe(true);
    await reportLoaded(page, report.id);
    await expectGridMatchesStore(page, bridge, report.id);
  });

  it('logged no page or console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});

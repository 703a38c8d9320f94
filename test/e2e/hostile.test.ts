// Hostile content in a report (scripts, styles, markup, huge lines) is shown as inert text, never run or applied.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { launch, type Session } from './browser';
import { appLoaded, queueRowCount, reportLoaded } from './helpers';
import { ensureRendererBuilt, SAMPLES, tempDir } from './setup';

const SCRIPT = '<script>window.__pwned = 1</script>';
const IMG = '<img src=x onerror="window.__pwned = 2">';
const STYLE = '<style>body { display: none }</style>';

function hostileReport(): string {
  const real = readFileSync(join(SAMPLES, '000_a3f0cc370b290d87.txt'), 'utf8');
  const huge = '零'.repeat(150_000) + '0'.repeat(150_000);
  return [
    `${IMG}恶意街道2021年政府信息公开工作年度报告`,
    SCRIPT,
    STYLE,
    huge,
    real,
    `<a href="javascript:alert(1)">x</a>`,
  ].join('\n');
}

describe('hostile report content', () => {
  let dir: string;
  let bridge: Bridge;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = tempDir('hostile');
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'hostile.txt'), hostileReport());
    writeFileSync(join(folder, 'page.html'), `<html><body>${SCRIPT}${STYLE}<p>${IMG}</p></body></html>`);
    bridge = await startBridge({ dataDir: join(dir, 'data'), samplesDir: SAMPLES, chooseFolder: folder });
    await bridge.service.setReviewerName({ name: '测试' });
    session = await launch();
    page = await session.browser.newPage();
  });

  afterAll(async () => {
    await session?.close();
    await bridge?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the files chosen through the folder command', async () => {
    await page.goto(bridge.url);
    await appLoaded(page);
    bridge.menu('choose-folder');
    await expect.poll(() => bridge.service.getSettings().then((s) => s.folder)).toContain('reports');
    await bridge.service.idle();
    await expect.poll(() => queueRowCount(page), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('.queue-grid img, .queue-grid script').count()).toBe(0);
  });

  it('shows scripts, markup and styles as text and shortens the huge line', async () => {
    const id = (await bridge.service.listReports({})).find((r) => r.path === 'hostile.txt')!.id;
    await page
      .locator('.queue-grid .ag-row', { hasText: 'hostile.txt' })
      .locator('[col-id="path"]')
      .dblclick();
    await reportLoaded(page, id);
    const source = page.getByTestId('source-text');
    await expect.poll(() => source.textContent()).toContain(SCRIPT);
    const text = (await source.textContent()) ?? '';
    expect(text).toContain(IMG);
    expect(text).toContain(STYLE);
    expect(text).toContain('省略');
    expect(text.length).toBeLessThan(60_000);
    expect(await page.locator('[data-testid="source-text"] :is(script, img, style, a)').count()).toBe(0);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    const bodyDisplay = await page.evaluate(() => {
      const w = globalThis as unknown as {
        getComputedStyle(e: unknown): { display: string };
        document: { body: unknown };
      };
      return w.getComputedStyle(w.document.body).display;
    });
    expect(bodyDisplay).not.toBe('none');
  });

  it('runs under a strict content security policy: no inline script, no remote content', async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // (eval itself cannot be probed from here: the test driver's own evaluation is exempt from the page's CSP.)
    const blocked = await page.evaluate(async () => {
      const w = globalThis as unknown as {
        fetch(url: string): Promise<unknown>;
        document: { createElement(t: string): { textContent: string }; head: { append(n: unknown): void } };
        addEventListener(type: string, l: (e: { effectiveDirective: string }) => void): void;
        __inline?: boolean;
      };
      const violations: string[] = [];
      // Violation events are queued: wait for both (or 10 s), not for a fixed short time.
      const bothSeen = new Promise<void>((resolve) => {
        w.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.effectiveDirective);
          if (violations.length >= 2) resolve();
        });
      });
      const script = w.document.createElement('script');
      script.textContent = 'window.__inline = true';
      w.document.head.append(script);
      let remoteBlocked = false;
      try {
        await w.fetch('https://example.com/');
      } catch {
        remoteBlocked = true;
      }
      await Promise.race([bothSeen, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      return { inlineRan: w.__inline === true, remoteBlocked, violations: violations.sort() };
    });
    expect(blocked).toEqual({
      inlineRan: false,
      remoteBlocked: true,
      violations: ['connect-src', 'script-src-elem'],
    });
  });
});

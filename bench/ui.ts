// npm run bench:ui [-- --count 10000 --opens 100 --edits 100]
// Fills a store with generated reports, serves the built renderer through the e2e loopback bridge and drives
// Chromium: queue first paint, time to open a report, and the edit round trip (keypress → stored → findings
// updated → grid repainted), each measured in the page with performance.now().
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { generateReport } from '../test/generator';
import { launch } from '../test/e2e/browser';
import { ensureRendererBuilt } from '../test/e2e/setup';
import type { UiBridgeReady } from './ui-bridge';

const { values: opts } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    opens: { type: 'string', default: '100' },
    edits: { type: 'string', default: '100' },
    loads: { type: 'string', default: '5' },
    originals: { type: 'string', default: '20' },
  },
});
const count = Number(opts.count);

/** Generated files are shared with bench:import (same folder and key), since generating takes a while. */
function reportsFolder(): string {
  const generatorDir = join(import.meta.dirname, '../test/generator');
  const source = createHash('sha256');
  for (const f of readdirSync(generatorDir).sort()) source.update(readFileSync(join(generatorDir, f)));
  const key = `${count}-${source.digest('hex').slice(0, 12)}`;
  const dir = join(tmpdir(), `nianbao-bench-import-${key}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const report = generateReport(i + 1);
    writeFileSync(join(sub, report.fileName), report.text);
  }
  writeFileSync(join(dir, '.complete'), key);
  return dir;
}

/** Published pages for the original view: a real report page, one distinct file each (a comment differs). */
function addOriginals(folder: string): void {
  const dir = join(folder, 'originals');
  mkdirSync(dir, { recursive: true });
  const page = readFileSync(join(import.meta.dirname, '../test/fixtures/read/report-000-2021.html'), 'utf8');
  for (let i = 0; i < 5; i++) {
    const file = join(dir, `original-${String(i).padStart(2, '0')}.html`);
    if (!existsSync(file)) writeFileSync(file, `${page}\n<!-- bench copy ${i} -->\n`);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(label: string, ms: number[], goal: string): void {
  const f = (n: number): string => `${n.toFixed(1)} ms`;
  console.log(
    `${label.padEnd(30)} p50 ${f(percentile(ms, 50)).padStart(10)}   p95 ${f(percentile(ms, 95)).padStart(10)}   ` +
      `max ${f(Math.max(...ms)).padStart(10)}   n=${ms.length}   (goal ${goal})`,
  );
}

/**
 * Installs in-page timers: the last Enter's time, and every edit repaint measured from the Enter that caused it. The
 * time is the event's own (when the browser received the key), not when the page got to handle it: a page busy when
 * the key arrives makes the reviewer wait, and that wait counts. When the page got to the Enter, and the last back
 * (Alt+←), are kept too: they say where an open's time went.
 */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      __bench: {
        keyAt: number;
        keyHandledAt: number;
        backAt: number;
        edits: number[];
        armed: Promise<void> | null;
      };
      addEventListener: (
        t: string,
        l: (e: { key?: string; timeStamp: number }) => void,
        capture?: boolean,
      ) => void;
      performance: { now(): number };
    };
    w.__bench = { keyAt: 0, keyHandledAt: 0, backAt: 0, edits: [], armed: null };
    w.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'ArrowLeft') w.__bench.backAt = e.timeStamp;
        if (e.key !== 'Enter') return;
        w.__bench.keyAt = e.timeStamp;
        w.__bench.keyHandledAt = w.performance.now();
      },
      true,
    );
    w.addEventListener('nianbao:edit-painted', () =>
      w.__bench.edits.push(w.performance.now() - w.__bench.keyAt),
    );
  });
}

/**
 * Arms, before a keypress or click, a wait for the next performance mark (or event) of that name; `settled` then
 * awaits it. Nothing polls: a poll's own script (Playwright's waitForFunction runs one every frame) would run in the
 * page while it is being measured.
 */
async function armMark(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    const w = globalThis as unknown as { __bench: { armed: Promise<void> | null } };
    w.__bench.armed = new Promise<void>((resolve) =>
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName(n).length === 0) return;
        observer.disconnect();
        resolve();
      }).observe({ type: 'mark' }),
    );
  }, name);
}

async function armEvent(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    const w = globalThis as unknown as {
      __bench: { armed: Promise<void> | null };
      addEventListener: (t: string, l: () => void, o: { once: boolean }) => void;
    };
    w.__bench.armed = new Promise<void>((resolve) => w.addEventListener(n, resolve, { once: true }));
  }, name);
}

/** Awaits the armed wait; a page that never gets there fails the bench after 30 s instead of hanging it. */
async function settled(page: Page, what: string): Promise<void> {
  const done = await page.evaluate(
    (ms) =>
      Promise.race([
        (globalThis as unknown as { __bench: { armed: Promise<void> | null } }).__bench.armed?.then(
          () => true,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
    30_000,
  );
  if (!done) throw new Error(`基准测试等待超时：${what} (bench wait timed out after 30 s: ${what})`);
}

async function lastMark(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => {
    const marks = performance.getEntriesByName(n);
    return marks[marks.length - 1]?.startTime ?? NaN;
  }, name);
}

/**
 * Waits until the session's Chromium processes have used under 20 ms of CPU in a quarter second (at most 10 s).
 * Null where /proc cannot be read (not Linux).
 */
async function chromiumSettled(profile: string): Promise<{ ms: number; cpuMs: number } | null> {
  const tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)
  const cpu = (): number | null => {
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    } catch {
      return null;
    }
    let ticks = 0;
    for (const pid of pids) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks * tick;
  };
  const first = cpu();
  if (first === null) return null;
  const start = Date.now();
  let last = first;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpu() ?? last;
    const done = now - last <= 20 || Date.now() - start > 10_000;
    last = now;
    if (done) return { ms: Date.now() - start, cpuMs: last - first };
  }
}

async function main(): Promise<void> {
  ensureRendererBuilt();
  const folder = reportsFolder();
  addOriginals(folder);
  const dataDir = join(tmpdir(), `nianbao-bench-ui-${process.pid}`);
  // The store and the bridge run in a process of their own (bench/ui-bridge.ts); tsx's loader is inherited.
  const child = fork(join(import.meta.dirname, 'ui-bridge.ts'), [folder, dataDir], { stdio: 'inherit' });
  const bridge = await new Promise<UiBridgeReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as UiBridgeReady));
    child.once('exit', (code) =>
      reject(new Error(`基准测试的存储进程已退出 (bridge process exited: ${code})`)),
    );
  });
  let stopping = false;
  // The store gone mid-run is said at once: the figures after it would be of errors (each wait then times out).
  const stopped = new Promise((resolve) =>
    child.once('exit', (code) => {
      if (!stopping) console.error(`基准测试的存储进程意外退出 (bridge process exited: ${code})`);
      resolve(code);
    }),
  );
  const session = await launch().catch((err: unknown) => {
    stopping = true;
    child.disconnect();
    throw err;
  });
  try {
    const page = await session.browser.newPage();
    page.on('pageerror', (err) => console.error('页面错误 (page error):', err.message));

    // Queue first paint: navigation start → first rows of the grid painted.
    // The first paint is the top of the queue drawn before ag-grid has loaded; the grid then draws the same rows and
    // takes keys and clicks ("grid ready"). The waits do not poll: a poll's own script would run in the page.
    const paints: number[] = [];
    const gridReady: number[] = [];
    // Read through the DevTools protocol, not page.evaluate: Playwright's first evaluate in a document injects its
    // own script (a 40-60 ms task on a cold load), which would land in the middle of the start-up it measures.
    const cdp = await session.browser.newCDPSession(page);
    const markAt = async (name: string): Promise<number> => {
      const answer = (await cdp.send('Runtime.evaluate', {
        expression: `new Promise((resolve) => {
          const at = () => performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime;
          if (at() !== undefined) return resolve(at());
          new PerformanceObserver((_list, observer) => {
            if (at() === undefined) return;
            observer.disconnect();
            resolve(at());
          }).observe({ type: 'mark' });
          setTimeout(() => resolve(NaN), 60000);
        })`,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: number } };
      const at = answer.result.value ?? NaN;
      if (Number.isNaN(at)) throw new Error(`基准测试等待超时：${name} (bench wait timed out after 60 s)`);
      return at;
    };
    // The first load is cold (a new profile: no HTTP or code cache), but starts once Chromium's own start-up is
    // over: headless Chromium spends about 1 s of CPU in its first seconds on a hidden omnibox page, which an
    // Electron window does not have; on two cores it slowed the first load by 300-400 ms.
    const browserStart = await chromiumSettled(session.profile);
    for (let i = 0; i < Number(opts.loads); i++) {
      await page.goto(bridge.url);
      paints.push(await markAt('nianbao:queue-painted'));
      gridReady.push(await markAt('nianbao:queue-grid-painted'));
    }
    const shown = await page.locator('.queue-grid .ag-row[row-id]').count();
    // Opens are measured once the start-up is over: the whole queue has replaced its top and the page has had no
    // long task (≥ 50 ms) for half a second. An open racing the start-up's own work is the start-up's figure
    // (above), not the open's; a reviewer reads the queue for longer than that before opening a report.
    await page.waitForSelector('[data-queue="whole"]', { timeout: 60_000 });
    const quietFor = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const since = performance.now();
          let last = since;
          // Chromium's long-task entries (Node's typings do not list the type).
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) last = Math.max(last, e.startTime + e.duration);
          }).observe({ type: 'longtask' } as unknown as { type: 'mark' });
          const check = (): void => {
            const now = performance.now();
            if (now - last >= 500 || now - since > 10_000) resolve(now - since);
            else setTimeout(check, 100);
          };
          setTimeout(check, 100);
        }),
    );

    // Open a report: Enter on the queue row → grid and source painted; back, the next row, Enter, as a reviewer
    // walking the queue does (the row after the one just reviewed is prepared behind the queue meanwhile).
    await instrument(page);
    await page.locator('.queue-grid .ag-row[row-index="0"] [col-id="agency"]').click();
    const opens: number[] = [];
    // Whether each open found its report prepared behind the queue (App), which then only had to be shown.
    const prepared: boolean[] = [];
    // How long each Enter waited for the page to handle it, and how soon after back it was pressed.
    const waited: number[] = [];
    const afterBack: number[] = [];
    for (let i = 0; i < Number(opts.opens); i++) {
      await armMark(page, 'nianbao:report-painted');
      await page.keyboard.press('Enter');
      await settled(page, '打开报告 (open a report)');
      await page.waitForSelector('[data-testid="review"][data-report-state="loaded"]', { timeout: 30_000 });
      const { keyAt, keyHandledAt, backAt } = await page.evaluate(
        () =>
          (globalThis as unknown as { __bench: { keyAt: number; keyHandledAt: number; backAt: number } })
            .__bench,
      );
      opens.push((await lastMark(page, 'nianbao:report-painted')) - keyAt);
      waited.push(keyHandledAt - keyAt);
      if (i > 0) afterBack.push(keyAt - backAt);
      prepared.push((await lastMark(page, 'nianbao:open-prepared')) >= keyAt);
      await page.keyboard.press('Alt+ArrowLeft');
      await page.waitForFunction(() => {
        const doc = (
          globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }
        ).document;
        return Boolean(doc.activeElement?.closest('.queue-grid'));
      });
      await page.keyboard.press('ArrowDown');
    }

    // Edit round trip on the focused cell: Enter, type, Enter (commit) … repainted; then back up and again.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="review"][data-report-state="loaded"]');
    await page.evaluate(
      () => ((globalThis as unknown as { __bench: { edits: number[] } }).__bench.edits = []),
    );
    for (let i = 0; i < Number(opts.edits); i++) {
      // A value different from the cell's, or nothing would be saved.
      const current = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
        ).document;
        return Number(doc.querySelector('.review-grid .ag-cell-focus')?.textContent || 0);
      });
      await page.keyboard.press('F2');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(String(((Math.trunc(current) + 1 + (i % 5)) % 9) + 1));
      await armEvent(page, 'nianbao:edit-painted');
      await page.keyboard.press('Enter');
      await settled(page, '修改单元格 (edit round trip)');
      await page.keyboard.press('ArrowUp');
    }
    const edits = await page.evaluate(
      () => (globalThis as unknown as { __bench: { edits: number[] } }).__bench.edits,
    );

    // Opening the original view: click 原始版式 on a published page → fetched, sanitised, framed, cell highlighted.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.locator('.queue-screen input.search').fill('originals/');
    await page.locator('.queue-grid .ag-row[row-index="0"] [col-id="agency"]').dblclick();
    await page.waitForSelector('[data-testid="review"][data-report-state="loaded"]');
    const originals: number[] = [];
    for (let i = 0; i < Number(opts.originals); i++) {
      await page.locator('.source-tabs [data-view="text"]').click();
      await page.waitForSelector('[data-testid="source-text"]');
      await armMark(page, 'nianbao:original-painted');
      const clickAt = await page.evaluate(() => {
        const w = globalThis as unknown as {
          document: { querySelector(s: string): { click(): void } | null };
        };
        const at = performance.now();
        w.document.querySelector('.source-tabs [data-view="original"]')?.click();
        return at;
      });
      await settled(page, '原始版式 (original view)');
      originals.push((await lastMark(page, 'nianbao:original-painted')) - clickAt);
    }

    // The loopback bridge's own cost per call (HTTP over loopback), part of every open and edit above; Electron's
    // IPC, which it stands in for, has none of it.
    const calls = await page.evaluate(async () => {
      const api = (globalThis as unknown as { nianbao: { getSettings(): Promise<unknown> } }).nianbao;
      const ms: number[] = [];
      for (let i = 0; i < 40; i++) {
        const at = performance.now();
        await api.getSettings();
        ms.push(performance.now() - at);
      }
      return ms;
    });

    console.log(
      `\nbench:ui — ${bridge.reports} 份报告 in the store (import ${bridge.importSeconds.toFixed(1)} s, ${bridge.failed} failed; store and bridge in their own process)`,
    );
    console.log(
      `queue rows rendered (virtualised): ${shown}; start-up quiet after ${quietFor.toFixed(0)} ms`,
    );
    console.log(
      browserStart
        ? `Chromium's own start-up over after ${browserStart.ms} ms (${browserStart.cpuMs} ms CPU), before the first load`
        : "Chromium's own start-up not awaited (no /proc here)",
    );
    summary('queue first paint', paints, '≤ 1000 ms');
    summary('queue grid ready', gridReady, 'none');
    summary('open a report', opens, 'p95 ≤ 100 ms');
    const servedPrepared = opens.filter((_, i) => prepared[i]);
    const servedCold = opens.filter((_, i) => !prepared[i]);
    if (servedPrepared.length > 0) summary('  of which prepared', servedPrepared, 'none');
    if (servedCold.length > 0) summary('  of which not prepared', servedCold, 'none');
    summary('  Enter waiting for the page', waited, 'none: input delay');
    summary('  Enter after back', afterBack, 'none: the bench keys, not a reviewer');
    if (process.env['BENCH_VERBOSE']) console.log('paints (ms):', paints.map((n) => n.toFixed(0)).join(' '));
    if (process.env['BENCH_VERBOSE'])
      console.log('grid ready (ms):', gridReady.map((n) => n.toFixed(0)).join(' '));
    if (process.env['BENCH_VERBOSE'])
      console.log(
        'opens (ms, * prepared, +ms Enter waited):',
        opens.map((n, i) => `${n.toFixed(0)}${prepared[i] ? '*' : ''}+${waited[i]?.toFixed(0)}`).join(' '),
      );
    summary('edit round trip', edits, 'p95 ≤ 50 ms');
    summary('open the original view', originals, 'p95 ≤ 300 ms');
    summary('bridge call (no work)', calls, 'none: test transport');
  } finally {
    await session.close();
    stopping = true;
    if (child.connected) child.disconnect();
    await stopped;
  }
}

await main();

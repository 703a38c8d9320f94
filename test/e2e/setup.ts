// Shared set-up of the e2e suite: the renderer must be built (npm test builds it first; a lone run builds it here).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RENDERER_DIR, ROOT } from './bridge';

export const SAMPLES = join(ROOT, 'resources', 'samples');
/**
 * Where the suite saves its screenshots: docs/screenshots (tracked, shown in the README) only through
 * `npm run screenshots`; otherwise a temporary folder, so that `npm test` never rewrites tracked files.
 */
export const SCREENSHOTS =
  process.env['NIANBAO_SCREENSHOTS'] === 'docs'
    ? join(ROOT, 'docs', 'screenshots')
    : join(tmpdir(), 'nianbao-screenshots');

/** Saves `<name>.png` at the reviewer's window size in SCREENSHOTS (docs/screenshots under `npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Always the window size a reviewer has, whatever size the scenario runs at.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(
    () =>
      new Promise((ok) =>
        (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() =>
          setTimeout(ok, 100),
        ),
      ),
  );
  await page.mouse.move(700, 12); // no tooltip in the picture
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  if (size) await page.setViewportSize(size);
}

export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export function tempDir(name: string): string {
  mkdirSync(tmpdir(), { recursive: true });
  return mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
}

// The store and the loopback bridge of bench:ui, in a process of their own (forked by bench/ui.ts). In the app the
// store answers in Electron's main process and the page's files are loaded by Chromium, so neither waits on
// anything else; here the Playwright driver shares a process with whatever it runs beside, and its own work (about
// 150 ms of it while the first page loads) would hold up the files and the answers the figures are made of.
import { rmSync } from 'node:fs';
import { startBridge } from '../test/e2e/bridge';
import { SAMPLES } from '../test/e2e/setup';

export interface UiBridgeReady {
  url: string;
  reports: number;
  failed: number;
  importSeconds: number;
}

const [folder, dataDir] = process.argv.slice(2);
if (!folder || !dataDir || !process.send)
  throw new Error('usage: forked by bench/ui.ts with <folder> <dataDir>');

const t = performance.now();
const bridge = await startBridge({ dataDir, samplesDir: SAMPLES, watch: false });
await bridge.service.setReviewerName({ name: '基准测试' });
await bridge.service.openFolder(folder);
const progress = await bridge.service.idle();
const ready: UiBridgeReady = {
  url: bridge.url,
  reports: (await bridge.service.listReports({})).length,
  failed: progress.failed,
  importSeconds: (performance.now() - t) / 1000,
};
process.send(ready);
// The bench is done (or gone): close the store and remove its data.
process.once('disconnect', () => {
  void bridge.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});

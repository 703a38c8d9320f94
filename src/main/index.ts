// Electron main: one locked-down window, the menu, the folder dialog, and ReviewService bound to ipcMain.
import { app, dialog, ipcMain, Menu, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ApiEvents, ApiHandlers, EventName, Language } from '../shared/api';
import { ReviewService } from '../core/service';
import { CHANNELS, dispatch } from './args';
import { buildMenu } from './menu';
import { isTrustedFrameUrl } from './app-url';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, devRendererUrl, lockDownSession, lockDownWebContents } from './window';

let win: BrowserWindow | null = null;

function samplesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'samples')
    : join(app.getAppPath(), 'resources', 'samples');
}

function send<E extends EventName>(event: E, payload: ApiEvents[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(`event:${event}`, payload);
}

function setMenu(language: Language): void {
  if (win) Menu.setApplicationMenu(buildMenu(win, language));
}

async function start(): Promise<void> {
  lockDownWebContents();
  lockDownSession();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const service = await ReviewService.open({ dataDir: app.getPath('userData'), samplesDir: samplesDir() });
  service.on('importProgress', (p) => send('importProgress', p));
  service.on('reportsChanged', (p) => send('reportsChanged', p));
  service.on('exportProgress', (p) => send('exportProgress', p));

  const handlers: ApiHandlers = {
    ...service.handlers(),
    async chooseFolder() {
      const options = { title: '选择报告文件夹', properties: ['openDirectory' as const] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const folder = picked.filePaths[0];
      return picked.canceled || !folder ? null : service.openFolder(folder);
    },
    async exportDataset(args) {
      const options = {
        title: '选择导出文件夹',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const folder = picked.filePaths[0];
      return picked.canceled || !folder ? null : service.exportTo(folder, args);
    },
    async setLanguage(args) {
      const settings = await service.setLanguage(args);
      setMenu(settings.language);
      return settings;
    },
  };
  // Only the app's own page, in the main frame of its window, may call the API (not an iframe, not another origin).
  const devUrl = devRendererUrl();
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, raw: unknown) => {
      const frame = event.senderFrame;
      const own = win !== null && !win.isDestroyed() && event.sender === win.webContents;
      if (!own || !frame || frame !== frame.top || !isTrustedFrameUrl(frame.url, devUrl))
        throw new Error(`拒绝来自未知页面的请求 (request from an untrusted frame refused): ${channel}`);
      return dispatch(handlers, channel, raw);
    });
  }

  win = createMainWindow();
  win.on('closed', () => {
    win = null;
  });
  setMenu((await service.getSettings()).language);
  // Stop the watcher and close the database before the process ends.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void service.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('年报审校无法启动 (Nianbao could not start)', String(err));
      app.exit(1);
    });
}

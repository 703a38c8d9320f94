// The one application window, locked down: isolated, sandboxed, no Node, no navigation, no new windows,
// no permissions, no remote content; the renderer comes from app://nianbao/ (see protocol.ts), never file://.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_INDEX, APP_ORIGIN } from './app-url';

/** Applied to every web contents the app ever creates. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Only the app's own files (app://, and the dev server in development) may be loaded; file:// never.
  const devUrl = devRendererUrl();
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed =
      url.startsWith(`${APP_ORIGIN}/`) ||
      url.startsWith('devtools://') ||
      url.startsWith('data:') ||
      (devUrl !== null && (url.startsWith(devUrl) || url.startsWith(devUrl.replace(/^http/, 'ws'))));
    callback({ cancel: !allowed });
  });
}

export function devRendererUrl(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && url ? url : null;
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '年报审校 Nianbao',
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  const devUrl = devRendererUrl();
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadURL(APP_INDEX);
  return win;
}

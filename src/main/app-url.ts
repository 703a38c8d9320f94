// The app's own origin: the renderer is served from app://nianbao/ (a custom protocol, never file://), and only
// pages from that origin (or the dev server in development) may call the API. Pure functions: tested without Electron.
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX = `${APP_ORIGIN}/index.html`;

/** The file under `root` that an app:// URL names, or null (another host, a path leaving `root`, a bad URL). */
export function appFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

/** Whether a frame at `url` may call the API: the app's origin, or the dev server's in development. */
export function isTrustedFrameUrl(url: string | undefined, devUrl: string | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devUrl === null) return false;
  try {
    return parsed.origin === new URL(devUrl).origin;
  } catch {
    return false;
  }
}

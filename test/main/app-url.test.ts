// The app:// origin: which files it serves and which frames may call the API.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX, appFileFor, isTrustedFrameUrl } from '../../src/main/app-url';

const root = resolve('/opt/nianbao/out/renderer');

describe('appFileFor', () => {
  it('serves the files of the renderer folder', () => {
    expect(appFileFor(APP_INDEX, root)).toBe(join(root, 'index.html'));
    expect(appFileFor('app://nianbao/', root)).toBe(join(root, 'index.html'));
    expect(appFileFor('app://nianbao/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets/index-abc.js'),
    );
    expect(appFileFor('app://nianbao/assets/%E5%AD%97.woff2', root)).toBe(join(root, 'assets/字.woff2'));
  });

  it('never names a file outside it', () => {
    // The URL parser drops dot segments, so these stay inside (and name files that do not exist there).
    for (const url of ['app://nianbao/../../etc/passwd', 'app://nianbao/%2e%2e/%2e%2e/etc/passwd'])
      expect(appFileFor(url, root)?.startsWith(`${root}/`), url).toBe(true);
  });

  it('refuses escapes, other hosts and other schemes', () => {
    for (const url of [
      'app://nianbao/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://nianbao/%00',
      'app://nianbao/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://nianbao/index.html',
      'not a url',
    ])
      expect(appFileFor(url, root), url).toBeNull();
  });
});

describe('isTrustedFrameUrl', () => {
  it('trusts the app origin, and the dev server only in development', () => {
    expect(isTrustedFrameUrl(APP_INDEX, null)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5173/', null)).toBe(false);
    for (const url of [
      undefined,
      '',
      'file:///opt/nianbao/out/renderer/index.html',
      'https://example.com/',
      'app://evil/',
      'about:blank',
      'data:text/html,x',
    ])
      expect(isTrustedFrameUrl(url, 'http://localhost:5173'), String(url)).toBe(false);
  });
});

// Serves the built renderer from app://nianbao/ instead of file://: a standard, secure origin of its own, which
// can reach only the files of out/renderer (file:// would reach the whole disk).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, appFileFor } from './app-url';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: answers app:// requests with the renderer's files, 404 for anything else. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = appFileFor(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

// The loopback bridge: ReviewService in Node on a real SQLite file, behind an HTTP server on 127.0.0.1 that
// serves the built renderer and implements the API contract over a WebSocket (calls answered by id, events pushed).
// The page gets `window.nianbao` from a small script the bridge adds to index.html; the renderer cannot tell the
// difference.
import { createServer, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiEvents, ApiHandlers, EventName, MenuCommand } from '../../src/shared/api';
import { CHANNELS, dispatch } from '../../src/main/args';
import { ReviewService, type ServiceOptions } from '../../src/core/service';
import { installBridgeApi } from './browser-api';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const BASE = '/__bridge__';
const SOCKET = `${BASE}/socket`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BridgeOptions extends ServiceOptions {
  /** What the system folder dialog would return (null: the reviewer cancels). */
  chooseFolder?: string | null;
  /** The folder the export dialog would return (null: cancelled). */
  exportFolder?: string | null;
  /** Receives the path the main process would hand to shell.openPath (the bridge cannot open applications). */
  onOpenFile?: (path: string) => void;
  rendererDir?: string;
  /** Awaited before a call is handled: a test can hold a call (a slow store) and release it when it chooses. */
  beforeCall?: (channel: string) => Promise<void> | undefined;
}

export interface Bridge {
  url: string;
  service: ReviewService;
  /** Sends a menu command to every open page, as the Electron menu does. */
  menu(command: MenuCommand): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, data: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(data);
}

export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const rendererDir = opts.rendererDir ?? RENDERER_DIR;
  const service = await ReviewService.open(opts);
  const handlers: ApiHandlers = {
    ...service.handlers(),
    chooseFolder: async () => (opts.chooseFolder ? service.openFolder(opts.chooseFolder) : null),
    exportDataset: async (args) => (opts.exportFolder ? service.exportTo(opts.exportFolder, args) : null),
    openOriginalFile: async ({ reportId }) => {
      const path = await service.originalPath(reportId);
      if (!path.ok) return path;
      opts.onOpenFile?.(path.value);
      return { ok: true, value: null };
    },
  };
  const sockets = new Set<WebSocket>();
  const push = <E extends EventName>(event: E, payload: ApiEvents[E]): void => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) socket.send(message);
  };
  const offs = [
    service.on('importProgress', (p) => push('importProgress', p)),
    service.on('reportsChanged', (p) => push('reportsChanged', p)),
    service.on('exportProgress', (p) => push('exportProgress', p)),
  ];
  // tsx/esbuild may wrap named functions in a `__name` helper that the page lacks.
  const apiScript =
    'var __name = (fn) => fn;\n' +
    `(${installBridgeApi.toString()})(${JSON.stringify(CHANNELS)}, ${JSON.stringify(SOCKET)});`;

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = decodeURIComponent(url.pathname);
      if (path === `${BASE}/api.js`) return send(res, 200, TYPES['.js']!, apiScript);
      const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(rendererDir + sep)) return send(res, 403, 'text/plain', 'forbidden');
      try {
        let data: string | Buffer = await readFile(file);
        if (file.endsWith('index.html')) {
          // A classic script runs before the deferred module scripts of the app.
          data = data
            .toString('utf8')
            .replace('<script', `<script src="${BASE}/api.js"></script>\n    <script`);
        }
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data);
      } catch {
        send(res, 404, 'text/plain', 'not found');
      }
    })();
  });
  const wss = new WebSocketServer({ server, path: SOCKET });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      void (async () => {
        const { id, channel, args } = JSON.parse(String(data)) as {
          id: number;
          channel: string;
          args?: unknown;
        };
        let answer: string;
        try {
          await opts.beforeCall?.(channel);
          const value = await dispatch(handlers, channel, args);
          answer = JSON.stringify({ id, ok: true, value: value ?? null });
        } catch (err) {
          answer = JSON.stringify({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
        }
        if (socket.readyState === socket.OPEN) socket.send(answer);
      })();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    service,
    menu: (command) => push('menuCommand', command),
    async close() {
      for (const off of offs) off();
      for (const socket of sockets) socket.terminate();
      sockets.clear();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await service.close();
    },
  };
}

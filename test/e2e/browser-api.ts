// The browser-side implementation of the API contract used by the e2e bridge: the same object the preload
// exposes in Electron, speaking to the loopback bridge over one WebSocket instead of IPC. Calls and events share
// the socket and keep their order, as they do over Electron's IPC; a call costs about what an IPC round trip
// does (an HTTP request per call cost 5–15 ms here, which the benchmarks then counted against the app).
// `installBridgeApi` is serialised with Function.prototype.toString and run in the page: no imports inside.
import type { ApiEvents, Channel, EventName, NianbaoApi } from '../../src/shared/api';

export function installBridgeApi(channels: readonly Channel[], socketUrl: string): void {
  const listeners: { [E in EventName]: Set<(payload: ApiEvents[E]) => void> } = {
    importProgress: new Set(),
    reportsChanged: new Set(),
    exportProgress: new Set(),
    menuCommand: new Set(),
  };
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed: Error | null = null;
  // Calls made before the socket is open wait here, in order.
  const queue: string[] = [];
  const url = new URL(socketUrl, (globalThis as unknown as { location: { href: string } }).location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    for (const message of queue.splice(0)) socket.send(message);
  });
  socket.addEventListener('message', (e) => {
    const message = JSON.parse(String((e as unknown as { data: string }).data)) as
      | { id: number; ok: true; value: unknown }
      | { id: number; ok: false; error: string }
      | { event: EventName; payload: unknown };
    if ('event' in message) {
      for (const l of listeners[message.event] ?? []) (l as (p: unknown) => void)(message.payload);
      return;
    }
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (!call) return;
    if (message.ok) call.resolve(message.value);
    else call.reject(new Error(message.error));
  });
  socket.addEventListener('close', () => {
    closed = new Error('与测试桥的连接已断开');
    for (const call of pending.values()) call.reject(closed);
    pending.clear();
  });
  function invoke(channel: Channel, args: unknown): Promise<unknown> {
    if (closed) return Promise.reject(closed);
    const id = nextId++;
    const message = JSON.stringify({ id, channel, args });
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
      else queue.push(message);
    });
  }
  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      const set = listeners[event] as Set<(payload: unknown) => void> | undefined;
      if (!set) throw new Error(`未知事件：${String(event)}`);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const channel of channels) api[channel] = (args?: unknown) => invoke(channel, args);
  (globalThis as unknown as { nianbao: NianbaoApi }).nianbao = Object.freeze(api) as unknown as NianbaoApi;
}

// The browser-side implementation of the API contract used by the e2e bridge: the same object the preload
// exposes in Electron, speaking HTTP + server-sent events to the loopback bridge instead of IPC.
// `installBridgeApi` is serialised with Function.prototype.toString and run in the page: no imports inside.
import type { ApiEvents, Channel, EventName, NianbaoApi } from '../../src/shared/api';

export function installBridgeApi(channels: readonly Channel[], base: string): void {
  const listeners: { [E in EventName]: Set<(payload: ApiEvents[E]) => void> } = {
    importProgress: new Set(),
    reportsChanged: new Set(),
    exportProgress: new Set(),
    menuCommand: new Set(),
  };
  // Opened with the first subscription (the app's first render), not at once: while the page loads, a held-open
  // connection would leave the app's scripts and first requests fewer of the browser's six per host.
  let source: EventSource | null = null;
  const listen = (): void => {
    if (source) return;
    source = new EventSource(`${base}/events`);
    for (const name of Object.keys(listeners) as EventName[]) {
      source.addEventListener(name, (e) => {
        const payload: unknown = JSON.parse((e as unknown as { data: string }).data);
        for (const l of listeners[name]) (l as (p: unknown) => void)(payload);
      });
    }
  };
  async function invoke(channel: Channel, args: unknown): Promise<unknown> {
    const res = await fetch(`${base}/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }),
    });
    const body = (await res.json()) as { ok: true; value: unknown } | { ok: false; error: string };
    if (!body.ok) throw new Error(body.error);
    return body.value;
  }
  const api: Record<string, unknown> = {
    on(event: EventName, listener: (payload: unknown) => void): () => void {
      const set = listeners[event] as Set<(payload: unknown) => void> | undefined;
      if (!set) throw new Error(`未知事件：${String(event)}`);
      listen();
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  for (const channel of channels) api[channel] = (args?: unknown) => invoke(channel, args);
  (globalThis as unknown as { nianbao: NianbaoApi }).nianbao = Object.freeze(api) as unknown as NianbaoApi;
}

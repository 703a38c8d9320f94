// The one object the renderer talks to: the preload's in Electron, the loopback bridge's in e2e tests.
import type { NianbaoApi } from '../../shared/api';

declare global {
  interface Window {
    nianbao: NianbaoApi;
  }
}

export const api: NianbaoApi = window.nianbao;

/** Error text for the reviewer, without Electron's "Error invoking remote method" wrapper. */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}

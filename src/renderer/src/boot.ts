// The first requests, sent by a small script of its own before the application's code is fetched, parsed and run:
// the settings and the top of the queue (enough for its first paint). The store answers them while the page is
// still starting. The whole queue is asked for by the application once the top has painted (App), so that
// building, sending and parsing the list does not hold up the first paint. Null when no folder is open yet.
import type { NianbaoApi } from '../../shared/api';

/** Rows of the queue's first paint: more than a tall window shows. */
export const QUEUE_HEAD_ROWS = 80;

const api = (window as unknown as { nianbao: NianbaoApi }).nianbao;

export const early = {
  settings: api.getSettings(),
  head: api.queueHead({ first: QUEUE_HEAD_ROWS }).catch(() => null),
};

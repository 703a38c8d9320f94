// ag-grid gives the keyboard only to a cell it has drawn. A row brought into view by a scroll is drawn by React in
// a later task, and a cell focused before that is marked focused but never given the keyboard: it stays on the
// screen just hidden, then on the page, and the grid's keys (arrows, Enter, F2) do nothing. Both grids (the queue
// and the review grid) focus through here.
import type { GridApi } from 'ag-grid-community';

/** How long a focused cell is waited for (a row drawn later than this is not waited for). */
const DRAWN_WITHIN_MS = 2_000;

/**
 * Focuses a cell of the grid and, if ag-grid has not drawn it yet, gives it the keyboard once it is drawn: unless
 * the keyboard has been put elsewhere, or the grid's focus has moved on, meanwhile.
 */
export function focusCell<T>(api: GridApi<T>, row: number, col: string): void {
  api.setFocusedCell(row, col);
  // By the row's id, not its index: a row of the report shown before may still be drawn at that index.
  const id = api.getDisplayedRowAtIndex(row)?.id;
  const container = document.querySelector(`[grid-id="${CSS.escape(api.getGridId())}"]`);
  if (id === undefined || !container) return;
  const drawn = `.ag-row[row-id="${CSS.escape(id)}"] [col-id="${CSS.escape(col)}"]`;
  if (container.querySelector(drawn)) return;
  const observer = new MutationObserver(() => {
    if (!container.querySelector(drawn)) return;
    stop();
    const focused = api.isDestroyed() ? null : api.getFocusedCell();
    const holder = document.activeElement;
    // Nobody has the keyboard: the page itself, or an element of a screen hidden since.
    const free = !holder || holder === document.body || holder.closest('[hidden]') !== null;
    if (free && focused?.rowIndex === row && focused.column.getColId() === col) api.setFocusedCell(row, col);
  });
  const timer = setTimeout(() => stop(), DRAWN_WITHIN_MS);
  const stop = (): void => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(container, { childList: true, subtree: true });
}

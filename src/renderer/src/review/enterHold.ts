// Enter in a cell editor saves first and closes the editor with the answer. Closing at once paints a frame (the
// editor gone, the focus one row down) that the answer then waits behind, and the store's value and its findings
// come a frame later; held, the answer, the closed editor and the move reach the screen in one frame. A store
// slower than HOLD_MS does not hold the editor longer: it closes then, and the findings follow when answered.
import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { HOLD_MS } from './timings';

/**
 * Returns the editing cells' `suppressKeyboardEvent` part, called with how to save the editor's value: `save()`
 * starts the save and returns whether it settles later (true: the answer applied, false: refused), or null when
 * there is nothing to save (ag-grid then handles the Enter itself: an invalid value says so, an unchanged one just
 * closes). One per grid: one editor is open at a time.
 */
export function enterHold<T>(): (
  p: SuppressKeyboardEventParams<T>,
  save: () => Promise<boolean> | null,
) => boolean {
  // While a save holds the editor: closes it now (the value is kept, the save goes on), as ag-grid does for Enter.
  let release: (() => void) | null = null;
  // The Enter handed back to ag-grid once the answer is in: ag-grid closes the editor and moves as usual.
  let replaying = false;

  const press = (target: EventTarget | null, e: KeyboardEvent): void => {
    if (!target) return;
    replaying = true;
    try {
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: e.key,
          code: e.code,
          ctrlKey: e.ctrlKey,
          shiftKey: e.shiftKey,
          altKey: e.altKey,
          metaKey: e.metaKey,
          bubbles: true,
          cancelable: true,
        }),
      );
    } finally {
      replaying = false;
    }
  };

  return (p, save) => {
    const e = p.event;
    if (!p.editing || replaying || e.type !== 'keydown') return false;
    if (release) {
      // A key while the save is on its way: the editor closes now, then the key goes where it would have gone
      // (pressed again there; this press goes no further).
      e.preventDefault();
      e.stopPropagation();
      release();
      press(document.activeElement, e);
      return true;
    }
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.isComposing) return false;
    const saving = save();
    if (!saving) return false;
    const editor = e.target;
    const rowIndex = p.node.rowIndex;
    const column = p.column;
    const stillEditing = (): boolean =>
      p.api.getEditingCells().some((c) => c.rowIndex === rowIndex && c.column === column);
    let done = false;
    const close = (saved: boolean): void => {
      if (done) return;
      done = true;
      release = null;
      clearTimeout(timer);
      // The reviewer may have left the cell meanwhile (a click elsewhere closes the editor on its own).
      if (!stillEditing()) return;
      // Refused: the value is not kept (useReport put the stored one back); the editor closes without saving again.
      if (!saved) p.api.stopEditing(true);
      else press(editor, e);
    };
    const timer = setTimeout(() => close(true), HOLD_MS);
    release = () => close(true);
    saving.then(close, () => close(false));
    return true;
  };
}

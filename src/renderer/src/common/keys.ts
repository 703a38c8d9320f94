// Keyboard shortcuts the page handles itself (the Electron menu shows the same keys and sends the same
// commands). The grid must ignore them so they reach the window handler.
import type { MenuCommand } from '../../../shared/api';

export type Command = MenuCommand | 'accept-suggestion';

export function commandOf(e: KeyboardEvent): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'F8') return e.shiftKey ? 'previous-finding' : 'next-finding';
  if (key === 'F1') return 'shortcuts';
  if (mod && key === 'Enter') return 'verify';
  if (mod && e.shiftKey && key === 'z') return 'redo';
  if (mod && !e.shiftKey && key === 'z') return 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && e.shiftKey && key === 'n') return 'next-report';
  if (mod && key === 'h') return 'history';
  if (mod && key === 'o') return 'choose-folder';
  if (mod && key === 'e') return 'export';
  if (e.altKey && key === 'ArrowLeft') return 'back-to-queue';
  if (!mod && !e.altKey && key === 'a') return 'accept-suggestion';
  return null;
}

export function isGridShortcut(e: KeyboardEvent): boolean {
  return commandOf(e) !== null;
}

/** True when the key goes to a text field (an editor, a dialog input), not to the app. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target;
  if (!(el instanceof HTMLElement)) return false;
  return (
    el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'
  );
}

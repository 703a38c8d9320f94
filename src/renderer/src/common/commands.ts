// A small bus: keyboard shortcuts and menu commands reach whichever screen is active.
import { useEffect, useRef } from 'react';
import type { Command } from './keys';

const bus = new EventTarget();

export function emitCommand(command: Command): void {
  bus.dispatchEvent(new CustomEvent<Command>('command', { detail: command }));
}

export function useCommands(handler: (command: Command) => void, active = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!active) return;
    const listener = (e: Event): void => ref.current((e as CustomEvent<Command>).detail);
    bus.addEventListener('command', listener);
    return () => bus.removeEventListener('command', listener);
  }, [active]);
}

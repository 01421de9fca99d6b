// The reader's single-key shortcuts: j/k move between claims, f flags, d dismisses, Enter opens, Esc closes, ? shows help.
import { useEffect, useRef } from 'react';

export interface ReaderKeyHandlers {
  next(): void;
  previous(): void;
  flag(): void;
  dismiss(): void;
  open(): void;
  close(): void;
  help(): void;
}

export const READER_SHORTCUTS: Array<{ keys: string[]; label: string }> = [
  { keys: ['j'], label: 'Next claim' },
  { keys: ['k'], label: 'Previous claim' },
  { keys: ['Enter'], label: 'Open the claim panel' },
  { keys: ['Esc'], label: 'Close the panel or dialog' },
  { keys: ['f'], label: 'Flag the current claim' },
  { keys: ['d'], label: 'Dismiss the current claim (asks for a reason)' },
  { keys: ['?'], label: 'Show these shortcuts' },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/** Maps a key press to the handler it triggers, or null when the key is not a shortcut here. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): keyof ReaderKeyHandlers | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'f':
      return 'flag';
    case 'd':
      return 'dismiss';
    case 'Enter': {
      // Enter on a button or link keeps its own meaning.
      const el = event.target as HTMLElement | null;
      return el && el.closest?.('button, a, [role="button"], [role="option"]') ? null : 'open';
    }
    case 'Escape':
      return 'close';
    case '?':
      return 'help';
    default:
      return null;
  }
}

export function useReaderKeyboard(handlers: ReaderKeyHandlers, enabled = true): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented && event.key !== 'Escape') return;
      const action = shortcutFor(event);
      if (!action) return;
      if (action !== 'close') event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

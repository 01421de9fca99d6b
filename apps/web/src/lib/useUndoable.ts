// An action that runs after a grace period unless undone: keyboard approval waits five seconds for a change of mind.
import { useCallback, useEffect, useRef, useState } from 'react';

export const UNDO_SECONDS = 5;

export function useUndoable(run: () => void, delayMs = UNDO_SECONDS * 1000): { pending: boolean; start(): void; undo(): void } {
  const [pending, setPending] = useState(false);
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => {
      setPending(false);
      latest.current();
    }, delayMs);
    return () => clearTimeout(timer);
  }, [pending, delayMs]);
  return { pending, start: useCallback(() => setPending(true), []), undo: useCallback(() => setPending(false), []) };
}

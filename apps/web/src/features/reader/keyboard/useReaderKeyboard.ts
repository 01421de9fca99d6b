// Listens for the reader's shortcuts (READER_ACTIONS) on the whole page while no dialog has the keyboard.
import { useEffect, useRef } from 'react';
import { handleReaderKey, type ReaderContext } from './readerActions';

export function useReaderKeyboard(ctx: ReaderContext, enabled: boolean): void {
  const latest = useRef(ctx);
  useEffect(() => {
    latest.current = ctx;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => handleReaderKey(event, latest.current);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}

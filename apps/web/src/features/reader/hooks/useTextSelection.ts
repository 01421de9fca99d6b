// The passage the user has selected in the article, as revision offsets plus where to show the "New claim" button.
import { useCallback, useState, type RefObject } from 'react';
import { selectionOffsets } from '../selection/textSelection';

export interface TextSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

export function useTextSelection(containerRef: RefObject<HTMLElement | null>, text: string) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const onSelectText = useCallback(() => {
    // After the mouse-up the browser has settled the selection.
    setTimeout(() => {
      const sel = window.getSelection();
      const root = containerRef.current;
      if (!sel || sel.isCollapsed || !root || sel.rangeCount === 0) return setSelection(null);
      const range = sel.getRangeAt(0);
      const offsets = selectionOffsets(range, root, text);
      if (!offsets) return setSelection(null);
      const rect = range.getBoundingClientRect();
      setSelection({ ...offsets, top: Math.max(8, rect.top - 44), left: rect.left + rect.width / 2 - 50 });
    }, 0);
  }, [containerRef, text]);
  const clearSelection = useCallback(() => setSelection(null), []);
  return { selection, onSelectText, clearSelection };
}

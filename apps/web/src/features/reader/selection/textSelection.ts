// From a DOM selection in the rendered article to offsets in the revision's text: where a new claim starts and ends.
// Every run span, and every paragraph block rendered as plain text, carries data-start (the offset of its first character).

/** The part of a DOM Range this module reads. */
type SelectionRange = Pick<Range, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>;

/**
 * The text offset of a DOM selection point inside the rendered article: every run span, and every paragraph block
 * rendered as plain text, carries data-start (the offset of its first character).
 */
function offsetFromDom(node: Node, offset: number, root: HTMLElement): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!span || !root.contains(span)) return null;
    return Number(span.dataset.start) + offset;
  }
  const element = node as HTMLElement;
  // A point before child `offset`: where that child's text starts.
  const child = element.childNodes[offset] as Node | undefined;
  if (child) {
    if (child.nodeType === Node.TEXT_NODE) return offsetFromDom(child, 0, root);
    const el = child as HTMLElement;
    const first = el.dataset?.start !== undefined ? el : el.querySelector?.<HTMLElement>('[data-start]');
    if (first) return Number(first.dataset.start);
  }
  // A point after the last child: where the element's text ends.
  const end = (el: HTMLElement) => Number(el.dataset.start) + (el.textContent?.length ?? 0);
  if (element.dataset?.start !== undefined) return end(element);
  const spans = element.querySelectorAll<HTMLElement>('[data-start]');
  const last = spans[spans.length - 1];
  return last ? end(last) : null;
}

/** Narrows [start, end) of `text` to exclude leading and trailing white space; null when nothing is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  const raw = text.slice(start, end);
  const trimmedStart = start + raw.length - raw.trimStart().length;
  const trimmedEnd = end - (raw.length - raw.trimEnd().length);
  return trimmedEnd > trimmedStart ? { start: trimmedStart, end: trimmedEnd } : null;
}

/** The revision offsets a selection inside `root` covers, trimmed of white space; null outside the text or when empty. */
export function selectionOffsets(range: SelectionRange, root: HTMLElement, text: string): { start: number; end: number } | null {
  const start = offsetFromDom(range.startContainer, range.startOffset, root);
  const end = offsetFromDom(range.endContainer, range.endOffset, root);
  if (start == null || end == null || end <= start) return null;
  return trimRange(text, start, end);
}

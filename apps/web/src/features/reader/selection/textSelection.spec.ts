import { selectionOffsets, trimRange } from './textSelection';

const TEXT = 'Putin met Kim Jong-Il in 2023.\n\nIran allegedly helped.';

/** The article as the reader renders it: a block with run spans, then a block still held as plain text. */
function renderArticle(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML =
    '<div class="cd-block" data-block="0"><span data-start="0">Putin met </span><span data-start="10" data-claims="c1">Kim Jong-Il in 2023.</span><span data-start="30">\n\n</span></div>' +
    `<div class="cd-block" data-block="1" data-start="32">${TEXT.slice(32)}</div>`;
  document.body.appendChild(root);
  return root;
}
const textIn = (root: HTMLElement, start: number) => root.querySelector(`[data-start="${start}"]`)!.firstChild!;

describe('trimRange', () => {
  it('drops white space at both ends', () => {
    expect(trimRange('  a claim \n', 0, 11)).toEqual({ start: 2, end: 9 });
  });
  it('is null when only white space is selected', () => {
    expect(trimRange('a   b', 1, 4)).toBeNull();
  });
});

describe('selectionOffsets', () => {
  it('maps a selection inside one run to revision offsets', () => {
    const root = renderArticle();
    const node = textIn(root, 10);
    const offsets = selectionOffsets({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 11 }, root, TEXT);
    expect(offsets).toEqual({ start: 10, end: 21 });
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('Kim Jong-Il');
  });

  it('spans runs and paragraphs, and trims the line breaks between them', () => {
    const root = renderArticle();
    const offsets = selectionOffsets({ startContainer: textIn(root, 10), startOffset: 0, endContainer: textIn(root, 32), endOffset: 4 }, root, TEXT);
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('Kim Jong-Il in 2023.\n\nIran');
    const tail = selectionOffsets({ startContainer: textIn(root, 10), startOffset: 12, endContainer: textIn(root, 30), endOffset: 2 }, root, TEXT);
    expect(TEXT.slice(tail!.start, tail!.end)).toBe('in 2023.');
  });

  it('reads points given as element and child index (a whole paragraph selected)', () => {
    const root = renderArticle();
    const block = root.querySelector('[data-block="1"]')!;
    expect(selectionOffsets({ startContainer: block, startOffset: 0, endContainer: block, endOffset: 1 }, root, TEXT)).toEqual({ start: 32, end: TEXT.length });
  });

  it('ignores selections that leave the article or select nothing', () => {
    const root = renderArticle();
    const outside = document.createTextNode('elsewhere');
    document.body.appendChild(outside);
    const node = textIn(root, 0);
    expect(selectionOffsets({ startContainer: outside, startOffset: 0, endContainer: node, endOffset: 3 }, root, TEXT)).toBeNull();
    expect(selectionOffsets({ startContainer: node, startOffset: 3, endContainer: node, endOffset: 3 }, root, TEXT)).toBeNull();
    expect(selectionOffsets({ startContainer: textIn(root, 30), startOffset: 0, endContainer: textIn(root, 30), endOffset: 2 }, root, TEXT)).toBeNull();
  });
});

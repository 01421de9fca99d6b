// Claims must survive edits to the article: found again when they can be, orphaned (null) when they cannot.
import * as fs from 'fs';
import * as path from 'path';
import { quoteSelector, reanchor } from './anchor';
import { extractClaims } from './claims';

const SAMPLE = path.resolve(__dirname, '../../..', '..', 'shared', 'fixtures', 'nk-russia-article.txt');

describe('quoteSelector', () => {
  it('keeps up to 32 characters of context on each side', () => {
    const text = 'a'.repeat(50) + 'THE CLAIM' + 'b'.repeat(50);
    expect(quoteSelector(text, 50, 59)).toEqual({ exact: 'THE CLAIM', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    expect(quoteSelector('short claim here', 6, 11)).toEqual({ exact: 'claim', prefix: 'short ', suffix: ' here' });
  });

  it('clamps offsets outside the text', () => {
    expect(quoteSelector('abc', -5, 99)).toEqual({ exact: 'abc', prefix: '', suffix: '' });
  });
});

describe('reanchor', () => {
  const original = extractClaims(fs.readFileSync(SAMPLE, 'utf8'));
  const pentagon = original.claims.find((c) => c.text.includes('millions of artillery rounds'));
  if (!pentagon) throw new Error('sample claim missing');

  it('finds an unchanged claim exactly where it was, with full confidence', () => {
    expect(reanchor(original.text, pentagon.selector, pentagon.start)).toEqual({ start: pentagon.start, end: pentagon.end, confidence: 1 });
  });

  it('follows a claim after edits around it', () => {
    const edited = 'Editor’s note: this article was updated on May 2.\n\n' + original.text.replace('Pyongyang is aware', 'Pyongyang is fully aware');
    const anchor = reanchor(edited, pentagon.selector, pentagon.start);
    expect(anchor).not.toBeNull();
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(pentagon.text);
    expect(anchor!.confidence).toBeGreaterThan(0.9);
  });

  it('follows a claim after a small edit inside it', () => {
    const fixed = pentagon.text.replace('has been reported to surpass', 'was reported to exceed');
    const edited = original.text.replace(pentagon.text, fixed);
    const anchor = reanchor(edited, pentagon.selector, pentagon.start);
    expect(anchor).not.toBeNull();
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(fixed);
    expect(anchor!.confidence).toBeGreaterThan(0.8);
    expect(anchor!.confidence).toBeLessThan(1);
  });

  it('returns null when the sentence was deleted', () => {
    const edited = original.text.replace(pentagon.text, '');
    expect(reanchor(edited, pentagon.selector, pentagon.start)).toBeNull();
  });

  it('tells a repeated sentence apart by its context and by the old position', () => {
    const text = 'Intro one. The rate rose. Middle text here. The rate rose. Outro two.';
    const second = text.lastIndexOf('The rate rose.');
    const selector = quoteSelector(text, second, second + 'The rate rose.'.length);
    expect(reanchor(text, selector)?.start).toBe(second);
    const moved = 'New lead. ' + text;
    expect(reanchor(moved, selector, second)?.start).toBe(second + 'New lead. '.length);
  });

  it('returns null for an empty quote or an empty text', () => {
    expect(reanchor('', pentagon.selector)).toBeNull();
    expect(reanchor(original.text, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

// Claims must survive edits to the article: found again when they can be, orphaned (null) when they cannot.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { quoteSelector, reanchor } from './anchor';
import { extractClaims } from './claims';

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
  const original = extractClaims(SAMPLE_ARTICLE.text);
  const loans = original.claims.find((c) => c.text.includes('Chinese state banks lent Cuba'));
  if (!loans) throw new Error('sample claim missing');

  it('finds an unchanged claim exactly where it was, with full confidence', () => {
    expect(reanchor(original.text, loans.selector, loans.start)).toEqual({ start: loans.start, end: loans.end, confidence: 1 });
  });

  it('follows a claim after edits around it', () => {
    const edited = 'Editor’s note: this article was updated on May 2.\n\n' + original.text.replace('patience is wearing thin', 'patience is wearing very thin');
    const anchor = reanchor(edited, loans.selector, loans.start);
    expect(anchor).not.toBeNull();
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(loans.text);
    expect(anchor!.confidence).toBeGreaterThan(0.9);
  });

  it('follows a claim after a small edit inside it', () => {
    const fixed = loans.text.replace('lent Cuba an estimated $6 billion', 'loaned Cuba about $6 billion');
    const edited = original.text.replace(loans.text, fixed);
    const anchor = reanchor(edited, loans.selector, loans.start);
    expect(anchor).not.toBeNull();
    expect(edited.slice(anchor!.start, anchor!.end)).toBe(fixed);
    expect(anchor!.confidence).toBeGreaterThan(0.8);
    expect(anchor!.confidence).toBeLessThan(1);
  });

  it('returns null when the sentence was deleted', () => {
    const edited = original.text.replace(loans.text, '');
    expect(reanchor(edited, loans.selector, loans.start)).toBeNull();
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
    expect(reanchor('', loans.selector)).toBeNull();
    expect(reanchor(original.text, { exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

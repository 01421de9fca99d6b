// Bad input must never crash or hang an import: empty text, 10 MB, garbage, broken quotes, emoji, right-to-left scripts.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import fc from 'fast-check';
import { extractClaims } from './claims';
import { markdownToText } from './markdown';
import { normaliseText } from './normalise';
import type { ExtractionResult } from './types';

function expectExactOffsets(result: ExtractionResult): void {
  for (const claim of result.claims) {
    expect(result.text.slice(claim.start, claim.end)).toBe(claim.text);
    for (const part of [...claim.cues, ...claim.numbers, ...claim.dates, ...claim.entities]) {
      expect(result.text.slice(part.start, part.end)).toBe(part.text);
    }
  }
}

describe('extractClaims on bad input', () => {
  it('returns an empty result for empty and whitespace-only text', () => {
    expect(extractClaims('')).toEqual({ text: '', claims: [] });
    expect(extractClaims(' \n\n\t \r\n \u00a0 ')).toEqual({ text: '', claims: [] });
  });

  // Speed is measured by `npm run bench:extraction`; here the Jest timeout only guards against a hang.
  it('reads 10 MB of article text, every claim at its exact offsets', () => {
    const sample = SAMPLE_ARTICLE.text;
    const big = new Array(Math.ceil(10e6 / sample.length)).fill(sample).join('\n\n');
    const result = extractClaims(big);
    const perCopy = extractClaims(sample).claims.length;
    expect(result.claims.length).toBe(perCopy * Math.ceil(10e6 / sample.length));
    const last = result.claims[result.claims.length - 1];
    expect(result.text.slice(last.start, last.end)).toBe(last.text);
  }, 120_000);

  it('survives binary garbage without hanging: long runs without spaces are cut', () => {
    let garbage = '';
    for (let i = 0; i < 200_000; i++) garbage += String.fromCharCode((i * 7919 + 104_729) % 65_536);
    expectExactOffsets(extractClaims(garbage));
    // wink's tokeniser alone needs minutes for 80,000 characters without a space: without the cut, this hangs past the timeout.
    expectExactOffsets(extractClaims('x'.repeat(300_000)));
  }, 60_000);

  it('caps run-on text at claim-sized pieces', () => {
    const result = extractClaims('word '.repeat(20_000));
    expect(result.claims.length).toBeGreaterThan(50);
    for (const claim of result.claims) expect(claim.text.length).toBeLessThanOrEqual(1200);
    expectExactOffsets(result);
  });

  it('handles unbalanced quotes, emoji and right-to-left text', () => {
    const text =
      '“The regime is collapsing, he said. It isn’t. 🚀 Missiles flew 😀👍🏽 over Seoul on Monday.\n\nשלום עולם. مرحبا بالعالم، قال المسؤولون.\n\n"Unclosed quote and (an open bracket, 5 percent.';
    const result = extractClaims(text);
    expectExactOffsets(result);
    expect(result.claims.map((c) => c.text)).toEqual(expect.arrayContaining(['שלום עולם.', 'مرحبا بالعالم، قال المسؤولون.']));
    const missiles = result.claims.find((c) => c.text.includes('Missiles flew'));
    expect(missiles?.dates).toContainEqual(expect.objectContaining({ text: 'Monday', kind: 'relative' }));
    expect(result.claims.find((c) => c.text.includes('Unclosed'))?.numbers).toContainEqual(expect.objectContaining({ text: '5 percent' }));
  });

  it('keeps offsets exact for any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectExactOffsets(extractClaims(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('normaliseText', () => {
  it('is idempotent, so stored offsets survive a second pass', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const once = normaliseText(text);
        expect(normaliseText(once)).toBe(once);
        expect(once).not.toMatch(/\n\n\n|^\s|\s$|[ \t]{2}/);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a byline and a photo credit on consecutive lines apart, and joins hard-wrapped prose', () => {
    expect(normaliseText('Written by Jane Doe\nPhoto credit: Pixabay')).toBe('Written by Jane Doe\n\nPhoto credit: Pixabay');
    const wrapped =
      'North Korea sent a delegation to Tehran on April 24 with the\npurpose of selling arms, according to officials who spoke on\ncondition of anonymity to reporters in Seoul this week.';
    expect(normaliseText(wrapped)).toBe(wrapped.replace(/\n/g, ' '));
  });
});

describe('markdownToText on hostile input', () => {
  it('finishes on runs of brackets, stars and hashes (a quadratic parser would hang past the timeout)', () => {
    // Nothing is lost: each run comes back as text of about its own length.
    expect(markdownToText('['.repeat(1_000_000)).text.length).toBeGreaterThan(500_000);
    expect(markdownToText('*a '.repeat(300_000)).text.length).toBeGreaterThan(300_000);
    const heading = markdownToText('# ' + 'a '.repeat(500_000));
    expect((heading.title ?? '').length + heading.text.length).toBeGreaterThan(500_000);
    expect(markdownToText('[x](' + '('.repeat(500_000)).text.length).toBeGreaterThan(250_000);
  }, 30_000);
});

import { importSummary } from './importSummary';

const result = (created: boolean, claims: { detected: number; reanchored: number; orphaned: number; added: number }) => ({
  articleId: 'a',
  revisionId: 'r',
  revision: created ? 1 : 2,
  created,
  claims,
});

describe('importSummary', () => {
  it('says what a first import found', () => {
    expect(importSummary(result(true, { detected: 43, reanchored: 0, orphaned: 0, added: 43 }))).toEqual(['Found 43 claims in the article.']);
  });

  it('says what a new revision kept, added and could not place, one sentence each', () => {
    expect(importSummary(result(false, { detected: 43, reanchored: 44, orphaned: 1, added: 2 }))).toEqual([
      '44 claims from the last revision keep their place in the new text, with their work.',
      '2 new claims detected in the new words.',
      '1 claim could not be placed: its words are gone, so it is kept as orphaned, sources and verdicts included.',
    ]);
  });

  it('says when the text did not change', () => {
    expect(importSummary(result(false, { detected: 43, reanchored: 0, orphaned: 0, added: 0 }))).toEqual(['The text is the same as revision 2; nothing changed.']);
  });
});

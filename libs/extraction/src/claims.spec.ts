// What a fact-checker sees when the sample article is imported: the claims, their cues, and what is check-worthy.
import * as fs from 'fs';
import * as path from 'path';
import { extractClaims } from './claims';
import type { ExtractedClaim, ExtractionResult } from './types';

const SAMPLE = path.resolve(__dirname, '../../..', '..', 'shared', 'fixtures', 'nk-russia-article.txt');

describe('extractClaims on the sample article', () => {
  let result: ExtractionResult;
  const claimWith = (words: string): ExtractedClaim => {
    const found = result.claims.filter((c) => c.text.includes(words));
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(() => {
    result = extractClaims(fs.readFileSync(SAMPLE, 'utf8'));
  });

  it('keeps every offset exact: claims, cues, numbers, dates, entities and selectors', () => {
    expect(result.claims.length).toBeGreaterThan(30);
    for (const claim of result.claims) {
      expect(result.text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.selector.exact).toBe(claim.text);
      expect(result.text.slice(0, claim.start).endsWith(claim.selector.prefix)).toBe(true);
      expect(result.text.slice(claim.end).startsWith(claim.selector.suffix)).toBe(true);
      for (const part of [...claim.cues, ...claim.numbers, ...claim.dates, ...claim.entities]) {
        expect(result.text.slice(part.start, part.end)).toBe(part.text);
        expect(part.start).toBeGreaterThanOrEqual(claim.start);
        expect(part.end).toBeLessThanOrEqual(claim.end);
      }
    }
  });

  it('numbers paragraphs from the normalised text, where paragraphs are separated by a blank line', () => {
    const paragraphs = result.text.split('\n\n');
    for (const claim of result.claims) expect(paragraphs[claim.paragraph]).toContain(claim.text);
    expect(claimWith('Photo credit').paragraph).toBe(paragraphs.length - 1);
  });

  it('splits the semicolon sentence into two claims, each with its hedge', () => {
    const cooperated = claimWith('allegedly cooperated in the nuclear field');
    const sources = claimWith('unconfirmed sources claim');
    expect(cooperated.text).toBe('Iran and North Korea allegedly cooperated in the nuclear field approximately four decades ago');
    expect(sources.text.startsWith('unconfirmed sources claim that Iran has always been a friend')).toBe(true);
    expect(result.text.slice(cooperated.end, sources.start)).toBe('; ');

    expect(cooperated.checkWorthy).toBe(true);
    expect(cooperated.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'allegedly' }));
    expect(cooperated.cues).toContainEqual(expect.objectContaining({ type: 'approximation', text: 'approximately' }));
    expect(cooperated.numbers).toContainEqual(expect.objectContaining({ text: 'four decades', value: 4, unit: 'decades' }));
    expect(cooperated.dates).toContainEqual(expect.objectContaining({ text: 'four decades ago', kind: 'relative' }));
    expect(cooperated.reasons).toContain('hedged: allegedly');

    expect(sources.checkWorthy).toBe(true);
    expect(sources.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'unconfirmed sources claim' }));
    expect(sources.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'most likely' }));
    expect(sources.attribution).toBe('unconfirmed sources');
  });

  it('attributes the artillery figure to the US Pentagon', () => {
    const claim = claimWith('millions of artillery rounds');
    expect(claim.checkWorthy).toBe(true);
    expect(claim.attribution).toBe('the US Pentagon');
    expect(claim.kind).toBe('attributed');
    expect(claim.cues).toContainEqual(expect.objectContaining({ type: 'attribution', text: 'according to the US Pentagon' }));
    expect(claim.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'has been reported' }));
    expect(claim.numbers).toContainEqual(expect.objectContaining({ text: 'millions of artillery rounds', value: null, unit: 'artillery rounds' }));
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: 'Last year', kind: 'relative', iso: null }));
    expect(claim.entities).toContainEqual(expect.objectContaining({ text: 'US Pentagon', type: 'organisation' }));
    expect(claim.reasons).toEqual(expect.arrayContaining(['attributed: the US Pentagon', 'has a number', 'names an organisation']));
  });

  it('finds the dated meeting with Kim Jong-Il, the article’s factual error', () => {
    const claim = claimWith('meeting with Kim Jong-Il in September 2023');
    expect(claim.checkWorthy).toBe(true);
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: 'September 2023', kind: 'absolute', iso: '2023-09' }));
    expect(claim.entities).toContainEqual(expect.objectContaining({ text: 'Kim Jong-Il', type: 'person' }));
    expect(claim.reasons).toEqual(expect.arrayContaining(['dated event', 'names a person']));
  });

  it('cuts "Russia.. The" into two sentences', () => {
    const before = claimWith('redefined North Korean relations with Russia');
    expect(before.text.endsWith('Russia..')).toBe(true);
    expect(claimWith('The unforeseen meeting').text.startsWith('The unforeseen meeting')).toBe(true);
  });

  it('never marks questions, the byline or the photo credit check-worthy', () => {
    const questions = result.claims.filter((c) => c.text.endsWith('?'));
    expect(questions).toHaveLength(3);
    for (const q of questions) {
      expect(q.checkWorthy).toBe(false);
      expect(q.cues).toContainEqual(expect.objectContaining({ type: 'question', text: '?' }));
      expect(q.reasons).toEqual(['not a claim: question']);
    }
    const byline = claimWith('Written by');
    expect(byline.checkWorthy).toBe(false);
    expect(byline.reasons).toEqual(['not a claim: byline']);
    const credit = claimWith('Photo credit: Pixabay');
    expect(credit.checkWorthy).toBe(false);
    expect(credit.reasons).toEqual(['not a claim: photo credit']);
    expect(claimWith('Not really').checkWorthy).toBe(false);
  });

  it('scores between 0 and 1 and ranks the factual claims above the rhetorical ones', () => {
    for (const c of result.claims) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(claimWith('millions of artillery rounds').score).toBeGreaterThan(claimWith('it’s crucial for Western liberal countries').score);
  });

  it('reads the speculation and the dated delegation', () => {
    expect(claimWith('It would be safe to assume').cues).toContainEqual(expect.objectContaining({ type: 'speculation', text: 'It would be safe to assume' }));
    const delegation = claimWith('delegation to Tehran on April 24');
    expect(delegation.dates).toContainEqual(expect.objectContaining({ text: 'April 24', iso: '--04-24' }));
    expect(delegation.entities.map((e) => [e.text, e.type])).toEqual(expect.arrayContaining([['Pyongyang', 'place'], ['Tehran', 'place']]));
  });
});

describe('extractClaims on short texts', () => {
  const only = (text: string): ExtractedClaim[] => extractClaims(text).claims;

  it('segments around abbreviations, initials, decimals and curly quotes', () => {
    expect(only('Dr. Smith met J. R. R. Tolkien at 3.5 p.m. in the U.S. on Jan. 5. He said it’s over.').map((c) => c.text)).toEqual([
      'Dr. Smith met J. R. R. Tolkien at 3.5 p.m. in the U.S. on Jan. 5.',
      'He said it’s over.',
    ]);
    expect(only('“The relationship is rocky,” he said. ‘It is not,’ she replied!').map((c) => c.text)).toEqual([
      '“The relationship is rocky,” he said.',
      '‘It is not,’ she replied!',
    ]);
  });

  it('does not read the month May as a hedge', () => {
    const [first, second] = only('In May, the ministry said prices rose 2 percent. Prices may rise again in May 2024.');
    expect(first.cues.filter((c) => c.type === 'hedge')).toEqual([]);
    expect(first.dates).toContainEqual(expect.objectContaining({ text: 'May', kind: 'absolute' }));
    expect(second.cues.filter((c) => c.type === 'hedge').map((c) => c.text)).toEqual(['may']);
    expect(second.dates).toContainEqual(expect.objectContaining({ text: 'May 2024', iso: '2024-05' }));
  });

  it('reads money, percentages and decades', () => {
    const [claim] = only('The government spent $5 billion in the 1980s, about 2 percent of its budget, officials say.');
    expect(claim.numbers).toContainEqual(expect.objectContaining({ text: '$5 billion', value: 5e9, unit: 'USD' }));
    expect(claim.numbers).toContainEqual(expect.objectContaining({ text: '2 percent', value: 2, unit: 'percent' }));
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: '1980s', iso: '198X' }));
    expect(claim.cues).toContainEqual(expect.objectContaining({ type: 'approximation', text: 'about' }));
    expect(claim.attribution).toBe('officials');
    expect(claim.kind).toBe('attributed');
  });

  it('only calls "about" an approximation next to a number', () => {
    const [claim] = only('The Pentagon is concerned about the deal it signed last year.');
    expect(claim.cues.filter((c) => c.type === 'approximation')).toEqual([]);
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: 'last year', kind: 'relative' }));
  });

  it('splits ", and" between two full clauses but not a list or a shared verb', () => {
    expect(only('The army fired 200 shells, and the navy sank three ships.').map((c) => c.text)).toEqual([
      'The army fired 200 shells',
      'the navy sank three ships.',
    ]);
    expect(only('The army fired shells, and then withdrew to the border.')).toHaveLength(1);
    expect(only('The delegation visited Russia, China, and Iran.')).toHaveLength(1);
  });

  it('treats a stand-alone line without a full stop as a heading, not a claim', () => {
    const [heading, body] = only('North Korea and Russia\n\nNorth Korea sent 300 missiles to Russia in 2023.');
    expect(heading.checkWorthy).toBe(false);
    expect(heading.reasons).toEqual(['not a claim: heading']);
    expect(body.checkWorthy).toBe(true);
  });
});

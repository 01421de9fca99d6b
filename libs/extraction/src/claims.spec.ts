// What a fact-checker sees when the sample article is imported: the claims, their cues, and what is check-worthy.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { extractClaims } from './claims';
import type { ExtractedClaim, ExtractionResult } from './types';

describe('extractClaims on the sample article', () => {
  let result: ExtractionResult;
  const claimWith = (words: string): ExtractedClaim => {
    const found = result.claims.filter((c) => c.text.includes(words));
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(() => {
    result = extractClaims(SAMPLE_ARTICLE.text);
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
    const station = claimWith('allegedly built a listening station');
    const sources = claimWith('unconfirmed sources claim');
    expect(station.text).toBe('Chinese engineers allegedly built a listening station near Bejucal in 2019');
    expect(sources.text.startsWith('unconfirmed sources claim that the site can intercept communications')).toBe(true);
    expect(result.text.slice(station.end, sources.start)).toBe('; ');

    expect(station.checkWorthy).toBe(true);
    expect(station.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'allegedly' }));
    expect(station.dates).toContainEqual(expect.objectContaining({ text: '2019', kind: 'absolute', iso: '2019' }));
    expect(station.reasons).toEqual(expect.arrayContaining(['hedged: allegedly', 'dated event']));

    expect(sources.checkWorthy).toBe(true);
    expect(sources.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'unconfirmed sources claim' }));
    expect(sources.cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'most likely' }));
    expect(sources.attribution).toBe('unconfirmed sources');
  });

  it('attributes the lending figure to the Boston University Global Development Policy Center', () => {
    const claim = claimWith('Chinese state banks lent Cuba');
    expect(claim.checkWorthy).toBe(true);
    expect(claim.attribution).toBe('the Boston University Global Development Policy Center');
    expect(claim.kind).toBe('attributed');
    expect(claim.cues).toContainEqual(expect.objectContaining({ type: 'attribution', text: 'according to the Boston University Global Development Policy Center' }));
    expect(claim.cues).toContainEqual(expect.objectContaining({ type: 'approximation', text: 'an estimated' }));
    expect(claim.numbers).toContainEqual(expect.objectContaining({ text: '$6 billion', value: 6e9, unit: 'USD' }));
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: '2000', kind: 'absolute', iso: '2000' }));
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: '2020', kind: 'absolute', iso: '2020' }));
    expect(claim.entities).toContainEqual(expect.objectContaining({ text: 'Boston University Global Development Policy Center', type: 'organisation' }));
    expect(claim.reasons).toEqual(expect.arrayContaining(['attributed: the Boston University Global Development Policy Center', 'has a number', 'names an organisation']));

    const statistics = claimWith('The economy shrank by 10.9 percent');
    expect(statistics.checkWorthy).toBe(true);
    expect(statistics.attribution).toBe('the National Office of Statistics and Information');
    expect(statistics.kind).toBe('attributed');
    expect(statistics.cues).toContainEqual(expect.objectContaining({ type: 'attribution', text: 'according to the National Office of Statistics and Information' }));
    expect(statistics.numbers).toContainEqual(expect.objectContaining({ text: '10.9 percent', value: 10.9, unit: 'percent' }));
  });

  it('finds the dated meeting with Fidel Castro, the article’s factual error', () => {
    const claim = claimWith('Fidel Castro in November 2022');
    expect(claim.checkWorthy).toBe(true);
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: 'November 2022', kind: 'absolute', iso: '2022-11' }));
    expect(claim.entities).toContainEqual(expect.objectContaining({ text: 'Fidel Castro', type: 'person' }));
    expect(claim.reasons).toEqual(expect.arrayContaining(['dated event', 'names a person']));
  });

  it('finds the wrong date Miguel Díaz-Canel came to power', () => {
    const claim = claimWith('Miguel Díaz-Canel came to power in 2016');
    expect(claim.checkWorthy).toBe(true);
    expect(claim.dates).toContainEqual(expect.objectContaining({ text: '2016', kind: 'absolute', iso: '2016' }));
    expect(claim.entities).toContainEqual(expect.objectContaining({ text: 'Miguel Díaz-Canel', type: 'person' }));
    expect(claim.reasons).toEqual(expect.arrayContaining(['dated event', 'names a person']));
  });

  it('cuts "answered.. The" into two sentences', () => {
    expect(claimWith('Beijing answered').text).toBe('Beijing answered..');
    expect(claimWith('The surprise meeting').text.startsWith('The surprise meeting')).toBe(true);
    // The article breaks the line after the doubled stop; on one line, the stop alone must still end the sentence.
    const oneLine = extractClaims(SAMPLE_ARTICLE.text.replace('answered..\nThe surprise', 'answered.. The surprise'));
    expect(oneLine.text).toContain('answered.. The surprise');
    const texts = oneLine.claims.map((c) => c.text);
    expect(texts).toContain('Beijing answered..');
    expect(texts.filter((t) => t.startsWith('The surprise meeting'))).toHaveLength(1);
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
    const credit = claimWith('Photo credit: Unsplash');
    expect(credit.checkWorthy).toBe(false);
    expect(credit.reasons).toEqual(['not a claim: photo credit']);
    expect(claimWith('Hardly').checkWorthy).toBe(false);
  });

  it('scores between 0 and 1 and ranks the factual claims above the rhetorical ones', () => {
    for (const c of result.claims) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(claimWith('Chinese state banks lent Cuba').score).toBeGreaterThan(claimWith('it would be wise for the island’s neighbours').score);
  });

  it('reads the opinion hedges and the dated docking', () => {
    expect(claimWith('It seems that the leadership').cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'seems' }));
    expect(claimWith('the most hopeful sign').cues).toContainEqual(expect.objectContaining({ type: 'hedge', text: 'perhaps' }));
    const docking = claimWith('docked in Havana on June 12, 2024');
    expect(docking.dates).toContainEqual(expect.objectContaining({ text: 'June 12, 2024', kind: 'absolute', iso: '2024-06-12' }));
    expect(docking.entities.map((e) => [e.text, e.type])).toEqual(
      expect.arrayContaining([
        ['Russia', 'place'],
        ['Havana', 'place'],
      ]),
    );
  });
});

describe('extractClaims on short texts', () => {
  const only = (text: string): ExtractedClaim[] => extractClaims(text).claims;

  it('segments around abbreviations, initials, decimals and curly quotes', () => {
    expect(only('Dr. Smith met J. R. R. Tolkien at 3.5 p.m. in the U.S. on Jan. 5. He said it’s over.').map((c) => c.text)).toEqual([
      'Dr. Smith met J. R. R. Tolkien at 3.5 p.m. in the U.S. on Jan. 5.',
      'He said it’s over.',
    ]);
    expect(only('“The relationship is rocky,” he said. ‘It is not,’ she replied!').map((c) => c.text)).toEqual(['“The relationship is rocky,” he said.', '‘It is not,’ she replied!']);
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
    expect(only('The army fired 200 shells, and the navy sank three ships.').map((c) => c.text)).toEqual(['The army fired 200 shells', 'the navy sank three ships.']);
    expect(only('The army fired shells, and then withdrew to the border.')).toHaveLength(1);
    expect(only('The delegation visited Russia, China, and Iran.')).toHaveLength(1);
  });

  it('keeps the second clause with the source that reports both, whatever its verb of saying', () => {
    // "cautioned" and "indicates" report like "claim": the clause after ", and" is still what the source reports.
    const [pollsters] = only('Pollsters cautioned that a single survey should be treated with care, and the margin of error is about three points.');
    expect(pollsters.text).toMatch(/three points\.$/);
    expect(pollsters.claimant).toBe('Pollsters');
    expect(only('The data indicates that smokers are switching, and sales of cigarettes fell by 7% last year.')).toHaveLength(1);
  });

  it('treats a stand-alone line without a full stop as a heading, not a claim', () => {
    const [heading, body] = only('North Korea and Russia\n\nNorth Korea sent 300 missiles to Russia in 2023.');
    expect(heading.checkWorthy).toBe(false);
    expect(heading.reasons).toEqual(['not a claim: heading']);
    expect(body.checkWorthy).toBe(true);
  });
});

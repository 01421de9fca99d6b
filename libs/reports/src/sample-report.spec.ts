import { DEFAULT_RATING_SCALE as DOMAIN_RATING_SCALE, SAMPLE_ARTICLE as ARTICLE } from '@claimdesk/domain';
import { CASTRO_MEETING_QUOTE, DEFAULT_RATING_SCALE, SAMPLE_ARTICLE, sampleEntries, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

// The fixture quotes the sample article; if the article or the quotes drift, the report tests stop meaning anything.
describe('sample report fixture', () => {
  const text = ARTICLE.text;
  const paragraphs: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(/[^\n]+/g)) paragraphs.push({ start: match.index, end: match.index + match[0].length });
  const { corrections, accurate } = sampleEntries();

  it.each([...corrections, ...accurate].map((entry) => [entry.claimId, entry] as const))('%s quotes the article at its paragraph and offset', (_id, entry) => {
    expect(text.slice(entry.start, entry.start + entry.quote.length)).toBe(entry.quote);
    const paragraph = paragraphs.findIndex((p) => entry.start >= p.start && entry.start < p.end);
    expect(paragraph).toBe(entry.paragraph);
  });

  it('names the article as the sample article does', () => {
    expect({ title: SAMPLE_ARTICLE.title, url: SAMPLE_ARTICLE.url, author: SAMPLE_ARTICLE.author }).toEqual({ title: ARTICLE.title, url: ARTICLE.url, author: ARTICLE.author });
  });

  it('rates on the default rating scale the product ships', () => {
    expect(DEFAULT_RATING_SCALE).toEqual(DOMAIN_RATING_SCALE);
  });

  it('holds the Fidel Castro error the report must catch', () => {
    expect(text).toContain(CASTRO_MEETING_QUOTE);
    const castro = corrections.find((entry) => entry.quote === CASTRO_MEETING_QUOTE)!;
    expect(castro.rating.label).toBe('False');
    expect(castro.correction).toBe('Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022');
    expect(castro.sources.some((source) => source.stance === 'REFUTES')).toBe(true);
  });

  it('lists corrections and accurate entries in article order', () => {
    for (const model of [sampleReportModel()]) {
      for (const list of [model.corrections, model.accurate]) {
        const keys = list.map((entry) => entry.paragraph * 1e6 + entry.start);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }
    }
    expect(sampleRangeReportModel().corrections.map((e) => e.article?.id)).toEqual(['art_havana_pivot', 'art_grain_deal', 'art_havana_pivot']);
  });
});

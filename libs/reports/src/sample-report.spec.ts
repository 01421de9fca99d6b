import * as fs from 'node:fs';
import * as path from 'node:path';
import { KIM_JONG_IL_QUOTE, sampleEntries, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

// The fixture quotes the sample article; if the article or the quotes drift, the report tests stop meaning anything.
const ARTICLE = path.join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'nk-russia-article.txt');

describe('sample report fixture', () => {
  const text = fs.readFileSync(ARTICLE, 'utf8');
  const paragraphs: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(/[^\n]+/g)) paragraphs.push({ start: match.index, end: match.index + match[0].length });
  const { corrections, accurate } = sampleEntries();

  it.each([...corrections, ...accurate].map((entry) => [entry.claimId, entry] as const))(
    '%s quotes the article at its paragraph and offset',
    (_id, entry) => {
      expect(text.slice(entry.start, entry.start + entry.quote.length)).toBe(entry.quote);
      const paragraph = paragraphs.findIndex((p) => entry.start >= p.start && entry.start < p.end);
      expect(paragraph).toBe(entry.paragraph);
    },
  );

  it('holds the Kim Jong-Il error the report must catch', () => {
    expect(text).toContain(KIM_JONG_IL_QUOTE);
    const kim = corrections.find((entry) => entry.quote === KIM_JONG_IL_QUOTE)!;
    expect(kim.rating.label).toBe('False');
    expect(kim.correction).toBe('Putin met Kim Jong-Un in September 2023');
    expect(kim.sources.some((source) => source.stance === 'REFUTES')).toBe(true);
  });

  it('lists corrections and accurate entries in article order', () => {
    for (const model of [sampleReportModel()]) {
      for (const list of [model.corrections, model.accurate]) {
        const keys = list.map((entry) => entry.paragraph * 1e6 + entry.start);
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
      }
    }
    expect(sampleRangeReportModel().corrections.map((e) => e.article?.id)).toEqual([
      'art_nk_russia',
      'art_grain_deal',
      'art_nk_russia',
    ]);
  });
});

// Report models built from the sample article (SAMPLE_ARTICLE in libs/domain), for tests and examples.
// Quotes are the article's own words; paragraph is the 0-based index of the article's non-empty lines and
// start the character offset in the article text (sample-report.spec.ts checks both against the article).
// The Wall Street Journal entry carries hostile strings on purpose: markup, a javascript: URL, formula cells,
// quotes, commas, newlines and emoji.
import { buildSummary, type RatingDef, type ReportEntry, type ReportModel } from '../model';

// Same as DEFAULT_RATING_SCALE in libs/domain (copied so that this pure library does not depend on it; sample-report.spec.ts checks that they agree).
export const DEFAULT_RATING_SCALE: RatingDef[] = [
  { key: 'true', label: 'True', ratingValue: 6, needsCorrection: false },
  { key: 'mostly-true', label: 'Mostly true', ratingValue: 5, needsCorrection: false },
  { key: 'mixed', label: 'Mixed', ratingValue: 4, needsCorrection: true },
  { key: 'misleading', label: 'Misleading', ratingValue: 3, needsCorrection: true },
  { key: 'mostly-false', label: 'Mostly false', ratingValue: 2, needsCorrection: true },
  { key: 'false', label: 'False', ratingValue: 1, needsCorrection: true },
  { key: 'unproven', label: 'Unproven', ratingValue: null, needsCorrection: false },
];

const rating = (key: string): RatingDef => {
  const found = DEFAULT_RATING_SCALE.find((r) => r.key === key);
  if (!found) throw new Error(`no rating ${key}`);
  return found;
};

export const CASTRO_MEETING_QUOTE = 'The surprise meeting between a Chinese trade delegation and Fidel Castro in November 2022 raised questions about how far Havana was prepared to go';
export const CASTRO_CORRECTION = 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022';
export const HOSTILE_CORRECTION =
  '=HYPERLINK("https://evil.example/","Click") The Wall Street Journal did report on June 8, 2023 that Cuba would host a Chinese facility; ' +
  'that the deal was "agreed in principle" is disputed.\nSecond line: officials declined to comment 🚀';
export const HOSTILE_RATIONALE =
  'Two outlets repeated the report, <script>alert(1)</script> & none confirmed the agreement.\n\n' +
  'The article gives the report as settled, "agreed in principle", without the denial that followed; it should say so 🙂.';

// Title, url and author copied from SAMPLE_ARTICLE in libs/domain (sample-report.spec.ts checks that they agree).
export const SAMPLE_ARTICLE = {
  id: 'art_havana_pivot',
  title: 'Havana’s Pivot East: What Cuba’s New Friendships Cost',
  url: 'https://example.org/opinion/havana-pivot-east',
  author: 'Ana Lucía Ferrer',
  publishedAt: '2024-07-10T08:00:00.000Z',
};

export function sampleEntries(): { corrections: ReportEntry[]; accurate: ReportEntry[] } {
  const castro: ReportEntry = {
    claimId: 'clm_castro_meeting',
    paragraph: 4,
    start: 997,
    quote: CASTRO_MEETING_QUOTE,
    hedges: [],
    attribution: null,
    rating: rating('false'),
    correction: CASTRO_CORRECTION,
    rationale: 'Fidel Castro died in November 2016. In November 2022 it was President Miguel Díaz-Canel who met ' + 'Xi Jinping, in Beijing.',
    sources: [
      {
        title: 'Fidel Castro',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Fidel_Castro',
        stance: 'REFUTES',
        excerpt: 'Fidel Castro … died on 25 November 2016.',
        capture: {
          snapshotId: '6a0c3f5e-8b1d-4e2a-9c7f-1d3e5a7b9c2e',
          capturedAt: '2024-07-11T09:41:27.000Z',
          sha256: '3f7a9c2e5b1d8f4a6c0e2b9d7f5a3c1e8b6d4f2a0c9e7b5d3f1a8c6e4b2d0f9a',
          archivedUrl: 'https://corrections.example.org/public/reports/q3Jv9XbT0cW2nL5sYhR8kA/sources/6a0c3f5e-8b1d-4e2a-9c7f-1d3e5a7b9c2e',
        },
      },
      {
        title: 'Xi Jinping hosts Miguel Díaz-Canel in Beijing',
        publisher: 'Example Wire',
        url: 'https://wire.example.org/2022/11/25/xi-diaz-canel-beijing',
        stance: 'REFUTES',
        excerpt: 'Chinese President Xi Jinping met Cuban President Miguel Díaz-Canel in Beijing on 25 November 2022.',
        capture: {
          snapshotId: '0e2b4d6f-8a1c-4e3b-9d5f-7a9c1e3b5d7f',
          capturedAt: '2024-07-11T09:42:03.000Z',
          sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
          archivedUrl: null,
        },
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-07-12T14:03:00.000Z',
    verdictId: 'vrd_castro_2',
  };
  const facility: ReportEntry = {
    claimId: 'clm_wsj_facility',
    paragraph: 10,
    start: 2984,
    quote: 'The Wall Street Journal reported in June 2023 that the two governments had agreed in principle to a new facility on the island',
    hedges: [],
    attribution: null,
    rating: rating('mixed'),
    correction: HOSTILE_CORRECTION,
    rationale: HOSTILE_RATIONALE,
    sources: [
      {
        title: '"Spy base", said who? Havana, Beijing, and <b>tea</b>',
        publisher: 'Example <i>Evening</i> News',
        url: 'javascript:alert(1)',
        stance: 'CONTEXT',
        excerpt: '-2+3 sounded like a formula, said one diplomat,\nbut "no deal" was signed.',
      },
      {
        title: '@WSJ: Cuba to host a Chinese listening post',
        publisher: null,
        url: 'https://news.example.org/world?id=24&lang="en"',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Tom Becker',
    approvedAt: '2024-07-13T09:15:00.000Z',
    verdictId: 'vrd_facility_1',
  };
  const since1959: ReportEntry = {
    claimId: 'clm_first_since_1959',
    paragraph: 2,
    start: 766,
    quote: 'For the first time since 1959, the country was led by someone who had not fought in the revolution',
    hedges: [],
    attribution: null,
    rating: rating('true'),
    correction: null,
    rationale: 'Miguel Díaz-Canel, born in 1960, is the first Cuban leader since 1959 who did not fight in the revolution.',
    sources: [
      {
        title: 'Miguel Díaz-Canel',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Miguel_D%C3%ADaz-Canel',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-07-12T14:10:00.000Z',
    verdictId: 'vrd_1959_1',
  };
  const loans: ReportEntry = {
    claimId: 'clm_chinese_loans',
    paragraph: 6,
    start: 1761,
    quote: 'Chinese state banks lent Cuba an estimated $6 billion between 2000 and 2020, according to the Boston University Global Development Policy Center',
    hedges: [{ type: 'approximation', text: 'an estimated' }],
    attribution: 'Boston University Global Development Policy Center',
    rating: rating('mostly-true'),
    correction: null,
    rationale: 'The Center’s database gives the lending as an estimate; the figure is theirs and is attributed as such.',
    sources: [
      {
        title: 'Chinese Loans to Latin America and the Caribbean Database',
        publisher: 'Boston University Global Development Policy Center',
        url: 'https://www.bu.edu/gdp/chinese-loans-to-latin-america-and-the-caribbean-database/',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-07-12T15:00:00.000Z',
    verdictId: 'vrd_loans_1',
  };
  const station: ReportEntry = {
    claimId: 'clm_station_payments',
    paragraph: 10,
    start: 2796,
    quote: 'unconfirmed sources claim that the site can intercept communications across the south-eastern United States, and Beijing most likely pays Havana several billion dollars for the privilege',
    hedges: [
      { type: 'hedge', text: 'unconfirmed sources claim' },
      { type: 'hedge', text: 'most likely' },
    ],
    attribution: null,
    rating: rating('unproven'),
    correction: null,
    rationale: 'The article hedges the claim and no public record settles it either way.',
    sources: [
      {
        title: 'China–Cuba relations',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/China%E2%80%93Cuba_relations',
        stance: 'CONTEXT',
        excerpt: null,
      },
    ],
    approvedBy: 'Tom Becker',
    approvedAt: '2024-07-13T09:20:00.000Z',
    verdictId: 'vrd_station_1',
  };
  return { corrections: [castro, facility], accurate: [since1959, loans, station] };
}

/** The corrections report for the sample article, version 2, with a change since version 1. */
export function sampleReportModel(): ReportModel {
  const { corrections, accurate } = sampleEntries();
  return {
    schemaVersion: 1,
    workspace: {
      name: 'Standards Desk',
      slug: 'standards-desk',
      organisation: 'Example Daily',
      url: 'https://daily.example.org',
    },
    scope: { kind: 'article', article: { ...SAMPLE_ARTICLE } },
    version: 2,
    generatedAt: '2024-07-14T09:30:00.000Z',
    ratingScale: DEFAULT_RATING_SCALE.map((r) => ({ ...r })),
    summary: buildSummary([...corrections, ...accurate], DEFAULT_RATING_SCALE),
    corrections,
    accurate,
    changesSinceLastVersion: {
      previousVersion: 1,
      added: ['clm_wsj_facility'],
      changed: ['clm_castro_meeting'],
      removed: ['clm_special_period'],
      places: [
        { claimId: 'clm_wsj_facility', paragraph: corrections[1].paragraph, quote: corrections[1].quote },
        { claimId: 'clm_castro_meeting', paragraph: corrections[0].paragraph, quote: corrections[0].quote },
        { claimId: 'clm_special_period', paragraph: 1, quote: 'the economy shrank by roughly 35 percent in three years' },
      ],
    },
  };
}

/** A workspace-wide report for July 2024: the sample article's entries plus one from a second article. */
export function sampleRangeReportModel(): ReportModel {
  const { corrections, accurate } = sampleEntries();
  const second = {
    id: 'art_grain_deal',
    title: 'Grain, sanctions and a summer of summits',
    url: 'https://daily.example.org/world/grain-sanctions',
    author: null,
    publishedAt: '2024-07-20T06:00:00.000Z',
  };
  const withArticle = (entry: ReportEntry, article: ReportEntry['article']): ReportEntry => ({ ...entry, article });
  const grain: ReportEntry = {
    claimId: 'clm_grain_tonnes',
    article: second,
    paragraph: 0,
    start: 0,
    quote: 'Exports rose by 40 percent in May',
    hedges: [],
    attribution: 'the trade ministry',
    rating: DEFAULT_RATING_SCALE[5],
    correction: 'Exports rose by 4 percent in May, according to the trade ministry.',
    rationale: 'The ministry’s release says 4 percent; the article added a zero.',
    sources: [{ title: 'May trade figures', publisher: 'Trade Ministry', url: null, stance: 'REFUTES', excerpt: null }],
    approvedBy: 'Tom Becker',
    approvedAt: '2024-07-21T10:00:00.000Z',
    verdictId: 'vrd_grain_1',
  };
  // Interleaved on purpose: the renderer groups entries by article.
  const all = {
    corrections: [withArticle(corrections[0], SAMPLE_ARTICLE), grain, withArticle(corrections[1], SAMPLE_ARTICLE)],
    accurate: accurate.map((entry) => withArticle(entry, SAMPLE_ARTICLE)),
  };
  return {
    ...sampleReportModel(),
    scope: { kind: 'range', from: '2024-07-01', to: '2024-07-31' },
    version: 1,
    generatedAt: '2024-08-01T07:00:00.000Z',
    summary: buildSummary([...all.corrections, ...all.accurate], DEFAULT_RATING_SCALE),
    corrections: all.corrections,
    accurate: all.accurate,
    changesSinceLastVersion: null,
  };
}

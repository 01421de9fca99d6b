// Report models built from the sample article (../shared/fixtures/nk-russia-article.txt), for tests and examples.
// Quotes are the article's own words; paragraph is the 0-based index of the article's non-empty lines and
// start the character offset in the article text (report-fixture.spec.ts checks both against the file).
// The Tehran entry carries hostile strings on purpose: markup, a javascript: URL, formula cells, quotes,
// commas, newlines and emoji.
import { buildSummary, type RatingDef, type ReportEntry, type ReportModel } from '../model';

// Same as DEFAULT_RATING_SCALE in libs/domain (copied so that this pure library does not depend on it).
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

export const KIM_JONG_IL_QUOTE =
  'The unforeseen meeting with Kim Jong-Il in September 2023 raised doubts in regard to President Putin’s intentions';
export const KIM_JONG_UN_CORRECTION = 'Putin met Kim Jong-Un in September 2023';
export const HOSTILE_CORRECTION =
  '=HYPERLINK("https://evil.example/","Click") A North Korean delegation did visit Tehran on April 24, 2024; ' +
  'that it went "to sell arms" is unconfirmed.\nSecond line: officials declined to comment 🚀';
export const HOSTILE_RATIONALE =
  'Two outlets reported the visit, <script>alert(1)</script> & none named a purpose.\n\n' +
  'The article states the purpose as fact, "selling arms", without a source; it should say so 🙂.';

export const SAMPLE_ARTICLE = {
  id: 'art_nk_russia',
  title: 'North Korea and Russia: a totalitarian axis in the Far East?',
  url: 'https://daily.example.org/opinion/north-korea-russia',
  author: 'Xenia Oana Cojocaru',
  publishedAt: '2024-06-10T08:00:00.000Z',
};

export function sampleEntries(): { corrections: ReportEntry[]; accurate: ReportEntry[] } {
  const kim: ReportEntry = {
    claimId: 'clm_kim_meeting',
    paragraph: 4,
    start: 1579,
    quote: KIM_JONG_IL_QUOTE,
    hedges: [],
    attribution: null,
    rating: rating('false'),
    correction: KIM_JONG_UN_CORRECTION,
    rationale:
      'Kim Jong-Il died in December 2011. The September 2023 meeting at the Vostochny Cosmodrome was between ' +
      'Vladimir Putin and his son, Kim Jong-Un.',
    sources: [
      {
        title: 'Kim Jong Il',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Kim_Jong_Il',
        stance: 'REFUTES',
        excerpt: 'Kim Jong Il … died on 17 December 2011.',
      },
      {
        title: 'Putin hosts Kim Jong-Un at the Vostochny Cosmodrome',
        publisher: 'Example Wire',
        url: 'https://wire.example.org/2023/09/13/putin-kim-jong-un-vostochny',
        stance: 'REFUTES',
        excerpt: 'Russian President Vladimir Putin met North Korean leader Kim Jong-Un on 13 September 2023.',
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-06-12T14:03:00.000Z',
    verdictId: 'vrd_kim_2',
  };
  const tehran: ReportEntry = {
    claimId: 'clm_tehran_delegation',
    paragraph: 8,
    start: 3894,
    quote: 'Pyongyang sending a delegation to Tehran on April 24 with the not-so-peaceful purpose of selling arms',
    hedges: [],
    attribution: null,
    rating: rating('mixed'),
    correction: HOSTILE_CORRECTION,
    rationale: HOSTILE_RATIONALE,
    sources: [
      {
        title: '"Arms talk", said who? Delegation, trade, and <b>tea</b>',
        publisher: 'Example <i>Evening</i> News',
        url: 'javascript:alert(1)',
        stance: 'CONTEXT',
        excerpt: '-2+3 sounded like a formula, said one diplomat,\nbut "no deal" was signed.',
      },
      {
        title: '@NK delegation lands in Tehran',
        publisher: null,
        url: 'https://news.example.org/world?id=24&lang="en"',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Tom Becker',
    approvedAt: '2024-06-13T09:15:00.000Z',
    verdictId: 'vrd_tehran_1',
  };
  const yeltsin: ReportEntry = {
    claimId: 'clm_yeltsin_1991',
    paragraph: 2,
    start: 1015,
    quote: 'Boris Yeltsin came to power in 1991',
    hedges: [],
    attribution: null,
    rating: rating('true'),
    correction: null,
    rationale: 'Yeltsin was elected President of the Russian SFSR in June 1991 and took office in July 1991.',
    sources: [
      {
        title: 'Boris Yeltsin',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Boris_Yeltsin',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-06-12T14:10:00.000Z',
    verdictId: 'vrd_yeltsin_1',
  };
  const nuclear: ReportEntry = {
    claimId: 'clm_iran_nuclear',
    paragraph: 8,
    start: 4152,
    quote: 'Iran and North Korea allegedly cooperated in the nuclear field approximately four decades ago',
    hedges: [
      { type: 'hedge', text: 'allegedly' },
      { type: 'approximation', text: 'approximately' },
    ],
    attribution: null,
    rating: rating('unproven'),
    correction: null,
    rationale: 'The article hedges the claim and no public record settles it either way.',
    sources: [
      {
        title: 'Iran–North Korea relations',
        publisher: 'Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Iran%E2%80%93North_Korea_relations',
        stance: 'CONTEXT',
        excerpt: null,
      },
    ],
    approvedBy: 'Tom Becker',
    approvedAt: '2024-06-13T09:20:00.000Z',
    verdictId: 'vrd_nuclear_1',
  };
  const pentagon: ReportEntry = {
    claimId: 'clm_pentagon_rounds',
    paragraph: 11,
    start: 5637,
    quote:
      'Last year’s production of North Korean arms for Russia has been reported to surpass “millions of artillery rounds”, according to the US Pentagon',
    hedges: [{ type: 'hedge', text: 'has been reported to' }],
    attribution: 'US Pentagon',
    rating: rating('mostly-true'),
    correction: null,
    rationale: 'US defence officials gave estimates in the millions of rounds; the figure is theirs and is attributed as such.',
    sources: [
      {
        title: 'Briefing on munitions transfers',
        publisher: 'US Department of Defense',
        url: 'https://www.defense.gov/News/Transcripts/',
        stance: 'SUPPORTS',
        excerpt: null,
      },
    ],
    approvedBy: 'Ana Ionescu',
    approvedAt: '2024-06-12T15:00:00.000Z',
    verdictId: 'vrd_pentagon_1',
  };
  return { corrections: [kim, tehran], accurate: [yeltsin, nuclear, pentagon] };
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
    generatedAt: '2024-06-14T09:30:00.000Z',
    ratingScale: DEFAULT_RATING_SCALE.map((r) => ({ ...r })),
    summary: buildSummary([...corrections, ...accurate], DEFAULT_RATING_SCALE),
    corrections,
    accurate,
    changesSinceLastVersion: {
      previousVersion: 1,
      added: ['clm_tehran_delegation'],
      changed: ['clm_kim_meeting'],
      removed: ['clm_famine_toll'],
    },
  };
}

/** A workspace-wide report for June 2024: the sample article's entries plus one from a second article. */
export function sampleRangeReportModel(): ReportModel {
  const { corrections, accurate } = sampleEntries();
  const second = {
    id: 'art_grain_deal',
    title: 'Grain, sanctions and a summer of summits',
    url: 'https://daily.example.org/world/grain-sanctions',
    author: null,
    publishedAt: '2024-06-20T06:00:00.000Z',
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
    approvedAt: '2024-06-21T10:00:00.000Z',
    verdictId: 'vrd_grain_1',
  };
  // Interleaved on purpose: the renderer groups entries by article.
  const all = {
    corrections: [withArticle(corrections[0], SAMPLE_ARTICLE), grain, withArticle(corrections[1], SAMPLE_ARTICLE)],
    accurate: accurate.map((entry) => withArticle(entry, SAMPLE_ARTICLE)),
  };
  return {
    ...sampleReportModel(),
    scope: { kind: 'range', from: '2024-06-01', to: '2024-06-30' },
    version: 1,
    generatedAt: '2024-07-01T07:00:00.000Z',
    summary: buildSummary([...all.corrections, ...all.accurate], DEFAULT_RATING_SCALE),
    corrections: all.corrections,
    accurate: all.accurate,
    changesSinceLastVersion: null,
  };
}

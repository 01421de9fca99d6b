import { claimReviewedText, claimReviews, renderClaimReviewJsonLd, type ClaimReviewJsonLd } from './claim-review';
import type { ReportModel } from './model';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { DEFAULT_RATING_SCALE, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

const REPORT_URL = 'https://daily.example.org/corrections/north-korea-russia';

/** Google's ClaimReview requirements (required, then recommended), checked on one review. */
function expectGoogleShape(review: ClaimReviewJsonLd, model: ReportModel) {
  expect(review['@type']).toBe('ClaimReview');
  expect(typeof review.claimReviewed).toBe('string');
  expect(review.claimReviewed.length).toBeGreaterThan(0);
  expect(review.claimReviewed.length).toBeLessThanOrEqual(75);
  expect(review.url).toMatch(/^https:\/\/daily\.example\.org\/corrections\/north-korea-russia#claim-[\w-]+$/);
  expect(review.reviewRating['@type']).toBe('Rating');
  expect(typeof review.reviewRating.alternateName).toBe('string');
  expect(review.claimReviewed.toLowerCase()).not.toContain(review.reviewRating.alternateName.toLowerCase());
  expect(review.reviewRating.bestRating).toBe(6);
  expect(review.reviewRating.worstRating).toBe(1);
  const scaleRating = model.ratingScale.find((r) => r.label === review.reviewRating.alternateName)!;
  if (scaleRating.ratingValue === null) expect(review.reviewRating).not.toHaveProperty('ratingValue');
  else expect(review.reviewRating.ratingValue).toBe(scaleRating.ratingValue);
  expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Daily', url: 'https://daily.example.org/' });
  expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(review.itemReviewed['@type']).toBe('Claim');
  expect(['Person', 'Organization']).toContain(review.itemReviewed.author?.['@type']);
  expect(review.itemReviewed.appearance?.['@type']).toBe('CreativeWork');
  expect(review.itemReviewed.appearance?.url).toMatch(/^https:\/\//);
  expect(review.itemReviewed.appearance?.headline).toBeTruthy();
  expect(review.itemReviewed.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

describe('renderClaimReviewJsonLd', () => {
  const model = deepFreeze(sampleReportModel());
  const text = renderClaimReviewJsonLd(model, { reportUrl: REPORT_URL });
  const doc = JSON.parse(text);

  it('matches the golden file', () => {
    expectGolden('sample.jsonld', text);
  });

  it('is one ClaimReview per approved verdict, corrections and accurate alike', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].map((r: ClaimReviewJsonLd) => r.url.split('#claim-')[1])).toEqual(['clm_kim_meeting', 'clm_tehran_delegation', 'clm_yeltsin_1991', 'clm_iran_nuclear', 'clm_pentagon_rounds']);
  });

  it('gives every review the fields Google requires and recommends', () => {
    for (const review of doc['@graph']) expectGoogleShape(review, model);
  });

  it('reviews the Kim Jong-Il claim as False, about the article and its author', () => {
    const kim: ClaimReviewJsonLd = doc['@graph'][0];
    expect(kim.claimReviewed).toBe('The unforeseen meeting with Kim Jong-Il in September 2023 raised doubts…');
    expect(kim.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 6, worstRating: 1 });
    expect(kim.datePublished).toBe('2024-06-12');
    expect(kim.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Xenia Oana Cojocaru' },
      datePublished: '2024-06-10',
      appearance: {
        '@type': 'CreativeWork',
        url: 'https://daily.example.org/opinion/north-korea-russia',
        headline: 'North Korea and Russia: a totalitarian axis in the Far East?',
        author: { '@type': 'Person', name: 'Xenia Oana Cojocaru' },
        datePublished: '2024-06-10',
      },
    });
  });

  it('credits an attributed claim to whom it is attributed, and omits ratingValue for Unproven', () => {
    const pentagon: ClaimReviewJsonLd = doc['@graph'][4];
    expect(pentagon.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'US Pentagon' });
    const unproven: ClaimReviewJsonLd = doc['@graph'][3];
    expect(unproven.reviewRating.alternateName).toBe('Unproven');
    expect(unproven.reviewRating).not.toHaveProperty('ratingValue');
  });

  it('uses each entry’s own article in a workspace-wide report', () => {
    const reviews = claimReviews(sampleRangeReportModel(), { reportUrl: REPORT_URL });
    const grain = reviews.find((r) => r.url.endsWith('#claim-clm_grain_tonnes'))!;
    expect(grain.itemReviewed.appearance?.headline).toBe('Grain, sanctions and a summer of summits');
    expect(grain.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'the trade ministry' });
  });

  it('omits best and worst ratings when the scale has no numbers, and refuses a non-http report URL', () => {
    const words = { ...sampleReportModel(), ratingScale: DEFAULT_RATING_SCALE.map((r) => ({ ...r, ratingValue: null })) };
    expect(claimReviews(words, { reportUrl: REPORT_URL })[0].reviewRating).not.toHaveProperty('bestRating');
    expect(() => claimReviews(model, { reportUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('claimReviewedText', () => {
  it('cuts on a word boundary to at most 75 characters', () => {
    const text = claimReviewedText('Last year’s production of North Korean arms for Russia has been reported to surpass “millions of artillery rounds”', 'Mostly true');
    expect(text).toBe('Last year’s production of North Korean arms for Russia has been reported…');
    expect(text.length).toBeLessThanOrEqual(75);
  });

  it('never contains the verdict’s label, in any case or inside a word', () => {
    expect(claimReviewedText('The false claim that the vote was untrue', 'False')).toBe('The … claim that the vote was untrue');
    expect(claimReviewedText('It is untrue that exports fell', 'True')).toBe('It is … that exports fell');
    expect(claimReviewedText('Mostly true, said the minister', 'Mostly true')).toBe('…, said the minister');
    expect(claimReviewedText('False', 'False')).toBe('…');
  });

  it('keeps a short claim whole and never splits an emoji', () => {
    expect(claimReviewedText('Boris Yeltsin came to power in 1991', 'True')).toBe('Boris Yeltsin came to power in 1991');
    const long = `${'😀'.repeat(40)}`;
    const text = claimReviewedText(long, 'False');
    expect(text.length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

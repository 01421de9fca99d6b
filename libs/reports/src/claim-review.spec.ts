import { claimReviewedText, claimReviews, renderClaimReviewJsonLd, type ClaimReviewJsonLd } from './claim-review';
import type { ReportModel } from './model';
import { deepFreeze } from './testing/deep-freeze';
import { expectGolden } from './testing/golden';
import { DEFAULT_RATING_SCALE, sampleRangeReportModel, sampleReportModel } from './testing/sample-report';

const REPORT_URL = 'https://daily.example.org/corrections/havana-pivot-east';

/** Google's ClaimReview requirements (required, then recommended), checked on one review. */
function expectGoogleShape(review: ClaimReviewJsonLd, model: ReportModel) {
  expect(review['@type']).toBe('ClaimReview');
  expect(typeof review.claimReviewed).toBe('string');
  expect(review.claimReviewed.length).toBeGreaterThan(0);
  expect(review.claimReviewed.length).toBeLessThanOrEqual(75);
  expect(review.url).toMatch(/^https:\/\/daily\.example\.org\/corrections\/havana-pivot-east#claim-[\w-]+$/);
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
    expect(doc['@graph'].map((r: ClaimReviewJsonLd) => r.url.split('#claim-')[1])).toEqual([
      'clm_castro_meeting',
      'clm_wsj_facility',
      'clm_first_since_1959',
      'clm_chinese_loans',
      'clm_station_payments',
    ]);
  });

  it('gives every review the fields Google requires and recommends', () => {
    for (const review of doc['@graph']) expectGoogleShape(review, model);
  });

  it('reviews the Fidel Castro claim as False, about the article and its author', () => {
    const castro: ClaimReviewJsonLd = doc['@graph'][0];
    expect(castro.claimReviewed).toBe('The surprise meeting between a Chinese trade delegation and Fidel Castro…');
    expect(castro.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 6, worstRating: 1 });
    expect(castro.datePublished).toBe('2024-07-12');
    expect(castro.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Ana Lucía Ferrer' },
      datePublished: '2024-07-10',
      appearance: {
        '@type': 'CreativeWork',
        url: 'https://example.org/opinion/havana-pivot-east',
        headline: 'Havana’s Pivot East: What Cuba’s New Friendships Cost',
        author: { '@type': 'Person', name: 'Ana Lucía Ferrer' },
        datePublished: '2024-07-10',
      },
    });
  });

  it('credits an attributed claim to whom it is attributed, and omits ratingValue for Unproven', () => {
    const loans: ClaimReviewJsonLd = doc['@graph'][3];
    expect(loans.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Boston University Global Development Policy Center' });
    const unproven: ClaimReviewJsonLd = doc['@graph'][4];
    expect(unproven.reviewRating.alternateName).toBe('Unproven');
    expect(unproven.reviewRating).not.toHaveProperty('ratingValue');
  });

  it('uses each entry’s own article in a workspace-wide report', () => {
    const reviews = claimReviews(sampleRangeReportModel(), { reportUrl: REPORT_URL });
    const grain = reviews.find((r) => r.url.endsWith('#claim-clm_grain_tonnes'))!;
    expect(grain.itemReviewed.appearance?.headline).toBe('Grain, sanctions and a summer of summits');
    expect(grain.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'the trade ministry' });
  });

  it('credits the claim to its claimant when the entry names one', () => {
    const base = sampleReportModel();
    const withClaimant = { ...base, corrections: base.corrections.map((e, i) => (i === 0 ? { ...e, claimant: 'US Pentagon' } : e)) };
    const [first, second] = claimReviews(withClaimant, { reportUrl: REPORT_URL });
    expect(first.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'US Pentagon' });
    expect(second.itemReviewed.author).toEqual(claimReviews(base, { reportUrl: REPORT_URL })[1].itemReviewed.author);
  });

  it('omits best and worst ratings when the scale has no numbers, and refuses a non-http report URL', () => {
    const words = { ...sampleReportModel(), ratingScale: DEFAULT_RATING_SCALE.map((r) => ({ ...r, ratingValue: null })) };
    expect(claimReviews(words, { reportUrl: REPORT_URL })[0].reviewRating).not.toHaveProperty('bestRating');
    expect(() => claimReviews(model, { reportUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('claimReviewedText', () => {
  it('cuts on a word boundary to at most 75 characters', () => {
    const text = claimReviewedText('Chinese state banks lent Cuba an estimated $6 billion between 2000 and 2020, according to the Boston University Global Development Policy Center', 'Mostly true');
    expect(text).toBe('Chinese state banks lent Cuba an estimated $6 billion between 2000 and…');
    expect(text.length).toBeLessThanOrEqual(75);
  });

  it('never contains the verdict’s label, in any case or inside a word', () => {
    expect(claimReviewedText('The false claim that the vote was untrue', 'False')).toBe('The … claim that the vote was untrue');
    expect(claimReviewedText('It is untrue that exports fell', 'True')).toBe('It is … that exports fell');
    expect(claimReviewedText('Mostly true, said the minister', 'Mostly true')).toBe('…, said the minister');
    expect(claimReviewedText('False', 'False')).toBe('…');
  });

  it('keeps a short claim whole and never splits an emoji', () => {
    expect(claimReviewedText('Miguel Díaz-Canel came to power in 2018', 'True')).toBe('Miguel Díaz-Canel came to power in 2018');
    const long = `${'😀'.repeat(40)}`;
    const text = claimReviewedText(long, 'False');
    expect(text.length).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

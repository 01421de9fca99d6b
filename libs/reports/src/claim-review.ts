// schema.org ClaimReview JSON-LD, one per approved verdict, with the fields Google's fact-check markup asks for.
import { entryArticle, formatDate, headerOf, reportOrder, safeHttpUrl, truncateWords } from './format';
import type { RatingDef, ReportEntry, ReportHeader, ReportModel } from './model';

export interface ClaimReviewOptions {
  /** Where the report is published; each review's url is reportUrl#claim-<claimId>. */
  reportUrl: string;
}

type Party = { '@type': 'Person' | 'Organization'; name: string; url?: string };

export interface ClaimReviewJsonLd {
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: Party;
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
  };
  itemReviewed: {
    '@type': 'Claim';
    author?: Party;
    datePublished?: string;
    appearance?: { '@type': 'CreativeWork'; url?: string; headline: string; author?: Party; datePublished?: string };
  };
}

export const CLAIM_REVIEWED_MAX = 75;

/**
 * The claim as ClaimReview states it: at most 75 characters, cut on a word boundary with "…", and never
 * containing the verdict's label (Google asks that the claim not give away the rating): any word that
 * contains the label is replaced by "…".
 */
export function claimReviewedText(quote: string, label: string): string {
  let text = quote.replace(/\s+/g, ' ').trim();
  const needle = label.replace(/\s+/g, ' ').trim();
  if (needle) {
    const pattern = needle.split(' ').map(escapeRegExp).join('\\s+');
    text = text
      .replace(new RegExp(`[\\p{L}\\p{N}'’-]*${pattern}[\\p{L}\\p{N}'’-]*`, 'giu'), '…')
      .replace(/…(\s*…)+/g, '…')
      .trim();
  }
  text = truncateWords(text, CLAIM_REVIEWED_MAX);
  if (!text.replace(/…/g, '').trim()) return '…';
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ORGANISATION_WORDS =
  /\b(agency|army|association|bank|board|bureau|ceo|command|commission|committee|company|congress|council|court|department|embassy|forces|foundation|government|group|inc|institute|kremlin|ltd|media|military|ministry|navy|news|office|organi[sz]ation|pentagon|police|parliament|party|press|service|times|union|united nations|university|white house)\b/i;

/** ClaimReview wants a Person or an Organization; the model only has a name, so guess from it. */
function partyFor(name: string): Party {
  const organisation = ORGANISATION_WORDS.test(name) || /\b[A-Z]{2,}\b/.test(name);
  return { '@type': organisation ? 'Organization' : 'Person', name };
}

function ratingBounds(scale: RatingDef[]): { best?: number; worst?: number } {
  const values = scale.map((r) => r.ratingValue).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return {};
  return { best: Math.max(...values), worst: Math.min(...values) };
}

function claimReview(entry: ReportEntry, header: ReportHeader, base: string, bounds: { best?: number; worst?: number }): ClaimReviewJsonLd {
  const article = entryArticle(entry, header);
  const reviewRating: ClaimReviewJsonLd['reviewRating'] = { '@type': 'Rating', alternateName: entry.rating.label };
  if (typeof entry.rating.ratingValue === 'number') reviewRating.ratingValue = entry.rating.ratingValue;
  if (bounds.best !== undefined) reviewRating.bestRating = bounds.best;
  if (bounds.worst !== undefined) reviewRating.worstRating = bounds.worst;

  const publisher: Party = { '@type': 'Organization', name: header.workspace.organisation };
  const publisherUrl = safeHttpUrl(header.workspace.url);
  if (publisherUrl) publisher.url = publisherUrl;

  const itemReviewed: ClaimReviewJsonLd['itemReviewed'] = { '@type': 'Claim' };
  const claimant = entry.claimant ?? entry.attribution ?? article?.author ?? null;
  if (claimant) itemReviewed.author = partyFor(claimant);
  if (article?.publishedAt) itemReviewed.datePublished = formatDate(article.publishedAt);
  if (article) {
    const articleUrl = safeHttpUrl(article.url);
    const appearance: NonNullable<ClaimReviewJsonLd['itemReviewed']['appearance']> = {
      '@type': 'CreativeWork',
      ...(articleUrl ? { url: articleUrl } : {}),
      headline: article.title,
    };
    if (article.author) appearance.author = partyFor(article.author);
    if (article.publishedAt) appearance.datePublished = formatDate(article.publishedAt);
    itemReviewed.appearance = appearance;
  }

  return {
    '@type': 'ClaimReview',
    url: `${base}#claim-${encodeURIComponent(entry.claimId)}`,
    claimReviewed: claimReviewedText(entry.quote, entry.rating.label),
    datePublished: formatDate(entry.approvedAt),
    author: publisher,
    reviewRating,
    itemReviewed,
  };
}

/** One ClaimReview object per approved verdict, corrections first, in report order. */
export function claimReviews(model: ReportModel, opts: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const base = opts.reportUrl.split('#')[0];
  if (!safeHttpUrl(base)) throw new TypeError('reportUrl must be an absolute http(s) URL');
  const header = headerOf(model);
  const bounds = ratingBounds(model.ratingScale);
  return reportOrder(model).map((entry) => claimReview(entry, header, base, bounds));
}

/** A JSON-LD document: one @context and an @graph of ClaimReviews. 2-space indentation, trailing newline. */
export function renderClaimReviewJsonLd(model: ReportModel, opts: ClaimReviewOptions): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': claimReviews(model, opts) }, null, 2) + '\n';
}

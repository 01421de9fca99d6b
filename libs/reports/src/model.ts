// The corrections-report model: what the API builds from approved verdicts and every renderer reads.

export interface RatingDef {
  key: string;
  label: string;
  /** ClaimReview ratingValue (worst 1 … best 6 in the default scale); null for ratings such as Unproven. */
  ratingValue: number | null;
  needsCorrection: boolean;
}

export type SourceStance = 'SUPPORTS' | 'REFUTES' | 'CONTEXT';

/** What the source's page said when the report cites it: the latest capture at or before the version's publication. */
export interface ReportCapture {
  snapshotId: string;
  /** ISO 8601 */
  capturedAt: string;
  /** SHA-256 of the captured bytes, lowercase hex. */
  sha256: string;
  /** The archived readable text, public for a published version's sources; null in drafts. */
  archivedUrl: string | null;
}

export interface ReportSource {
  title: string;
  publisher: string | null;
  url: string | null;
  stance: SourceStance;
  excerpt: string | null;
  /** Absent in reports published before sources were captured. */
  capture?: ReportCapture | null;
}

export interface ReportCue {
  type: string;
  text: string;
}

/** The article an entry's words come from. author and publishedAt feed ClaimReview's itemReviewed when known. */
export interface ReportArticle {
  id: string;
  title: string;
  url: string | null;
  author?: string | null;
  publishedAt?: string | null;
}

export interface ReportEntry {
  claimId: string;
  /** Set for workspace-wide (range) reports, where entries come from several articles. */
  article?: ReportArticle;
  /** 0-based in data; renderers print it 1-based. */
  paragraph: number;
  /** Character offset of the claim in the article revision's text. */
  start: number;
  quote: string;
  hedges: ReportCue[];
  attribution: string | null;
  /** Who makes the claim (the attributed source, else the article's author or publication); ClaimReview's itemReviewed.author. */
  claimant?: string | null;
  rating: RatingDef;
  correction: string | null;
  rationale: string;
  sources: ReportSource[];
  approvedBy: string;
  /** ISO 8601 */
  approvedAt: string;
  verdictId: string;
}

export interface ReportWorkspace {
  name: string;
  slug: string;
  organisation: string;
  url: string | null;
}

export type ReportScope =
  | {
      kind: 'article';
      article: { id: string; title: string; url: string | null; author: string | null; publishedAt: string | null };
    }
  | { kind: 'range'; from: string; to: string };

export interface ReportSummary {
  claimsChecked: number;
  correctionsNeeded: number;
  byRating: Array<{ key: string; label: string; count: number }>;
}

/** Where an added, changed or withdrawn entry stands, so that readers see paragraph numbers and words, not ids. */
export interface ChangedEntryPlace {
  claimId: string;
  /** 0-based, as in ReportEntry. */
  paragraph: number;
  quote: string;
}

export interface ReportChanges {
  previousVersion: number;
  added: string[];
  changed: string[];
  removed: string[];
  /** The paragraph and words of each claim above (absent in snapshots published before it was kept). */
  places?: ChangedEntryPlace[];
}

export interface ReportModel {
  schemaVersion: 1;
  /** A draft: what would be published now. Every format says so, and nothing in it reads "Published by". */
  draft?: boolean;
  workspace: ReportWorkspace;
  scope: ReportScope;
  version: number;
  /** ISO 8601; passed in by the caller so that rendering never reads the clock. */
  generatedAt: string;
  ratingScale: RatingDef[];
  summary: ReportSummary;
  /** Approved verdicts whose rating needs a correction, in article order (paragraph, start). */
  corrections: ReportEntry[];
  /** Approved verdicts whose rating needs no correction, in article order. */
  accurate: ReportEntry[];
  /** "A correction to the corrections": claimIds that differ from the previous published version. */
  changesSinceLastVersion: ReportChanges | null;
}

/** Everything but the entries: what a streaming renderer needs before the first entry arrives. */
export type ReportHeader = Omit<ReportModel, 'corrections' | 'accurate'>;

/**
 * Counts for the summary. Every rating of the scale is listed, in scale order, even at zero, so that
 * consumers of the JSON see the whole scale; ratings no longer in the scale are appended as found.
 */
export function buildSummary(entries: ReportEntry[], scale: RatingDef[]): ReportSummary {
  const counts = new Map<string, { key: string; label: string; count: number }>();
  for (const rating of scale) counts.set(rating.key, { key: rating.key, label: rating.label, count: 0 });
  let correctionsNeeded = 0;
  for (const entry of entries) {
    if (entry.rating.needsCorrection) correctionsNeeded++;
    const row = counts.get(entry.rating.key);
    if (row) row.count++;
    else counts.set(entry.rating.key, { key: entry.rating.key, label: entry.rating.label, count: 1 });
  }
  return { claimsChecked: entries.length, correctionsNeeded, byRating: [...counts.values()] };
}

/** What a reader would see change in an entry; offsets alone move when an article is re-anchored, so they do not count. */
function entryFingerprint(entry: ReportEntry): string {
  return JSON.stringify([
    entry.verdictId,
    entry.quote,
    entry.rating.key,
    entry.rating.label,
    entry.correction,
    entry.rationale,
    entry.attribution,
    entry.hedges.map((cue) => [cue.type, cue.text]),
    entry.sources.map((s) => [s.title, s.publisher, s.url, s.stance, s.excerpt]),
  ]);
}

/**
 * The changes a new version makes to the previous published one, by claimId: added and changed in the
 * new report's order, removed in the old report's order. null when there is no previous version.
 */
export function diffReports(prev: ReportModel | null, next: ReportModel): ReportChanges | null {
  if (!prev) return null;
  const before = new Map<string, string>();
  const places = new Map<string, ChangedEntryPlace>();
  const place = (entry: ReportEntry) => places.set(entry.claimId, { claimId: entry.claimId, paragraph: entry.paragraph, quote: entry.quote });
  for (const entry of [...prev.corrections, ...prev.accurate]) {
    before.set(entry.claimId, entryFingerprint(entry));
    place(entry);
  }
  const after = new Set<string>();
  const added: string[] = [];
  const changed: string[] = [];
  for (const entry of [...next.corrections, ...next.accurate]) {
    after.add(entry.claimId);
    place(entry);
    const old = before.get(entry.claimId);
    if (old === undefined) added.push(entry.claimId);
    else if (old !== entryFingerprint(entry)) changed.push(entry.claimId);
  }
  const removed = [...before.keys()].filter((claimId) => !after.has(claimId));
  const listed = [...added, ...changed, ...removed];
  return { previousVersion: prev.version, added, changed, removed, places: listed.map((claimId) => places.get(claimId)!) };
}

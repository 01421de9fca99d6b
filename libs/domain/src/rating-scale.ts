// The workspace's rating scale; the default is the product brief's. No zod here (its schemas are in ratings.ts), so
// screens that only show ratings load without it.

// A type alias (not an interface) so a scale stays assignable to a JSON column's value.
export type Rating = {
  key: string;
  label: string;
  ratingValue: number | null;
  needsCorrection: boolean;
};

export const DEFAULT_RATING_SCALE: Rating[] = [
  { key: 'true', label: 'True', ratingValue: 6, needsCorrection: false },
  { key: 'mostly-true', label: 'Mostly true', ratingValue: 5, needsCorrection: false },
  { key: 'mixed', label: 'Mixed', ratingValue: 4, needsCorrection: true },
  { key: 'misleading', label: 'Misleading', ratingValue: 3, needsCorrection: true },
  { key: 'mostly-false', label: 'Mostly false', ratingValue: 2, needsCorrection: true },
  { key: 'false', label: 'False', ratingValue: 1, needsCorrection: true },
  { key: 'unproven', label: 'Unproven', ratingValue: null, needsCorrection: false },
];

/**
 * What a verdict with this rating still lacks before an editor may approve it, in the words the API and the review card
 * use; empty when nothing is missing. A rating that needs a correction also needs at least one source behind it.
 */
export function missingEvidence(rating: Rating, verdict: { correction: string | null; sourceCount: number }): string[] {
  if (!rating.needsCorrection) return [];
  const missing: string[] = [];
  if (!verdict.correction?.trim()) missing.push(`a verdict rated ${rating.label} needs a correction`);
  if (verdict.sourceCount === 0) missing.push(`a verdict rated ${rating.label} needs at least one source`);
  return missing;
}

export function findRating(scale: Rating[], key: string): Rating | undefined {
  return scale.find((r) => r.key === key);
}

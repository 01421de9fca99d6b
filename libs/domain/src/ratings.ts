// The workspace's rating scale; the default is the product brief's.
import { z } from 'zod';

export const ratingSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _'),
    label: z.string().trim().min(1).max(60),
    ratingValue: z.number().int().min(1).max(100).nullable(),
    needsCorrection: z.boolean(),
  })
  .strict();
export type Rating = z.infer<typeof ratingSchema>;

export const ratingScaleSchema = z
  .array(ratingSchema)
  .min(2)
  .max(20)
  .superRefine((ratings, ctx) => {
    const seen = new Set<string>();
    ratings.forEach((r, i) => {
      if (seen.has(r.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate key "${r.key}"` });
      seen.add(r.key);
    });
  });

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

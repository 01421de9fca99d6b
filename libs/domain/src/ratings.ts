// The schemas of a workspace's rating scale. The scale itself (type, default, rules) is in rating-scale.ts, free of zod,
// so the web app's first screens load without it.
import { z } from 'zod';
import type { Rating } from './rating-scale';

export const ratingSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _'),
    label: z.string().trim().min(1).max(60),
    ratingValue: z.number().int().min(1).max(100).nullable(),
    needsCorrection: z.boolean(),
  })
  .strict();
// The schema and the Rating type stay equal.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ratingMatchesSchema: Equal<z.infer<typeof ratingSchema>, Rating> = true;
void _ratingMatchesSchema;

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

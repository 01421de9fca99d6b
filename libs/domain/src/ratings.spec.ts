import { DEFAULT_RATING_SCALE, findRating, missingEvidence } from './rating-scale';
import { ratingScaleSchema } from './ratings';

describe('rating scale', () => {
  it('defaults to the brief’s seven ratings, worst 1 to best 6, Unproven without a value', () => {
    expect(DEFAULT_RATING_SCALE.map((r) => r.label)).toEqual(['True', 'Mostly true', 'Mixed', 'Misleading', 'Mostly false', 'False', 'Unproven']);
    expect(DEFAULT_RATING_SCALE.find((r) => r.key === 'unproven')?.ratingValue).toBeNull();
    expect(ratingScaleSchema.safeParse(DEFAULT_RATING_SCALE).success).toBe(true);
  });

  it('refuses duplicate keys, naming the field', () => {
    const result = ratingScaleSchema.safeParse([...DEFAULT_RATING_SCALE, { ...DEFAULT_RATING_SCALE[0] }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([7, 'key']);
  });

  it('asks a rating that needs a correction for a correction and at least one source, and nothing of the others', () => {
    const falseRating = findRating(DEFAULT_RATING_SCALE, 'false')!;
    expect(missingEvidence(falseRating, { correction: null, sourceCount: 0 })).toEqual(['a verdict rated False needs a correction', 'a verdict rated False needs at least one source']);
    expect(missingEvidence(falseRating, { correction: 'He died in 2016.', sourceCount: 0 })).toEqual(['a verdict rated False needs at least one source']);
    expect(missingEvidence(falseRating, { correction: 'He died in 2016.', sourceCount: 1 })).toEqual([]);
    expect(missingEvidence(findRating(DEFAULT_RATING_SCALE, 'unproven')!, { correction: null, sourceCount: 0 })).toEqual([]);
  });
});

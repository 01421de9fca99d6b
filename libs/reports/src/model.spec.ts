import { buildSummary, diffReports, type ReportModel } from './model';
import { DEFAULT_RATING_SCALE, sampleEntries, sampleReportModel } from './testing/sample-report';

describe('buildSummary', () => {
  it('counts claims, corrections and every rating of the scale in scale order', () => {
    const { corrections, accurate } = sampleEntries();
    const summary = buildSummary([...corrections, ...accurate], DEFAULT_RATING_SCALE);
    expect(summary.claimsChecked).toBe(5);
    expect(summary.correctionsNeeded).toBe(2);
    expect(summary.byRating.map((row) => row.key)).toEqual(DEFAULT_RATING_SCALE.map((r) => r.key));
    expect(Object.fromEntries(summary.byRating.map((row) => [row.key, row.count]))).toEqual({
      true: 1,
      'mostly-true': 1,
      mixed: 1,
      misleading: 0,
      'mostly-false': 0,
      false: 1,
      unproven: 1,
    });
  });

  it('keeps a rating that has left the scale since the verdict was approved', () => {
    const { corrections } = sampleEntries();
    const retired = { ...corrections[0], rating: { key: 'pants-on-fire', label: 'Pants on fire', ratingValue: 0, needsCorrection: true } };
    const summary = buildSummary([retired], DEFAULT_RATING_SCALE);
    expect(summary.byRating.at(-1)).toEqual({ key: 'pants-on-fire', label: 'Pants on fire', count: 1 });
  });
});

describe('diffReports', () => {
  const v1 = (): ReportModel => ({ ...sampleReportModel(), version: 1, changesSinceLastVersion: null });

  it('is null for a first version', () => {
    expect(diffReports(null, v1())).toBeNull();
  });

  it('reports nothing changed between identical reports', () => {
    expect(diffReports(v1(), { ...v1(), version: 2 })).toEqual({ previousVersion: 1, added: [], changed: [], removed: [], places: [] });
  });

  it('lists added, changed and withdrawn claims', () => {
    const prev = v1();
    const next = { ...v1(), version: 2 };
    const [castro, facility] = next.corrections;
    next.corrections = [{ ...castro, correction: 'Miguel Díaz-Canel met Xi Jinping in Beijing on 25 November 2022' }, facility];
    next.accurate = next.accurate.slice(1); // the 1959 claim withdrawn
    next.accurate.push({ ...castro, claimId: 'clm_new', rating: DEFAULT_RATING_SCALE[0], correction: null });
    expect(diffReports(prev, next)).toEqual({
      previousVersion: 1,
      added: ['clm_new'],
      changed: ['clm_castro_meeting'],
      removed: ['clm_first_since_1959'],
      places: [
        { claimId: 'clm_new', paragraph: castro.paragraph, quote: castro.quote },
        { claimId: 'clm_castro_meeting', paragraph: castro.paragraph, quote: castro.quote },
        { claimId: 'clm_first_since_1959', paragraph: prev.accurate[0].paragraph, quote: prev.accurate[0].quote },
      ],
    });
  });

  it('ignores offsets that moved when the article was re-anchored, but not a new verdict', () => {
    const prev = v1();
    const moved = { ...v1(), version: 2 };
    moved.corrections = moved.corrections.map((entry) => ({ ...entry, start: entry.start + 40 }));
    expect(diffReports(prev, moved)?.changed).toEqual([]);
    const reapproved = { ...v1(), version: 2 };
    reapproved.corrections = [{ ...reapproved.corrections[0], verdictId: 'vrd_castro_3' }, reapproved.corrections[1]];
    expect(diffReports(prev, reapproved)?.changed).toEqual(['clm_castro_meeting']);
  });
});

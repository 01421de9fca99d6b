import { publishPlan } from './publishPlan';

const entry = {};

describe('publishPlan', () => {
  it('offers a first version with its counts', () => {
    expect(publishPlan({ version: 1, corrections: [entry], accurate: [entry, entry], changesSinceLastVersion: null })).toEqual({ version: 1, entries: 3, corrections: 1, changes: [], blocked: null });
  });

  it('lists what a new version changes, by paragraph and words', () => {
    const plan = publishPlan({
      version: 2,
      corrections: [entry],
      accurate: [entry],
      changesSinceLastVersion: {
        previousVersion: 1,
        added: ['c2'],
        changed: [],
        removed: ['c3'],
        places: [
          { claimId: 'c2', paragraph: 6, quote: 'Chinese state banks lent Cuba an estimated $6 billion' },
          { claimId: 'c3', paragraph: 0, quote: 'Havana looks stubborn' },
        ],
      },
    });
    expect(plan?.changes).toEqual(['Added: paragraph 7, “Chinese state banks lent Cuba an estimated $6 billion”', 'Withdrawn: paragraph 1, “Havana looks stubborn”']);
    expect(plan?.blocked).toBeNull();
  });

  it('blocks publishing when nothing changed or nothing is approved', () => {
    const same = publishPlan({ version: 3, corrections: [entry], accurate: [], changesSinceLastVersion: { previousVersion: 2, added: [], changed: [], removed: [] } });
    expect(same?.blocked).toBe('Nothing changed since version 2; the published report stands.');
    expect(publishPlan({ version: 1, corrections: [], accurate: [], changesSinceLastVersion: null })?.blocked).toBe('There are no approved verdicts to publish yet.');
  });
});

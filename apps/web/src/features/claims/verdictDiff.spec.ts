import type { VerdictDto } from '@claimdesk/domain';
import { changesSinceSentBack } from './verdictDiff';

const at = '2026-11-30T10:00:00.000Z';
const entry = (state: VerdictDto['state'], rationale: string, correction: string | null, ratingKey = 'false') => ({ version: 1, ratingKey, rationale, correction, state, actorId: 'a', createdAt: at });
const label = (key: string) => ({ false: 'False', 'mostly-false': 'Mostly false' })[key] ?? key;

describe('changesSinceSentBack', () => {
  it('shows, word by word, what the fact-checker changed after the send-back', () => {
    const verdict = {
      state: 'PROPOSED' as const,
      ratingKey: 'mostly-false',
      rationale: 'Castro died in November 2016, per the BBC.',
      correction: 'Díaz-Canel met Xi',
      history: [entry('PROPOSED', 'Castro died in 2016.', 'Díaz-Canel met Xi'), entry('CHANGES_REQUESTED', 'Castro died in 2016.', 'Díaz-Canel met Xi'), entry('PROPOSED', 'x', null)],
    };
    const changes = changesSinceSentBack(verdict, label)!;
    expect(changes.map((c) => c.field)).toEqual(['Rating', 'Rationale']);
    expect(changes[0].parts).toEqual([
      { text: 'False', change: 'removed' },
      { text: 'Mostly false', change: 'added' },
    ]);
    const rationale = changes[1].parts;
    expect(rationale.some((p) => p.change === 'added' && p.text.includes('November'))).toBe(true);
    expect(rationale.map((p) => (p.change === 'removed' ? '' : p.text)).join('')).toBe(verdict.rationale);
    expect(rationale.map((p) => (p.change === 'added' ? '' : p.text)).join('')).toBe('Castro died in 2016.');
  });

  it('is null for a verdict never sent back, or not proposed again', () => {
    expect(changesSinceSentBack({ state: 'PROPOSED', ratingKey: 'false', rationale: 'r', correction: null, history: [entry('PROPOSED', 'r', null)] }, label)).toBeNull();
    expect(changesSinceSentBack({ state: 'CHANGES_REQUESTED', ratingKey: 'false', rationale: 'r', correction: null, history: [entry('CHANGES_REQUESTED', 'r', null)] }, label)).toBeNull();
  });
});

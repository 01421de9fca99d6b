import type { ClaimDto } from '@claimdesk/domain';
import { claimToSplit } from './split';

const claim = (id: string, start: number, end: number, extra: Partial<ClaimDto> = {}) => ({ id, start, end, orphaned: false, status: 'FLAGGED', ...extra }) as ClaimDto;

describe('claimToSplit', () => {
  const claims = [claim('a', 0, 100), claim('b', 120, 200), claim('gone', 300, 400, { orphaned: true }), claim('no', 500, 600, { status: 'DISMISSED' })];

  it('finds the claim whose words hold the selection', () => {
    expect(claimToSplit(claims, { start: 10, end: 40 })?.id).toBe('a');
    expect(claimToSplit(claims, { start: 120, end: 150 })?.id).toBe('b');
  });

  it('offers no split for a whole claim, a selection across claims, an orphan or a dismissed claim', () => {
    expect(claimToSplit(claims, { start: 0, end: 100 })).toBeNull();
    expect(claimToSplit(claims, { start: 90, end: 130 })).toBeNull();
    expect(claimToSplit(claims, { start: 310, end: 320 })).toBeNull();
    expect(claimToSplit(claims, { start: 510, end: 520 })).toBeNull();
  });
});

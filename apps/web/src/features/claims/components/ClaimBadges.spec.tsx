// The claim panel's badges: one badge per fact about the claim, so an attributed claim does not say "Attributed" twice.
import { MantineProvider } from '@mantine/core';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { render, screen } from '@testing-library/react';
import { ClaimBadges } from './ClaimPanel';

const base: ReaderClaimDto = {
  id: '00000000-0000-4000-8000-000000000001',
  text: 'Lisle hid the payments in Jersey, the court heard.',
  start: 0,
  end: 50,
  kind: 'EVENT',
  score: 0.86,
  checkWorthy: true,
  reasons: [],
  cues: [],
  triage: 1,
  hedged: false,
  attributed: false,
  orphaned: false,
  status: 'DETECTED',
  dismissReason: null,
  assigneeId: null,
  priority: 0,
  version: 1,
  rating: null,
  checkedBefore: false,
};

function badges(claim: ReaderClaimDto): string[] {
  const { unmount } = render(
    <MantineProvider>
      <ClaimBadges claim={claim} />
    </MantineProvider>,
  );
  const texts = screen.getAllByText(/./, { selector: '.mantine-Badge-label' }).map((b) => b.textContent ?? '');
  unmount();
  return texts;
}

describe('claim badges', () => {
  it('names the kind, the score and each cue once', () => {
    expect(badges({ ...base, kind: 'ATTRIBUTED', attributed: true, hedged: true })).toEqual(['Detected', 'Score 86 · check-worthy', 'Hedged', 'Attributed']);
    expect(badges({ ...base, kind: 'STATISTICAL', attributed: true })).toEqual(['Detected', 'Statistical', 'Score 86 · check-worthy', 'Attributed']);
    expect(badges({ ...base, checkedBefore: true, checkWorthy: false, score: 0.2 })).toEqual(['Detected', 'Event', 'Score 20', 'Checked before']);
  });
});

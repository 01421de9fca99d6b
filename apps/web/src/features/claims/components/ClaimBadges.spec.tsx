// The claim panel's badges: one badge per fact about the claim, so an attributed claim does not say "Attributed" twice.
import { MantineProvider } from '@mantine/core';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { render, screen } from '@testing-library/react';
import { claimDto } from '../../../test/claims';
import { ClaimBadges } from './ClaimPanel';

const base: ReaderClaimDto = claimDto('Lisle hid the payments in Jersey, the court heard.', { score: 0.86, triage: 1 });

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

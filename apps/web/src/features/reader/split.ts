// Which claim a selection would split.
import type { ReaderClaimDto } from '@claimdesk/domain';

/** The claim whose words hold the whole selection (but are not all of it): the one a split would take from. */
export function claimToSplit(claims: readonly ReaderClaimDto[] | undefined, selection: { start: number; end: number }): ReaderClaimDto | null {
  return claims?.find((c) => !c.orphaned && c.status !== 'DISMISSED' && c.start <= selection.start && selection.end <= c.end && (c.start !== selection.start || c.end !== selection.end)) ?? null;
}

// Which claim a selection would split.
import type { ClaimDto } from '@claimdesk/domain';

/** The claim whose words hold the whole selection (but are not all of it): the one a split would take from. */
export function claimToSplit(claims: readonly ClaimDto[] | undefined, selection: { start: number; end: number }): ClaimDto | null {
  return claims?.find((c) => !c.orphaned && c.status !== 'DISMISSED' && c.start <= selection.start && selection.end <= c.end && (c.start !== selection.start || c.end !== selection.end)) ?? null;
}

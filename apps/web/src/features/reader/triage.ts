// The reader's triage: the order in which to check an article's claims, and the header's counts.
import type { ReaderClaimDto } from '@claimdesk/domain';

type TriageFields = Pick<ReaderClaimDto, 'id' | 'checkWorthy' | 'triage' | 'score' | 'start' | 'hedged' | 'attributed'>;

/**
 * The check-worthy claims in the order a desk checks them: hedged or anonymously sourced first (tier 1), then those with
 * numbers or dates (tier 2), then the rest (tier 3); within a tier the higher score first, then reading order.
 */
export function triageOrder<T extends TriageFields>(claims: readonly T[]): T[] {
  return claims.filter((c) => c.checkWorthy).sort((a, b) => a.triage - b.triage || b.score - a.score || a.start - b.start || (a.id < b.id ? -1 : 1));
}

/** What the reader's header counts. */
export function triageCounts(claims: readonly TriageFields[]): { checkWorthy: number; hedged: number; attributed: number } {
  let checkWorthy = 0;
  let hedged = 0;
  let attributed = 0;
  for (const c of claims) {
    if (c.checkWorthy) checkWorthy++;
    if (c.hedged) hedged++;
    if (c.attributed) attributed++;
  }
  return { checkWorthy, hedged, attributed };
}

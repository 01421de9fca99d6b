// How a claim is highlighted in the reader: its status, and for checked claims whether the verdict needs a correction.
import type { ClaimStatus, Rating } from '@claimdesk/domain';

export type ClaimTone = 'quiet' | 'detected' | 'flagged' | 'research' | 'review' | 'correct' | 'wrong' | 'dismissed';
export function claimTone(status: ClaimStatus, ratingKey: string | null, scale: readonly Rating[] | undefined, checkWorthy = true): ClaimTone {
  switch (status) {
    case 'DETECTED':
      return checkWorthy ? 'detected' : 'quiet';
    case 'FLAGGED':
      return 'flagged';
    case 'IN_RESEARCH':
      return 'research';
    case 'IN_REVIEW':
      return 'review';
    case 'DISMISSED':
      return 'dismissed';
    case 'VERIFIED':
      return ratingKey && scale?.find((r) => r.key === ratingKey)?.needsCorrection ? 'wrong' : 'correct';
  }
}
export const TONE_LABELS: Record<ClaimTone, string> = {
  quiet: 'Detected, low score',
  detected: 'Detected, check-worthy',
  flagged: 'Flagged',
  research: 'In research',
  review: 'In review',
  correct: 'Verified: no correction',
  wrong: 'Verified: needs correction',
  dismissed: 'Dismissed',
};

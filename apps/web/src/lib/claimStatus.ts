// How claim statuses, kinds and verdict states are named and coloured across screens (colour always paired with text).
import type { ClaimAction, ClaimKind, ClaimStatus, DismissReason, Rating, VerdictState } from '@claimdesk/domain';

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  DETECTED: 'Detected',
  FLAGGED: 'Flagged',
  IN_RESEARCH: 'In research',
  IN_REVIEW: 'In review',
  VERIFIED: 'Verified',
  DISMISSED: 'Dismissed',
};
export const STATUS_COLORS: Record<ClaimStatus, string> = {
  DETECTED: 'gray',
  FLAGGED: 'orange',
  IN_RESEARCH: 'blue',
  IN_REVIEW: 'violet',
  VERIFIED: 'teal',
  DISMISSED: 'dark',
};
export const KIND_LABELS: Record<ClaimKind, string> = {
  STATISTICAL: 'Statistical',
  EVENT: 'Event',
  CAUSAL: 'Causal',
  ATTRIBUTED: 'Attributed',
  PREDICTION: 'Prediction',
  OPINION: 'Opinion',
  OTHER: 'Other',
};
export const ACTION_LABELS: Record<ClaimAction, string> = {
  flag: 'Flag',
  dismiss: 'Dismiss…',
  startResearch: 'Start research',
  submitForReview: 'Submit for review',
  approve: 'Approve',
  requestChanges: 'Request changes',
  withdrawVerdict: 'Withdraw verdict',
  textChanged: 'Send back after a text change',
};
export const DISMISS_REASON_LABELS: Record<DismissReason, string> = {
  NOT_CHECK_WORTHY: 'Not check-worthy',
  OPINION: 'Opinion',
  DUPLICATE: 'Duplicate',
};
export const VERDICT_STATE_LABELS: Record<VerdictState, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Proposed',
  APPROVED: 'Approved',
  CHANGES_REQUESTED: 'Changes requested',
  WITHDRAWN: 'Withdrawn',
};
export const VERDICT_STATE_COLORS: Record<VerdictState, string> = {
  DRAFT: 'gray',
  PROPOSED: 'violet',
  APPROVED: 'teal',
  CHANGES_REQUESTED: 'orange',
  WITHDRAWN: 'dark',
};
export const PRIORITY_LABELS = ['None', 'Low', 'Medium', 'High'] as const;

export function ratingLabel(scale: readonly Rating[] | undefined, key: string | null | undefined): string {
  if (!key) return '—';
  return scale?.find((r) => r.key === key)?.label ?? key;
}

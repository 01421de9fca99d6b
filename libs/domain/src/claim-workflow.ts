// The claim workflow of the product brief as a state machine; the server enforces it and the UI asks it what to offer.
import { REVIEWERS, WRITERS, type Role } from './roles';
import { DomainError } from './errors';

export const CLAIM_STATUSES = ['DETECTED', 'FLAGGED', 'IN_RESEARCH', 'IN_REVIEW', 'VERIFIED', 'DISMISSED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const DISMISS_REASONS = ['NOT_CHECK_WORTHY', 'OPINION', 'DUPLICATE'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const CLAIM_ACTIONS = ['flag', 'dismiss', 'startResearch', 'submitForReview', 'approve', 'requestChanges', 'withdrawVerdict', 'textChanged'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** Actions a person takes on a claim directly; the others follow from verdict actions (see verdict-workflow). */
export const DIRECT_CLAIM_ACTIONS = ['flag', 'dismiss', 'startResearch'] as const satisfies readonly ClaimAction[];
export type DirectClaimAction = (typeof DIRECT_CLAIM_ACTIONS)[number];

/** Who holds the claim after an action: `actor-if-unassigned` gives an unassigned claim to whoever acted; `keep` leaves it. */
export type ClaimAssignment = 'actor-if-unassigned' | 'keep';

interface Transition {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  roles: readonly Role[];
  assign: ClaimAssignment;
}

export const CLAIM_TRANSITIONS: Record<ClaimAction, Transition> = {
  flag: { from: ['DETECTED'], to: 'FLAGGED', roles: WRITERS, assign: 'actor-if-unassigned' },
  dismiss: { from: ['DETECTED', 'FLAGGED'], to: 'DISMISSED', roles: WRITERS, assign: 'keep' },
  startResearch: { from: ['FLAGGED'], to: 'IN_RESEARCH', roles: WRITERS, assign: 'actor-if-unassigned' },
  // Who holds the claim when a verdict moves it is decided by the verdict workflow (`assigneeAfterVerdictAction`).
  submitForReview: { from: ['IN_RESEARCH'], to: 'IN_REVIEW', roles: WRITERS, assign: 'keep' },
  approve: { from: ['IN_REVIEW'], to: 'VERIFIED', roles: REVIEWERS, assign: 'keep' },
  requestChanges: { from: ['IN_REVIEW'], to: 'IN_RESEARCH', roles: REVIEWERS, assign: 'keep' },
  // A withdrawn proposal takes its claim back to research; the withdrawal's own rules are in the verdict workflow.
  withdrawVerdict: { from: ['IN_REVIEW'], to: 'IN_RESEARCH', roles: WRITERS, assign: 'keep' },
  // A re-import changed a verified claim's words: its approved verdict is reviewed again against the new text.
  textChanged: { from: ['VERIFIED'], to: 'IN_REVIEW', roles: WRITERS, assign: 'keep' },
};

/** Who holds a claim after `action` by `actorId`, given who held it before (null: unassigned). */
export function assigneeAfterClaimAction(action: ClaimAction, current: string | null, actorId: string): string | null {
  return CLAIM_TRANSITIONS[action].assign === 'actor-if-unassigned' ? (current ?? actorId) : current;
}

export function canTransition(status: ClaimStatus, action: ClaimAction, role: Role): boolean {
  const t = CLAIM_TRANSITIONS[action];
  return t.from.includes(status) && t.roles.includes(role);
}

/** The status after `action`, or a domain error saying why not (403 for the role, 422 for the state). */
export function nextStatus(status: ClaimStatus, action: ClaimAction, role: Role): ClaimStatus {
  const t = CLAIM_TRANSITIONS[action];
  if (!t.roles.includes(role)) {
    throw new DomainError('FORBIDDEN', `a ${role.toLowerCase().replace('_', '-')} may not ${describeAction(action)}`);
  }
  if (!t.from.includes(status)) {
    throw new DomainError('ILLEGAL_TRANSITION', `cannot ${describeAction(action)} a claim that is ${status}; allowed from ${t.from.join(' or ')}`);
  }
  return t.to;
}

export function availableActions(status: ClaimStatus, role: Role): ClaimAction[] {
  return CLAIM_ACTIONS.filter((action) => canTransition(status, action, role));
}

export function describeAction(action: ClaimAction): string {
  switch (action) {
    case 'flag':
      return 'flag';
    case 'dismiss':
      return 'dismiss';
    case 'startResearch':
      return 'start research on';
    case 'submitForReview':
      return 'submit for review';
    case 'approve':
      return 'approve';
    case 'requestChanges':
      return 'request changes on';
    case 'withdrawVerdict':
      return 'withdraw the verdict on';
    case 'textChanged':
      return 'send back for review after a text change';
  }
}

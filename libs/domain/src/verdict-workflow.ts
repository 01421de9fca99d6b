// The verdict workflow as data: who may draft, propose, edit, withdraw, approve or send back a verdict, and from which
// states. The API changes a verdict's state only through `nextVerdictState`; the web app asks `availableVerdictActions`
// which buttons to offer. Each verdict action that moves the claim names the claim action it implies.
import type { ClaimAction } from './claim-workflow';
import { DomainError } from './errors';
import { REVIEWERS, WRITERS, type Role } from './roles';

export const VERDICT_STATES = ['DRAFT', 'PROPOSED', 'APPROVED', 'CHANGES_REQUESTED', 'WITHDRAWN'] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

/** States in which a verdict is still being worked on; a claim has at most one verdict in these states. */
export const OPEN_VERDICT_STATES: readonly VerdictState[] = ['DRAFT', 'PROPOSED', 'CHANGES_REQUESTED'];

export const VERDICT_ACTIONS = ['draft', 'propose', 'edit', 'withdraw', 'approve', 'requestChanges'] as const;
export type VerdictAction = (typeof VERDICT_ACTIONS)[number];

/** A verdict that does not exist yet: `draft` and `propose` start from here. */
export type VerdictStateOrNew = VerdictState | 'NEW';

/** Who the caller is to this verdict. */
export interface VerdictActor {
  role: Role;
  /** The caller wrote the verdict (always true for a verdict that does not exist yet). */
  isAuthor: boolean;
}

interface VerdictTransition {
  from: readonly VerdictStateOrNew[];
  /** The state after the action; `null` keeps the current state (an edit). */
  to: VerdictState | null;
  roles: readonly Role[];
  /** `only`: the author alone; `never`: anyone in `roles` but the author; `or-reviewer`: the author or a reviewer. */
  author: 'only' | 'never' | 'or-reviewer';
  /** The claim action this verdict action implies, when the claim is in a state that allows it. */
  claimAction: ClaimAction | null;
  /** Who holds the claim after the action: the verdict's author (the proposer), or whoever held it (`keep`). */
  assign: 'author' | 'keep';
}

export const VERDICT_TRANSITIONS: Record<VerdictAction, VerdictTransition> = {
  draft: { from: ['NEW'], to: 'DRAFT', roles: WRITERS, author: 'only', claimAction: null, assign: 'keep' },
  // Proposing keeps the claim with the proposer, so the work comes back to them if it is sent back.
  propose: { from: ['NEW', 'DRAFT', 'CHANGES_REQUESTED'], to: 'PROPOSED', roles: WRITERS, author: 'only', claimAction: 'submitForReview', assign: 'author' },
  edit: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: null, roles: WRITERS, author: 'only', claimAction: null, assign: 'keep' },
  withdraw: { from: OPEN_VERDICT_STATES, to: 'WITHDRAWN', roles: WRITERS, author: 'or-reviewer', claimAction: 'withdrawVerdict', assign: 'keep' },
  approve: { from: ['PROPOSED'], to: 'APPROVED', roles: REVIEWERS, author: 'never', claimAction: 'approve', assign: 'keep' },
  // Sending back returns the claim to the proposer, whoever held it in between.
  requestChanges: { from: ['PROPOSED'], to: 'CHANGES_REQUESTED', roles: REVIEWERS, author: 'never', claimAction: 'requestChanges', assign: 'author' },
};

/** Who holds the claim after a verdict action, given who held it before and who wrote the verdict. */
export function assigneeAfterVerdictAction(action: VerdictAction, current: string | null, authorId: string): string | null {
  return VERDICT_TRANSITIONS[action].assign === 'author' ? authorId : current;
}

/**
 * Not a person's action: a re-import changed the words of the claim an approved verdict was approved for. The verdict
 * goes back to the review queue (Proposed) and its claim with it (claim action `textChanged`), so a report never shows a
 * verdict against text it was not approved for. Other states are left as they are: they are not in any report.
 */
export const TEXT_CHANGE_TRANSITION = { from: ['APPROVED'] as readonly VerdictState[], to: 'PROPOSED' as VerdictState, claimAction: 'textChanged' as ClaimAction };

export function verdictStateAfterTextChange(state: VerdictState): VerdictState {
  return TEXT_CHANGE_TRANSITION.from.includes(state) ? TEXT_CHANGE_TRANSITION.to : state;
}

/** Why `actor` may not take `action` on a verdict in `state`, as the domain error the API returns; null when it may. */
export function verdictActionError(state: VerdictStateOrNew, action: VerdictAction, actor: VerdictActor): DomainError | null {
  const t = VERDICT_TRANSITIONS[action];
  if (!t.roles.includes(actor.role)) return new DomainError('FORBIDDEN', `a ${roleName(actor.role)} may not ${describeVerdictAction(action)} a verdict`);
  if (t.author === 'only' && !actor.isAuthor) return new DomainError('FORBIDDEN', `only the author of a verdict may ${describeVerdictAction(action)} it`);
  if (t.author === 'never' && actor.isAuthor) return new DomainError('SELF_APPROVAL', 'you wrote this verdict; another editor must review it');
  if (t.author === 'or-reviewer' && !actor.isAuthor && !REVIEWERS.includes(actor.role)) {
    return new DomainError('FORBIDDEN', `only the author, an editor or an admin may ${describeVerdictAction(action)} a verdict`);
  }
  if (!t.from.includes(state)) {
    const what = state === 'NEW' ? 'a verdict that does not exist yet' : `a ${describeVerdictState(state)} verdict`;
    return new DomainError('ILLEGAL_TRANSITION', `cannot ${describeVerdictAction(action)} ${what}; allowed for ${t.from.map(describeVerdictState).join(' or ')} verdicts`, [
      { path: 'state', message: state },
    ]);
  }
  return null;
}

export function canActOnVerdict(state: VerdictStateOrNew, action: VerdictAction, actor: VerdictActor): boolean {
  return verdictActionError(state, action, actor) === null;
}

/** The state after `action`, or the domain error saying why not (403 for who, 422 for the state). */
export function nextVerdictState(state: VerdictStateOrNew, action: VerdictAction, actor: VerdictActor): VerdictState {
  const error = verdictActionError(state, action, actor);
  if (error) throw error;
  const to = VERDICT_TRANSITIONS[action].to;
  if (to) return to;
  if (state === 'NEW') throw new DomainError('ILLEGAL_TRANSITION', `cannot ${describeVerdictAction(action)} a verdict that does not exist yet`);
  return state;
}

export function availableVerdictActions(state: VerdictStateOrNew, actor: VerdictActor): VerdictAction[] {
  return VERDICT_ACTIONS.filter((action) => canActOnVerdict(state, action, actor));
}

export function isOpenVerdict(state: VerdictState): boolean {
  return OPEN_VERDICT_STATES.includes(state);
}

export function describeVerdictAction(action: VerdictAction): string {
  switch (action) {
    case 'draft':
      return 'draft';
    case 'propose':
      return 'propose';
    case 'edit':
      return 'edit';
    case 'withdraw':
      return 'withdraw';
    case 'approve':
      return 'approve';
    case 'requestChanges':
      return 'request changes on';
  }
}

function describeVerdictState(state: VerdictStateOrNew): string {
  return state === 'NEW' ? 'new' : state.toLowerCase().replace('_', ' ');
}

function roleName(role: Role): string {
  return role.toLowerCase().replace('_', '-');
}

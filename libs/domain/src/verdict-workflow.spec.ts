import { DomainError } from './errors';
import { nextStatus } from './claim-workflow';
import {
  TEXT_CHANGE_TRANSITION,
  VERDICT_STATES,
  assigneeAfterVerdictAction,
  availableVerdictActions,
  canActOnVerdict,
  nextVerdictState,
  verdictActionError,
  verdictStateAfterTextChange,
} from './verdict-workflow';

const author = (role: 'FACT_CHECKER' | 'EDITOR' | 'ADMIN' | 'VIEWER' = 'FACT_CHECKER') => ({ role, isAuthor: true });
const other = (role: 'FACT_CHECKER' | 'EDITOR' | 'ADMIN' | 'VIEWER') => ({ role, isAuthor: false });

describe('verdict workflow', () => {
  it('goes from a draft through a proposal to approval', () => {
    let state = nextVerdictState('NEW', 'draft', author());
    expect(state).toBe('DRAFT');
    state = nextVerdictState(state, 'edit', author());
    expect(state).toBe('DRAFT');
    state = nextVerdictState(state, 'propose', author());
    expect(state).toBe('PROPOSED');
    expect(nextVerdictState(state, 'requestChanges', other('EDITOR'))).toBe('CHANGES_REQUESTED');
    expect(nextVerdictState(state, 'approve', other('ADMIN'))).toBe('APPROVED');
  });

  it('lets a verdict sent back be revised and proposed again', () => {
    expect(nextVerdictState('CHANGES_REQUESTED', 'edit', author())).toBe('CHANGES_REQUESTED');
    expect(nextVerdictState('CHANGES_REQUESTED', 'propose', author())).toBe('PROPOSED');
  });

  it('refuses self-approval with its own code, even to an admin', () => {
    const error = verdictActionError('PROPOSED', 'approve', author('ADMIN'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('SELF_APPROVAL');
    expect(canActOnVerdict('PROPOSED', 'requestChanges', author('EDITOR'))).toBe(false);
  });

  it('keeps review to editors and admins', () => {
    expect(verdictActionError('PROPOSED', 'approve', other('FACT_CHECKER'))?.code).toBe('FORBIDDEN');
    expect(verdictActionError('PROPOSED', 'approve', other('VIEWER'))?.code).toBe('FORBIDDEN');
  });

  it('lets only the author edit or propose, and nobody edit a proposed or closed verdict', () => {
    expect(verdictActionError('DRAFT', 'edit', other('EDITOR'))?.code).toBe('FORBIDDEN');
    expect(verdictActionError('DRAFT', 'propose', other('ADMIN'))?.code).toBe('FORBIDDEN');
    for (const state of ['PROPOSED', 'APPROVED', 'WITHDRAWN'] as const) expect(verdictActionError(state, 'edit', author())?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('lets the author or a reviewer withdraw an open verdict, never a closed one', () => {
    expect(nextVerdictState('PROPOSED', 'withdraw', author())).toBe('WITHDRAWN');
    expect(nextVerdictState('DRAFT', 'withdraw', other('EDITOR'))).toBe('WITHDRAWN');
    expect(verdictActionError('DRAFT', 'withdraw', other('FACT_CHECKER'))?.code).toBe('FORBIDDEN');
    expect(verdictActionError('APPROVED', 'withdraw', author())?.code).toBe('ILLEGAL_TRANSITION');
    expect(verdictActionError('WITHDRAWN', 'withdraw', other('ADMIN'))?.code).toBe('ILLEGAL_TRANSITION');
  });

  it('offers viewers nothing in any state', () => {
    for (const state of ['NEW', ...VERDICT_STATES] as const) {
      expect(availableVerdictActions(state, author('VIEWER'))).toEqual([]);
      expect(availableVerdictActions(state, other('VIEWER'))).toEqual([]);
    }
  });

  it('offers what each person may do with a proposed verdict', () => {
    expect(availableVerdictActions('PROPOSED', author())).toEqual(['withdraw']);
    expect(availableVerdictActions('PROPOSED', other('EDITOR'))).toEqual(['withdraw', 'approve', 'requestChanges']);
    expect(availableVerdictActions('NEW', author())).toEqual(['draft', 'propose']);
  });

  it('keeps a proposed claim with its proposer and returns a sent-back one to them', () => {
    expect(assigneeAfterVerdictAction('propose', null, 'ana')).toBe('ana');
    expect(assigneeAfterVerdictAction('propose', 'ben', 'ana')).toBe('ana');
    expect(assigneeAfterVerdictAction('requestChanges', 'ed', 'ana')).toBe('ana');
    expect(assigneeAfterVerdictAction('approve', 'ana', 'ana')).toBe('ana');
    expect(assigneeAfterVerdictAction('edit', 'ben', 'ana')).toBe('ben');
  });

  it('sends only an approved verdict, and its verified claim, back to review when the claim text changes', () => {
    expect(verdictStateAfterTextChange('APPROVED')).toBe('PROPOSED');
    for (const state of VERDICT_STATES.filter((s) => s !== 'APPROVED')) expect(verdictStateAfterTextChange(state)).toBe(state);
    expect(nextStatus('VERIFIED', TEXT_CHANGE_TRANSITION.claimAction, 'FACT_CHECKER')).toBe('IN_REVIEW');
    expect(() => nextStatus('IN_RESEARCH', TEXT_CHANGE_TRANSITION.claimAction, 'FACT_CHECKER')).toThrow(DomainError);
  });
});

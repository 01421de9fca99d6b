import { CLAIM_ACTIONS, CLAIM_STATUSES, assigneeAfterClaimAction, availableActions, canTransition, nextStatus } from './claim-workflow';
import { DomainError } from './errors';

describe('claim workflow', () => {
  it('follows the product brief from detection to verification', () => {
    let status = nextStatus('DETECTED', 'flag', 'FACT_CHECKER');
    expect(status).toBe('FLAGGED');
    status = nextStatus(status, 'startResearch', 'FACT_CHECKER');
    expect(status).toBe('IN_RESEARCH');
    status = nextStatus(status, 'submitForReview', 'FACT_CHECKER');
    expect(status).toBe('IN_REVIEW');
    expect(nextStatus(status, 'requestChanges', 'EDITOR')).toBe('IN_RESEARCH');
    expect(nextStatus(status, 'approve', 'EDITOR')).toBe('VERIFIED');
  });

  it('gives an unassigned claim to whoever flags it or starts its research, and leaves an assigned one where it is', () => {
    expect(assigneeAfterClaimAction('flag', null, 'ana')).toBe('ana');
    expect(assigneeAfterClaimAction('flag', 'ben', 'ana')).toBe('ben');
    expect(assigneeAfterClaimAction('startResearch', null, 'ana')).toBe('ana');
    expect(assigneeAfterClaimAction('dismiss', null, 'ana')).toBeNull();
    expect(assigneeAfterClaimAction('approve', 'ben', 'ana')).toBe('ben');
  });

  it('dismisses only detected or flagged claims', () => {
    const allowed = CLAIM_STATUSES.filter((s) => canTransition(s, 'dismiss', 'FACT_CHECKER'));
    expect(allowed).toEqual(['DETECTED', 'FLAGGED']);
  });

  it('refuses an illegal transition with a 422-class error naming the states', () => {
    expect(() => nextStatus('VERIFIED', 'flag', 'ADMIN')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
    expect(() => nextStatus('DETECTED', 'approve', 'EDITOR')).toThrow(/allowed from IN_REVIEW/);
  });

  it('lets only editors and admins approve or send back', () => {
    for (const action of ['approve', 'requestChanges'] as const) {
      expect(canTransition('IN_REVIEW', action, 'FACT_CHECKER')).toBe(false);
      expect(canTransition('IN_REVIEW', action, 'EDITOR')).toBe(true);
      expect(canTransition('IN_REVIEW', action, 'ADMIN')).toBe(true);
    }
    const error = (() => {
      try {
        nextStatus('IN_REVIEW', 'approve', 'FACT_CHECKER');
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.code).toBe('FORBIDDEN');
  });

  it('gives a viewer no action at all', () => {
    for (const status of CLAIM_STATUSES) expect(availableActions(status, 'VIEWER')).toEqual([]);
    expect(CLAIM_ACTIONS.length).toBe(8);
  });
});

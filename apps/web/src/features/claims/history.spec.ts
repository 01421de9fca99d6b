import { describeEvent } from './history';

const event = (entity: string, action: string, before: unknown = null, after: unknown = null) => ({ entity, action, before, after });

describe('claim history in words', () => {
  it('says what moved the claim, with the statuses as the desk names them', () => {
    expect(describeEvent(event('claim', 'startResearch', { status: 'FLAGGED' }, { status: 'IN_RESEARCH' }))).toBe('started research: Flagged → In research');
    expect(describeEvent(event('claim', 'bulk-dismiss', { status: 'DETECTED' }, { status: 'DISMISSED' }))).toBe('dismissed with others: Detected → Dismissed');
    expect(describeEvent(event('claim', 'withdrawVerdict', { status: 'IN_REVIEW' }, { status: 'IN_RESEARCH' }))).toBe('withdrew the verdict: In review → In research');
  });

  it('names verdict and source events', () => {
    expect(describeEvent(event('verdict', 'requestChanges'))).toBe('sent the verdict back');
    expect(describeEvent(event('verdict', 'propose'))).toBe('proposed a verdict');
    expect(describeEvent(event('claimSource', 'attach'))).toBe('attached a source');
  });

  it('never shows a run-together action name, even for an event it does not know', () => {
    expect(describeEvent(event('claim', 'splitInto', { status: 'FLAGGED' }, { status: 'SOME_NEW_STATE' }))).toBe('split into: Flagged → some new state');
    expect(describeEvent(event('claimSource', 'reorderAll'))).toBe('claim source reorder all');
  });
});

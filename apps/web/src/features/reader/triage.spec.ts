import { triageCounts, triageOrder } from './triage';

const claim = (id: string, fields: { checkWorthy?: boolean; triage: 1 | 2 | 3 | 4; score?: number; start: number; hedged?: boolean; attributed?: boolean }) => ({
  id,
  checkWorthy: fields.checkWorthy ?? fields.triage < 4,
  triage: fields.triage,
  score: fields.score ?? 0.5,
  start: fields.start,
  hedged: fields.hedged ?? false,
  attributed: fields.attributed ?? false,
});

describe('triageOrder', () => {
  it('puts hedged or anonymously sourced claims first, then numbers and dates, then the rest, and leaves out the others', () => {
    const claims = [
      claim('plain', { triage: 3, start: 0, score: 0.99 }),
      claim('opinion', { triage: 4, start: 10 }),
      claim('dated', { triage: 2, start: 20, score: 0.7 }),
      claim('hedged', { triage: 1, start: 30, score: 0.6, hedged: true }),
      claim('number', { triage: 2, start: 40, score: 0.9 }),
      claim('unnamed', { triage: 1, start: 50, score: 0.6, attributed: true }),
    ];
    expect(triageOrder(claims).map((c) => c.id)).toEqual(['hedged', 'unnamed', 'number', 'dated', 'plain']);
  });
});

describe('triageCounts', () => {
  it('counts check-worthy, hedged and attributed claims', () => {
    const claims = [claim('a', { triage: 1, start: 0, hedged: true, attributed: true }), claim('b', { triage: 4, start: 1, hedged: true }), claim('c', { triage: 2, start: 2 })];
    expect(triageCounts(claims)).toEqual({ checkWorthy: 2, hedged: 2, attributed: 1 });
  });
});

import { DEFAULT_FILTERS, claimsTableHref, parseFilterParams, toFilterParams } from './claimFilterParams';

describe('claims-table filters in the address', () => {
  it('round-trips every filter through the search parameters', () => {
    const state = {
      q: 'Castro',
      status: ['FLAGGED', 'IN_RESEARCH'],
      kind: ['EVENT'],
      hedged: 'yes',
      attributed: 'no',
      checkedBefore: 'yes',
      assigneeId: 'me',
      rating: 'false',
      sort: 'score',
      order: 'asc',
    } as const;
    const params = toFilterParams({ ...state, status: [...state.status], kind: [...state.kind] });
    expect(params.toString()).toBe('q=Castro&status=FLAGGED%2CIN_RESEARCH&kind=EVENT&hedged=yes&attributed=no&checkedBefore=yes&assignee=me&rating=false&sort=score&order=asc');
    expect(parseFilterParams(params)).toEqual(state);
  });

  it('leaves defaults out of the address and drops values it does not know', () => {
    expect(toFilterParams(DEFAULT_FILTERS).toString()).toBe('');
    expect(parseFilterParams(new URLSearchParams('status=FLAGGED,NOPE&sort=sideways&hedged=maybe'))).toEqual({ ...DEFAULT_FILTERS, status: ['FLAGGED'] });
  });

  it('links the dashboard’s bars to the filtered table', () => {
    expect(claimsTableHref({ status: ['IN_REVIEW'] })).toBe('/claims?status=IN_REVIEW');
    expect(claimsTableHref({ rating: 'mostly-false' })).toBe('/claims?rating=mostly-false');
    expect(claimsTableHref({})).toBe('/claims');
  });
});

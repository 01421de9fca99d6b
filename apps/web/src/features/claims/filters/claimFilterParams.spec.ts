import { DEFAULT_FILTERS, claimsTableHref, lastDay, parseFilterParams, toFilterParams } from './claimFilterParams';

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
      checkWorthy: 'yes',
      fromFeedsSince: '2026-11-29T07:30:00.000Z',
      sort: 'created',
      order: 'asc',
    } as const;
    const params = toFilterParams({ ...state, status: [...state.status], kind: [...state.kind] });
    expect(params.toString()).toBe(
      'q=Castro&status=FLAGGED%2CIN_RESEARCH&kind=EVENT&hedged=yes&attributed=no&checkedBefore=yes&assignee=me&rating=false&checkWorthy=yes&fromFeedsSince=2026-11-29T07%3A30%3A00.000Z&sort=created&order=asc',
    );
    expect(parseFilterParams(params)).toEqual(state);
  });

  it('leaves defaults out of the address and drops values it does not know', () => {
    expect(toFilterParams(DEFAULT_FILTERS).toString()).toBe('');
    expect(parseFilterParams(new URLSearchParams('status=FLAGGED,NOPE&sort=sideways&hedged=maybe&fromFeedsSince=yesterday'))).toEqual({ ...DEFAULT_FILTERS, status: ['FLAGGED'] });
    expect(parseFilterParams(new URLSearchParams('fromFeedsSince=2026-11-29T08:30:00%2B01:00')).fromFeedsSince).toBe('2026-11-29T07:30:00.000Z');
  });

  it('links the dashboard’s bars to the filtered table', () => {
    expect(claimsTableHref({ status: ['IN_REVIEW'] })).toBe('/claims?status=IN_REVIEW');
    expect(claimsTableHref({ rating: 'mostly-false' })).toBe('/claims?rating=mostly-false');
    expect(claimsTableHref({})).toBe('/claims');
    expect(claimsTableHref({ fromFeedsSince: '2026-11-29T07:30:00.000Z', checkWorthy: 'yes' })).toBe('/claims?checkWorthy=yes&fromFeedsSince=2026-11-29T07%3A30%3A00.000Z');
  });

  it('starts the feed filter a day back, to the minute', () => {
    expect(lastDay(Date.parse('2026-11-30T07:31:42.123Z'))).toBe('2026-11-29T07:31:00.000Z');
  });
});

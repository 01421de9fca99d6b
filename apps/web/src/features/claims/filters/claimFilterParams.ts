// The claims table's filters as URL search parameters, so a filtered view can be shared and survives Back.
import { CLAIM_KINDS, CLAIM_STATUSES, WORKSPACE_CLAIM_SORTS, type CLAIM_SORTS } from '@claimdesk/domain';

/** A sort of the claims table: it lists the whole workspace, so only the sorts an index serves there. */
export type Sort = (typeof WORKSPACE_CLAIM_SORTS)[number];
/** Any sort the API knows (text position only within one article). */
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** Whether the claims table offers this sort (a shared link may still carry `sort=position`). */
export const isTableSort = (sort: string | null): sort is Sort => (WORKSPACE_CLAIM_SORTS as readonly string[]).includes(sort ?? '');

export interface ClaimFilterState {
  q: string;
  status: string[];
  kind: string[];
  hedged: '' | 'yes' | 'no';
  attributed: '' | 'yes' | 'no';
  /** A strong library match: checked before. */
  checkedBefore: '' | 'yes' | 'no';
  assigneeId: string;
  rating: string;
  checkWorthy: '' | 'yes' | 'no';
  /** Only claims of articles imported from feeds, created since this time (ISO 8601); empty for all claims. */
  fromFeedsSince: string;
  sort: Sort;
  order: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: ClaimFilterState = {
  q: '',
  status: [],
  kind: [],
  hedged: '',
  attributed: '',
  checkedBefore: '',
  assigneeId: '',
  rating: '',
  checkWorthy: '',
  fromFeedsSince: '',
  sort: 'updated',
  order: 'desc',
};

/** Where the "from feeds" filter starts when it is switched on: the last 24 hours, to the minute. */
export function lastDay(now = Date.now()): string {
  return new Date(Math.floor((now - 24 * 3600_000) / 60_000) * 60_000).toISOString();
}

const listOf = (value: string | null, allowed: readonly string[]) => (value ? value.split(',').filter((v) => allowed.includes(v)) : []);
const yesNo = (value: string | null): '' | 'yes' | 'no' => (value === 'yes' || value === 'no' ? value : '');
const instant = (value: string | null): string => (value && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : '');

/** Reads the filters from the address; unknown values are dropped, missing ones take the defaults. */
export function parseFilterParams(params: URLSearchParams): ClaimFilterState {
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    q: params.get('q') ?? '',
    status: listOf(params.get('status'), CLAIM_STATUSES),
    kind: listOf(params.get('kind'), CLAIM_KINDS),
    hedged: yesNo(params.get('hedged')),
    attributed: yesNo(params.get('attributed')),
    checkedBefore: yesNo(params.get('checkedBefore')),
    assigneeId: params.get('assignee') ?? '',
    rating: params.get('rating') ?? '',
    checkWorthy: yesNo(params.get('checkWorthy')),
    fromFeedsSince: instant(params.get('fromFeedsSince')),
    sort: isTableSort(sort) ? sort : DEFAULT_FILTERS.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_FILTERS.order,
  };
}

/** The filters as search parameters, leaving out whatever is at its default so addresses stay short. */
export function toFilterParams(state: ClaimFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.status.length) params.set('status', state.status.join(','));
  if (state.kind.length) params.set('kind', state.kind.join(','));
  if (state.hedged) params.set('hedged', state.hedged);
  if (state.attributed) params.set('attributed', state.attributed);
  if (state.checkedBefore) params.set('checkedBefore', state.checkedBefore);
  if (state.assigneeId) params.set('assignee', state.assigneeId);
  if (state.rating) params.set('rating', state.rating);
  if (state.checkWorthy) params.set('checkWorthy', state.checkWorthy);
  if (state.fromFeedsSince) params.set('fromFeedsSince', state.fromFeedsSince);
  if (state.sort !== DEFAULT_FILTERS.sort || state.order !== DEFAULT_FILTERS.order) {
    params.set('sort', state.sort);
    params.set('order', state.order);
  }
  return params;
}

/** The claims-table address for these filters, for links from elsewhere (the dashboard's bars and its feed triage). */
export function claimsTableHref(filters: Partial<ClaimFilterState>): string {
  const query = toFilterParams({ ...DEFAULT_FILTERS, ...filters }).toString();
  return query ? `/claims?${query}` : '/claims';
}

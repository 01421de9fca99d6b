// Query keys and options for claims, their activity, the source library and the review queue. Claims are article
// content: their keys sit under the articles root, so importing or deleting an article invalidates them with it.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ReaderClaimDto } from '@claimdesk/domain';
import { articleKeys } from '../../articles';
import { claimsApi, type ClaimFilters } from './claimsApi';

export const claimKeys = {
  all: [...articleKeys.all, 'claims'] as const,
  lists: () => [...claimKeys.all, 'list'] as const,
  list: (filters: ClaimFilters) => [...claimKeys.lists(), filters] as const,
  ofArticle: (articleId: string) => [...claimKeys.lists(), 'article', articleId] as const,
  details: () => [...claimKeys.all, 'detail'] as const,
  detail: (id: string) => [...claimKeys.details(), id] as const,
  history: (id: string) => [...claimKeys.detail(id), 'history'] as const,
  matches: (id: string) => [...claimKeys.detail(id), 'matches'] as const,
  lookAlikes: (id: string) => [...claimKeys.detail(id), 'look-alikes'] as const,
  reviewQueue: () => [...claimKeys.all, 'review-queue'] as const,
};

export const sourceKeys = {
  all: ['sources'] as const,
  search: (q: string) => [...sourceKeys.all, 'search', q] as const,
  snapshot: (snapshotId: string) => [...sourceKeys.all, 'snapshot', snapshotId] as const,
};

async function fetchAllClaims(articleId: string): Promise<ReaderClaimDto[]> {
  const all: ReaderClaimDto[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = await claimsApi.ofArticle(articleId, cursor);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

export const claimQueries = {
  list: (filters: ClaimFilters) =>
    infiniteQueryOptions({
      queryKey: claimKeys.list(filters),
      queryFn: ({ pageParam }) => claimsApi.list(filters, pageParam, 200),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** Every claim of one article (all pages), in text order, as the reader shows them (the panel loads the full claim). */
  ofArticle: (articleId: string) => queryOptions({ queryKey: claimKeys.ofArticle(articleId), queryFn: () => fetchAllClaims(articleId), enabled: Boolean(articleId) }),
  detail: (id: string) => queryOptions({ queryKey: claimKeys.detail(id), queryFn: () => claimsApi.get(id) }),
  /** A capture never changes once taken. */
  snapshot: (sourceId: string, snapshotId: string) => queryOptions({ queryKey: sourceKeys.snapshot(snapshotId), queryFn: () => claimsApi.snapshot(sourceId, snapshotId), staleTime: Infinity }),
  history: (id: string) => queryOptions({ queryKey: claimKeys.history(id), queryFn: () => claimsApi.history(id) }),
  /** While the library's new index is still being built (`stale`), asks again every few seconds until it is current. */
  matches: (id: string) => queryOptions({ queryKey: claimKeys.matches(id), queryFn: () => claimsApi.matches(id), refetchInterval: (query) => (query.state.data?.stale ? 3000 : false) }),
  /** Asked once the library's matches are shown: the full-text look-alike query never holds them up. */
  lookAlikes: (id: string, enabled: boolean) => queryOptions({ queryKey: claimKeys.lookAlikes(id), queryFn: () => claimsApi.lookAlikes(id), enabled }),
  reviewQueue: (enabled: boolean) => queryOptions({ queryKey: claimKeys.reviewQueue(), queryFn: claimsApi.reviewQueue, enabled }),
  sources: (q: string, enabled: boolean) => queryOptions({ queryKey: sourceKeys.search(q), queryFn: () => claimsApi.searchSources(q), enabled }),
};

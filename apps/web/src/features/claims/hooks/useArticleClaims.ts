// Every claim of one article (all pages), for the reader.
import type { ClaimDto } from '@claimdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { claimsApi } from '../api/claimsApi';

export async function fetchAllClaims(articleId: string): Promise<ClaimDto[]> {
  const all: ClaimDto[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 200; guard++) {
    const page = await claimsApi.list({ articleId, sort: 'position', order: 'asc' }, cursor, 2000);
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

export function useArticleClaims(articleId: string | undefined) {
  return useQuery({ queryKey: ['claims', 'article', articleId], queryFn: () => fetchAllClaims(articleId!), enabled: Boolean(articleId) });
}

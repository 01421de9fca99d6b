// The reader's two page queries, shared by the page and by the start-up prefetch of a deep link (same keys, same calls).
import type { QueryClient } from '@tanstack/react-query';
import { articlesApi } from '../articles/api/articlesApi';
import { fetchAllClaims } from '../claims/hooks/useArticleClaims';

export const articleQuery = (id: string) => ({ queryKey: ['article', id], queryFn: () => articlesApi.get(id) }) as const;

/**
 * Opening /articles/:id directly: starts the article and its claims loading while the app checks the session and loads
 * the reader's code, instead of after both. A failed prefetch (signed out) leaves an error the page retries on mount.
 */
export function prefetchArticleReader(client: QueryClient, id: string): void {
  void client.prefetchQuery(articleQuery(id));
  void client.prefetchQuery({ queryKey: ['claims', 'article', id], queryFn: () => fetchAllClaims(id) });
}

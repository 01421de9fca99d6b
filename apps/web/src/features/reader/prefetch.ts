// Opening /articles/:id directly: starts the article and its claims loading while the app checks the session and loads
// the reader's code, instead of after both. A failed prefetch (signed out) leaves an error the page retries on mount.
import type { QueryClient } from '@tanstack/react-query';
import { articleQueries } from '../articles';
import { claimQueries } from '../claims';

export function prefetchArticleReader(client: QueryClient, id: string): void {
  void client.prefetchQuery(articleQueries.detail(id));
  void client.prefetchQuery(claimQueries.ofArticle(id));
}

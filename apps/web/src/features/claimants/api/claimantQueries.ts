// Query keys and options for claimants. Claimants change with imports, so their keys sit under the articles root.
import { queryOptions } from '@tanstack/react-query';
import { articleKeys } from '../../articles';
import { claimantsApi } from './claimantsApi';

const claimantKeys = {
  all: [...articleKeys.all, 'claimants'] as const,
  search: (q: string) => [...claimantKeys.all, 'search', q] as const,
  detail: (id: string) => [...claimantKeys.all, 'detail', id] as const,
};

export const claimantQueries = {
  search: (q: string) => queryOptions({ queryKey: claimantKeys.search(q), queryFn: () => claimantsApi.search(q) }),
  detail: (id: string) => queryOptions({ queryKey: claimantKeys.detail(id), queryFn: () => claimantsApi.get(id), enabled: Boolean(id) }),
};

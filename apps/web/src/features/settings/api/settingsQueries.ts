// Query keys and options for workspace settings: members, the rating scale, API tokens.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { settingsApi, type AuditFilters } from './settingsApi';

export const settingsKeys = {
  all: ['settings'] as const,
  members: () => [...settingsKeys.all, 'members'] as const,
  invitations: () => [...settingsKeys.all, 'invitations'] as const,
  ratingScale: () => [...settingsKeys.all, 'rating-scale'] as const,
  tokens: () => [...settingsKeys.all, 'tokens'] as const,
  audit: (filters: AuditFilters) => [...settingsKeys.all, 'audit', filters] as const,
  feeds: () => [...settingsKeys.all, 'feeds'] as const,
  webhooks: () => [...settingsKeys.all, 'webhooks'] as const,
  deliveries: (webhookId: string) => [...settingsKeys.webhooks(), webhookId, 'deliveries'] as const,
};

export const settingsQueries = {
  members: () => queryOptions({ queryKey: settingsKeys.members(), queryFn: settingsApi.members, staleTime: 60_000 }),
  invitations: () => queryOptions({ queryKey: settingsKeys.invitations(), queryFn: settingsApi.invitations }),
  ratingScale: () => queryOptions({ queryKey: settingsKeys.ratingScale(), queryFn: settingsApi.ratingScale, staleTime: 60_000 }),
  tokens: () => queryOptions({ queryKey: settingsKeys.tokens(), queryFn: settingsApi.tokens }),
  audit: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: settingsKeys.audit(filters),
      queryFn: ({ pageParam }) => settingsApi.auditLog(filters, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  feeds: () => queryOptions({ queryKey: settingsKeys.feeds(), queryFn: settingsApi.feeds }),
  webhooks: () => queryOptions({ queryKey: settingsKeys.webhooks(), queryFn: settingsApi.webhooks }),
  deliveries: (webhookId: string) => queryOptions({ queryKey: settingsKeys.deliveries(webhookId), queryFn: () => settingsApi.webhookDeliveries(webhookId) }),
};

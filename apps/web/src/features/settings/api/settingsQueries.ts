// Query keys and options for workspace settings: members, the rating scale, API tokens.
import { queryOptions } from '@tanstack/react-query';
import { settingsApi } from './settingsApi';

export const settingsKeys = {
  all: ['settings'] as const,
  members: () => [...settingsKeys.all, 'members'] as const,
  invitations: () => [...settingsKeys.all, 'invitations'] as const,
  ratingScale: () => [...settingsKeys.all, 'rating-scale'] as const,
  tokens: () => [...settingsKeys.all, 'tokens'] as const,
};

export const settingsQueries = {
  members: () => queryOptions({ queryKey: settingsKeys.members(), queryFn: settingsApi.members, staleTime: 60_000 }),
  invitations: () => queryOptions({ queryKey: settingsKeys.invitations(), queryFn: settingsApi.invitations }),
  ratingScale: () => queryOptions({ queryKey: settingsKeys.ratingScale(), queryFn: settingsApi.ratingScale, staleTime: 60_000 }),
  tokens: () => queryOptions({ queryKey: settingsKeys.tokens(), queryFn: settingsApi.tokens }),
};

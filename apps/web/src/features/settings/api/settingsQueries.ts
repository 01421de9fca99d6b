// Query keys and options for workspace settings: members, the rating scale, API tokens.
import { queryOptions } from '@tanstack/react-query';
import { settingsApi } from './settingsApi';

export const settingsKeys = {
  all: ['settings'] as const,
  members: () => [...settingsKeys.all, 'members'] as const,
  ratingScale: () => [...settingsKeys.all, 'rating-scale'] as const,
  tokens: () => [...settingsKeys.all, 'tokens'] as const,
  feeds: () => [...settingsKeys.all, 'feeds'] as const,
};

export const settingsQueries = {
  members: () => queryOptions({ queryKey: settingsKeys.members(), queryFn: settingsApi.members, staleTime: 60_000 }),
  ratingScale: () => queryOptions({ queryKey: settingsKeys.ratingScale(), queryFn: settingsApi.ratingScale, staleTime: 60_000 }),
  tokens: () => queryOptions({ queryKey: settingsKeys.tokens(), queryFn: settingsApi.tokens }),
  feeds: () => queryOptions({ queryKey: settingsKeys.feeds(), queryFn: settingsApi.feeds }),
};

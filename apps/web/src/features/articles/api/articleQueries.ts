// Query keys and options for articles. Everything derived from an article's text (its claims too) sits under `all`.
import { queryOptions } from '@tanstack/react-query';
import { articlesApi } from './articlesApi';

export const articleKeys = {
  all: ['articles'] as const,
  lists: () => [...articleKeys.all, 'list'] as const,
  details: () => [...articleKeys.all, 'detail'] as const,
  detail: (id: string) => [...articleKeys.details(), id] as const,
};

export const articleQueries = {
  list: () => queryOptions({ queryKey: articleKeys.lists(), queryFn: articlesApi.list }),
  detail: (id: string) => queryOptions({ queryKey: articleKeys.detail(id), queryFn: () => articlesApi.get(id) }),
};

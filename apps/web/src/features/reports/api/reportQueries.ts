// Query keys and options for corrections reports, per article.
import { queryOptions } from '@tanstack/react-query';
import { reportsApi } from './reportsApi';

export const reportKeys = {
  all: ['reports'] as const,
  article: (articleId: string) => [...reportKeys.all, articleId] as const,
  preview: (articleId: string) => [...reportKeys.article(articleId), 'preview'] as const,
  versions: (articleId: string) => [...reportKeys.article(articleId), 'versions'] as const,
  snippet: (reportId: string, format: 'html' | 'text') => [...reportKeys.all, 'snippet', reportId, format] as const,
  feed: () => [...reportKeys.all, 'feed'] as const,
};

export const reportQueries = {
  preview: (articleId: string) => queryOptions({ queryKey: reportKeys.preview(articleId), queryFn: () => reportsApi.preview(articleId), enabled: Boolean(articleId), retry: false }),
  versions: (articleId: string) => queryOptions({ queryKey: reportKeys.versions(articleId), queryFn: () => reportsApi.versions(articleId), enabled: Boolean(articleId), retry: false }),
  snippet: (reportId: string, format: 'html' | 'text') =>
    queryOptions({ queryKey: reportKeys.snippet(reportId, format), queryFn: () => reportsApi.snippet(reportId, format), enabled: Boolean(reportId), retry: false }),
  feed: () => queryOptions({ queryKey: reportKeys.feed(), queryFn: reportsApi.feed, retry: false, staleTime: Infinity }),
};

// Query keys and options for the fact-check library. Library changes mark claims "checked before", so a change here
// also invalidates the articles root (claims sit under it).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { libraryApi } from './libraryApi';

export const libraryKeys = {
  all: ['library'] as const,
  entries: (q: string, offset: number) => [...libraryKeys.all, 'entries', q, offset] as const,
  imports: () => [...libraryKeys.all, 'imports'] as const,
  importDetail: (id: string) => [...libraryKeys.all, 'import', id] as const,
};

export const LIBRARY_PAGE = 25;

export const libraryQueries = {
  entries: (q: string, offset: number) => queryOptions({ queryKey: libraryKeys.entries(q, offset), queryFn: () => libraryApi.entries(q, offset, LIBRARY_PAGE), placeholderData: keepPreviousData }),
  imports: () => queryOptions({ queryKey: libraryKeys.imports(), queryFn: libraryApi.imports }),
  importDetail: (id: string) => queryOptions({ queryKey: libraryKeys.importDetail(id), queryFn: () => libraryApi.importDetail(id), enabled: Boolean(id) }),
};

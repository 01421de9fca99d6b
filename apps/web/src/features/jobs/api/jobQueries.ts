// Background jobs (large imports): their status, refreshed by the live stream's job events and, as a fallback, by polling.
import type { JobDto } from '@claimdesk/domain';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';

export const jobKeys = {
  all: ['jobs'] as const,
  detail: (id: string) => [...jobKeys.all, id] as const,
};

export const jobQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: jobKeys.detail(id),
      queryFn: () => api<JobDto>('GET', `/jobs/${encodeURIComponent(id)}`),
      // Live events refresh it at once; polling covers a stream that reconnects meanwhile.
      refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 2_000),
    }),
};

export function isFinished(job: JobDto): boolean {
  return job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled';
}

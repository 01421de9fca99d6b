// Query keys and options for the dashboard and the "My work" page; a live change anywhere refreshes both (`all`).
import { queryOptions } from '@tanstack/react-query';
import { dashboardApi } from './dashboardApi';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: () => [...dashboardKeys.all, 'summary'] as const,
  myWork: () => [...dashboardKeys.all, 'my-work'] as const,
};

export const dashboardQueries = {
  summary: () => queryOptions({ queryKey: dashboardKeys.summary(), queryFn: dashboardApi.get }),
  myWork: () => queryOptions({ queryKey: dashboardKeys.myWork(), queryFn: dashboardApi.myWork }),
};

// Query keys and options for the dashboard.
import { queryOptions } from '@tanstack/react-query';
import { dashboardApi } from './dashboardApi';

export const dashboardKeys = {
  all: ['dashboard'] as const,
};

export const dashboardQueries = {
  summary: () => queryOptions({ queryKey: dashboardKeys.all, queryFn: dashboardApi.get }),
};

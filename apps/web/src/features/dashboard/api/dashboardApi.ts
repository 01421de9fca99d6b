import type { DashboardDto, MyWorkDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

export const dashboardApi = {
  get: () => api<DashboardDto>('GET', '/dashboard'),
  myWork: () => api<MyWorkDto>('GET', '/dashboard/my-work'),
};

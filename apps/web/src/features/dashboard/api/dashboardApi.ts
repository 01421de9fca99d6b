import type { DashboardDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

export const dashboardApi = { get: () => api<DashboardDto>('GET', '/dashboard') };

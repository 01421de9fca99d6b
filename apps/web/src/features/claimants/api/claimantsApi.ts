import type { ClaimantClaimDto, ClaimantDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

export const claimantsApi = {
  search: (q: string) => api<ClaimantDto[]>('GET', `/claimants?${new URLSearchParams(q ? { q, limit: '100' } : { limit: '100' })}`),
  get: (id: string) => api<ClaimantDto & { items: ClaimantClaimDto[] }>('GET', `/claimants/${encodeURIComponent(id)}`),
};

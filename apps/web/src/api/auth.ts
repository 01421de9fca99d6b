import type { acceptInvitationSchema, InvitationPreviewDto, MeDto } from '@claimdesk/domain';
import type { z } from 'zod';
import { api } from './client';

export const authApi = {
  setupState: () => api<{ needsSetup: boolean }>('GET', '/setup'),
  setup: (body: { email: string; name: string; password: string; workspaceName: string }) => api<MeDto>('POST', '/setup', body),
  login: (body: { email: string; password: string }) => api<MeDto>('POST', '/auth/login', body),
  logout: () => api<void>('POST', '/auth/logout'),
  me: () => api<MeDto>('GET', '/auth/me'),
  previewInvitation: (token: string) => api<InvitationPreviewDto>('POST', '/invitations/preview', { token }),
  acceptInvitation: (body: z.input<typeof acceptInvitationSchema>) => api<MeDto>('POST', '/invitations/accept', body),
  joinByInvitation: (token: string) => api<MeDto>('POST', '/invitations/join', { token }),
};

// Workspace settings: members and invitations, the rating scale, API tokens.
import type { ApiTokenDto, InvitationDto, MemberDto, RatingScaleDto, Role } from '@claimdesk/domain';
import type { Rating } from '@claimdesk/domain';
import { api } from '../../../api/client';

const id = (value: string) => encodeURIComponent(value);
export const settingsApi = {
  members: () => api<MemberDto[]>('GET', '/members'),
  invitations: () => api<InvitationDto[]>('GET', '/invitations'),
  invite: (body: { email: string; role: Role }) => api<InvitationDto & { token: string }>('POST', '/invitations', body),
  revokeInvitation: (invitationId: string) => api<void>('DELETE', `/invitations/${id(invitationId)}`),
  changeRole: (userId: string, role: Role) => api<MemberDto>('PATCH', `/members/${id(userId)}`, { role }),
  removeMember: (userId: string) => api<void>('DELETE', `/members/${id(userId)}`),
  ratingScale: () => api<RatingScaleDto>('GET', '/rating-scale'),
  saveRatingScale: (ratings: Rating[], version: number) => api<RatingScaleDto>('PUT', '/rating-scale', { ratings, version }),
  tokens: () => api<ApiTokenDto[]>('GET', '/tokens'),
  createToken: (body: { name: string; scopes: Array<'read' | 'write'>; expiresInDays?: number }) => api<ApiTokenDto & { token: string }>('POST', '/tokens', body),
  revokeToken: (tokenId: string) => api<void>('DELETE', `/tokens/${id(tokenId)}`),
};

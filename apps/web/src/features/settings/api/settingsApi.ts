// Workspace settings: members, the rating scale, API tokens, feeds.
import type { ApiTokenDto, FeedDto, FeedPollDto, JobAcceptedDto, MemberDto, RatingScaleDto, Role } from '@claimdesk/domain';
import type { Rating } from '@claimdesk/domain';
import { api } from '../../../api/client';
import { jobResult } from '../../../api/jobs';

const id = (value: string) => encodeURIComponent(value);
export const settingsApi = {
  members: () => api<MemberDto[]>('GET', '/members'),
  addMember: (body: { email: string; name: string; password: string; role: Role }) => api<MemberDto>('POST', '/members', body),
  changeRole: (userId: string, role: Role) => api<MemberDto>('PATCH', `/members/${id(userId)}`, { role }),
  removeMember: (userId: string) => api<void>('DELETE', `/members/${id(userId)}`),
  ratingScale: () => api<RatingScaleDto>('GET', '/rating-scale'),
  saveRatingScale: (ratings: Rating[], version: number) => api<RatingScaleDto>('PUT', '/rating-scale', { ratings, version }),
  tokens: () => api<ApiTokenDto[]>('GET', '/tokens'),
  createToken: (body: { name: string; scopes: Array<'read' | 'write'>; expiresInDays?: number }) => api<ApiTokenDto & { token: string }>('POST', '/tokens', body),
  revokeToken: (tokenId: string) => api<void>('DELETE', `/tokens/${id(tokenId)}`),
  feeds: () => api<FeedDto[]>('GET', '/feeds'),
  addFeed: (body: { url: string; intervalMinutes?: number }) => api<FeedDto>('POST', '/feeds', body),
  updateFeed: (feedId: string, body: { version: number; paused?: boolean }) => api<FeedDto>('PATCH', `/feeds/${id(feedId)}`, body),
  removeFeed: (feedId: string) => api<void>('DELETE', `/feeds/${id(feedId)}`),
  /** Polls a feed now, in a background job that this follows to its end. */
  pollFeed: async (feedId: string) => jobResult<FeedPollDto>((await api<JobAcceptedDto>('POST', `/feeds/${id(feedId)}/poll`)).jobId),
};

// Workspace settings: members and invitations, the rating scale, API tokens, feeds, the audit log.
import type {
  ApiTokenDto,
  AuditEventDto,
  FeedDto,
  FeedPollDto,
  InvitationDto,
  JobAcceptedDto,
  MemberDto,
  Page,
  RatingScaleDto,
  Role,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookEvent,
  WebhookFormat,
} from '@claimdesk/domain';
import type { Rating } from '@claimdesk/domain';
import { api } from '../../../api/client';
import { jobResult } from '../../../api/jobs';

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
  auditLog: (filters: AuditFilters, cursor: string | null) => api<Page<AuditEventDto>>('GET', `/audit?${auditSearch(filters, cursor)}`),
  feeds: () => api<FeedDto[]>('GET', '/feeds'),
  addFeed: (body: { url: string; intervalMinutes?: number }) => api<FeedDto>('POST', '/feeds', body),
  updateFeed: (feedId: string, body: { version: number; paused?: boolean }) => api<FeedDto>('PATCH', `/feeds/${id(feedId)}`, body),
  removeFeed: (feedId: string) => api<void>('DELETE', `/feeds/${id(feedId)}`),
  /** Polls a feed now, in a background job that this follows to its end. */
  pollFeed: async (feedId: string) => jobResult<FeedPollDto>((await api<JobAcceptedDto>('POST', `/feeds/${id(feedId)}/poll`)).jobId),
  webhooks: () => api<WebhookEndpointDto[]>('GET', '/webhooks'),
  addWebhook: (body: { url: string; events: WebhookEvent[]; format: WebhookFormat }) => api<WebhookEndpointDto & { secret: string }>('POST', '/webhooks', body),
  updateWebhook: (webhookId: string, body: { active?: boolean }) => api<WebhookEndpointDto>('PATCH', `/webhooks/${id(webhookId)}`, body),
  removeWebhook: (webhookId: string) => api<void>('DELETE', `/webhooks/${id(webhookId)}`),
  webhookDeliveries: (webhookId: string) => api<WebhookDeliveryDto[]>('GET', `/webhooks/${id(webhookId)}/deliveries`),
  redeliver: (webhookId: string, deliveryId: string) => api<WebhookDeliveryDto>('POST', `/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`),
};

/** The audit log's filters as the form holds them; empty means "any". */
export interface AuditFilters {
  actor: string;
  entity: string;
  action: string;
  from: string;
  to: string;
}

/** The query string of the audit log (and of its CSV export, without a cursor). */
export function auditSearch(filters: AuditFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  if (cursor) {
    params.set('cursor', cursor);
    params.set('limit', '50');
  }
  return params.toString();
}

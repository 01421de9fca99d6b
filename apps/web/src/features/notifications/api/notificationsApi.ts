// The caller's own notifications and the feeds they watch.
import type { FeedWatchDto, NotificationDto, Page, UnreadCountDto } from '@claimdesk/domain';
import { api } from '../../../api/client';

const id = (value: string) => encodeURIComponent(value);
export const notificationsApi = {
  list: (cursor: string | null) => api<Page<NotificationDto>>('GET', `/notifications?limit=30${cursor ? `&cursor=${id(cursor)}` : ''}`),
  unreadCount: () => api<UnreadCountDto>('GET', '/notifications/unread-count'),
  markRead: (notificationId: string) => api<NotificationDto>('POST', `/notifications/${id(notificationId)}/read`),
  markAllRead: () => api<UnreadCountDto>('POST', '/notifications/read-all'),
  watchedFeeds: () => api<FeedWatchDto[]>('GET', '/notifications/feeds'),
  watchFeed: (feedId: string, watching: boolean) => api<FeedWatchDto>('PUT', `/notifications/feeds/${id(feedId)}`, { watching }),
};

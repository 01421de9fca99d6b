// Query keys and options for the inbox: the unread count (refetched on the live `notification` event), the list, watched feeds.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { notificationsApi } from './notificationsApi';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  watchedFeeds: () => [...notificationKeys.all, 'watched-feeds'] as const,
};

export const notificationQueries = {
  unread: () => queryOptions({ queryKey: notificationKeys.unread(), queryFn: notificationsApi.unreadCount }),
  list: () =>
    infiniteQueryOptions({
      queryKey: notificationKeys.list(),
      queryFn: ({ pageParam }) => notificationsApi.list(pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  watchedFeeds: () => queryOptions({ queryKey: notificationKeys.watchedFeeds(), queryFn: notificationsApi.watchedFeeds }),
};

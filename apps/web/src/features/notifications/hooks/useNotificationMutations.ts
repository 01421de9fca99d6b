// Marking notifications read, and watching feeds.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/notificationsApi';
import { notificationKeys } from '../api/notificationsQueries';

function useInboxMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }) });
}

export const useMarkRead = () => useInboxMutation((notificationId: string) => notificationsApi.markRead(notificationId));
export const useMarkAllRead = () => useInboxMutation(() => notificationsApi.markAllRead());
export const useWatchFeed = () => useInboxMutation(({ feedId, watching }: { feedId: string; watching: boolean }) => notificationsApi.watchFeed(feedId, watching));

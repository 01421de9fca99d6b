// The notifications feature's public surface: the header bell with its inbox, the keys the live stream refreshes, and feed watching.
export { notificationKeys, notificationQueries } from './api/notificationsQueries';
export { NotificationBell } from './components/NotificationBell';
export { useWatchFeed } from './hooks/useNotificationMutations';

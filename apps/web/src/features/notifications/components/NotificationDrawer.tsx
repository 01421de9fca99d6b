// The inbox drawer the header's bell opens (newest first, unread in bold, each opening what it is about and marking
// itself read; mark all read). Its own chunk: a page load does not evaluate it (or Mantine's drawer) until the bell is used.
import { Anchor, Box, Button, Drawer, Group, Loader, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { NotificationDto } from '@claimdesk/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ErrorText } from '../../../lib/ErrorText';
import { formatDateTime } from '../../../lib/format';
import { notificationQueries } from '../api/notificationsQueries';
import { useMarkAllRead, useMarkRead } from '../hooks/useNotificationMutations';

/** Where a notification leads: the claim in its article, or the feeds settings. */
function notificationHref(n: NotificationDto): string {
  if (n.claimId && n.articleId) return `/articles/${n.articleId}?claim=${n.claimId}`;
  if (n.feedId) return '/settings?tab=feeds';
  return '/my-work';
}

export default function NotificationDrawer({ opened, onClose, unread }: { opened: boolean; onClose(): void; unread: number }) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title="Notifications" size="md" zIndex={500} closeButtonProps={{ 'aria-label': 'Close notifications' }}>
      {opened && <Inbox onNavigate={onClose} unread={unread} />}
    </Drawer>
  );
}

function Inbox({ onNavigate, unread }: { onNavigate(): void; unread: number }) {
  const list = useInfiniteQuery(notificationQueries.list());
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const openItem = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id);
    onNavigate();
    navigate(notificationHref(n));
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {unread ? `${unread} unread` : 'All read'}
        </Text>
        <Button size="xs" variant="light" onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
          Mark all read
        </Button>
      </Group>
      {list.isLoading && <Loader size="sm" aria-label="Loading notifications" />}
      <ErrorText error={list.error ?? markAll.error} />
      {list.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing yet. You hear here when a claim is assigned to you, a verdict waits for your review or yours is decided, someone mentions you, or a feed you watch brings in claims.
        </Text>
      )}
      <Stack gap={0} component="ul" role="list" aria-label="Notifications" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((n) => (
          <Box component="li" key={n.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <UnstyledButton onClick={() => openItem(n)} w="100%" py={8} px={4}>
              <Group gap={8} wrap="nowrap" align="flex-start">
                <Box w={8} h={8} mt={6} style={{ borderRadius: 4, flex: 'none', background: n.readAt ? 'transparent' : 'var(--mantine-color-blue-6)' }} />
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" fw={n.readAt ? 400 : 700}>
                    {!n.readAt && <VisuallyHidden>Unread: </VisuallyHidden>}
                    {n.title}
                  </Text>
                  {n.body && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {n.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Box>
              </Group>
            </UnstyledButton>
          </Box>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Anchor component="button" size="sm" onClick={() => void list.fetchNextPage()}>
          Older notifications
        </Anchor>
      )}
    </Stack>
  );
}

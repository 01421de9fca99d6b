// The bell in the header: the unread count; a click opens the inbox drawer, whose code loads when the pointer or the
// keyboard focus reaches the bell (or on the click), not with the page.
import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { notificationQueries } from '../api/notificationsQueries';

const loadDrawer = () => import('./NotificationDrawer');
const NotificationDrawer = lazy(loadDrawer);

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const unread = useQuery(notificationQueries.unread());
  const count = unread.data?.unread ?? 0;
  return (
    <>
      <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} offset={4} color="red">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={() => {
            setUsed(true);
            setOpen(true);
          }}
          onPointerEnter={() => void loadDrawer()}
          onFocus={() => void loadDrawer()}
          aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
        >
          <BellIcon />
        </ActionIcon>
      </Indicator>
      {/* Mounted from the first open on, so the drawer can also animate its closing. */}
      {used && (
        <Suspense fallback={null}>
          <NotificationDrawer opened={open} onClose={() => setOpen(false)} unread={count} />
        </Suspense>
      )}
    </>
  );
}

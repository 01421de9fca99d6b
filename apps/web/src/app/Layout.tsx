import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ROLE_LABELS } from '@claimdesk/domain';
import { useAuth } from '../features/auth';
import { useLiveEvents } from '../features/live';
import { NotificationBell } from '../features/notifications';
import { PageLoader } from './PageLoader';
import { appRoutes } from './routes';

export function Layout() {
  const { me, logout } = useAuth();
  const location = useLocation();
  useLiveEvents(Boolean(me));
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={1} size="h4">
              ClaimDesk
            </Title>
            <Text c="dimmed" size="sm">
              {me?.workspace.name}
            </Text>
          </Group>
          <Group gap="sm">
            {me && <NotificationBell />}
            <Text size="sm">{me?.user.name}</Text>
            {me && <Badge variant="light">{ROLE_LABELS[me.role]}</Badge>}
            <Button variant="subtle" size="xs" onClick={() => void logout()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {appRoutes
          .filter((r) => r.nav && (!r.roles || (me && r.roles.includes(me.role))))
          .map((r) => (
            <NavLink key={r.path} component={Link} to={r.path} label={r.label} active={location.pathname.startsWith(r.path)} aria-current={location.pathname.startsWith(r.path) ? 'page' : undefined} />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

// The pages behind the sign-in gate, in navigation order.
import type { ReactElement } from 'react';
import { PlaceholderPage } from './PlaceholderPage';

export interface AppRoute {
  path: string;
  label: string;
  element: ReactElement;
  nav: boolean;
}

export const appRoutes: AppRoute[] = [
  { path: '/articles', label: 'Articles', element: <PlaceholderPage title="Articles" />, nav: true },
  { path: '/claims', label: 'Claims', element: <PlaceholderPage title="Claims" />, nav: true },
  { path: '/review', label: 'Review', element: <PlaceholderPage title="Review queue" />, nav: true },
  { path: '/reports', label: 'Reports', element: <PlaceholderPage title="Reports" />, nav: true },
  { path: '/settings', label: 'Settings', element: <PlaceholderPage title="Settings" />, nav: true },
];

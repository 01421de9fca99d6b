// The pages behind the sign-in gate, in navigation order; each is its own lazily loaded chunk.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@claimdesk/domain';

export interface AppRoute {
  path: string;
  label: string;
  Component: LazyExoticComponent<ComponentType>;
  nav: boolean;
  /** Roles that see the page in the navigation (all members when absent). */
  roles?: Role[];
}

const DashboardPage = lazy(() => import('../features/dashboard/components/DashboardPage'));
const ArticlesPage = lazy(() => import('../features/articles/components/ArticlesPage'));
const ArticleReaderPage = lazy(() => import('../features/reader/components/ArticleReaderPage'));
const ClaimsPage = lazy(() => import('../features/claims/components/ClaimsPage'));
const ReviewQueuePage = lazy(() => import('../features/review/components/ReviewQueuePage'));
const ReportsPage = lazy(() => import('../features/reports/components/ReportsPage'));
const SettingsPage = lazy(() => import('../features/settings/components/SettingsPage'));

export const appRoutes: AppRoute[] = [
  { path: '/dashboard', label: 'Dashboard', Component: DashboardPage, nav: true },
  { path: '/articles', label: 'Articles', Component: ArticlesPage, nav: true },
  { path: '/articles/:id', label: 'Article', Component: ArticleReaderPage, nav: false },
  { path: '/claims', label: 'Claims', Component: ClaimsPage, nav: true },
  { path: '/review', label: 'Review', Component: ReviewQueuePage, nav: true, roles: ['ADMIN', 'EDITOR'] },
  { path: '/reports', label: 'Reports', Component: ReportsPage, nav: true },
  { path: '/settings', label: 'Settings', Component: SettingsPage, nav: true },
];

// The pages behind the sign-in gate, in navigation order; each is its own lazily loaded chunk.
import { lazy, useEffect, useState, type ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { REVIEWERS, WRITERS, type Role } from '@claimdesk/domain';
import { prefetchArticleReader } from '../features/reader';
import { PageLoader } from './PageLoader';

interface AppRoute {
  path: string;
  label: string;
  Component: ComponentType;
  nav: boolean;
  /** Roles that see the page in the navigation (all members when absent). */
  roles?: readonly Role[];
}

const MyWorkPage = lazy(() => import('../features/dashboard/components/MyWorkPage'));
const DashboardPage = lazy(() => import('../features/dashboard/components/DashboardPage'));
const ArticlesPage = lazy(() => import('../features/articles/components/ArticlesPage'));
type ReaderModule = typeof import('../features/reader/components/ArticleReaderPage');
let readerModule: ReaderModule | null = null;
const loadArticleReader = () => import('../features/reader/components/ArticleReaderPage').then((m: ReaderModule) => (readerModule = m));
const LazyArticleReaderPage = lazy(loadArticleReader);
/**
 * The reader without Suspense on its way in: drawn at once when its code is here (start-up loads it on an article's
 * address), else the page's loader until it arrives. Through lazy() the reader's first render suspends, and React draws
 * the retry in 5 ms slices between frames, which on a busy machine added a few hundred milliseconds before the
 * highlights; a state update draws it in one pass. Should the code fail to load, lazy() takes over and reports it.
 */
function ArticleReaderPage() {
  const [loaded, setLoaded] = useState<ReaderModule | 'failed' | null>(readerModule);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadArticleReader().then(
      (m) => live && setLoaded(m),
      () => live && setLoaded('failed'),
    );
    return () => {
      live = false;
    };
  }, [loaded]);
  if (loaded === 'failed') return <LazyArticleReaderPage />;
  if (!loaded) return <PageLoader />;
  const Page = loaded.default;
  return <Page />;
}
const ClaimsPage = lazy(() => import('../features/claims/components/ClaimsPage'));
const ClaimantsPage = lazy(() => import('../features/claimants/components/ClaimantsPage'));
const ClaimantPage = lazy(() => import('../features/claimants/components/ClaimantPage'));
const LibraryPage = lazy(() => import('../features/library/components/LibraryPage'));
const ReviewQueuePage = lazy(() => import('../features/review/components/ReviewQueuePage'));
const ReportsPage = lazy(() => import('../features/reports/components/ReportsPage'));
const SettingsPage = lazy(() => import('../features/settings/components/SettingsPage'));

export const appRoutes: AppRoute[] = [
  { path: '/my-work', label: 'My work', Component: MyWorkPage, nav: true, roles: WRITERS },
  { path: '/dashboard', label: 'Dashboard', Component: DashboardPage, nav: true },
  { path: '/articles', label: 'Articles', Component: ArticlesPage, nav: true },
  { path: '/articles/:id', label: 'Article', Component: ArticleReaderPage, nav: false },
  { path: '/claims', label: 'Claims', Component: ClaimsPage, nav: true },
  { path: '/claimants', label: 'Claimants', Component: ClaimantsPage, nav: true },
  { path: '/claimants/:id', label: 'Claimant', Component: ClaimantPage, nav: false },
  { path: '/library', label: 'Library', Component: LibraryPage, nav: true },
  { path: '/review', label: 'Review', Component: ReviewQueuePage, nav: true, roles: REVIEWERS },
  { path: '/reports', label: 'Reports', Component: ReportsPage, nav: true },
  { path: '/settings', label: 'Settings', Component: SettingsPage, nav: true },
];

/** Where a member lands: fact-checkers, editors and admins on their work, viewers on the dashboard. */
export function startPath(role: Role | undefined): string {
  return role && WRITERS.includes(role) ? '/my-work' : '/dashboard';
}

/**
 * At start-up on a deep link to an article: loads the reader's code and data at once, in parallel with the session
 * check, rather than one after the other (session → code → data).
 */
export function preloadRoute(pathname: string, client: QueryClient): void {
  const article = /^\/articles\/([^/]+)\/?$/.exec(pathname);
  if (!article) return;
  void loadArticleReader();
  try {
    prefetchArticleReader(client, decodeURIComponent(article[1]));
  } catch {
    // A malformed address: the page itself says the article could not be opened.
  }
}

// The application shell: providers, routes, and the sign-in gate.
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AuthProvider, RequireAuth, useAuth } from '../features/auth';
import { Layout } from './Layout';
import { appRoutes, startPath } from './routes';

const theme = createTheme({ primaryColor: 'indigo', primaryShade: { light: 8, dark: 6 }, defaultRadius: 'sm', fontFamily: 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif' });

// Contrast (WCAG AA, 4.5:1): Mantine's default shade 6 is too light for text on white and for white on filled
// badges and buttons, so text-like uses of these colours take darker shades.
const TEXT_SHADES: Record<string, string> = {
  orange: '#a3390b',
  teal: '#066649',
  red: '#c92a2a',
  blue: '#1864ab',
  violet: '#5f3dc4',
  gray: '#495057',
  indigo: '#364fc7',
  yellow: '#8a4b00',
  green: '#2b7a0b',
};
const FILLED_SHADES: Record<string, string> = { orange: '#b8400d', teal: '#087f5b', red: '#c92a2a', blue: '#1971c2', gray: '#495057', green: '#2b8a3e' };
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    ...Object.fromEntries(
      Object.entries(TEXT_SHADES).flatMap(([c, v]) => [
        [`--mantine-color-${c}-light-color`, v],
        [`--mantine-color-${c}-outline`, v],
        [`--mantine-color-${c}-text`, v],
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(FILLED_SHADES).flatMap(([c, v]) => [
        [`--mantine-color-${c}-filled`, v],
        [`--mantine-color-${c}-filled-hover`, v],
      ]),
    ),
    // The hover tint of light surfaces (the current page's link in the navigation under the pointer) stays light enough
    // for the dark text on it.
    '--mantine-primary-color-light-hover': 'rgba(54, 79, 199, 0.16)',
    '--mantine-color-indigo-light-hover': 'rgba(54, 79, 199, 0.16)',
  },
  dark: {},
});

// The sign-in, setup and invitation pages (forms, inputs) load only when shown: a signed-in page load never evaluates them.
const LoginPage = lazy(() => import('../features/auth/components/LoginPage').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('../features/auth/components/SetupPage').then((m) => ({ default: m.SetupPage })));
const AcceptInvitationPage = lazy(() => import('../features/auth/components/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })));
const Page = ({ children }: { children: ReactNode }) => <Suspense fallback={null}>{children}</Suspense>;

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => count < 2 && (error as { status?: number }).status === 0, staleTime: 10_000, refetchOnWindowFocus: false } },
});

function StartPage() {
  const { me } = useAuth();
  return <Navigate to={startPath(me?.role)} replace />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route
                path="/login"
                element={
                  <Page>
                    <LoginPage />
                  </Page>
                }
              />
              <Route
                path="/setup"
                element={
                  <Page>
                    <SetupPage />
                  </Page>
                }
              />
              <Route
                path="/invite"
                element={
                  <Page>
                    <AcceptInvitationPage />
                  </Page>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <Layout />
                  </RequireAuth>
                }
              >
                <Route path="/" element={<StartPage />} />
                {appRoutes.map(({ path, Component }) => (
                  <Route key={path} path={path} element={<Component />} />
                ))}
                <Route path="*" element={<Navigate to="/articles" replace />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

// Renders a screen inside the app's providers with `fetch` answered by a table of fake API routes.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, RequireAuth } from '../features/auth';

type FakeRoute = (body: unknown, url: URL) => { status?: number; body?: unknown } | unknown;
export type FakeApi = Record<string, FakeRoute>;

/** Installs a fake fetch: keys are "METHOD /path" (query ignored); every call is recorded. */
export function fakeFetch(routes: FakeApi) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fn = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api/, '');
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    // jsdom has no Response: answer with the few members the API client reads.
    const respond = (status: number, data: unknown) => ({ status, ok: status >= 200 && status < 300, json: async () => JSON.parse(JSON.stringify(data)) });
    if (!route) return respond(404, { statusCode: 404, code: 'NOT_FOUND', message: `Cannot ${method} /api${path}`, details: [] });
    const result = route(body, url) as { status?: number; body?: unknown } | undefined;
    const wrapped = result && typeof result === 'object' && 'status' in result && Object.keys(result).every((k) => k === 'status' || k === 'body') ? result : { status: 200, body: result };
    return respond(wrapped.status ?? 200, wrapped.body ?? null);
  });
  (globalThis as { fetch: unknown }).fetch = fn;
  return { fn, calls };
}

export const ME = {
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'fc@example.org', name: 'Fran Checker' },
  workspace: { id: 'w1', slug: 'desk', name: 'Desk', organisation: 'Daily' },
  role: 'FACT_CHECKER' as const,
  csrfToken: 'csrf',
};

export function authRoutes(me: object = ME): FakeApi {
  return { 'GET /setup': () => ({ needsSetup: false }), 'GET /auth/me': () => me };
}

/** Where the screen navigated to, when it left its route. */
function Elsewhere() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderScreen(element: ReactElement, { route = '/', path = '/' }: { route?: string; path?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[route]}>
          <AuthProvider>
            <Routes>
              <Route path={path} element={<RequireAuth>{element}</RequireAuth>} />
              <Route path="*" element={<Elsewhere />} />
            </Routes>
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

export function withProviders(element: ReactElement) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>{element}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

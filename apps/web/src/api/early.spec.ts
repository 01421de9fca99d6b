// index.html's early requests are the ones the app makes at start-up: each is taken once, none is asked for twice.
import { QueryClient } from '@tanstack/react-query';
import { preloadRoute } from '../app/routes';
import { prefetchSession } from '../features/auth';
import { api } from './client';
import { releaseEarlyResponses, startEarlyRequests } from './early';

const ARTICLE = '2c9a4e7b-3f1d-4b6a-8e5c-7d2f1a9b3c4e';

function recordFetches() {
  const paths: string[] = [];
  (globalThis as { fetch: unknown }).fetch = jest.fn(async (input: string) => {
    paths.push(input);
    const body = input.endsWith('/claims?limit=2000') ? { items: [], nextCursor: null } : {};
    return { status: 200, ok: true, json: async () => body };
  });
  return paths;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  delete window.claimdeskEarly;
  document.head.innerHTML = '';
  window.history.pushState({}, '', '/');
});

it("on an article's address asks for the session, the article and its claims once, and the app takes each answer", async () => {
  window.history.pushState({}, '', `/articles/${ARTICLE}`);
  const paths = recordFetches();
  startEarlyRequests({ scripts: ['/assets/ArticleReaderPage-abc.js'], styles: ['/assets/ArticleReaderPage-abc.css'] });
  expect(paths.sort()).toEqual(['/api/auth/me', '/api/setup', `/api/articles/${ARTICLE}`, `/api/articles/${ARTICLE}/claims?limit=2000`].sort());
  expect([...document.head.querySelectorAll('link')].map((l) => `${l.rel} ${l.getAttribute('href')}`)).toEqual([
    'modulepreload /assets/ArticleReaderPage-abc.js',
    'preload /assets/ArticleReaderPage-abc.css',
  ]);

  // What main.tsx does at start-up.
  const client = new QueryClient();
  prefetchSession(client);
  preloadRoute(window.location.pathname, client);
  expect(window.claimdeskEarly).toEqual({});
  releaseEarlyResponses();
  await settle();
  expect(paths).toHaveLength(4);

  // Later requests go to the server.
  await api('GET', '/auth/me');
  expect(paths.filter((p) => p === '/api/auth/me')).toHaveLength(2);
});

it('elsewhere asks only for the session, and drops what start-up did not take', async () => {
  window.history.pushState({}, '', '/claims');
  const paths = recordFetches();
  startEarlyRequests({ scripts: ['/assets/ArticleReaderPage-abc.js'], styles: [] });
  expect(paths.sort()).toEqual(['/api/auth/me', '/api/setup']);
  expect(document.head.querySelectorAll('link')).toHaveLength(0);
  releaseEarlyResponses();
  await api('GET', '/setup');
  expect(paths.filter((p) => p === '/api/setup')).toHaveLength(2);
});

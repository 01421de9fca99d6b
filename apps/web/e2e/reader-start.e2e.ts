// Opening an article's address: index.html's inline script (allowed by the Content-Security-Policy through its hash) asks
// for the session, the article and its claims while the app's code loads, and the app uses those answers instead of
// asking again; the claims come compressed.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { screenshot, setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();

test("an article's address loads its session, article and claims once, asked for before the app's code runs", async () => {
  const page = await env.newPage({ enforceCsp: true });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await setUpWorkspace(page, { workspace: 'Start desk', name: 'Sid Admin', email: 'sid@start.example', password: 'correct horse 9' });
  await page.goto('/articles');
  await page.getByRole('button', { name: 'Try the sample article' }).click();
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  const id = /\/articles\/([0-9a-f-]{36})$/.exec(page.url())![1];

  const requests: string[] = [];
  const encodings = new Map<string, string | undefined>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(url.pathname + url.search);
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    encodings.set(url.pathname + url.search, response.headers()['content-encoding']);
  });
  await page.reload();
  await page.getByRole('heading', { name: SAMPLE_ARTICLE.title }).waitFor();
  await page.getByTestId('article-text').locator('[data-claims]').first().waitFor();

  // The inline script ran (the policy allowed it) and handed its answers over: nothing was asked for twice.
  await expect(page.evaluate(() => typeof (window as unknown as { claimdeskEarly?: unknown }).claimdeskEarly)).resolves.toBe('object');
  const claims = `/api/articles/${id}/claims?limit=2000`;
  const times = (path: string) => requests.filter((r) => r === path).length;
  expect({ setup: times('/api/setup'), me: times('/api/auth/me'), article: times(`/api/articles/${id}`), claims: times(claims) }).toEqual({ setup: 1, me: 1, article: 1, claims: 1 });
  expect(requests.filter((r) => r.startsWith('/api/claims?articleId='))).toEqual([]);
  expect(encodings.get(claims)).toMatch(/^(br|gzip)$/);
  expect(refused).toEqual([]);
  await screenshot(page, 'reader-first-screen');
}, 180_000);

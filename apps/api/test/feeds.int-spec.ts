// Feeds a desk watches: RSS 2.0 and Atom served by a local HTTP server, with duplicate and updated items, conditional
// requests, errors recorded per feed, and the claims that feed articles bring in on the dashboard and the claims table.
import { startTestServer, type TestServer } from '@claimdesk/fetcher/src/testing/test-server';
import type { FeedPollDto } from '@claimdesk/domain';
import { DocumentParser, configFromEnv } from '@claimdesk/server';
import { jobFinished, makeWorkspace, startApi, type Client, type TestApi, type TestWorkspace } from './harness';

/** Polls a feed now (a background job) and answers with the poll's result once the job has ended. */
async function poll(client: Client, feedId: string): Promise<FeedPollDto> {
  const accepted = await client.post(`/feeds/${feedId}/poll`);
  if (accepted.status !== 202) throw new Error(`poll: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const job = await jobFinished(client, accepted.body.jobId);
  if (job.state === 'failed') throw new Error(`poll failed: ${JSON.stringify(job.error)}`);
  return job.result as FeedPollDto;
}

const articlePage = (title: string, body: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><nav>Menu</nav><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

function rss(base: string, items: Array<{ guid: string; path: string; title: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Ledger</title><link>${base}/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid isPermaLink="false">${i.guid}</guid></item>`)
    .join('')}</channel></rss>`;
}

function atom(base: string, updated: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Statistics Office</title><id>urn:stats</id><updated>${updated}</updated>
<entry><title>Visitors</title><id>urn:stats:visitors</id><link href="${base}/releases/visitors"/><published>2026-11-01T00:00:00Z</published><updated>${updated}</updated></entry></feed>`;
}

describe('feeds', () => {
  let api: TestApi;
  let web: TestServer;
  let ws: TestWorkspace;
  const pages = new Map<string, string>();
  let rssBody = '';
  let atomBody = '';
  let failing = true;
  const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    api = await startApi();
    web = await startTestServer({
      '/rss.xml': (req, res) => {
        const etag = `"${Buffer.from(rssBody).length}"`;
        if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rssBody);
      },
      '/atom.xml': (req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': 'Mon, 30 Nov 2026 09:00:00 GMT' }).end(atomBody),
      '/flaky.xml': (_req, res) => (failing ? res.writeHead(500).end('down') : res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(web.url(''), []))),
      '/not-a-feed': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('png'),
    });
    for (const path of ['/world/shells', '/world/drones', '/releases/visitors', '/world/shells-copy'])
      web.route(path, (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pages.get(path) ?? ''));
    ws = await makeWorkspace(api, 'feeds');
  });
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
    await web.close();
    await api.close();
  });

  it('imports new RSS items as articles once, deduplicated by GUID and by link, and asks again with the ETag', async () => {
    const base = web.url('');
    pages.set('/world/shells', articlePage('Shells for the front', 'North Korea allegedly shipped 3 million artillery rounds to Russia in 2024, according to the US Pentagon.'));
    pages.set('/world/drones', articlePage('Drones', 'Officials said the army bought 1,000 drones in May 2024 for 40 million dollars.'));
    rssBody = rss(base, [
      { guid: 'ledger-1', path: '/world/shells', title: 'Shells for the front' },
      { guid: 'ledger-2', path: '/world/drones', title: 'Drones' },
      { guid: 'ledger-2', path: '/world/drones', title: 'Drones (listed twice)' },
      { guid: 'ledger-1-syndicated', path: '/world/shells', title: 'Shells for the front (syndicated)' },
    ]);
    const created = await ws.editor.post('/feeds', { url: web.url('/rss.xml'), intervalMinutes: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: web.url('/rss.xml'), intervalMinutes: 30, paused: false, lastPolledAt: null, itemsImported: 0 });
    const duplicate = await ws.admin.post('/feeds', { url: web.url('/rss.xml') });
    expect(duplicate.status).toBe(409);

    const reads = api.app.get(DocumentParser).answered.read;
    const first = await poll(ws.editor, created.body.id);
    expect(first).toMatchObject({ outcome: 'polled', imported: 2, revised: 0, error: null });
    // Each imported item's page was read in the worker pool, off the API's event loop.
    expect(api.app.get(DocumentParser).answered.read - reads).toBe(2);
    const articles = (await ws.viewer.get('/articles')).body as Array<{ title: string; url: string }>;
    expect(articles.map((a) => a.url).sort()).toEqual([web.url('/world/drones'), web.url('/world/shells')]);

    const second = await poll(ws.editor, created.body.id);
    expect(second).toMatchObject({ outcome: 'not-modified', imported: 0 });
    expect(web.requests.filter((r) => r.path === '/rss.xml').pop()!.headers['if-none-match']).toBe(`"${Buffer.from(rssBody).length}"`);

    const feed = (await ws.viewer.get(`/feeds/${created.body.id}`)).body;
    expect(feed).toMatchObject({ title: 'The Ledger', itemsImported: 2, lastError: null });
    expect(feed.lastPolledAt).not.toBeNull();
    expect((await ws.viewer.get('/articles')).body).toHaveLength(2);
  });

  it('imports an updated Atom entry again as a new revision of its article', async () => {
    pages.set('/releases/visitors', articlePage('Visitors', 'The office counted 4.1 million visitors in 2025, up 8 percent on the year before.'));
    atomBody = atom(web.url(''), '2026-11-02T00:00:00Z');
    const feed = await ws.admin.post('/feeds', { url: web.url('/atom.xml') });
    expect(await poll(ws.admin, feed.body.id)).toMatchObject({ imported: 1, revised: 0 });
    expect(await poll(ws.admin, feed.body.id)).toMatchObject({ outcome: 'polled', imported: 0, revised: 0, skipped: 1 });
    expect(web.requests.filter((r) => r.path === '/atom.xml').pop()!.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 09:00:00 GMT');

    pages.set('/releases/visitors', articlePage('Visitors', 'The office counted 4.3 million visitors in 2025, up 13 percent on the year before.'));
    atomBody = atom(web.url(''), '2026-11-05T00:00:00Z');
    expect(await poll(ws.admin, feed.body.id)).toMatchObject({ imported: 0, revised: 1 });
    const article = ((await ws.viewer.get('/articles')).body as Array<{ url: string; revision: number; id: string }>).find((a) => a.url === web.url('/releases/visitors'))!;
    expect(article.revision).toBe(2);
    expect((await ws.viewer.get(`/articles/${article.id}`)).body.text).toContain('4.3 million');
  });

  it('records errors per feed, and clears them on the next good poll', async () => {
    const flaky = await ws.editor.post('/feeds', { url: web.url('/flaky.xml') });
    const failed = await poll(ws.editor, flaky.body.id);
    expect(failed).toMatchObject({ outcome: 'failed', error: 'the address answered HTTP 500' });
    expect((await ws.viewer.get(`/feeds/${flaky.body.id}`)).body).toMatchObject({ lastError: 'the address answered HTTP 500', lastSuccessAt: null });
    failing = false;
    await poll(ws.editor, flaky.body.id);
    expect((await ws.viewer.get(`/feeds/${flaky.body.id}`)).body.lastError).toBeNull();

    const wrong = await ws.editor.post('/feeds', { url: web.url('/not-a-feed') });
    expect((await poll(ws.editor, wrong.body.id)).error).toBe('the address serves image/png; ClaimDesk reads RSS or Atom, HTML or plain text here');
  });

  it('pauses and removes feeds; articles stay', async () => {
    const feeds = (await ws.viewer.get('/feeds')).body as Array<{ id: string; url: string; version: number }>;
    const rssFeed = feeds.find((f) => f.url === web.url('/rss.xml'))!;
    const paused = await ws.editor.patch(`/feeds/${rssFeed.id}`, { version: rssFeed.version, paused: true });
    expect(paused.body).toMatchObject({ paused: true, version: rssFeed.version + 1 });
    const stale = await ws.editor.patch(`/feeds/${rssFeed.id}`, { version: rssFeed.version, paused: false });
    expect(stale.status).toBe(409);
    const tooOften = await ws.editor.patch(`/feeds/${rssFeed.id}`, { version: rssFeed.version + 1, intervalMinutes: 1 });
    expect(tooOften.status).toBe(400);
    expect(tooOften.body.details[0].path).toBe('intervalMinutes');
    expect((await ws.editor.delete(`/feeds/${rssFeed.id}`)).status).toBe(204);
    expect((await ws.viewer.get(`/feeds/${rssFeed.id}`)).status).toBe(404);
    expect(((await ws.viewer.get('/articles')).body as unknown[]).length).toBe(3);
  });

  it('lists new check-worthy claims from feeds on the dashboard and in the claims table filter', async () => {
    const pasted = await ws.factChecker.post('/articles', { format: 'text', content: 'The minister said unemployment fell to 4.2 percent in March 2025, according to the statistics office.' });
    expect(pasted.status).toBe(201);
    const since = new Date(Date.now() - 3600_000).toISOString();
    const fromFeeds = await ws.viewer.get(`/claims?fromFeedsSince=${encodeURIComponent(since)}&limit=200`);
    expect(fromFeeds.status).toBe(200);
    const articleIds = new Set((fromFeeds.body.items as Array<{ articleId: string }>).map((c) => c.articleId));
    expect(articleIds.size).toBe(3);
    expect(articleIds.has(pasted.body.article.id)).toBe(false);
    const later = await ws.viewer.get(`/claims?fromFeedsSince=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    expect(later.body.items).toEqual([]);
    const bad = await ws.viewer.get('/claims?fromFeedsSince=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('fromFeedsSince');

    const dashboard = (await ws.viewer.get('/dashboard')).body;
    expect(dashboard.fromFeeds.claims.length).toBeGreaterThan(0);
    for (const claim of dashboard.fromFeeds.claims) {
      expect(articleIds.has(claim.articleId)).toBe(true);
      expect(claim.checkWorthy).toBe(true);
    }
  });

  it('takes how many polls a process runs at once from CLAIMDESK_FEED_POLLS, and refuses a setting that is not a count', () => {
    const env = { DATABASE_URL: 'postgres://localhost/claimdesk' };
    expect(configFromEnv(env).feedPolls).toBeNull();
    expect(configFromEnv({ ...env, CLAIMDESK_FEED_POLLS: '3' }).feedPolls).toBe(3);
    expect(() => configFromEnv({ ...env, CLAIMDESK_FEED_POLLS: '0' })).toThrow('CLAIMDESK_FEED_POLLS must be a whole number of at least 1, not "0"');
    expect(() => configFromEnv({ ...env, CLAIMDESK_FEED_POLLS: 'many' })).toThrow('CLAIMDESK_FEED_POLLS');
  });
});

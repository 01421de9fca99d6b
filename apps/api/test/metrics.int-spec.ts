// /api/metrics: Prometheus text for admins (session or API token), with requests by route pattern, pool, jobs and event lag.
import { SAMPLE, makeWorkspace, startApi, type TestApi } from './harness';
import { openEventStream } from './sse';

describe('metrics', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('reports requests by route pattern and status, pool use, the job queue and live-event lag', async () => {
    const ws = await makeWorkspace(api, 'metrics');
    const stream = await openEventStream(api.baseUrl, { cookie: ws.viewer.cookie! });
    try {
      const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
      await stream.waitFor(imported.body.article.id);
    } finally {
      stream.close();
    }
    const claims = await ws.viewer.get(`/claims?limit=5`);
    expect((await ws.viewer.get(`/claims/${claims.body.items[0].id}`)).status).toBe(200);
    expect((await ws.viewer.get(`/articles/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const job = await ws.factChecker.post('/articles', { format: 'text', content: `${SAMPLE}\n\n`.repeat(25) });
    expect(job.status).toBe(202);

    const scrape = await ws.admin.get<string>('/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = scrape.body;
    expect(text).toMatch(/claimdesk_http_request_duration_seconds_count\{method="GET",route="\/api\/claims\/:id",status="200"\} [1-9]/);
    expect(text).toMatch(/claimdesk_http_request_duration_seconds_count\{method="GET",route="\/api\/articles\/:id",status="404"\} [1-9]/);
    expect(text).not.toContain(claims.body.items[0].id);
    expect(text).toMatch(/claimdesk_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/claimdesk_jobs\{queue="article-import",state="[a-z]+"\} [1-9]/);
    expect(text).toMatch(/claimdesk_jobs_oldest_age_seconds\{queue="article-import"/);
    expect(text).toMatch(/claimdesk_event_delivery_lag_seconds_count [1-9]/);
  });

  it('is for admins only, by session or API token', async () => {
    const ws = await makeWorkspace(api, 'metrics-auth');
    expect((await ws.editor.get('/metrics')).status).toBe(403);
    expect((await ws.anonymous.get('/metrics')).status).toBe(401);
    const token = await ws.admin.post('/tokens', { name: 'prometheus', scopes: ['read'] });
    const scraped = await ws.anonymous.request('GET', '/metrics', undefined, { authorization: `Bearer ${token.body.token}` });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('claimdesk_http_request_duration_seconds');
  });
});

// Findings of the outside security review that are not about one feature: concurrency of the last-admin rule,
// tokens that outlive their maker, hostile Host headers and request shapes, and the security headers.
import http from 'node:http';
import { makeWorkspace, startApi, type TestApi } from './harness';

/** A raw HTTP request, so the test chooses the Host header (fetch does not let it). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An API started with extra environment variables (read when the app is created). */
async function startApiWith(env: Record<string, string>): Promise<TestApi> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startApi();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('security review', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('keeps an admin in every workspace when two admins demote each other at the same moment', async () => {
    const outcomes: number[][] = [];
    for (let round = 0; round < 5; round++) {
      const ws = await makeWorkspace(api, 'admins');
      expect((await ws.admin.patch(`/members/${ws.users.editor.id}`, { role: 'ADMIN' })).status).toBe(200);
      const [a, b] = await Promise.all([ws.admin.patch(`/members/${ws.users.editor.id}`, { role: 'VIEWER' }), ws.editor.patch(`/members/${ws.users.admin.id}`, { role: 'VIEWER' })]);
      outcomes.push([a.status, b.status].sort());
      expect(await api.db.membership.count({ where: { workspaceId: ws.id, role: 'ADMIN' } })).toBe(1);
    }
    expect(outcomes.every(([x, y]) => x === 200 && y === 422)).toBe(true);
  });

  it('lets no API token create a token that outlives it', async () => {
    const ws = await makeWorkspace(api, 'tokens');
    const day = await ws.editor.post('/tokens', { name: 'a day', scopes: ['read', 'write'], expiresInDays: 1 });
    expect(day.status).toBe(201);
    const bearer = { authorization: `Bearer ${day.body.token}` };
    const forever = await ws.anonymous.request('POST', '/tokens', { name: 'forever', scopes: ['read'] }, bearer);
    expect(forever.status).toBe(422);
    expect(forever.body.details).toEqual([{ path: 'expiresInDays', message: 'outlives the token in use' }]);
    const longer = await ws.anonymous.request('POST', '/tokens', { name: 'a year', scopes: ['read'], expiresInDays: 365 }, bearer);
    expect(longer.status).toBe(422);
    const shorter = await ws.anonymous.request('POST', '/tokens', { name: 'an hour less', scopes: ['read'], expiresInDays: 1 }, bearer);
    expect([201, 422]).toContain(shorter.status);
    expect(await api.db.apiToken.count({ where: { workspaceId: ws.id, expiresAt: null } })).toBe(0);
  });

  it('refuses a malformed Host header with 400 in the error shape, so no link is built from it', async () => {
    const hostile = await rawGet(api.baseUrl, '/api/health', { host: 'evil.example/phish#' });
    expect(hostile.status).toBe(400);
    expect(JSON.parse(hostile.body)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ path: 'host' }] });
    const empty = await rawGet(api.baseUrl, '/api/health', { host: '' });
    expect(empty.status).toBe(400);
    const fine = await rawGet(api.baseUrl, '/api/health', { host: 'desk.example.org:8443' });
    expect(fine.status).toBe(200);
  });

  it('accepts only the hosts of CLAIMDESK_ALLOWED_HOSTS when it is set', async () => {
    const own = await startApiWith({ CLAIMDESK_ALLOWED_HOSTS: 'desk.example.org', CLAIMDESK_PUBLIC_URL: 'https://desk.example.org' });
    try {
      expect((await rawGet(own.baseUrl, '/api/health', { host: 'evil.example' })).status).toBe(400);
      expect((await rawGet(own.baseUrl, '/api/health', { host: 'desk.example.org' })).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('sends HSTS only over HTTPS and one framing policy: never framed', async () => {
    const plain = await rawGet(api.baseUrl, '/api/health', { host: 'localhost' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const proxied = await startApiWith({ CLAIMDESK_TRUST_PROXY: '1' });
    try {
      const secure = await rawGet(proxied.baseUrl, '/api/health', { host: 'localhost', 'x-forwarded-proto': 'https' });
      expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const insecure = await rawGet(proxied.baseUrl, '/api/health', { host: 'localhost', 'x-forwarded-proto': 'http' });
      expect(insecure.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('sends an approved verdict back to review when a re-import changes its claim’s words, and keeps it out of the report', async () => {
    const ws = await makeWorkspace(api, 'stale');
    const url = `https://news.example/${ws.slug}`;
    const article = (n: number) => `City crime report\n\nCrime fell by ${n} percent in the city last year, according to the police department.\n\nThe mayor opened a new library on Monday.`;
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: article(25), url, title: 'Crime' });
    expect(imported.status).toBe(201);
    const articleId = imported.body.article.id;
    const claims = (await ws.factChecker.get(`/claims?articleId=${articleId}&limit=50`)).body.items;
    const crime = claims.find((c: { text: string }) => c.text.includes('25 percent'));
    await ws.factChecker.post(`/claims/${crime.id}/transition`, { version: crime.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${crime.id}/sources`, { source: { title: 'Police statistics', url: 'https://example.org/stats' }, stance: 'SUPPORTS' });
    const verdict = await ws.factChecker.post(`/claims/${crime.id}/verdicts`, { ratingKey: 'true', rationale: 'Police figures.', propose: true });
    expect((await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version })).status).toBe(201);
    const first = await ws.editor.post(`/articles/${articleId}/reports`);
    expect(first.status).toBe(201);
    expect(JSON.stringify((await ws.viewer.get(`/articles/${articleId}/report/preview`)).body.model)).toContain('25 percent');

    const again = await ws.factChecker.post('/articles', { format: 'text', content: article(95), url, title: 'Crime' });
    expect(again.body).toMatchObject({ created: false, revision: 2 });
    const after = (await ws.viewer.get(`/claims/${crime.id}`)).body;
    expect(after.text).toContain('95 percent');
    expect(after.status).toBe('IN_REVIEW');
    expect((await ws.viewer.get(`/verdicts/${verdict.body.id}`)).body.state).toBe('PROPOSED');
    expect(JSON.stringify((await ws.viewer.get(`/articles/${articleId}/report/preview`)).body.model)).not.toContain('95 percent');
    const queue = (await ws.editor.get('/reviews/queue')).body;
    expect(JSON.stringify(queue)).toContain(verdict.body.id);
  });
});

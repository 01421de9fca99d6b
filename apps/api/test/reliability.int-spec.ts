// Under load and hostile input nothing is lost: concurrent conflicting writes, fuzzed requests, oversize and malformed bodies.
import fc from 'fast-check';
import { routeTable } from '@claimdesk/server';
import { SAMPLE, makeWorkspace, startApi, type TestApi } from './harness';

describe('reliability', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('resolves 100 concurrent conflicting updates of one claim: each succeeds or gets 409, and the audit log holds exactly the successes', async () => {
    const ws = await makeWorkspace(api, 'race');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const [claim] = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=1`)).body.items;
    const auditBefore = await api.db.auditEvent.count({ where: { entity: 'claim', entityId: claim.id } });
    // Half the writers saw the current version, half a version that a winner will make stale.
    const writers = Array.from({ length: 100 }, (_, i) => ({ priority: i % 4, version: i % 2 === 0 ? claim.version : claim.version + 1, who: i % 3 === 0 ? ws.editor : ws.factChecker }));
    const results = await Promise.all(writers.map((w) => w.who.patch(`/claims/${claim.id}`, { version: w.version, priority: w.priority }).then((r) => ({ ...w, status: r.status, body: r.body }))));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const successes = results.filter((r) => r.status === 200).sort((a, b) => a.body.version - b.body.version);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(successes.length).toBeLessThanOrEqual(2);
    const final = await api.db.claim.findFirstOrThrow({ where: { id: claim.id } });
    const last = successes[successes.length - 1];
    expect(final.priority).toBe(last.priority);
    expect(final.version).toBe(claim.version + successes.length);
    const audit = await api.db.auditEvent.findMany({ where: { entity: 'claim', entityId: claim.id }, orderBy: { id: 'asc' } });
    expect(audit.length - auditBefore).toBe(successes.length);
    expect((audit[audit.length - 1].after as { priority: number }).priority).toBe(last.priority);
  });

  it('answers 10,000 fuzzed requests across every route without a single 5xx', async () => {
    const ws = await makeWorkspace(api, 'fuzz');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const [claim] = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=1`)).body.items;
    const routes = routeTable(api.app).filter((r) => r.path !== '/api/events' && r.path !== '/api/auth/logout' && !(r.method === 'DELETE' && r.path.includes('members')));
    const ids = [claim.id, imported.body.article.id, '00000000-0000-0000-0000-000000000000', 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd', "1' OR '1'='1", '%00', 'md', 'pdf'];
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        "'; DROP TABLE claims; --",
        '../../etc/passwd',
        '<script>alert(1)</script>',
        'javascript:alert(1)',
        '\u0000',
        '💥',
        'ﷺ'.repeat(50),
        ids[0],
        2147483648,
        0.5,
        'lone \uD800 surrogate',
      ),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const known = [
      'version',
      'title',
      'content',
      'format',
      'action',
      'reason',
      'claimIds',
      'priority',
      'kind',
      'assigneeId',
      'ratingKey',
      'rationale',
      'correction',
      'propose',
      'decision',
      'comment',
      'body',
      'url',
      'stance',
      'sourceId',
      'source',
      'ratings',
      'name',
      'scopes',
      'email',
      'password',
      'role',
      'revisionId',
      'start',
      'end',
      'q',
      'limit',
      'cursor',
      'status',
      'sort',
      'order',
      'from',
      'to',
    ];
    const body = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 8 })), value, { maxKeys: 6 }), value, fc.constant(undefined));
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const hostileCursors = [
      cursor(['priority', 1e20, ids[2]]),
      cursor(['position', ids[2], 0.5, ids[2]]),
      cursor(['updated', '2026-13-45T99:99:99.000Z', ids[2]]),
      cursor(['created', '20261-01-01', ids[2]]),
    ];
    const query = fc.dictionary(fc.constantFrom(...known), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('true', 'false', '-1', '1e9', 'DETECTED,FLAGGED', ids[4], ...hostileCursors)), {
      maxKeys: 4,
    });
    const request = fc.record({ route: fc.constantFrom(...routes), id: fc.constantFrom(...ids), body, query, who: fc.constantFrom(ws.anonymous, ws.viewer, ws.factChecker, ws.editor, ws.admin) });

    const samples = fc.sample(request, { numRuns: 10_000, seed: 20261125 });
    const failures: string[] = [];
    let sent = 0;
    const concurrency = 16;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < samples.length) {
          if (next % 1000 === 0 && process.env.FUZZ_PROGRESS) console.log(`fuzz ${next}`);
          const s = samples[next++];
          const path = s.route.path
            .replace(/^\/api/, '')
            .replace(/:\w+/g, () => encodeURIComponent(s.id))
            .replace('%252F', '%2F');
          const qs = new URLSearchParams(Object.entries(s.query).map(([k, v]) => [k, String(v)])).toString();
          const payload = s.route.method === 'GET' || s.route.method === 'DELETE' ? undefined : s.body === undefined ? undefined : JSON.stringify(s.body);
          const result = await s.who.request(s.route.method, `${path}${qs ? `?${qs}` : ''}`, payload ?? (s.route.method === 'GET' ? undefined : ''));
          sent++;
          if (result.status >= 500) failures.push(`${s.route.method} ${path}?${qs} ${payload?.slice(0, 200)} → ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
          else if (result.status >= 400) expect(result.body).toMatchObject({ statusCode: result.status, code: expect.any(String), message: expect.any(String) });
        }
      }),
    );
    expect(sent).toBe(10_000);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 400_000);

  it('answers the hostile shapes of the security review with a 4xx in the error shape', async () => {
    const ws = await makeWorkspace(api, 'shapes');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const [claim] = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=1`)).body.items;
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const results = {
      hugeNumberCursor: await ws.viewer.get(`/claims?articleId=${claim.articleId}&sort=priority&cursor=${cursor(['priority', 1e20, claim.id])}`),
      fractionalOffsetCursor: await ws.viewer.get(`/claims?articleId=${claim.articleId}&sort=position&cursor=${cursor(['position', claim.articleId, 0.5, claim.id])}`),
      malformedDateCursor: await ws.viewer.get(`/claims?sort=updated&cursor=${cursor(['updated', '2026-13-45T99:99:99.000Z', claim.id])}`),
      oddDateCursor: await ws.viewer.get(`/claims?sort=created&cursor=${cursor(['created', '+275760-09-13', claim.id])}`),
      versionPastInt: await ws.factChecker.patch(`/claims/${claim.id}`, { version: 2147483648, priority: 1 }),
      deepJson: await ws.factChecker.request('POST', '/sources', `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      loneSurrogate: await ws.factChecker.post(`/claims/${claim.id}/comments`, { body: 'a lone \uD800 surrogate' }),
      malformedGzip: await ws.factChecker.request('POST', '/sources', 'this is not gzip', { 'content-encoding': 'gzip' }),
    };
    const statuses = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.status]));
    expect(statuses).toEqual(Object.fromEntries(Object.keys(results).map((k) => [k, 400])));
    for (const r of Object.values(results)) expect(r.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String), details: expect.any(Array) });
    expect(results.versionPastInt.body.details).toEqual([{ path: 'version', message: 'version is out of range' }]);
    expect(results.loneSurrogate.body.details[0].path).toBe('body');
  });

  it('refuses oversize bodies with 413, malformed JSON with 400 naming the problem, and unknown fields', async () => {
    const ws = await makeWorkspace(api, 'hostile');
    const huge = await ws.factChecker.request('POST', '/sources', `{"title":"${'a'.repeat(6 * 1024 * 1024)}"}`);
    expect(huge.status).toBe(413);
    const malformed = await ws.factChecker.request('POST', '/sources', '{"title": "unterminated');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/malformed JSON/);
    const unknown = await ws.factChecker.post('/sources', { title: 'T', isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ path: 'isAdmin', message: 'unknown field: isAdmin' }]);
  });

  it('stores strings with SQL and path-traversal characters verbatim and harmlessly', async () => {
    const ws = await makeWorkspace(api, 'verbatim');
    const titles = ["Robert'); DROP TABLE claims;--", '../../../../etc/passwd', '%00\u0000-null', '<img src=x onerror=alert(1)>', '"; SELECT pg_sleep(10); --'];
    for (const title of titles) {
      const created = await ws.factChecker.post('/sources', { title });
      if (title.includes('\u0000')) {
        expect(created.status).toBe(400);
        expect(created.body.details[0].path).toBe('title');
        continue;
      }
      expect(created.status).toBe(201);
      const found = await ws.viewer.get(`/sources?q=${encodeURIComponent(title.slice(0, 12))}`);
      expect(found.body.map((s: { title: string }) => s.title)).toContain(title);
    }
    // Every title but the one with a NUL byte is stored, and the tables the strings name are still there.
    expect(await api.db.source.count({ where: { workspaceId: ws.id } })).toBe(titles.length - 1);
    expect(await api.db.claim.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('expires sessions', async () => {
    const ws = await makeWorkspace(api, 'expiry');
    await api.db.session.updateMany({ where: { userId: ws.users.viewer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // A change made behind the API's back (here, straight in the database) is seen within the one-second session cache.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await ws.viewer.get('/auth/me')).status).toBe(401);
  });
});

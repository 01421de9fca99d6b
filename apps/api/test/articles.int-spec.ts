// Articles by upload and JSON, their limits and errors, deletion, history; settings; API tokens; live events.
import { makeDocx } from './docx';
import { Client, SAMPLE, makeWorkspace, startApi, type TestApi } from './harness';

describe('articles, settings and tokens', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('imports uploaded .docx, .md and .html files', async () => {
    const ws = await makeWorkspace(api, 'upload');
    const upload = async (name: string, content: Buffer | string, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return ws.factChecker.request('POST', '/articles/upload', form);
    };
    const docx = await upload('report.docx', await makeDocx(['Pentagon says Pyongyang shipped millions of artillery rounds to Russia in 2023.', 'Is this a turning point?']), { title: 'From Word' });
    expect(docx.body).toMatchObject({ created: true });
    expect(docx.body.article.title).toBe('From Word');
    expect(docx.body.claims.detected).toBe(2);
    const md = await upload('piece.md', '# Heading\n\nThe Kremlin **reportedly** bought 1,000 drones in May 2024.\n');
    expect(md.status).toBe(201);
    const html = await upload(
      'page.html',
      '<html><head><title>Web piece</title><script>alert(1)</script></head><body><nav>Home | About</nav><article><p>Officials said exports rose 12 percent in 2023.</p></article></body></html>',
    );
    expect(html.status).toBe(201);
    const htmlText = (await ws.viewer.get(`/articles/${html.body.article.id}`)).body.text;
    expect(htmlText).toContain('exports rose 12 percent');
    expect(htmlText).not.toContain('alert(1)');
    expect(htmlText).not.toContain('Home | About');

    const truncated = await upload('broken.docx', (await makeDocx(['Some text here.'])).subarray(0, 60));
    expect(truncated.status).toBe(400);
    expect(truncated.body.details[0].path).toBe('content');
    const exe = await upload('virus.exe', 'MZ');
    expect(exe.status).toBe(400);
    expect(exe.body.details[0].path).toBe('file');
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(3);
  });

  it('answers 413 above the size limit and 400 naming the field for bad input, storing nothing', async () => {
    const ws = await makeWorkspace(api, 'limits');
    const big = await ws.factChecker.post('/articles', { format: 'text', content: 'x'.repeat(6 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const badUrl = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, url: 'javascript:alert(1)' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.details[0].path).toBe('url');
    const unknown = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, sneaky: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('sneaky');
    const empty = await ws.factChecker.post('/articles', { format: 'text', content: '   \n  ' });
    expect(empty.status).toBe(400);
    const malformed = await ws.factChecker.request('POST', '/articles', '{"format": "text", "content": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/malformed JSON/);
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('lets only admins delete an article, softly, with history', async () => {
    const ws = await makeWorkspace(api, 'delete');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const id = imported.body.article.id;
    expect((await ws.editor.delete(`/articles/${id}`)).status).toBe(403);
    expect((await ws.admin.delete(`/articles/${id}`)).status).toBe(204);
    expect((await ws.viewer.get(`/articles/${id}`)).status).toBe(404);
    expect((await ws.viewer.get('/articles')).body).toEqual([]);
    expect(await api.db.claim.count({ where: { articleId: id } })).toBeGreaterThan(0);
    const row = await api.db.article.findFirstOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    const history = (await api.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(history).toEqual(['import', 'delete']);
  });

  it('lists articles with claim counts by status and progress', async () => {
    const ws = await makeWorkspace(api, 'counts');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, title: 'Counted' });
    const list = await ws.viewer.get('/articles');
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ title: 'Counted', claimTotal: imported.body.claims.detected, claimCounts: { DETECTED: imported.body.claims.detected }, checked: 0 });
    expect(list.body[0].checkWorthy).toBeGreaterThan(0);
    const hist = await ws.viewer.get(`/articles/${imported.body.article.id}/history`);
    expect(hist.body[0]).toMatchObject({ action: 'import', actor: { id: ws.users.factChecker.id } });
  });

  it("serves an article's claims to its reader in text order, with the fields the reader shows and the list's paging", async () => {
    const ws = await makeWorkspace(api, 'reader-claims');
    const other = await makeWorkspace(api, 'reader-claims-other');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, title: 'Read' });
    const articleId = imported.body.article.id;
    const full = await ws.viewer.get(`/claims?articleId=${articleId}&sort=position&order=asc&limit=500`);
    const compact = await ws.viewer.get(`/articles/${articleId}/claims?limit=500`);
    expect(compact.status).toBe(200);
    expect(compact.body.nextCursor).toBeNull();
    expect(compact.body.items.map((c: { id: string }) => c.id)).toEqual(full.body.items.map((c: { id: string }) => c.id));
    // Each compact claim is its full claim narrowed to the reader's fields, and carries nothing else.
    const fields = Object.keys(compact.body.items[0]).sort();
    expect(fields).not.toContain('selector');
    expect(fields).not.toContain('entities');
    for (const [i, claim] of compact.body.items.entries()) {
      expect(Object.keys(claim).sort()).toEqual(fields);
      expect(claim).toEqual(Object.fromEntries(fields.map((k) => [k, full.body.items[i][k]])));
    }
    expect(JSON.stringify(compact.body).length).toBeLessThan(JSON.stringify(full.body).length / 2);
    // Compressed for a client that accepts it.
    const gzipped = await ws.viewer.request('GET', `/articles/${articleId}/claims?limit=500`, undefined, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.body).toEqual(compact.body);

    // Pages of 5 by cursor give the same claims in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await ws.viewer.get(`/articles/${articleId}/claims?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      paged.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(full.body.items.map((c: { id: string }) => c.id));

    // A workflow change shows in the reader's list (status and version).
    const first = compact.body.items[0];
    await ws.factChecker.post(`/claims/${first.id}/transition`, { version: first.version, action: 'flag' });
    const after = await ws.viewer.get(`/articles/${articleId}/claims?limit=1`);
    expect(after.body.items[0]).toMatchObject({ id: first.id, status: 'FLAGGED', version: first.version + 1 });

    expect((await other.viewer.get(`/articles/${articleId}/claims`)).status).toBe(404);
    expect((await ws.viewer.get('/articles/00000000-0000-4000-8000-000000000000/claims')).status).toBe(404);
    const badLimit = await ws.viewer.get(`/articles/${articleId}/claims?limit=5000`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.details[0].path).toBe('limit');
    const badCursor = await ws.viewer.get(`/articles/${articleId}/claims?cursor=nonsense`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details[0].path).toBe('cursor');
    await ws.admin.delete(`/articles/${articleId}`);
    expect((await ws.viewer.get(`/articles/${articleId}/claims`)).status).toBe(404);
  });

  it('serves the rating scale to members and lets only admins change it', async () => {
    const ws = await makeWorkspace(api, 'scale');
    const scale = await ws.viewer.get('/rating-scale');
    expect(scale.body.ratings.map((r: { label: string }) => r.label)).toContain('Mostly false');
    const ratings = [...scale.body.ratings, { key: 'satire', label: 'Satire', ratingValue: null, needsCorrection: false }];
    expect((await ws.editor.put('/rating-scale', { ratings, version: scale.body.version })).status).toBe(403);
    const updated = await ws.admin.put('/rating-scale', { ratings, version: scale.body.version });
    expect(updated.status).toBe(200);
    expect(updated.body.ratings).toHaveLength(8);
    expect((await ws.admin.put('/rating-scale', { ratings, version: scale.body.version })).status).toBe(409);
    const dup = await ws.admin.put('/rating-scale', { ratings: [...ratings, ratings[0]], version: updated.body.version });
    expect(dup.status).toBe(400);
    expect(dup.body.details[0].path).toBe('ratings.8.key');
  });

  it('issues API tokens shown once, scoped and revocable', async () => {
    const ws = await makeWorkspace(api, 'tokens');
    const created = await ws.factChecker.post('/tokens', { name: 'newsroom script', scopes: ['read'] });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^cdk_/);
    expect((await ws.factChecker.get('/tokens')).body[0]).not.toHaveProperty('token');
    const bot = new Client(api.baseUrl);
    const read = await bot.request('GET', '/articles', undefined, { authorization: `Bearer ${token}` });
    expect(read.status).toBe(200);
    const write = await bot.request('POST', '/articles', { format: 'text', content: SAMPLE }, { authorization: `Bearer ${token}` });
    expect(write.status).toBe(403);
    expect((await ws.factChecker.delete(`/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bot.request('GET', '/articles', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    const writer = await ws.editor.post('/tokens', { name: 'importer', scopes: ['read', 'write'] });
    const imported = await bot.request('POST', '/articles', { format: 'text', content: 'The ministry said 40 people were hurt on Monday.' }, { authorization: `Bearer ${writer.body.token}` });
    expect(imported.status).toBe(201);
    const stored = await api.db.apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).not.toContain(token.slice(4));
  });

  it('streams changes of the workspace to connected clients, and only of that workspace', async () => {
    const ws = await makeWorkspace(api, 'events');
    const other = await makeWorkspace(api, 'events-other');
    const controller = new AbortController();
    const received: string[] = [];
    // A browser accepts compressed answers; the stream must still come uncompressed, event by event.
    const response = await fetch(`${api.baseUrl}/api/events`, { headers: { cookie: ws.viewer.cookie!, 'accept-encoding': 'gzip, deflate, br' }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    const reader = response.body!.getReader();
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          received.push(decoder.decode(value));
        }
      } catch {
        /* aborted */
      }
    })();
    await other.factChecker.post('/articles', { format: 'text', content: 'Elsewhere, 3 ministers resigned on Friday.' });
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    for (let i = 0; i < 50 && !received.join('').includes(imported.body.article.id); i++) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await reading;
    const text = received.join('');
    expect(text).toContain(`"id":"${imported.body.article.id}"`);
    expect(text).toContain('"type":"article"');
    expect(text.match(/"type":"article"/g)).toHaveLength(1);
  });
});

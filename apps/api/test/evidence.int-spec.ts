// Evidence that stays: a source cited by URL is captured (bytes, hash, readable text), excerpts quote into the capture,
// captures are kept as history and downloadable, link checks notice changed and vanished pages; articles import by URL.
// Pages come from a local HTTP server, so private addresses are allowed here except where a test says otherwise.
import { createHash } from 'node:crypto';
import { serve, startTestServer, type TestServer } from '@claimdesk/fetcher/src/testing/test-server';
import { SAMPLE, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

const page = (title: string, paragraphs: string[]) =>
  `<!DOCTYPE html><html><head><title>${title}</title><meta name="author" content="Ana Ruiz"></head><body><nav>Home · World</nav><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>© The Ledger</footer></body></html>`;

const OBITUARY = page('Fidel Castro dies at 90', [
  'Fidel Castro, the revolutionary who ruled Cuba for nearly five decades, died on 25 November 2016 in Havana, his brother Raúl announced on state television.',
  'He had handed power to Raúl in 2008 after falling ill, and had rarely been seen in public in his final years.',
  'World leaders offered mixed tributes, reflecting the divisive legacy of a man who defied ten American presidents.',
]);

describe('evidence: captured sources and articles by URL', () => {
  let api: TestApi;
  let web: TestServer;
  let ws: TestWorkspace;
  let claimId: string;
  const served = new Map<string, string>();
  const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    api = await startApi();
    web = await startTestServer({
      '/image.png': serve('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
      '/gone': (_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page'),
    });
    // Pages whose content a test can change between requests.
    for (const path of ['/obituary', '/moving', '/article']) web.route(path, (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(served.get(path) ?? 'missing'));
    ws = await makeWorkspace(api, 'evidence');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, title: 'Evidence' });
    claimId = imported.body.article && (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=1`)).body.items[0].id;
  });
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
    await web.close();
    await api.close();
  });

  it('captures a source when it is cited by URL: bytes, hash, readable text, title; the claim panel shows it', async () => {
    served.set('/obituary', OBITUARY);
    const link = await ws.factChecker.post(`/claims/${claimId}/sources`, { source: { title: 'Obituary', url: web.url('/obituary') }, stance: 'REFUTES' });
    expect(link.status).toBe(201);
    expect(link.body.captureError).toBeNull();
    const capture = link.body.source.capture;
    expect(capture).toMatchObject({ httpStatus: 200, contentType: 'text/html', finalUrl: web.url('/obituary'), title: 'Fidel Castro dies at 90', byteSize: Buffer.byteLength(OBITUARY) });
    expect(capture.sha256).toBe(createHash('sha256').update(OBITUARY).digest('hex'));
    const sent = web.requests.find((r) => r.path === '/obituary')!;
    expect(sent.headers['user-agent']).toMatch(/^ClaimDesk\/\d+\.\d+\.\d+ /);

    const detail = await ws.viewer.get(`/claims/${claimId}`);
    expect(detail.body.sources[0].source.capture).toEqual(capture);
    const snapshot = await ws.viewer.get(`/sources/${link.body.source.id}/snapshots/${capture.id}`);
    expect(snapshot.body.text).toContain('died on 25 November 2016 in Havana');
    expect(snapshot.body.text).not.toContain('Home · World');

    const download = await fetch(`${api.baseUrl}${capture.download}`, { headers: { cookie: ws.viewer.cookie! } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/html');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(capture.sha256);
  });

  it('keeps every capture: re-capturing a changed page adds a snapshot, newest first', async () => {
    served.set('/moving', page('Figures', ['The office counted 4.1 million visitors in 2025, up from 3.8 million a year earlier, according to its annual report.']));
    const source = await ws.factChecker.post('/sources', { title: 'Figures', url: web.url('/moving') });
    const first = await ws.factChecker.post(`/sources/${source.body.id}/snapshots`);
    expect(first.status).toBe(201);
    served.set('/moving', page('Figures', ['The office counted 4.3 million visitors in 2025, up from 3.8 million a year earlier, according to its revised annual report.']));
    const second = await ws.factChecker.post(`/sources/${source.body.id}/snapshots`);
    expect(second.body.text).toContain('4.3 million');
    const list = await ws.viewer.get(`/sources/${source.body.id}/snapshots`);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([second.body.id, first.body.id]);
    expect(list.body[0].sha256).not.toBe(list.body[1].sha256);
    expect(list.body[0]).not.toHaveProperty('text');
    const old = await ws.viewer.get(`/sources/${source.body.id}/snapshots/${first.body.id}`);
    expect(old.body.text).toContain('4.1 million');
  });

  it('quotes a selected passage of the capture as the excerpt, as a TextQuoteSelector found again in the claim panel', async () => {
    const detail = await ws.factChecker.get(`/claims/${claimId}`);
    const link = detail.body.sources[0];
    const text = (await ws.factChecker.get(`/sources/${link.source.id}/snapshots/${link.source.capture.id}`)).body.text as string;
    const passage = 'died on 25 November 2016 in Havana';
    const start = text.indexOf(passage);
    const quoted = await ws.factChecker.put(`/claims/${claimId}/sources/${link.id}/excerpt`, { snapshotId: link.source.capture.id, start, end: start + passage.length });
    expect(quoted.status).toBe(200);
    expect(quoted.body.excerpt).toBe(passage);
    expect(quoted.body.quote).toEqual({
      snapshotId: link.source.capture.id,
      exact: passage,
      prefix: text.slice(start - 32, start),
      suffix: text.slice(start + passage.length, start + passage.length + 32),
      start,
      end: start + passage.length,
    });
    expect((await ws.viewer.get(`/claims/${claimId}`)).body.sources[0].quote.exact).toBe(passage);

    const beyond = await ws.factChecker.put(`/claims/${claimId}/sources/${link.id}/excerpt`, { snapshotId: link.source.capture.id, start: 0, end: text.length + 1 });
    expect(beyond.status).toBe(400);
    expect(beyond.body.details[0].path).toBe('end');
    const viewer = await ws.viewer.put(`/claims/${claimId}/sources/${link.id}/excerpt`, { snapshotId: link.source.capture.id, start, end: start + 5 });
    expect(viewer.status).toBe(403);
  });

  it('keeps the link but says why when a cited page cannot be captured', async () => {
    const image = await ws.factChecker.post(`/claims/${claimId}/sources`, { source: { title: 'A chart', url: web.url('/image.png') }, stance: 'CONTEXT' });
    expect(image.status).toBe(201);
    expect(image.body.source.capture).toBeNull();
    expect(image.body.captureError).toContain('the address serves image/png; ClaimDesk reads HTML, XHTML, plain text or PDF here');
    const again = await ws.factChecker.post(`/sources/${image.body.source.id}/snapshots`);
    expect(again.status).toBe(422);
    expect(again.body.details).toEqual([{ path: 'url', message: 'the address serves image/png; ClaimDesk reads HTML, XHTML, plain text or PDF here' }]);
  });

  it('link checks mark a source unchanged, changed or gone since its capture', async () => {
    served.set('/article', page('Stable', ['The council approved the budget of 12 million euros on Tuesday after a debate that lasted most of the afternoon.']));
    const source = await ws.factChecker.post('/sources', { title: 'Stable', url: web.url('/article') });
    await ws.factChecker.post(`/sources/${source.body.id}/snapshots`);
    expect((await ws.factChecker.post(`/sources/${source.body.id}/link-check`)).body).toMatchObject({ outcome: 'UNCHANGED', httpStatus: 200 });
    served.set('/article', page('Stable', ['The council approved the budget of 15 million euros on Tuesday after a debate that lasted most of the afternoon.']));
    expect((await ws.factChecker.post(`/sources/${source.body.id}/link-check`)).body).toMatchObject({ outcome: 'CHANGED', detail: 'the text differs from the capture' });

    const vanishing = await ws.factChecker.post('/sources', { title: 'Vanishing', url: web.url('/gone') });
    expect((await ws.factChecker.post(`/sources/${vanishing.body.id}/link-check`)).body).toMatchObject({ outcome: 'GONE', httpStatus: 404 });

    const run = await ws.editor.post('/sources/link-checks');
    expect(run.status).toBe(200);
    expect(run.body.checked).toBeGreaterThanOrEqual(3);
    expect(run.body.outcomes.CHANGED).toBeGreaterThanOrEqual(1);
    expect((await ws.factChecker.post('/sources/link-checks')).status).toBe(403);
  });

  it('imports an article from a web address; the same address again makes a new revision', async () => {
    served.set('/article', page('Council budget', ['The council approved a budget of 12 million euros on Tuesday, the mayor said.', 'Opposition members allegedly walked out before the vote.']));
    const first = await ws.factChecker.post('/articles', { url: web.url('/article') });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, revision: 1 });
    expect(first.body.article.title).toBe('Council budget');
    expect(first.body.article.url).toBe(web.url('/article'));
    const text = (await ws.viewer.get(`/articles/${first.body.article.id}`)).body.text;
    expect(text).toContain('Opposition members allegedly walked out before the vote.');
    expect(text).not.toContain('© The Ledger');

    served.set('/article', page('Council budget', ['The council approved a budget of 14 million euros on Tuesday, the mayor said.', 'Opposition members allegedly walked out before the vote.']));
    const second = await ws.factChecker.post('/articles', { url: web.url('/article') });
    expect(second.body).toMatchObject({ created: false, revision: 2 });
    expect(second.body.article.id).toBe(first.body.article.id);

    const neither = await ws.factChecker.post('/articles', { title: 'Nothing' });
    expect(neither.status).toBe(400);
    expect(neither.body.details[0].path).toBe('content');
    const image = await ws.factChecker.post('/articles', { url: web.url('/image.png') });
    expect(image.status).toBe(422);
    expect(image.body.details[0].path).toBe('url');
  });

  it('refuses a loopback address when private addresses are not allowed (the default)', async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '0';
    try {
      served.set('/article', page('Internal', ['An internal page that must never be read by the server on behalf of a member.']));
      const before = web.requests.length;
      const refused = await ws.factChecker.post('/articles', { url: web.url('/article') });
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual([{ path: 'url', message: '127.0.0.1 resolves to a loopback address; ClaimDesk does not fetch from internal networks' }]);
      const named = await ws.factChecker.post('/articles', { url: web.url('/article').replace('127.0.0.1', 'localhost') });
      expect(named.status).toBe(422);
      expect(named.body.message).toContain('resolves to a loopback address');
      expect(web.requests.length).toBe(before);
    } finally {
      process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    }
  });
});

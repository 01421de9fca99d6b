// Evidence that stays: a source cited by URL is captured in a background job (bytes, hash, readable text), excerpts quote into the capture,
// captures are kept as history and downloadable, link checks notice changed and vanished pages; articles import by URL.
// Pages come from a local HTTP server, so private addresses are allowed here except where a test says otherwise.
import { createHash } from 'node:crypto';
import { serve, startTestServer, type TestServer } from '@claimdesk/fetcher/src/testing/test-server';
import { DocumentParser } from '@claimdesk/server';
import { SAMPLE, jobFinished, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

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
    expect(link.body.source.capture).toBeNull();
    expect((await jobFinished(ws.factChecker, link.body.captureJobId)).state).toBe('completed');
    const capture = (await ws.viewer.get(`/claims/${claimId}`)).body.sources[0].source.capture;
    expect(capture).toMatchObject({ httpStatus: 200, contentType: 'text/html', finalUrl: web.url('/obituary'), title: 'Fidel Castro dies at 90', byteSize: Buffer.byteLength(OBITUARY) });
    expect(capture.sha256).toBe(createHash('sha256').update(OBITUARY).digest('hex'));
    const sent = web.requests.find((r) => r.path === '/obituary')!;
    expect(sent.headers['user-agent']).toMatch(/^ClaimDesk\/\d+\.\d+\.\d+ /);

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
    const capture = async () => {
      const accepted = await ws.factChecker.post(`/sources/${source.body.id}/snapshots`);
      expect(accepted.status).toBe(202);
      const job = await jobFinished(ws.factChecker, accepted.body.jobId);
      expect(job.state).toBe('completed');
      return (await ws.viewer.get(`/sources/${source.body.id}/snapshots/${(job.result as { snapshotId: string }).snapshotId}`)) as { body: { id: string; text: string } };
    };
    const first = await capture();
    served.set('/moving', page('Figures', ['The office counted 4.3 million visitors in 2025, up from 3.8 million a year earlier, according to its revised annual report.']));
    const second = await capture();
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
    const failed = await jobFinished(ws.factChecker, image.body.captureJobId);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toBe(`cannot read ${web.url('/image.png')}: the address serves image/png; ClaimDesk reads HTML, XHTML, plain text or PDF here`);
    expect(failed.attempts).toBe(1);
    expect((await ws.viewer.get(`/sources/${image.body.source.id}/snapshots`)).body).toEqual([]);
    const history = await api.db.auditEvent.findMany({ where: { workspaceId: ws.id, entityId: image.body.source.id, action: 'capture-failed' } });
    expect(history).toHaveLength(1);
    const unaddressed = await ws.factChecker.post('/sources', { title: 'An interview' });
    const none = await ws.factChecker.post(`/sources/${unaddressed.body.id}/snapshots`);
    expect(none.status).toBe(422);
    expect(none.body.details[0].path).toBe('url');
  });

  it("reads pages in the worker pool: a page whose reading fails there fails the capture with the reader's own reason", async () => {
    const parser = api.app.get(DocumentParser);
    web.route('/scripts-only', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>App</title></head><body><script>render()</script></body></html>'));
    const before = parser.answered.read;
    const source = await ws.factChecker.post('/sources', { title: 'An app shell', url: web.url('/scripts-only') });
    const failed = await jobFinished(ws.factChecker, (await ws.factChecker.post(`/sources/${source.body.id}/snapshots`)).body.jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ message: `cannot read ${web.url('/scripts-only')}: the page has no readable text`, code: 'RULE_VIOLATION' });
    expect(failed.attempts).toBe(1);
    expect(parser.answered.read).toBe(before + 1);

    // A link check reads through the pool too: the same page stays unreadable, so the check says why.
    const check = await jobFinished(ws.factChecker, (await ws.factChecker.post(`/sources/${source.body.id}/link-check`)).body.jobId);
    expect(check.result).toMatchObject({ outcome: 'FAILED', httpStatus: null, detail: 'the page has no readable text' });
    expect(parser.answered.read).toBe(before + 2);
  });

  it('link checks mark a source unchanged, changed or gone since its capture', async () => {
    served.set('/article', page('Stable', ['The council approved the budget of 12 million euros on Tuesday after a debate that lasted most of the afternoon.']));
    const source = await ws.factChecker.post('/sources', { title: 'Stable', url: web.url('/article') });
    await jobFinished(ws.factChecker, (await ws.factChecker.post(`/sources/${source.body.id}/snapshots`)).body.jobId);
    const check = async (id: string) => {
      const accepted = await ws.factChecker.post(`/sources/${id}/link-check`);
      expect(accepted.status).toBe(202);
      return (await jobFinished(ws.factChecker, accepted.body.jobId)).result;
    };
    expect(await check(source.body.id)).toMatchObject({ outcome: 'UNCHANGED', httpStatus: 200 });
    served.set('/article', page('Stable', ['The council approved the budget of 15 million euros on Tuesday after a debate that lasted most of the afternoon.']));
    expect(await check(source.body.id)).toMatchObject({ outcome: 'CHANGED', detail: 'the text differs from the capture' });

    const vanishing = await ws.factChecker.post('/sources', { title: 'Vanishing', url: web.url('/gone') });
    expect(await check(vanishing.body.id)).toMatchObject({ outcome: 'GONE', httpStatus: 404 });
    const claimPanel = (await ws.viewer.get(`/claims/${claimId}`)).body;
    expect(claimPanel.sources[0].source.linkCheck).toBeNull();

    const run = await ws.editor.post('/sources/link-checks');
    expect(run.status).toBe(202);
    const result = (await jobFinished(ws.editor, run.body.jobId)).result as { checked: number; outcomes: Record<string, number> };
    expect(result.checked).toBeGreaterThanOrEqual(2);
    expect(result.outcomes.CHANGED).toBeGreaterThanOrEqual(1);
    expect((await ws.factChecker.post('/sources/link-checks')).status).toBe(403);
  });

  it('imports an article from a web address; the same address again makes a new revision', async () => {
    served.set('/article', page('Council budget', ['The council approved a budget of 12 million euros on Tuesday, the mayor said.', 'Opposition members allegedly walked out before the vote.']));
    const importUrl = async () => {
      const accepted = await ws.factChecker.post('/articles', { url: web.url('/article') });
      expect(accepted.status).toBe(202);
      const job = await jobFinished(ws.factChecker, accepted.body.jobId);
      return job;
    };
    const first = (await importUrl()).result as { articleId: string; created: boolean; revision: number };
    expect(first).toMatchObject({ created: true, revision: 1 });
    const article = (await ws.viewer.get(`/articles/${first.articleId}`)).body;
    expect(article.title).toBe('Council budget');
    expect(article.url).toBe(web.url('/article'));
    const text = article.text;
    expect(text).toContain('Opposition members allegedly walked out before the vote.');
    expect(text).not.toContain('© The Ledger');

    served.set('/article', page('Council budget', ['The council approved a budget of 14 million euros on Tuesday, the mayor said.', 'Opposition members allegedly walked out before the vote.']));
    const second = (await importUrl()).result as { articleId: string; created: boolean; revision: number };
    expect(second).toMatchObject({ created: false, revision: 2, articleId: first.articleId });

    const neither = await ws.factChecker.post('/articles', { title: 'Nothing' });
    expect(neither.status).toBe(400);
    expect(neither.body.details[0].path).toBe('content');
    const image = await ws.factChecker.post('/articles', { url: web.url('/image.png') });
    const refused = await jobFinished(ws.factChecker, image.body.jobId);
    expect(refused.state).toBe('failed');
    expect(refused.error?.message).toContain('the address serves image/png');
  });

  it('refuses a loopback address when private addresses are not allowed (the default)', async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '0';
    try {
      served.set('/article', page('Internal', ['An internal page that must never be read by the server on behalf of a member.']));
      const before = web.requests.length;
      const refused = await jobFinished(ws.factChecker, (await ws.factChecker.post('/articles', { url: web.url('/article') })).body.jobId);
      expect(refused.state).toBe('failed');
      expect(refused.error?.message).toBe(`cannot read ${web.url('/article')}: 127.0.0.1 resolves to a loopback address; ClaimDesk does not fetch from internal networks`);
      const named = await jobFinished(ws.factChecker, (await ws.factChecker.post('/articles', { url: web.url('/article').replace('127.0.0.1', 'localhost') })).body.jobId);
      expect(named.error?.message).toContain('resolves to a loopback address');
      expect(web.requests.length).toBe(before);
    } finally {
      process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    }
  });
});

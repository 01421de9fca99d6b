// Hostile documents are parsed off the event loop and within bounds: deep HTML nesting, a DOCX that unpacks huge,
// an article with tens of thousands of claims. Each gets a clear 413 or 422 (or, above the background-import size, a
// job that fails with the same code and reason), and the API keeps answering meanwhile.
import { makeDocx } from './docx';
import { jobFinished, makeWorkspace, startApi, type Client, type HttpResult, type TestApi } from './harness';

/** Why an import was refused: the error answered at once, or the error its background job failed with. */
async function refusal(client: Client, result: HttpResult<{ code?: string; message: string; jobId: string }>): Promise<{ status: number; code?: string; message: string }> {
  if (result.status !== 202) return { status: result.status, code: result.body.code, message: result.body.message };
  const job = await jobFinished(client, result.body.jobId);
  expect(job.state).toBe('failed');
  return { status: 202, code: job.error?.code, message: job.error?.message ?? '' };
}

function upload(client: Client, name: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return client.request('POST', '/articles/upload', form);
}

describe('hostile uploads', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('refuses HTML nested 200,000 levels deep at once, without building its tree', async () => {
    const ws = await makeWorkspace(api, 'deep');
    const depth = 200_000;
    const html = `<!DOCTYPE html><html><body>${'<div>'.repeat(depth)}The minister said 12 people were hurt.${'</div>'.repeat(depth)}</body></html>`;
    const result = await refusal(ws.factChecker, await upload(ws.factChecker, 'deep.html', html));
    expect([422, 202]).toContain(result.status);
    expect(result.code).toBe('RULE_VIOLATION');
    expect(result.message).toContain('levels deep');
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('answers /api/health while a slow 5 MB web page is being read', async () => {
    const ws = await makeWorkspace(api, 'slow');
    // Within every bound, but seconds to minutes of Readability: the kind of file that used to stall the whole API.
    const html = `<html><body>${Array.from({ length: 2000 }, (_, i) => `<div><p>Officials said ${i} people attended.</p>${'<span>filler text </span>'.repeat(100)}</div>`).join('')}</body></html>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(5_000_000);
    const order: string[] = [];
    const hostile = upload(ws.factChecker, 'slow.html', html).then((r) => {
      order.push('hostile');
      return r;
    });
    const health = await ws.anonymous.get('/health');
    order.push('health');
    const me = await ws.viewer.get('/auth/me');
    order.push('me');
    const result = await hostile;
    expect(health.status).toBe(200);
    expect(me.status).toBe(200);
    // Above the background-import size the upload is accepted as a job at once; the API answers while the job reads it.
    expect(result.status).toBe(202);
    const whileReading = await Promise.all([ws.anonymous.get('/health'), ws.viewer.get('/auth/me')]);
    expect(whileReading.map((r) => r.status)).toEqual([200, 200]);
    // Read in time or given up on with a reason; never a server error.
    const job = await jobFinished(ws.factChecker, result.body.jobId);
    if (job.state === 'failed') expect(job.error?.code).toBe('RULE_VIOLATION');
    else expect(job.state).toBe('completed');
  }, 180_000);

  it('refuses a small DOCX that unpacks to tens of megabytes, before unpacking it whole', async () => {
    const ws = await makeWorkspace(api, 'bomb');
    const paragraph = 'The ministry said 12 people were hurt on Monday in the capital. ';
    const bomb = await makeDocx(
      Array.from({ length: 6000 }, () => paragraph.repeat(100)),
      { compress: true },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await refusal(ws.factChecker, await upload(ws.factChecker, 'bomb.docx', bomb));
    expect([413, 202]).toContain(result.status);
    expect(result.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.message).toContain('unpacks to more than');
    expect((await ws.anonymous.get('/health')).status).toBe(200);
  }, 120_000);

  it('refuses an article with more claims than an article can have', async () => {
    const ws = await makeWorkspace(api, 'many');
    const text = Array.from({ length: 6000 }, (_, i) => `The ministry said ${i + 3} people were hurt in district ${i}.`).join('\n\n');
    const result = await refusal(ws.factChecker, await ws.factChecker.post('/articles', { format: 'text', content: text, title: 'Generated' }));
    expect([413, 202]).toContain(result.status);
    expect(result.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.message).toMatch(/the article has \d+ claims; the limit is 5000/);
    expect(await api.db.claim.count({ where: { workspaceId: ws.id } })).toBe(0);
  }, 120_000);
});

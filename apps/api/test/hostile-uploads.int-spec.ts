// Hostile documents are parsed off the event loop and within bounds: deep HTML nesting, a DOCX that unpacks huge,
// an article with tens of thousands of claims. Each gets a clear 413 or 422, and the API keeps answering meanwhile.
import { makeDocx } from './docx';
import { makeWorkspace, startApi, type Client, type TestApi } from './harness';

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
    const result = await upload(ws.factChecker, 'deep.html', html);
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'content' }] });
    expect(result.body.message).toContain('levels deep');
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
    expect(order).toEqual(['health', 'me', 'hostile']);
    // Read in time (201) or given up on (422); never a server error.
    expect([201, 422]).toContain(result.status);
  }, 180_000);

  it('refuses a small DOCX that unpacks to tens of megabytes, before unpacking it whole', async () => {
    const ws = await makeWorkspace(api, 'bomb');
    const paragraph = 'The ministry said 12 people were hurt on Monday in the capital. ';
    const bomb = await makeDocx(
      Array.from({ length: 6000 }, () => paragraph.repeat(100)),
      { compress: true },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const result = await upload(ws.factChecker, 'bomb.docx', bomb);
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ path: 'content' }] });
    expect(result.body.message).toContain('unpacks to more than');
    expect((await ws.anonymous.get('/health')).status).toBe(200);
  }, 120_000);

  it('refuses an article with more claims than an article can have', async () => {
    const ws = await makeWorkspace(api, 'many');
    const text = Array.from({ length: 6000 }, (_, i) => `The ministry said ${i + 3} people were hurt in district ${i}.`).join('\n\n');
    const result = await ws.factChecker.post('/articles', { format: 'text', content: text, title: 'Generated' });
    expect(result.status).toBe(413);
    expect(result.body.message).toMatch(/the article has \d+ claims; the limit is 5000/);
    expect(await api.db.claim.count({ where: { workspaceId: ws.id } })).toBe(0);
  }, 120_000);
});

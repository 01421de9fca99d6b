import { checkPostUrl, postPayload, userAgent } from './fetcher';
import { refusal, startTestServer, type TestServer } from './testing/test-server';

let server: TestServer;
const bodies: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    '/hook': (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(202, { 'content-type': 'text/plain' }).end('accepted');
      });
    },
    '/moved': (_req, res) => res.writeHead(307, { location: '/hook' }).end(),
    '/slow': () => undefined,
  });
});
afterAll(() => server.close());

describe('postPayload', () => {
  const options = { userAgent: userAgent('9.9.9'), allowPrivate: true };

  it('posts the body with the given headers and returns the status', async () => {
    const result = await postPayload(server.url('/hook'), '{"a":1}', { ...options, headers: { 'ClaimDesk-Event': 'claim.flagged' } });
    expect(result).toEqual({ status: 202, body: 'accepted' });
    expect(bodies.at(-1)).toBe('{"a":1}');
    const request = server.requests.at(-1)!;
    expect(request.headers['claimdesk-event']).toBe('claim.flagged');
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('does not follow redirects', async () => {
    const before = bodies.length;
    expect((await postPayload(server.url('/moved'), '{}', options)).status).toBe(307);
    expect(bodies.length).toBe(before);
  });

  it('refuses loopback unless private addresses are allowed, and gives up after the time cap', async () => {
    expect((await refusal(postPayload(server.url('/hook'), '{}', { ...options, allowPrivate: false }))).code).toBe('BLOCKED_ADDRESS');
    expect((await refusal(postPayload(server.url('/slow'), '{}', { ...options, timeoutMs: 200 }))).code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = refusal(postPayload(server.url('/slow'), '{}', { ...options, signal: controller.signal }));
    controller.abort();
    expect((await pending).message).toBe('the request was cancelled');
  });
});

describe('checkPostUrl', () => {
  it('asks for https and a public address, unless private addresses are allowed', async () => {
    expect((await refusal(checkPostUrl('http://93.184.215.14/hook'))).code).toBe('UNSUPPORTED_SCHEME');
    expect((await refusal(checkPostUrl('https://127.0.0.1/hook'))).code).toBe('BLOCKED_ADDRESS');
    expect((await refusal(checkPostUrl('https://[fd00:ec2::254]/'))).code).toBe('BLOCKED_ADDRESS');
    expect((await refusal(checkPostUrl('https://localhost/hook'))).code).toBe('BLOCKED_ADDRESS');
    expect((await refusal(checkPostUrl('https://user:pw@93.184.215.14/'))).code).toBe('INVALID_URL');
    await expect(checkPostUrl('https://93.184.215.14/hook')).resolves.toBeInstanceOf(URL);
    await expect(checkPostUrl(server.url('/hook'), { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});

import zlib from 'node:zlib';
import { FEED_KINDS, fetchPage, userAgent, type FetchOptions } from './fetcher';
import { refusal, serve, startTestServer, type TestServer } from './testing/test-server';

const ARTICLE = '<!DOCTYPE html><html><head><title>Artillery figures</title></head><body><article><p>The Pentagon said millions of rounds were shipped.</p></article></body></html>';

let server: TestServer;
const options: FetchOptions = { userAgent: userAgent('9.9.9'), allowPrivate: true };

beforeAll(async () => {
  server = await startTestServer({
    '/article': serve('text/html; charset=utf-8', ARTICLE, { etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' }),
    '/xhtml': serve('application/xhtml+xml', '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>'),
    '/text': serve('text/plain', 'plain words'),
    '/pdf': serve('application/pdf', '%PDF-1.4\n'),
    '/image': serve('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/json': serve('application/json', '{"a":1}'),
    '/untyped-pdf': (_req, res) => {
      res.removeHeader('content-type');
      res.writeHead(200);
      res.end('%PDF-1.7\nbinary');
    },
    '/gzip': serve('text/html', zlib.gzipSync(ARTICLE), { 'content-encoding': 'gzip' }),
    '/gone': (_req, res) => res.writeHead(410).end(),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 11; i++) res.write(chunk);
      res.end();
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      res.write('a');
    },
    '/gzip-bomb': serve('text/plain', zlib.gzipSync(Buffer.alloc(12 * 1024 * 1024, 'a')), { 'content-encoding': 'gzip' }),
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'b');
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first words…');
    },
    '/silent': () => {
      // Accepts the request and never answers.
    },
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end('fresh');
    },
    '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://files.example/a.txt' }).end(),
    '/feed': serve('application/rss+xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'),
  });
  for (let i = 1; i <= 7; i++) server.route(`/hop${i}`, (_req, res) => res.writeHead(i % 2 ? 301 : 307, { location: i === 7 ? '/article' : `/hop${i + 1}` }).end());
});

afterAll(() => server.close());

describe('fetchPage with private addresses allowed', () => {
  it('reads an HTML page with its metadata and sends an honest User-Agent', async () => {
    const page = await fetchPage(server.url('/article'), options);
    expect(page.status).toBe(200);
    expect(page.kind).toBe('html');
    expect(page.contentType).toBe('text/html');
    expect(page.charset).toBe('utf-8');
    expect(page.bytes.toString('utf8')).toBe(ARTICLE);
    expect(page.etag).toBe('"v1"');
    expect(page.lastModified).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
    expect(page.finalUrl).toBe(server.url('/article'));
    const sent = server.requests.filter((r) => r.path === '/article').pop()!;
    expect(sent.headers['user-agent']).toBe('ClaimDesk/9.9.9 (fact-check workspace; captures cited sources)');
  });

  it('accepts XHTML, plain text and PDF, and recognises an untyped PDF by its bytes', async () => {
    expect((await fetchPage(server.url('/xhtml'), options)).kind).toBe('xhtml');
    expect((await fetchPage(server.url('/text'), options)).kind).toBe('text');
    expect((await fetchPage(server.url('/pdf'), options)).kind).toBe('pdf');
    expect((await fetchPage(server.url('/untyped-pdf'), options)).kind).toBe('pdf');
  });

  it('refuses other content types and says what was served', async () => {
    const image = await refusal(fetchPage(server.url('/image'), options));
    expect(image.code).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect(image.message).toBe('the address serves image/png; ClaimDesk reads HTML, XHTML, plain text or PDF here');
    expect((await refusal(fetchPage(server.url('/json'), options))).code).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect((await refusal(fetchPage(server.url('/feed'), options))).code).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect((await fetchPage(server.url('/feed'), { ...options, accept: FEED_KINDS })).kind).toBe('feed');
  });

  it('decompresses gzip bodies', async () => {
    expect((await fetchPage(server.url('/gzip'), options)).bytes.toString('utf8')).toBe(ARTICLE);
  });

  it('follows up to five redirects, recording each hop', async () => {
    const page = await fetchPage(server.url('/hop3'), options);
    expect(page.finalUrl).toBe(server.url('/article'));
    expect(page.redirects).toEqual([server.url('/hop4'), server.url('/hop5'), server.url('/hop6'), server.url('/hop7'), server.url('/article')]);
  });

  it('refuses a sixth redirect', async () => {
    const error = await refusal(fetchPage(server.url('/hop2'), options));
    expect(error.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('re-checks the scheme of every redirect', async () => {
    const error = await refusal(fetchPage(server.url('/to-ftp'), options));
    expect(error.code).toBe('UNSUPPORTED_SCHEME');
    expect(error.message).toContain('ftp');
  });

  it('refuses bodies over the size cap, declared or not, compressed or not', async () => {
    expect((await refusal(fetchPage(server.url('/huge'), options))).code).toBe('TOO_LARGE');
    expect((await refusal(fetchPage(server.url('/huge-declared'), options))).code).toBe('TOO_LARGE');
    expect((await refusal(fetchPage(server.url('/gzip-bomb'), options))).code).toBe('TOO_LARGE');
    expect((await fetchPage(server.url('/huge'), { ...options, maxBytes: 12 * 1024 * 1024 })).bytes.length).toBe(11 * 1024 * 1024);
  });

  it('stops an endless response at the size cap', async () => {
    const error = await refusal(fetchPage(server.url('/endless'), { ...options, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe('the page is larger than 1 MB');
  });

  it('gives up on a response that never ends, or never starts, at the time cap', async () => {
    expect((await refusal(fetchPage(server.url('/slow'), { ...options, timeoutMs: 300 }))).code).toBe('TIMEOUT');
    expect((await refusal(fetchPage(server.url('/silent'), { ...options, timeoutMs: 300 }))).code).toBe('TIMEOUT');
  });

  it('reports HTTP errors with their status', async () => {
    const error = await refusal(fetchPage(server.url('/gone'), options));
    expect(error.code).toBe('HTTP_STATUS');
    expect(error.status).toBe(410);
  });

  it('answers a conditional request with notModified', async () => {
    const first = await fetchPage(server.url('/conditional'), options);
    const again = await fetchPage(server.url('/conditional'), { ...options, headers: { 'if-none-match': first.etag! } });
    expect(again.notModified).toBe(true);
    expect(again.bytes.length).toBe(0);
  });

  it('refuses addresses that are not http(s) or not addresses', async () => {
    expect((await refusal(fetchPage('file:///etc/passwd', options))).code).toBe('UNSUPPORTED_SCHEME');
    expect((await refusal(fetchPage('javascript:alert(1)', options))).code).toBe('UNSUPPORTED_SCHEME');
    expect((await refusal(fetchPage('not a url', options))).code).toBe('INVALID_URL');
  });
});

describe('fetchPage with private addresses refused (the default)', () => {
  const guarded: FetchOptions = { userAgent: userAgent('9.9.9') };

  it('refuses a loopback address literal without connecting', async () => {
    const before = server.requests.length;
    const error = await refusal(fetchPage(server.url('/article'), guarded));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toBe('127.0.0.1 resolves to a loopback address; ClaimDesk does not fetch from internal networks');
    expect(server.requests.length).toBe(before);
  });

  it('refuses a name that resolves to loopback, checked at connect time', async () => {
    const error = await refusal(fetchPage(server.url('/article').replace('127.0.0.1', 'localhost'), guarded));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    expect(error.message).toMatch(/^localhost \((127\.0\.0\.1|::1)\) resolves to a loopback address/);
  });

  it('refuses private, metadata and mapped literals', async () => {
    expect((await refusal(fetchPage('http://10.0.0.1/', guarded))).message).toContain('resolves to a private address');
    expect((await refusal(fetchPage('http://169.254.169.254/latest/meta-data/', guarded))).message).toContain('resolves to a cloud metadata address');
    expect((await refusal(fetchPage('http://[::ffff:127.0.0.1]/', guarded))).message).toContain('resolves to a loopback address');
    expect((await refusal(fetchPage('http://[fd00::1]/', guarded))).message).toContain('resolves to a private address');
  });
});

// The request log on a real HTTP server: one line per request with method, URL, status and time; none for health checks
// or at a level that writes nothing; every request's duration by route pattern for the metrics, logged or not.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLog, type RequestObserver } from './request-log';

async function serve(level: string, observe?: RequestObserver): Promise<{ url: string; lines: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  const app = express();
  app.use(requestLog(pino({ level }, sink), observe));
  app.get('/api/claims/:id', (_req, res) => res.json({ id: 1 }));
  app.get('/api/health', (_req, res) => res.json({ ok: true }));
  app.get('/api/claims', (_req, res) => res.json({ items: [] }));
  app.get('/api/broken', (_req, res) => res.status(500).json({ error: 'boom' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, lines, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('requestLog', () => {
  it('writes one line per request, errors at error level, and nothing for health checks', async () => {
    const server = await serve('info');
    try {
      await (await fetch(`${server.url}/api/claims?status=FLAGGED`)).text();
      await (await fetch(`${server.url}/api/health`)).text();
      await (await fetch(`${server.url}/api/broken`)).text();
      await settle();
      expect(server.lines.map((l) => [l.level, l.msg, (l.req as { url: string }).url, (l.res as { status: number }).status])).toEqual([
        [30, 'request completed', '/api/claims?status=FLAGGED', 200],
        [50, 'request errored', '/api/broken', 500],
      ]);
      expect(server.lines[0]).toMatchObject({ req: { method: 'GET', ip: '127.0.0.1' } });
      expect(typeof server.lines[0].responseTime).toBe('number');
    } finally {
      await server.close();
    }
  });

  it('at warn level writes only failures, and at silent nothing', async () => {
    for (const [level, expected] of [
      ['warn', ['request errored']],
      ['silent', []],
    ] as const) {
      const server = await serve(level);
      try {
        await (await fetch(`${server.url}/api/claims`)).text();
        await (await fetch(`${server.url}/api/broken`)).text();
        await settle();
        expect(server.lines.map((l) => l.msg)).toEqual(expected);
      } finally {
        await server.close();
      }
    }
  });

  it('hands every sent response to the observer by route pattern, health checks and a silent log included', async () => {
    const observed: Array<[string, string, number]> = [];
    const server = await serve('silent', (method, route, status, seconds) => {
      expect(seconds).toBeGreaterThan(0);
      observed.push([method, route, status]);
    });
    try {
      for (const path of ['/api/claims/7f1c', '/api/claims/9a2e', '/api/health', '/api/broken', '/api/nowhere', '/reader/1']) await (await fetch(`${server.url}${path}`)).text();
      await settle();
      expect(observed).toEqual([
        ['GET', '/api/claims/:id', 200],
        ['GET', '/api/claims/:id', 200],
        ['GET', '/api/health', 200],
        ['GET', '/api/broken', 500],
        ['GET', 'unmatched', 404],
        ['GET', 'web', 404],
      ]);
      expect(server.lines).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

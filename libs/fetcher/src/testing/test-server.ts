// A local HTTP server for tests of everything that reads the web: routes are plain handlers, the server records what it was asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError } from '../errors';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  url(path: string): string;
  /** Requests received, in order: path and headers. */
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startTestServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path: req.url ?? '/', headers: req.headers });
    open.add(res);
    res.on('close', () => open.delete(res));
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering one fixed body with a content type. */
export function serve(contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

/** The FetchError a request or fetch failed with; fails the test when it succeeded or failed otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('the request was expected to fail');
}

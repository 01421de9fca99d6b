// The floor: the API's own statements and mapping for its hot paths (ClaimsRepository.list and .write, toClaimDto) on
// one pg pool behind bare node:http: no framework, session, guards, logging, metrics or live events. What the API adds
// on top of this is what the read and write goals measure. GET /claims?articleId=…&limit=50 and PATCH /claims/:id
// {version, priority}. Env: BENCH_DATABASE_URL, BENCH_WORKSPACE_ID, BENCH_USER_ID, BENCH_POOL_SIZE.
import http from 'node:http';
import { ClaimsRepository, Database } from '@claimdesk/db';
import { listClaimsQuerySchema } from '@claimdesk/domain';
import { toClaimDto } from '../../../libs/server/src/claims/claim.mapper';

const db = new Database(process.env.BENCH_DATABASE_URL!, { max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
const claims = new ClaimsRepository();
const actor = { workspaceId: process.env.BENCH_WORKSPACE_ID!, userId: process.env.BENCH_USER_ID! };

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'GET' && url.pathname === '/claims') {
      const query = listClaimsQuerySchema.parse(Object.fromEntries(url.searchParams));
      const { rows, nextCursor } = await claims.list(db, actor.workspaceId, actor.userId, query);
      return send(res, 200, { items: rows.map((r) => toClaimDto(r)), nextCursor });
    }
    const m = /^\/claims\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (req.method === 'PATCH' && m) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { version: number; priority: number };
      const result = await claims.write(db, actor, m[1], body.version, { priority: body.priority }, 'update');
      if (result.kind === 'written') return send(res, 200, toClaimDto(result.row));
      return send(res, result.kind === 'stale' ? 409 : 404, { error: result.kind });
    }
    send(res, 404, { error: 'not found' });
  } catch (error) {
    send(res, 500, { error: String(error) });
  }
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.on('message', (m: { stop?: boolean } | null) => {
    if (m?.stop) server.close(() => db.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 2000).unref();
  });
  process.send!({ port });
});

// The floor: the same SQL as the API's hot paths through a raw pg.Pool behind bare node:http, no framework, no auth.
// GET /claims?articleId=…&limit=50 and PATCH /claims/:id {version, priority}. Env: BENCH_DATABASE_URL, BENCH_WORKSPACE_ID, BENCH_USER_ID, BENCH_POOL_SIZE.
import http from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
const workspaceId = process.env.BENCH_WORKSPACE_ID!;
const userId = process.env.BENCH_USER_ID!;

// The same columns and WHERE/ORDER BY as ClaimsRepository.list (sort = position).
const LIST = `SELECT c.id, c.workspace_id AS "workspaceId", c.article_id AS "articleId", c.revision_id AS "revisionId", c.text,
  c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.quote_exact AS "quoteExact", c.quote_prefix AS "quotePrefix", c.quote_suffix AS "quoteSuffix",
  c.paragraph, c.kind::text AS kind, c.score, c.check_worthy AS "checkWorthy", c.reasons, c.cues, c.attribution, c.numbers, c.dates, c.entities,
  c.hedged, c.attributed, c.orphaned, c.status::text AS status, c.rating, c.dismiss_reason::text AS "dismissReason", c.assignee_id AS "assigneeId",
  c.priority, c.version, c.updated_by_id AS "updatedById", c.updated_at AS "updatedAt", c.created_at AS "createdAt"
  FROM claims c JOIN articles a ON a.id = c.article_id
  WHERE c.workspace_id = $1::uuid AND a.deleted_at IS NULL AND c.article_id = $2::uuid
  ORDER BY c.article_id ASC, c.start_offset ASC, c.id ASC LIMIT $3`;

const UPDATE = `UPDATE claims SET priority = $4, version = version + 1, updated_by_id = $5, updated_at = now()
  WHERE id = $1::uuid AND workspace_id = $2::uuid AND version = $3
  RETURNING id, article_id AS "articleId", text, kind::text AS kind, status::text AS status, priority, assignee_id AS "assigneeId", version, rating, dismiss_reason::text AS "dismissReason", updated_at AS "updatedAt"`;
const AUDIT = `INSERT INTO audit_events (workspace_id, actor_id, entity, entity_id, action, before, after) VALUES ($1::uuid, $2::uuid, 'claim', $3, 'update', $4::jsonb, $5::jsonb)`;

/** A row of LIST as pg returns it (jsonb parsed, timestamps as Date). */
interface ClaimRow {
  id: string;
  workspaceId: string;
  articleId: string;
  revisionId: string;
  text: string;
  startOffset: number;
  endOffset: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  paragraph: number;
  kind: string;
  score: number;
  checkWorthy: boolean;
  reasons: string[] | null;
  cues: unknown[] | null;
  attribution: string | null;
  numbers: unknown[] | null;
  dates: unknown[] | null;
  entities: unknown[] | null;
  hedged: boolean;
  attributed: boolean;
  orphaned: boolean;
  status: string;
  rating: string | null;
  dismissReason: string | null;
  assigneeId: string | null;
  priority: number;
  version: number;
  updatedById: string | null;
  updatedAt: Date;
  createdAt: Date;
}

function dto(r: ClaimRow) {
  return {
    id: r.id,
    articleId: r.articleId,
    revisionId: r.revisionId,
    text: r.text,
    start: r.startOffset,
    end: r.endOffset,
    selector: { exact: r.quoteExact, prefix: r.quotePrefix, suffix: r.quoteSuffix },
    paragraph: r.paragraph,
    kind: r.kind,
    score: r.score,
    checkWorthy: r.checkWorthy,
    reasons: r.reasons ?? [],
    cues: r.cues ?? [],
    attribution: r.attribution,
    numbers: r.numbers ?? [],
    dates: r.dates ?? [],
    entities: r.entities ?? [],
    hedged: r.hedged,
    attributed: r.attributed,
    orphaned: r.orphaned,
    status: r.status,
    rating: r.rating,
    dismissReason: r.dismissReason,
    assigneeId: r.assigneeId,
    priority: r.priority,
    version: r.version,
    updatedBy: null,
    updatedAt: r.updatedAt,
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url!, 'http://x');
    if (req.method === 'GET' && url.pathname === '/claims') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const { rows } = await pool.query<ClaimRow>(LIST, [workspaceId, url.searchParams.get('articleId'), limit + 1]);
      const page = rows.slice(0, limit);
      return send(res, 200, { items: page.map(dto), nextCursor: rows.length > limit ? 'next' : null });
    }
    const m = /^\/claims\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (req.method === 'PATCH' && m) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(UPDATE, [m[1], workspaceId, body.version, body.priority, userId]);
        if (rows.length !== 1) {
          const current = await client.query('SELECT version FROM claims WHERE id = $1::uuid AND workspace_id = $2::uuid', [m[1], workspaceId]);
          await client.query('ROLLBACK');
          return send(res, 409, { error: 'stale version', current: current.rows[0] ?? null });
        }
        await client.query(AUDIT, [workspaceId, userId, m[1], JSON.stringify({ version: body.version }), JSON.stringify({ version: rows[0].version, priority: body.priority })]);
        await client.query('COMMIT');
        return send(res, 200, rows[0]);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
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
    if (m?.stop) server.close(() => pool.end().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 2000).unref();
  });
  process.send!({ port });
});

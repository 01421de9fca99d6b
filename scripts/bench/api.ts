// API reads, writes and import against their floors (raw pg behind bare node:http), same database, same run.
import type { Request as AutocannonRequest } from 'autocannon';
import {
  buildArticle,
  createWorkspaceSession,
  describeLoop,
  freshDatabase,
  importArticle,
  loadAverage,
  load,
  log,
  loopStats,
  round,
  settle,
  startServer,
  timeFetch,
  type BenchDatabase,
  type Measure,
  type SectionResult,
  type Server,
  type Session,
} from './common';

export interface ApiContext {
  db: BenchDatabase;
  api: Server;
  session: Session;
  articleId: string;
  claims: ClaimVersion[];
  close(): Promise<void>;
}

export const CONNECTIONS = 64;

/** The parts of the API's JSON bodies the bench reads. */
export interface ClaimVersion {
  id: string;
  version: number;
}
interface ImportBody {
  article: { id: string };
  claims?: { detected?: number };
}
interface ClaimListBody {
  items: ClaimVersion[];
}
/** What a PATCH answers: the claim (200) or, on a stale version, the current one (409). */
interface PatchBody {
  version: number;
  current?: { version?: number } | null;
}
/** autocannon's per-connection context: the claim the request in flight has checked out. */
interface WriteContext {
  claim?: ClaimVersion;
}

export function durations(): { warm: number; run: number } {
  const run = Number(process.env.BENCH_SECONDS ?? 10);
  return { warm: Math.max(2, Math.round(run / 3)), run };
}

export async function apiContext(): Promise<ApiContext> {
  const db = await freshDatabase('api');
  let api: Server | null = null;
  try {
    const session = await createWorkspaceSession(db.url);
    // BENCH_CPU_PROF_DIR: a CPU profile of the API process and of each of its worker threads, written when it stops.
    const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
    api = await startServer('api', { BENCH_DATABASE_URL: db.url }, profile);
    // An article with well over 64 claims, imported through the API as a user would.
    const imported = await timeFetch<ImportBody>(`${api.url}/api/articles`, {
      method: 'POST',
      headers: headers(session, true),
      body: JSON.stringify({ format: 'text', title: 'Bench article', content: buildArticle(60_000, 1) }),
    });
    if (imported.status >= 300) throw new Error(`import for the read benchmark failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`);
    const articleId = imported.body.article.id;
    const list = await timeFetch<ClaimListBody>(`${api.url}/api/claims?articleId=${articleId}&limit=500`, { headers: headers(session) });
    if (list.status !== 200) throw new Error(`listing claims failed: ${list.status} ${JSON.stringify(list.body).slice(0, 300)}`);
    const claims = list.body.items.map((c) => ({ id: c.id, version: c.version }));
    log(`api context: article ${articleId} with ${claims.length} claims; API idle after ${round(await settle(api), 1)} s`);
    if (claims.length < 2 * CONNECTIONS + 20) throw new Error(`the bench article has only ${claims.length} claims, need ≥ ${2 * CONNECTIONS + 20}`);
    const server = api;
    return {
      db,
      api: server,
      session,
      articleId,
      claims,
      async close() {
        await server.stop();
        await db.remove();
      },
    };
  } catch (error) {
    await api?.stop();
    await db.remove();
    throw error;
  }
}

export function headers(session: Session, write = false): Record<string, string> {
  const h: Record<string, string> = { cookie: session.cookie };
  if (write) {
    h['x-csrf-token'] = session.csrf;
    h['content-type'] = 'application/json';
  }
  return h;
}

export function floorEnv(ctx: Pick<ApiContext, 'db' | 'session'>) {
  return { BENCH_DATABASE_URL: ctx.db.url, BENCH_WORKSPACE_ID: ctx.session.workspaceId, BENCH_USER_ID: ctx.session.userId, BENCH_POOL_SIZE: '10' };
}

export function compare(section: string, label: string, app: Awaited<ReturnType<typeof load>>, floor: Awaited<ReturnType<typeof load>>, extraNote = ''): Measure[] {
  const ratio = app.rps / floor.rps;
  const p99Ratio = app.p99 / Math.max(floor.p99, 1);
  return [
    {
      section,
      name: `${label}: requests/s (2xx)`,
      value: round(app.rps, 0),
      unit: 'req/s',
      baseline: round(floor.rps, 0),
      ratio: round(ratio),
      goal: '≥ 0.5× floor',
      met: ratio >= 0.5,
      note: extraNote,
    },
    { section, name: `${label}: p99 latency`, value: app.p99, unit: 'ms', baseline: floor.p99, ratio: round(p99Ratio), goal: '≤ 2× floor p99', met: p99Ratio <= 2 },
  ];
}

export async function benchReads(ctx: ApiContext): Promise<SectionResult> {
  const { warm, run } = durations();
  const path = `/claims?articleId=${ctx.articleId}&limit=50`;
  const floor = await startServer('floor', floorEnv(ctx));
  try {
    const check = await timeFetch<ClaimListBody>(floor.url + path);
    const app1 = await timeFetch(`${ctx.api.url}/api${path}`, { headers: headers(ctx.session) });
    log(`reads: app response ${JSON.stringify(app1.body).length} bytes, floor ${JSON.stringify(check.body).length} bytes, ${check.body.items.length} items`);
    log('reads: floor');
    const floorRun = await load({ url: floor.url, path, connections: CONNECTIONS, warmup: warm, duration: run });
    log(`reads: floor ${round(floorRun.rps, 0)} rps p99 ${floorRun.p99} ms`);
    log('reads: API');
    const appRun = await load({
      url: ctx.api.url,
      path: `/api${path}`,
      connections: CONNECTIONS,
      warmup: warm,
      duration: run,
      headers: headers(ctx.session),
      onMeasuring: () => loopStats(ctx.api, 'reset'),
    });
    const loop = await loopStats(ctx.api, 'read');
    log(`reads: API ${round(appRun.rps, 0)} rps p99 ${appRun.p99} ms ${JSON.stringify(appRun.status)}; ${describeLoop(loop)}`);
    const measures = compare('reads', 'GET claims of an article (50)', appRun, floorRun, appRun.non2xx ? `${appRun.non2xx} non-2xx` : '');
    return {
      measures,
      details: [
        `${CONNECTIONS} connections, ${warm} s of warm-up then ${run} s measured on the same connections (requests sent after the warm-up), autocannon in the bench process, servers in child processes, one embedded PostgreSQL.`,
        `Floor: the API's own statement and mapping (ClaimsRepository.list, toClaimDto) on a pool of 10 behind node:http: the same rows and the same JSON, with no framework, session, guards, logging, metrics or live events.`,
        `The API process during its run (perf_hooks, sampled every 10 ms): ${describeLoop(loop)}.`,
        '',
        '| | req/s | p50 ms | p99 ms | requests | non-2xx |',
        '|---|---:|---:|---:|---:|---:|',
        `| API | ${round(appRun.rps, 0)} | ${appRun.p50} | ${appRun.p99} | ${appRun.requests} | ${appRun.non2xx} |`,
        `| floor | ${round(floorRun.rps, 0)} | ${floorRun.p50} | ${floorRun.p99} | ${floorRun.requests} | ${floorRun.non2xx} |`,
      ].join('\n'),
    };
  } finally {
    await floor.stop();
  }
}

/**
 * Writes spread over many claims: each request checks a claim out of a free list (so no two requests in flight touch
 * the same claim), sends the version last seen, and returns it with the new version. No stale writes by construction.
 */
export function writeRequests(claims: ClaimVersion[], prefix: string, hdrs: Record<string, string>): AutocannonRequest[] {
  const free = [...claims];
  let priority = 0;
  return [
    {
      method: 'PATCH',
      headers: hdrs,
      setupRequest(req: AutocannonRequest, context: WriteContext) {
        const claim = free.shift()!;
        context.claim = claim;
        priority = (priority + 1) % 4;
        return { ...req, path: `${prefix}/claims/${claim.id}`, body: JSON.stringify({ version: claim.version, priority }) };
      },
      onResponse(status: number, body: string, context: WriteContext) {
        const claim = context.claim;
        if (!claim) return;
        try {
          const parsed = JSON.parse(body) as PatchBody;
          if (status < 300) claim.version = parsed.version;
          else if (status === 409) claim.version = parsed?.current?.version ?? claim.version;
        } catch {
          /* keep the version */
        }
        free.push(claim);
      },
    },
  ];
}

async function currentVersions(ctx: ApiContext): Promise<ClaimVersion[]> {
  const list = await timeFetch<ClaimListBody>(`${ctx.api.url}/api/claims?articleId=${ctx.articleId}&limit=500`, { headers: headers(ctx.session) });
  return list.body.items.map((c) => ({ id: c.id, version: c.version }));
}

export async function benchWrites(ctx: ApiContext): Promise<SectionResult> {
  const { warm, run } = durations();
  const floor = await startServer('floor', floorEnv(ctx));
  try {
    const appHeaders = { ...headers(ctx.session, true) };
    const floorHeaders = { 'content-type': 'application/json' };
    // Separate claims for floor and API so each starts from versions it knows.
    let claims = await currentVersions(ctx);
    const floorClaims = claims.slice(0, Math.floor(claims.length / 2));
    log('writes: floor');
    const floorRun = await load({ url: floor.url, connections: CONNECTIONS, warmup: warm, duration: run, requests: writeRequests(floorClaims, '', floorHeaders) });
    log(`writes: floor ${round(floorRun.rps, 0)} rps p99 ${floorRun.p99} ms ${JSON.stringify(floorRun.status)}`);
    claims = await currentVersions(ctx);
    const appClaims = claims.slice(Math.floor(claims.length / 2));
    log('writes: API');
    const appRun = await load({
      url: ctx.api.url,
      connections: CONNECTIONS,
      warmup: warm,
      duration: run,
      requests: writeRequests(appClaims, '/api', appHeaders),
      onMeasuring: () => loopStats(ctx.api, 'reset'),
    });
    const loop = await loopStats(ctx.api, 'read');
    log(`writes: API ${round(appRun.rps, 0)} rps p99 ${appRun.p99} ms ${JSON.stringify(appRun.status)}; ${describeLoop(loop)}`);
    const conflictRate = appRun.requests ? (appRun.status['4xx'] ?? 0) / appRun.requests : 0;
    const measures = compare('writes', 'PATCH a claim (version + audit)', appRun, floorRun, `4xx rate ${round(conflictRate * 100, 1)} %`);
    return {
      measures,
      details: [
        `${CONNECTIONS} connections; writes spread over ~190 claims per side, a request takes a claim no other request has in flight and sends the version it last saw (no stale writes by construction; any 4xx are counted and excluded from throughput). ${warm} s of warm-up then ${run} s measured on the same connections (requests sent after the warm-up).`,
        `Floor: the API's own single statement (ClaimsRepository.write: row lock, version check, change and audit event) and mapping (toClaimDto) on a pool of 10 behind node:http, with no framework, session, guards, logging, metrics or live events.`,
        `The API process during its run (perf_hooks, sampled every 10 ms): ${describeLoop(loop)}.`,
        '',
        '| | req/s (2xx) | p50 ms | p99 ms | requests | status |',
        '|---|---:|---:|---:|---:|---|',
        `| API | ${round(appRun.rps, 0)} | ${appRun.p50} | ${appRun.p99} | ${appRun.requests} | ${JSON.stringify(appRun.status)} |`,
        `| floor | ${round(floorRun.rps, 0)} | ${floorRun.p50} | ${floorRun.p99} | ${floorRun.requests} | ${JSON.stringify(floorRun.status)} |`,
      ].join('\n'),
    };
  } finally {
    await floor.stop();
  }
}

export async function benchImport(ctx: ApiContext): Promise<SectionResult> {
  const runs: Array<{ acceptMs: number; visibleMs: number; status: number }> = [];
  let claims = 0;
  let bytes = 0;
  // Warm-up: a small import (answered in the request) and a large one (a job) so the extraction model, the parsing
  // workers and the job loop are loaded.
  await importArticle(ctx.api.url, ctx.session, { title: 'warm', content: buildArticle(20_000, 999) });
  await importArticle(ctx.api.url, ctx.session, { title: 'warm job', content: buildArticle(200_000, 998) });
  for (let i = 0; i < 3; i++) {
    const content = buildArticle(1_000_000, 10_000 * (i + 1), { joined: true });
    bytes = Buffer.byteLength(content);
    const r = await importArticle(ctx.api.url, ctx.session, { title: `Big ${i}`, content });
    claims = r.claims;
    runs.push(r);
    log(`import: ${bytes} bytes answered ${r.status} in ${round(r.acceptMs, 0)} ms, ${r.claims} claims listed after ${round(r.visibleMs, 0)} ms (load ${loadAverage()})`);
  }
  const accept = runs.map((r) => r.acceptMs).sort((a, b) => a - b);
  const visible = runs.map((r) => r.visibleMs).sort((a, b) => a - b);
  return {
    measures: [
      {
        section: 'import',
        name: 'POST /api/articles, 1 MB text: answered (202 with a job), median of 3',
        value: round(accept[1], 0),
        unit: 'ms',
        goal: '< 300 ms',
        met: accept[1] < 300,
        note: `worst ${round(accept[2], 0)} ms`,
      },
      {
        section: 'import',
        name: 'POST /api/articles, 1 MB text: claims listed, median of 3',
        value: round(visible[1] / 1000),
        unit: 's',
        goal: '< 3 s',
        met: visible[1] < 3000,
        note: `worst ${round(visible[2] / 1000)} s`,
      },
    ],
    details: [
      `Article: ${bytes} bytes built from the sample article's sentences with numbered variations, each paragraph's four sentences joined into one (a 1 MB article of short sentences has about 9,800 claims, over the 5,000 an article may have), ${claims} claims detected. Load average at the end: ${loadAverage()}.`,
      `Answered: from sending the POST to its 202 (${runs.map((r) => round(r.acceptMs, 0)).join(' ms, ')} ms). Claims listed: from sending the POST until the job is completed (GET /api/jobs/:id every 25 ms) and GET /api/claims?articleId=… lists the claims (${runs.map((r) => round(r.visibleMs / 1000)).join(' s, ')} s): parsing and extraction in the worker threads, inserts and commit in one transaction, the job loop's pick-up.`,
    ].join('\n'),
  };
}

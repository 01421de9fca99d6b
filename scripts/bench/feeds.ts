// 100 feeds in a minute: a local site serves 100 RSS feeds and their article pages, the API is subscribed to all of them,
// and the `feeds-due` schedule polls them, in the API's own process (as `claimdesk serve` runs by default) or in a worker. While the
// polls run, API reads and writes are loaded side by side with the floor (half the connections each, so both see the
// same background work), and their p99 is compared.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { CONNECTIONS, compare, durations, floorEnv, headers, writeRequests, type ClaimVersion } from './api';
import {
  buildArticle,
  createWorkspaceSession,
  describeLoop,
  freshDatabase,
  load,
  log,
  loopStats,
  round,
  startServer,
  timeFetch,
  type LoadResult,
  type Measure,
  type SectionResult,
  type Server,
} from './common';

interface FeedBody {
  id: string;
  lastPolledAt: string | null;
  lastError: string | null;
  itemsImported: number;
}

/** The newsroom sites: `/feeds/<i>.xml` lists `/articles/<i>/<k>`; it notes when the first feed was asked for. */
async function startSite(feeds: number, items: number) {
  let firstFeedRequest: number | null = null;
  let feedRequests = 0;
  let pageRequests = 0;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const feed = /^\/feeds\/(\d+)\.xml$/.exec(path);
    if (feed) {
      firstFeedRequest ??= Date.now();
      feedRequests++;
      const i = Number(feed[1]);
      const list = Array.from({ length: items }, (_, k) => `<item><title>Story ${i}-${k}</title><link>${base()}/articles/${i}/${k}</link><guid>feed-${i}-item-${k}</guid></item>`).join('');
      return res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Desk ${i}</title><link>${base()}/</link>${list}</channel></rss>`);
    }
    const article = /^\/articles\/(\d+)\/(\d+)$/.exec(path);
    if (article) {
      pageRequests++;
      const [i, k] = [Number(article[1]), Number(article[2])];
      const body = buildArticle(1500, i * 100 + k + 1)
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('');
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!DOCTYPE html><html><head><title>Story ${i}-${k}</title></head><body><article><h1>Story ${i}-${k}</h1>${body}</article></body></html>`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    stats: () => ({ firstFeedRequest, feedRequests, pageRequests }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

type Layout = 'serve' | 'worker';

const LAYOUTS: Record<Layout, string> = {
  serve: 'polls in the API process (`claimdesk serve`, the default)',
  worker: 'polls in a worker process (API with `CLAIMDESK_WORKERS=0`, a worker beside it)',
};

/** Seconds each load window runs on its new connections before it measures. */
const SETTLE_SECONDS = 2;

/** Both layouts, each on a database of its own: the one-command setup, and API processes that leave jobs to a worker. */
export async function benchFeeds(): Promise<SectionResult> {
  const measures: Measure[] = [];
  const details: string[] = [];
  // BENCH_FEED_LAYOUTS=serve (or worker) runs one layout only, for profiling.
  const layouts = (process.env.BENCH_FEED_LAYOUTS?.split(',') ?? Object.keys(LAYOUTS)) as Layout[];
  for (const layout of layouts) {
    log(`feeds: layout ${layout}`);
    const result = await benchLayout(layout);
    measures.push(...result.measures);
    details.push(`### ${LAYOUTS[layout]}`, '', result.details!, '');
  }
  return { measures, details: details.join('\n').trim() };
}

async function benchLayout(layout: Layout): Promise<SectionResult> {
  const feeds = Number(process.env.BENCH_FEEDS ?? 100);
  const items = Number(process.env.BENCH_FEED_ITEMS ?? 2);
  const { warm, run } = durations();
  const half = CONNECTIONS / 2;
  const db = await freshDatabase('feeds');
  const site = await startSite(feeds, items);
  let api: Server | null = null;
  let worker: Server | null = null;
  let floor: Server | null = null;
  try {
    const session = await createWorkspaceSession(db.url, 'feeds');
    const jobs = { BENCH_DATABASE_URL: db.url, CLAIMDESK_FETCH_ALLOW_PRIVATE: '1', CLAIMDESK_WORKERS: '1', CLAIMDESK_SCHEDULES: '1' };
    // BENCH_CPU_PROF_DIR: the API process (and its worker threads) write V8 CPU profiles there when they stop.
    const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
    api = await startServer('api', layout === 'serve' ? jobs : { ...jobs, CLAIMDESK_WORKERS: '0' }, profile);
    if (layout === 'worker') worker = await startServer('worker', jobs);
    floor = await startServer('floor', floorEnv({ db, session }));
    const imported = await timeFetch<{ article: { id: string } }>(`${api.url}/api/articles`, {
      method: 'POST',
      headers: headers(session, true),
      body: JSON.stringify({ format: 'text', title: 'Bench article', content: buildArticle(60_000, 1) }),
    });
    if (imported.status >= 300) throw new Error(`import for the feed benchmark failed: ${imported.status}`);
    const articleId = imported.body.article.id;
    const path = `/claims?articleId=${articleId}&limit=50`;
    const claims = (await timeFetch<{ items: ClaimVersion[] }>(`${api.url}/api/claims?articleId=${articleId}&limit=500`, { headers: headers(session) })).body.items.map((c) => ({
      id: c.id,
      version: c.version,
    }));
    if (claims.length < 2 * half + 20) throw new Error(`the bench article has only ${claims.length} claims`);
    const floorClaims = claims.slice(0, Math.floor(claims.length / 2));
    const apiClaims = claims.slice(Math.floor(claims.length / 2));

    log('feeds: warm-up (API and floor reads side by side)');
    await Promise.all([load({ url: api.url, path: `/api${path}`, connections: half, duration: warm, headers: headers(session) }), load({ url: floor.url, path, connections: half, duration: warm })]);

    log(`feeds: subscribing ${feeds} feeds of ${items} items`);
    for (let i = 0; i < feeds; i++) {
      const created = await timeFetch(`${api.url}/api/feeds`, { method: 'POST', headers: headers(session, true), body: JSON.stringify({ url: `${site.base()}/feeds/${i}.xml`, intervalMinutes: 60 }) });
      if (created.status !== 201) throw new Error(`subscribing feed ${i} failed: ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
    }
    const subscribed = Date.now();
    log("feeds: waiting for the schedule's next tick (pg-boss cron, every minute)");
    const firstPoll = await until('the first scheduled poll', 150, async () => site.stats().firstFeedRequest);
    const tickWait = (firstPoll - subscribed) / 1000;
    const loadAtStart = loadavg();

    // Each window opens its connections and lets them settle for SETTLE_SECONDS before it measures (see `load`).
    const readsStart = Date.now() + SETTLE_SECONDS * 1000;
    const [appReads, floorReads]: LoadResult[] = await Promise.all([
      load({ url: api.url, path: `/api${path}`, connections: half, warmup: SETTLE_SECONDS, duration: run, headers: headers(session), onMeasuring: () => api && loopStats(api, 'reset') }),
      load({ url: floor.url, path, connections: half, warmup: SETTLE_SECONDS, duration: run }),
    ]);
    log(`feeds: reads API p99 ${appReads.p99} ms, floor p99 ${floorReads.p99} ms; ${site.stats().feedRequests} feed requests so far`);
    const writesStart = Date.now() + SETTLE_SECONDS * 1000;
    const [appWrites, floorWrites]: LoadResult[] = await Promise.all([
      load({ url: api.url, connections: half, warmup: SETTLE_SECONDS, duration: run, requests: writeRequests(apiClaims, '/api', headers(session, true)) }),
      load({ url: floor.url, connections: half, warmup: SETTLE_SECONDS, duration: run, requests: writeRequests(floorClaims, '', { 'content-type': 'application/json' }) }),
    ]);
    const writesEnd = Date.now();
    const loop = await loopStats(api, 'read');
    log(`feeds: writes API p99 ${appWrites.p99} ms, floor p99 ${floorWrites.p99} ms; API ${describeLoop(loop)}`);
    const loadAtEnd = loadavg();

    const polled = await until(`all ${feeds} feeds polled`, 180, async () => {
      const list = await timeFetch<FeedBody[]>(`${api!.url}/api/feeds`, { headers: headers(session) });
      return list.body.length === feeds && list.body.every((f) => f.lastPolledAt) ? list.body : null;
    });
    const lastPoll = Math.max(...polled.map((f) => Date.parse(f.lastPolledAt!)));
    const pollSeconds = (lastPoll - firstPoll) / 1000;
    const failed = polled.filter((f) => f.lastError);
    const importedItems = polled.reduce((n, f) => n + f.itemsImported, 0);
    const stats = site.stats();
    log(`feeds: ${feeds} feeds polled in ${round(pollSeconds, 1)} s, ${importedItems} items imported, ${failed.length} with errors`);
    const at = (t: number) => round((t - firstPoll) / 1000, 1);
    const overlap =
      lastPoll >= writesEnd
        ? 'the polls ran through both load windows'
        : lastPoll >= writesStart
          ? `the polls ended ${at(lastPoll)} s in, during the writes window`
          : `the polls ended ${at(lastPoll)} s in, before the writes window (writes were measured without polls running)`;

    const readMeasures = compare('feeds', `${layout}: GET claims of an article (50) while feeds are polled`, appReads, floorReads);
    const writeMeasures = compare('feeds', `${layout}: PATCH a claim while feeds are polled`, appWrites, floorWrites);
    return {
      measures: [
        {
          section: 'feeds',
          name: `${layout}: ${feeds} feeds (${items} new items each) polled by the schedule`,
          value: round(pollSeconds, 1),
          unit: 's',
          goal: '≤ 60 s',
          met: pollSeconds <= 60 && failed.length === 0 && importedItems === feeds * items,
          note: `${importedItems} of ${feeds * items} items imported${failed.length ? `, ${failed.length} feeds failed: ${failed[0].lastError}` : ''}`,
        },
        ...readMeasures.filter((m) => m.name.endsWith('p99 latency')),
        ...writeMeasures.filter((m) => m.name.endsWith('p99 latency')),
        ...readMeasures.filter((m) => !m.name.endsWith('p99 latency')),
        ...writeMeasures.filter((m) => !m.name.endsWith('p99 latency')),
      ],
      details: [
        `A local site (in the bench process) serves ${feeds} RSS feeds of ${items} items and their article pages (about 1.5 KB of text each); ${layout === 'serve' ? 'the API runs in a child process with workers and schedules on' : 'the API runs in a child process with `CLAIMDESK_WORKERS=0`, and jobs and schedules run in a second child process (the application without HTTP, as `claimdesk worker`)'}, with \`CLAIMDESK_FETCH_ALLOW_PRIVATE=1\`; the API is subscribed to every feed through \`POST /api/feeds\`. Nobody asks for a poll: the \`feeds-due\` schedule (pg-boss cron, every minute) queued them ${round(tickWait, 1)} s after the last subscription. The time runs from the first feed request to the last feed recorded as polled (every item fetched, read and its claims detected).`,
        `From the first poll, API and floor were loaded side by side with ${half} connections each: reads measured for ${run} s from ${at(readsStart)} s, then writes (as in sections 2 and 3) for ${run} s from ${at(writesStart)} s, each window on connections opened ${SETTLE_SECONDS} s before it; ${overlap}. Requests served during the polls: ${stats.feedRequests} feeds, ${stats.pageRequests} article pages.`,
        `Machine load average (1 / 5 / 15 min) at the first poll: ${loadAtStart}; after the load windows: ${loadAtEnd} (2 cores, shared with other work).`,
        `The API process over both load windows (perf_hooks, sampled every 10 ms): ${describeLoop(loop)}.`,
        '',
        '| | req/s (2xx) | p50 ms | p99 ms | requests | status |',
        '|---|---:|---:|---:|---:|---|',
        `| API reads | ${round(appReads.rps, 0)} | ${appReads.p50} | ${appReads.p99} | ${appReads.requests} | ${JSON.stringify(appReads.status)} |`,
        `| floor reads | ${round(floorReads.rps, 0)} | ${floorReads.p50} | ${floorReads.p99} | ${floorReads.requests} | ${JSON.stringify(floorReads.status)} |`,
        `| API writes | ${round(appWrites.rps, 0)} | ${appWrites.p50} | ${appWrites.p99} | ${appWrites.requests} | ${JSON.stringify(appWrites.status)} |`,
        `| floor writes | ${round(floorWrites.rps, 0)} | ${floorWrites.p50} | ${floorWrites.p99} | ${floorWrites.requests} | ${JSON.stringify(floorWrites.status)} |`,
      ].join('\n'),
    };
  } finally {
    await api?.stop();
    await worker?.stop();
    await floor?.stop();
    await site.close();
    await db.remove();
  }
}

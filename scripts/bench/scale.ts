// Scale: a workspace of 1,000,000 seeded claims; full-text search, similar claims and filtered lists, each measured over
// sequential requests with varied parameters through the real API, plus EXPLAIN (ANALYZE, BUFFERS) of the underlying SQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { claimListSql, migrate, similarClaimsSql, startEmbeddedPostgres } from '@claimdesk/db';
import { listClaimsQuerySchema } from '@claimdesk/domain';
import { log, percentile, renewSession, round, startServer, timeFetch, type Measure, type SectionResult, type Session } from './common';
import { type QueryPlan } from './plans';
import { SEED_CLAIMS, SEED_LIBRARY, seed, seedLibrary, vocabulary } from './seed';

const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 200);
const GOAL_MS = 50;
/** Full-text search has the tighter goal of issue 15 (25 ms), matching a claim against the library 20 ms (issue 12); every list and the look-alikes, 50 ms. */
const goalOf = (name: string) => (name.startsWith('full-text search') ? 25 : name.startsWith('library matches') ? 20 : GOAL_MS);

export async function benchScale(options: { keep: boolean }): Promise<SectionResult> {
  // --keep-seed keeps the seeded database (in BENCH_SEED_DIR, or a fixed folder under the system temp directory)
  // and reuses it on the next run, applying any newer migrations to it first.
  const keptDir = process.env.BENCH_SEED_DIR ? path.resolve(process.env.BENCH_SEED_DIR) : path.join(os.tmpdir(), `claimdesk-bench-seed-${SEED_CLAIMS}`);
  const dataDir = options.keep ? keptDir : fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-scale-'));
  const infoFile = path.join(dataDir, 'bench-seed.json');
  const db = await startEmbeddedPostgres({ dataDir });
  let api: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    let session: Session;
    let seedNote: string;
    if (options.keep && fs.existsSync(infoFile)) {
      const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
      await migrate(db.url);
      session = await renewSession(db.url, info.session);
      seedNote = `reused the seeded database kept by --keep-seed (seeded in ${info.seconds.toFixed(0)} s)`;
    } else {
      await migrate(db.url);
      const r = await seed(db.url);
      session = r.session;
      seedNote = `seeded ${r.claims.toLocaleString('en-US')} claims in ${r.seconds.toFixed(0)} s`;
      fs.writeFileSync(infoFile, JSON.stringify({ session, seconds: r.seconds }));
      log(`scale: ${seedNote}`);
    }
    const library = await seedLibrary(db.url, session);
    if (library.seconds) log(`scale: seeded ${library.entries.toLocaleString('en-US')} library entries in ${library.seconds.toFixed(0)} s`);
    // BENCH_CPU_PROF_DIR: the API process writes a V8 CPU profile there when it stops.
    api = await startServer('api', { BENCH_DATABASE_URL: db.url }, process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      // A kept seed starts with the pages its last run had in PostgreSQL's buffers (autoprewarm, libs/db/src/embedded.ts),
      // read back in the background; measure once that is done, as on a server that has been running.
      const prewarm = await waitForPrewarm(pg);
      log(`scale: buffers read back by autoprewarm in ${(prewarm / 1000).toFixed(1)} s`);
      const memory = await serverMemory(pg);
      log(`scale: ${memory}`);
      const words = vocabulary().filter((w) => w.length >= 5);
      const articles = (await pg.query(`SELECT id FROM articles WHERE workspace_id = $1 ORDER BY random() LIMIT 200`, [session.workspaceId])).rows.map((r) => r.id as string);
      const claimIds = (await pg.query(`SELECT id FROM claims TABLESAMPLE SYSTEM (0.1) LIMIT 400`)).rows.map((r) => r.id as string);
      const h = { cookie: session.cookie };
      // The API builds the library's match index in a worker thread after the first request that needs it, answering
      // from the previous (here: empty) index, marked stale, until then: measure once it is built.
      const indexBuild = await waitForLibraryIndex(api.url, h, claimIds[0]);
      log(`scale: the API built its index of ${library.entries.toLocaleString('en-US')} library entries in ${(indexBuild / 1000).toFixed(1)} s`);
      const statuses = ['FLAGGED', 'IN_RESEARCH', 'DETECTED', 'IN_REVIEW,VERIFIED', 'FLAGGED,IN_RESEARCH'];
      const kinds = ['STATISTICAL', 'EVENT', 'CAUSAL', 'PREDICTION,OPINION'];
      // Every filter the claims table offers (one or two at a time, as a desk combines them), with every sort the API
      // serves across the workspace, in both directions.
      const tableFilters = [
        (i: number) => `status=${statuses[i % statuses.length]}`,
        (i: number) => `kind=${kinds[i % kinds.length]}`,
        (i: number) => `hedged=${i % 2 ? 'true' : 'false'}`,
        (i: number) => `attributed=${i % 2 ? 'true' : 'false'}`,
        (i: number) => `assigneeId=${i % 2 ? 'me' : 'none'}`,
        (i: number) => `rating=${i % 2 ? 'false' : 'mostly-true'}`,
        (i: number) => `q=${encodeURIComponent(words[(i * 7) % words.length])}`,
        (i: number) => `checkWorthy=${i % 2 ? 'true' : 'false'}`,
        (i: number) => `checkedBefore=${i % 2 ? 'true' : 'false'}`,
      ];
      const wideSorts = ['updated', 'created'];
      const wide = (i: number) => {
        const a = tableFilters[i % tableFilters.length](i);
        // A second, different filter on two requests in three.
        const b = tableFilters[((i % tableFilters.length) + 1 + ((i * 3) % (tableFilters.length - 1))) % tableFilters.length](i + 1);
        return `${a}${i % 3 ? `&${b}` : ''}&sort=${wideSorts[i % 2]}&order=${i % 4 < 2 ? 'desc' : 'asc'}`;
      };
      const inArticleSorts = ['position', 'score', 'created', 'updated', 'priority'];
      const cases: Array<{ name: string; n: number; url: (i: number) => string }> = [
        {
          name: 'full-text search GET /api/claims?q=',
          n: REQUESTS,
          url: (i) => `/api/claims?q=${encodeURIComponent(i % 2 ? `${words[(i * 31) % words.length]} ${words[(i * 17 + 5) % words.length]}` : words[(i * 13) % words.length])}`,
        },
        {
          name: `library matches GET /api/claims/:id/matches (${SEED_LIBRARY.toLocaleString('en-US')} library entries)`,
          n: REQUESTS,
          url: (i) => `/api/claims/${claimIds[i % claimIds.length]}/matches`,
        },
        { name: 'unverified look-alikes GET /api/claims/:id/look-alikes', n: REQUESTS, url: (i) => `/api/claims/${claimIds[i % claimIds.length]}/look-alikes` },
        {
          name: 'filtered list (article + status + hedged, sorted)',
          n: REQUESTS,
          url: (i) =>
            `/api/claims?articleId=${articles[i % articles.length]}&status=${statuses[i % statuses.length]}&hedged=${i % 2 ? 'true' : 'false'}&sort=${inArticleSorts[i % inArticleSorts.length]}&order=${i % 3 ? 'asc' : 'desc'}`,
        },
        {
          name: 'filtered list, whole workspace (status + hedged, sorted)',
          n: REQUESTS,
          url: (i) => `/api/claims?status=${statuses[i % statuses.length]}&hedged=${i % 2 ? 'true' : 'false'}&sort=${wideSorts[i % 2]}&order=${i % 3 ? 'asc' : 'desc'}`,
        },
        { name: 'claims table, whole workspace (every filter, one or two at a time, every served sort)', n: REQUESTS, url: (i) => `/api/claims?${wide(i)}&limit=200` },
      ];
      const measures: Measure[] = [];
      // Per kind of request (which filters, which sort) of the claims table: where its slow requests come from.
      const breakdown = new Map<string, number[]>();
      const shapeOf = (url: string) => {
        const params = new URLSearchParams(url.split('?')[1]);
        const filters = [...params.keys()].filter((k) => !['sort', 'order', 'limit'].includes(k)).sort();
        return `${filters.join(' + ')}, sort ${params.get('sort') ?? 'updated'}`;
      };
      const rows: string[] = ['| query | requests | p50 ms | p95 ms | max ms | non-200 |', '|---|---:|---:|---:|---:|---:|'];
      for (const c of cases) {
        const load = [os.loadavg()[0].toFixed(1)];
        const warmEnd = Date.now() + 15_000;
        for (let i = 0; i < 10 && Date.now() < warmEnd; i++) await timeFetch(api.url + c.url(i + 1000), { headers: h });
        const times: number[] = [];
        let bad = 0;
        let sample = '';
        // A budget of 60 s per query: a query far over its goal is measured on fewer requests (said in the note).
        const budgetEnd = Date.now() + 60_000;
        for (let i = 0; i < c.n && Date.now() < budgetEnd; i++) {
          const r = await timeFetch(api.url + c.url(i), { headers: h });
          times.push(r.ms);
          if (c.name.startsWith('claims table')) breakdown.set(shapeOf(c.url(i)), [...(breakdown.get(shapeOf(c.url(i))) ?? []), r.ms]);
          if (r.status !== 200) {
            bad++;
            sample ||= `${r.status} ${JSON.stringify(r.body).slice(0, 160)}`;
          }
        }
        const p95 = percentile(times, 95);
        log(`scale: ${c.name}: p50 ${round(percentile(times, 50), 1)} ms, p95 ${round(p95, 1)} ms${bad ? `, ${bad} non-200 (${sample})` : ''}`);
        measures.push({
          section: 'scale',
          name: `${c.name}: p95`,
          value: round(p95, 1),
          unit: 'ms',
          goal: `< ${goalOf(c.name)} ms`,
          met: bad === 0 && p95 < goalOf(c.name),
          note: `${times.length} sequential requests, varied parameters; load average ${load[0]} before, ${os.loadavg()[0].toFixed(1)} after${bad ? `; ${bad} non-200: ${sample}` : ''}`,
        });
        rows.push(`| ${c.name} | ${times.length} | ${round(percentile(times, 50), 1)} | ${round(p95, 1)} | ${round(Math.max(...times), 1)} | ${bad} |`);
      }
      const shapes = [...breakdown.entries()].map(([shape, t]) => ({ shape, n: t.length, p50: percentile(t, 50), max: Math.max(...t) })).sort((a, b) => b.max - a.max);
      const breakdownRows = [
        '| claims table: filters, sort | requests | p50 ms | max ms |',
        '|---|---:|---:|---:|',
        ...shapes.map((x) => `| ${x.shape} | ${x.n} | ${round(x.p50, 1)} | ${round(x.max, 1)} |`),
      ];
      const plans = await explainAll(pg, session, articles[0], claimIds[0], words);
      return {
        measures,
        plans,
        details: [
          `${seedNote}; ${SEED_CLAIMS.toLocaleString('en-US')} claims in ${Math.round(SEED_CLAIMS / 500).toLocaleString('en-US')} articles of one workspace, texts of 10–18 words drawn from the sample article's vocabulary plus a number and a year, and a fact-check library of ${SEED_LIBRARY.toLocaleString('en-US')} entries written the same way (matched once the API's index of them is built). The embedded server runs with ${memory} (a kept seed is measured after autoprewarm has read back the pages its last run had buffered, as on a server that has been running). Requests go one after another through the real API (session auth included) after 10 warm-up requests (at most 15 s of them); each query gets a 60 s budget, so a query far over its goal is measured on fewer requests (the count is in the table).`,
          '',
          rows.join('\n'),
          '',
          breakdownRows.join('\n'),
        ].join('\n'),
      };
    } finally {
      await pg.end();
    }
  } finally {
    await api?.stop();
    await db.stop();
    if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function explainAll(pg: Client, session: Session, articleId: string, claimId: string, words: string[]): Promise<QueryPlan[]> {
  const ws = session.workspaceId;
  const claimText = (await pg.query(`SELECT text FROM claims WHERE id = $1`, [claimId])).rows[0].text as string;
  const q = `${words[3]} ${words[40]}`;
  // The list statements are exactly what ClaimsRepository.list sends for these query strings.
  const list = (title: string, query: string) => {
    const sql = claimListSql(ws, session.userId, listClaimsQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))));
    return { title: `${title} (\`GET /api/claims?${query}\`)`, sql: sql.text, params: sql.values };
  };
  const plans: Array<{ title: string; sql: string; params: unknown[]; setup?: string }> = [
    list(`Full-text search, two words`, `q=${encodeURIComponent(q)}`),
    list(`Full-text search, one common word`, `q=${encodeURIComponent(words[3])}`),
    list(`Full-text search, a word no claim has`, `q=zyzzyva`),
    list(`Full-text search, two common words`, `q=${encodeURIComponent(`${words[31]} ${words[22]}`)}`),
    list(`Full-text search, a hyphenated word (a phrase to the planner)`, `q=${encodeURIComponent(words.find((w) => w.includes('-')) ?? words[5])}`),
    (() => {
      const sql = similarClaimsSql(ws, claimId, claimText, 8);
      return { title: 'Unverified look-alikes (ClaimsRepository.similar: candidates sharing two of the four rarest lexemes, at most 200, ranked by similarity)', sql: sql.text, params: sql.values };
    })(),
    list('Filtered list: article + status IN (FLAGGED, IN_RESEARCH) + hedged, sort = score desc', `articleId=${articleId}&status=FLAGGED,IN_RESEARCH&hedged=true&sort=score&order=desc`),
    list('Whole workspace: status = FLAGGED + hedged, newest change first', 'status=FLAGGED&hedged=true'),
    list('Whole workspace: kind + attributed, oldest first by creation', 'kind=EVENT&attributed=true&sort=created&order=asc&limit=200'),
    list('Whole workspace: one rating, newest change first', 'rating=false&limit=200'),
    list('Claims table: kind + hedged, newest change first', 'kind=STATISTICAL&hedged=true&limit=200'),
    list('Claims table: assigned to me + kind, oldest first by creation', 'assigneeId=me&kind=STATISTICAL&sort=created&order=asc&limit=200'),
    list('Claims table: a rating with a status it never has, newest first by creation (empty)', 'rating=false&status=FLAGGED&sort=created&order=desc&limit=200'),
    list('Claims table: one common word + status', `q=${encodeURIComponent(words[3])}&status=FLAGGED&limit=200`),
    list('Whole workspace: four filters that no claim matches (the bound: a whole status read)', 'status=VERIFIED&kind=EVENT&hedged=true&attributed=true'),
  ];
  const out: QueryPlan[] = [];
  for (const p of plans) {
    if (p.setup) await pg.query(p.setup);
    const { rows } = await pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${p.sql}`, p.params);
    out.push({ title: p.title, lines: rows.map((r) => r['QUERY PLAN'] as string) });
  }
  return out;
}

/** Milliseconds until the API answers a match request from an index of the current library (not stale); at most 5 minutes. */
async function waitForLibraryIndex(url: string, headers: Record<string, string>, claimId: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const r = await timeFetch<{ stale: boolean }>(`${url}/api/claims/${claimId}/matches`, { headers });
    if (r.status === 200 && r.body && !r.body.stale) return Date.now() - started;
    if (r.status !== 200) throw new Error(`GET /api/claims/:id/matches answered ${r.status} while waiting for the library index`);
    if (Date.now() - started > 300_000) throw new Error('the library index was not built within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The server's shared buffers and whether they are in huge pages: the two settings that move these numbers most (docs/data-layer.md). */
async function serverMemory(pg: Client): Promise<string> {
  const buffers = (await pg.query(`SHOW shared_buffers`)).rows[0].shared_buffers as string;
  const huge = (await pg.query(`SHOW huge_pages_status`)).rows[0].huge_pages_status as string;
  return `shared_buffers ${buffers}${process.env.CLAIMDESK_DB_SHARED_BUFFERS ? ' (CLAIMDESK_DB_SHARED_BUFFERS)' : ' (the default)'}, huge pages ${huge === 'on' ? 'in use' : 'not in use'}`;
}

/** Milliseconds until no autoprewarm worker is reading pages back into the buffers (at most 120 s). */
async function waitForPrewarm(pg: Client): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autoprewarm worker'`);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Date.now() - started;
}

// Shared pieces of the benchmark harness: a throwaway database, a workspace with a signed-in session,
// servers in child processes (so the load generator never shares an event loop with the server under test),
// autocannon runs and number formatting.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Request as AutocannonRequest } from 'autocannon';
import { MembersRepository, createPrismaClient, migrate, type Tx } from '@claimdesk/db';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { newSecret, sha256 } from '@claimdesk/server';
import { startTestDatabase } from '../../libs/db/src/testing';
import type { QueryPlan } from './plans';

export const ROOT = path.resolve(__dirname, '../..');
const REGISTER = path.join(ROOT, 'scripts/register.js');

export interface Measure {
  /** Section id (extraction, reads, …). */
  section: string;
  name: string;
  value: number | null;
  unit: string;
  baseline?: number | null;
  ratio?: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
}

export interface SectionResult {
  measures: Measure[];
  /** Markdown details written under the section in docs/benchmarks.md (how it was measured, tables). */
  details?: string;
  /** Query plans: summarised under the section, written whole to docs/benchmark-plans.md. */
  plans?: QueryPlan[];
}

export function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export function sampleText(): string {
  return SAMPLE_ARTICLE.text;
}

/** Sentences of the sample article, for building varied large articles. */
function sampleSentences(): string[] {
  return sampleText()
    .split(/\n+/)
    .flatMap((p) => p.match(/[^.!?]+[.!?]+["”’)]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 6);
}

const PLACES = ['Havana', 'Beijing', 'Moscow', 'Washington', 'Caracas', 'Santiago de Cuba', 'Miami', 'Mexico City', 'Bejucal', 'Kingston'];

/**
 * An article of about `bytes` bytes made of the sample's sentences with numbered variations
 * (numbers, years and places changed), so no two paragraphs are identical. With `joined`, each paragraph's sentences
 * are joined into one (", because"): fewer claims per byte, as in articles with long sentences.
 */
export function buildArticle(bytes: number, seed = 1, { joined = false } = {}): string {
  const sentences = sampleSentences();
  const paragraphs: string[] = [];
  let size = 0;
  let n = seed;
  while (size < bytes) {
    const para: string[] = [];
    for (let k = 0; k < 4; k++) {
      const s = sentences[(n * 7 + k * 13) % sentences.length];
      const year = 1990 + (n % 35);
      const place = PLACES[(n + k) % PLACES.length];
      const varied = s
        .replace(/\b\d[\d,.]*\b/g, (m) => String((Number(m.replace(/,/g, '')) || 1) + n))
        .replace(/\b(19|20)\d\d\b/g, String(year))
        .replace(/\b(Cuba|Havana|Beijing|Washington)\b/, place);
      para.push(joined ? varied : `${varied} (report ${n}-${k})`);
      n++;
    }
    // Joined: the paragraph's four sentences as one, so the article has a quarter of the claims per byte.
    const p = joined ? `${para.map((s, k) => (k === 0 ? s : s[0].toLowerCase() + s.slice(1)).replace(/[.!?]+["”’)]?$/, '')).join(', because ')} (report ${n}).` : para.join(' ');
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

export interface BenchDatabase {
  url: string;
  remove(): Promise<void>;
}

export async function freshDatabase(label: string): Promise<BenchDatabase> {
  const db = await startTestDatabase(`bench-${label}`);
  try {
    await migrate(db.url);
  } catch (error) {
    await db.remove();
    throw error;
  }
  return db;
}

export interface Session {
  workspaceId: string;
  userId: string;
  cookie: string;
  csrf: string;
}

/** A workspace with an admin and a session row made directly in the database (as sign-in would). */
export async function createWorkspaceSession(databaseUrl: string, label = 'bench'): Promise<Session> {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const tag = randomUUID().slice(0, 8);
    const { workspace, user } = await db.$transaction((tx: Tx) =>
      new MembersRepository().createWorkspaceWithAdmin(tx, { email: `${label}-${tag}@example.org`, name: `Bench ${tag}`, passwordHash: 'x', workspaceName: `Bench ${tag}`, slug: `${label}-${tag}` }),
    );
    return await signIn(db, workspace.id, user.id);
  } finally {
    await db.$disconnect();
  }
}

/** A new session (6 hours) for a user of a workspace seeded earlier: a kept seed's own session has expired by its next run. */
export async function renewSession(databaseUrl: string, session: Session): Promise<Session> {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    return await signIn(db, session.workspaceId, session.userId);
  } finally {
    await db.$disconnect();
  }
}

async function signIn(db: ReturnType<typeof createPrismaClient>, workspaceId: string, userId: string): Promise<Session> {
  const token = newSecret();
  const csrf = newSecret(24);
  await db.session.create({ data: { userId, workspaceId, tokenHash: sha256(token), csrfToken: csrf, expiresAt: new Date(Date.now() + 6 * 3600_000) } });
  return { workspaceId, userId, cookie: `claimdesk_session=${token}`, csrf };
}

export interface Server {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The API process's event loop over a window: its delay (ms), its garbage collection and the CPU it used. */
export interface LoopStats {
  seconds: number;
  cpuSeconds: number;
  delay: { p50: number; p99: number; max: number };
  gc: { ms: number; majorMs: number; pauses: number; longest: number };
  heapMb: number;
}

/** Starts (`reset`) or ends (`read`) a window of event-loop measures in the API server child (servers/api.ts). */
export function loopStats(server: Server, what: 'reset'): void;
export function loopStats(server: Server, what: 'read'): Promise<LoopStats>;
export function loopStats(server: Server, what: 'reset' | 'read'): void | Promise<LoopStats> {
  if (what === 'reset') {
    server.child.send({ loop: 'reset' });
    return;
  }
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (typeof m !== 'object' || m === null || !('loop' in m)) return;
      server.child.off('message', onMessage);
      resolve((m as { loop: LoopStats }).loop);
    };
    server.child.on('message', onMessage);
    server.child.send({ loop: 'read' });
  });
}

/**
 * Waits (at most `limitSeconds`) until the API process uses under a tenth of a core: after start-up and the first import
 * its second document thread is still compiling code and loading the language model (seconds of CPU on a busy
 * machine), which a load test started at once would measure as the API's cost. Answers the seconds waited.
 */
export async function settle(server: Server, limitSeconds = 60): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitSeconds * 1000) {
    loopStats(server, 'reset');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stats = await loopStats(server, 'read');
    if (stats.cpuSeconds / stats.seconds < 0.1) break;
  }
  return (Date.now() - started) / 1000;
}

/** Says what a window's loop stats mean, in one sentence. */
export function describeLoop(stats: LoopStats): string {
  return `event-loop delay p50 ${stats.delay.p50} ms, p99 ${stats.delay.p99} ms, max ${stats.delay.max} ms; garbage collection ${stats.gc.ms} ms in ${stats.gc.pauses} pauses (${stats.gc.majorMs} ms of them full collections, longest pause ${stats.gc.longest} ms, heap ${stats.heapMb} MB after); ${round(stats.cpuSeconds, 1)} s of CPU in ${round(stats.seconds, 1)} s`;
}

/** What a server child sends over IPC once: its port, or the error it failed with. */
interface ServerReady {
  port?: number;
  error?: string;
}

function isServerReady(message: unknown): message is ServerReady {
  return typeof message === 'object' && message !== null;
}

/** The Node flags bin/claimdesk.js runs with (its first line): the API and the worker run as users run them, the floor alike. */
const CLAIMDESK_NODE_FLAGS = ['--max-semi-space-size=32'];

/** Starts scripts/bench/servers/<name>.ts in a child process (with extra Node flags, such as --cpu-prof); it answers with {port} over IPC. */
export function startServer(name: 'api' | 'floor' | 'worker', env: Record<string, string>, nodeFlags: string[] = []): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'servers', `${name}.ts`), [], {
      execArgv: [...CLAIMDESK_NODE_FLAGS, ...nodeFlags, '-r', REGISTER],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const fail = (error: unknown) => reject(error instanceof Error ? error : new Error(`${name} server exited (${String(error)}) before listening`));
    child.once('error', fail);
    child.once('exit', fail);
    child.once('message', (message: unknown) => {
      child.off('exit', fail);
      const m: ServerReady = isServerReady(message) ? message : {};
      if (m.error) return reject(new Error(`${name} server: ${m.error}`));
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.send({ stop: true });
        });
      resolve({ url: `http://127.0.0.1:${m.port}`, child, stop });
    });
  });
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  status: Record<string, number>;
  requests: number;
  errors: number;
  seconds: number;
}

/**
 * autocannon on loopback; `requests` may carry setupRequest/onResponse hooks with per-connection context.
 *
 * With `warmup`, one run of `warmup + duration` seconds on the same connections, measured on the requests sent after
 * the warm-up: a steady state. A separate warm-up run would close its connections, and the measured run would open
 * `connections` new ones at once; a busy Node server admits a burst of new connections about one per turn of its event
 * loop, so the first requests of a run waited up to a second for their connection, and a server with longer turns
 * (the API) waited longer (docs/benchmarks.md, "Findings"). `onMeasuring` is called when the measured part starts.
 */
export async function load(opts: {
  url: string;
  connections: number;
  duration: number;
  warmup?: number;
  onMeasuring?: () => void;
  headers?: Record<string, string>;
  method?: string;
  requests?: AutocannonRequest[];
  path?: string;
}): Promise<LoadResult> {
  const warmup = opts.warmup ?? 0;
  // Each response: when its request was sent (ms since the run started), its latency, its status.
  const responses: Array<[number, number, number]> = [];
  const started = performance.now();
  const timer = opts.onMeasuring ? setTimeout(opts.onMeasuring, warmup * 1000) : null;
  const result = await autocannon({
    url: opts.url + (opts.path ?? ''),
    connections: opts.connections,
    duration: warmup + opts.duration,
    headers: opts.headers,
    method: opts.method ?? 'GET',
    requests: opts.requests,
    setupClient: (client) => {
      client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
        responses.push([performance.now() - started - responseTime, responseTime, statusCode]);
      });
    },
  });
  if (timer) clearTimeout(timer);
  const measured = responses.filter(([sentAt]) => sentAt >= warmup * 1000);
  const status: Record<string, number> = {};
  for (const [, , code] of measured) {
    const key = `${Math.floor(code / 100)}xx`;
    status[key] = (status[key] ?? 0) + 1;
  }
  const latencies = measured.map(([, ms]) => ms);
  const ok = status['2xx'] ?? 0;
  return {
    rps: ok / opts.duration,
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    non2xx: measured.length - ok,
    status,
    requests: measured.length,
    errors: result.errors + result.timeouts,
    seconds: opts.duration,
  };
}

/** The rows of a TSV file with a header row (the CheckThat! layout), as fields. */
export function tsvRows(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function tmpDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-bench-${label}-`));
}

/** `body` is the parsed JSON (or the text when it is not JSON); `T` is the JSON shape the caller expects. */
export async function timeFetch<T = unknown>(url: string, init?: RequestInit): Promise<{ ms: number; status: number; body: T }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { ms, status: res.status, body: body as T };
}

/** What an import through POST /api/articles took: until its answer (201, or 202 with a job), and until its claims are listed. */
export interface TimedImport {
  articleId: string;
  claims: number;
  status: number;
  acceptMs: number;
  visibleMs: number;
}

/**
 * Imports an article as a user would and times it: `acceptMs` from the POST to its answer; `visibleMs` from the POST
 * until `GET /api/claims?articleId=…` lists its claims (for a 202, after following `GET /api/jobs/:id` every 25 ms).
 */
export async function importArticle(apiUrl: string, session: Session, body: { title: string; content: string; format?: string }, timeoutMs = 120_000): Promise<TimedImport> {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
  const started = performance.now();
  const posted = await timeFetch<{ article?: { id: string }; claims?: { detected?: number }; jobId?: string }>(`${apiUrl}/api/articles`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ format: 'text', ...body }),
  });
  const acceptMs = performance.now() - started;
  if (posted.status >= 300 && posted.status !== 202) throw new Error(`import failed: ${posted.status} ${JSON.stringify(posted.body).slice(0, 300)}`);
  let articleId = posted.body.article?.id;
  let claims = posted.body.claims?.detected ?? 0;
  if (posted.status === 202) {
    const jobId = posted.body.jobId!;
    for (;;) {
      const job = await timeFetch<{ state: string; result?: { articleId: string; claims: { detected: number } }; error?: { message: string } | null }>(`${apiUrl}/api/jobs/${jobId}`, { headers });
      if (job.body.state === 'completed') {
        articleId = job.body.result!.articleId;
        claims = job.body.result!.claims.detected;
        break;
      }
      if (job.body.state === 'failed' || job.body.state === 'cancelled') throw new Error(`import job ${job.body.state}: ${job.body.error?.message ?? ''}`);
      if (performance.now() - started > timeoutMs) throw new Error(`import job still ${job.body.state} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const list = await timeFetch<{ items: unknown[] }>(`${apiUrl}/api/claims?articleId=${articleId}&sort=position&order=asc&limit=50`, { headers });
  if (list.status !== 200 || (claims > 0 && list.body.items.length === 0)) throw new Error(`claims of the imported article not listed: ${list.status}`);
  return { articleId: articleId!, claims, status: posted.status, acceptMs, visibleMs: performance.now() - started };
}

/** The machine's 1, 5 and 15 minute load averages, as `uptime` prints them (benchmarks here share the CPU). */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

// Several processes, one service: two API processes and a worker on one PostgreSQL (the first's embedded server, found by
// `claimdesk db url`). Live events, the sign-in throttle and background jobs work across them, and a worker killed with
// SIGKILL mid-import leaves no partial rows while the job completes on retry, once.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from '@claimdesk/db';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { runCli, startServer, stopAllServers, stopServer } from './run-cli';

const BIN = path.resolve(__dirname, '../../../bin/claimdesk.js');
const workers = new Set<ChildProcess>();

afterAll(() => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  stopAllServers();
});

/** `claimdesk worker`, resolved once it says it runs. */
function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    workers.add(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('worker is running')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${out}`));
    });
  });
}

async function call(url: string, method: string, body?: unknown, session?: { cookie: string; csrf: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 240_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads GET /api/events until `needle` arrives (rejects after `ms`). */
async function hear(baseUrl: string, cookie: string, start: () => Promise<string>, ms = 30_000): Promise<void> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const needle = await start();
    let received = '';
    while (!received.includes(needle)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended without ${needle}`);
      received += decoder.decode(value);
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** About 107 KB: just above the size that runs as a job. */
function largeArticle(): string {
  return Array.from({ length: 23 }, (_, i) => SAMPLE_ARTICLE.text.replace(/\d+/g, (n) => String(Number(n) + i))).join('\n\n');
}

describe('two API processes and a worker on one PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-processes-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('share live events, the sign-in throttle and jobs, and a killed worker leaves no partial rows', async () => {
    // Jobs are run by the worker alone; a job running longer than 60 s counts as lost and is retried; lost jobs are looked for every second.
    const jobs = { CLAIMDESK_WORKERS: '0', CLAIMDESK_JOB_TIMEOUT_SECONDS: '60', CLAIMDESK_JOB_MAINTENANCE_SECONDS: '1' };
    const pgPort = await freePort();
    const a = await startServer({ CLAIMDESK_DATA_DIR: dataDir, DATABASE_URL: '', CLAIMDESK_PG_PORT: String(pgPort), ...jobs });
    const dbUrl = await runCli(['db', 'url', '--data-dir', dataDir], { DATABASE_URL: '' });
    expect(dbUrl.code).toBe(0);
    const url = dbUrl.stdout.trim();
    expect(url).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${pgPort}/claimdesk$`));
    const b = await startServer({ DATABASE_URL: url, ...jobs });
    const worker = await startWorker({ DATABASE_URL: url, ...jobs });
    // Background work yields the CPU: the worker lowers its priority (nice 10), the API processes keep theirs.
    expect(os.getPriority(worker.pid)).toBe(Math.max(os.getPriority(), 10));
    expect(os.getPriority(b.child.pid)).toBe(os.getPriority());
    const pg = new PgClient({ connectionString: url });
    await pg.connect();
    try {
      const setup = await call(`${a.url}/api/setup`, 'POST', { email: 'ed@example.org', name: 'Ed', password: 'long enough pw', workspaceName: 'Desk' });
      expect(setup.status).toBe(201);
      const session = { cookie: setup.cookie!, csrf: setup.body.csrfToken };

      // 1. A change through A reaches an SSE client of B.
      await hear(b.url, session.cookie, async () => {
        const imported = await call(`${a.url}/api/articles`, 'POST', { format: 'text', content: SAMPLE_ARTICLE.text, title: 'Small' }, session);
        expect(imported.status).toBe(201);
        return `"id":"${imported.body.article.id}"`;
      });

      // 2. Sign-in failures alternating between A and B count together.
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await call(`${i % 2 ? b.url : a.url}/api/auth/login`, 'POST', { email: 'ed@example.org', password: `wrong ${i}` })).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429]);

      // 3. A large import through B runs on the worker; hold the worker mid-transaction (its rows written, waiting for
      // the audit table), kill it with SIGKILL, and check nothing of it was kept.
      // (The lock is held on a connection of its own: inside a transaction, pg_stat_activity would not change.)
      const locker = new PgClient({ connectionString: url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');
      const accepted = await call(`${b.url}/api/articles`, 'POST', { format: 'text', content: largeArticle(), title: 'Large' }, session);
      expect(accepted.status).toBe(202);
      const jobId: string = accepted.body.jobId;
      const blocked = await waitFor('the import to wait inside its transaction', async () => {
        const r = await pg.query(`SELECT pid FROM pg_stat_activity WHERE datname = 'claimdesk' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND wait_event_type = 'Lock'`);
        return r.rows[0]?.pid as number | undefined;
      });
      expect((await pg.query(`SELECT count(*)::int AS n FROM articles WHERE title = 'Large'`)).rows[0].n).toBe(0); // not visible: uncommitted
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));
      await locker.query('ROLLBACK');
      await locker.end();
      // The dead worker's connection ends without a commit.
      await waitFor('the killed worker’s transaction to end', async () => (await pg.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [blocked])).rowCount === 0);
      const counts = async () =>
        (
          await pg.query(
            `SELECT
            (SELECT count(*)::int FROM articles WHERE title = 'Large') AS articles,
            (SELECT count(*)::int FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.title = 'Large') AS revisions,
            (SELECT count(*)::int FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.title = 'Large') AS claims,
            (SELECT count(*)::int FROM job_results WHERE job_id = $1) AS results`,
            [jobId],
          )
        ).rows[0];
      expect(await counts()).toEqual({ articles: 0, revisions: 0, claims: 0, results: 0 });
      const meanwhile = await call(`${a.url}/api/jobs/${jobId}`, 'GET', undefined, session);
      expect(meanwhile.status).toBe(200);
      expect(meanwhile.body.state).not.toBe('completed');

      // 4. A new worker takes the job once it is found lost, and it completes exactly once.
      const second = await startWorker({ DATABASE_URL: url, ...jobs });
      try {
        const done = await waitFor('the job to complete on retry', async () => {
          const job = await call(`${a.url}/api/jobs/${jobId}`, 'GET', undefined, session);
          return job.body?.state === 'completed' || job.body?.state === 'failed' ? job.body : null;
        });
        expect(done.state).toBe('completed');
        expect(done.attempts).toBeGreaterThanOrEqual(2);
        const after = await counts();
        expect(after).toEqual({ articles: 1, revisions: 1, claims: done.result.claims.detected, results: 1 });
        expect(after.claims).toBeGreaterThan(100);
      } finally {
        second.kill('SIGTERM');
        await new Promise((r) => second.once('exit', r));
      }
    } finally {
      await pg.end().catch(() => undefined);
      await stopServer(b.child);
      await stopServer(a.child);
    }
  }, 600_000);
});

// Crash safety and backups: a server killed with SIGKILL mid-transaction (PostgreSQL included) leaves no partial rows,
// and a workspace survives a backup and a restore with its published report byte-identical and its audit history intact.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from '@claimdesk/db';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { createMigratedDatabase } from '@claimdesk/db';
import { runCli, startServer, stopAllServers, stopServer } from './run-cli';

afterAll(() => stopAllServers());

const SAMPLE = SAMPLE_ARTICLE.text;

async function json(url: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(url, { ...init, headers });
  return { status: res.status, body: await res.json().catch(() => null), cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

function bigArticle(): string {
  const paragraphs = SAMPLE.split('\n').filter((p) => p.trim());
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < 2_000_000; i++) {
    const p = `${paragraphs[i % paragraphs.length]} (Item ${i}: ${i * 7} tonnes in ${1990 + (i % 30)}.)`;
    out.push(p);
    length += p.length + 2;
  }
  return out.join('\n\n');
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 150_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('crash safety', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-crash-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no partial article, claims or report after SIGKILL of the server and its PostgreSQL mid-transaction', async () => {
    const pgPort = await freePort();
    const env = { CLAIMDESK_DATA_DIR: dataDir, DATABASE_URL: '', CLAIMDESK_PG_PORT: String(pgPort) };
    const password = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')).password;
    const first = await startServer(env, { detached: true });
    const setup = await json(`${first.url}/api/setup`, { method: 'POST', body: JSON.stringify({ email: 'ed@example.org', name: 'Ed', password: 'long enough pw', workspaceName: 'Crash' }) });
    const session = { cookie: setup.cookie!, csrf: setup.body.csrfToken };
    const pg = new PgClient({ connectionString: `postgresql://postgres:${encodeURIComponent(password())}@127.0.0.1:${pgPort}/claimdesk` });
    pg.on('error', () => undefined); // the server is killed under it on purpose
    await pg.connect();

    // 1. Import: kill while the claims are being inserted.
    void json(`${first.url}/api/articles`, { method: 'POST', body: JSON.stringify({ title: 'Huge', format: 'text', content: bigArticle() }), ...session }).catch(() => null);
    await waitFor('the import transaction', async () => {
      // An open transaction that has written (the article row, then its claims): the import is mid-way.
      const r = await pg.query(`SELECT 1 FROM pg_stat_activity WHERE datname = 'claimdesk' AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`);
      return r.rowCount ? true : null;
    });
    await pg.end().catch(() => undefined);
    await stopServer(first.child, 'SIGKILL', { group: true });

    const second = await startServer(env, { detached: true });
    const pg2 = new PgClient({ connectionString: `postgresql://postgres:${encodeURIComponent(password())}@127.0.0.1:${pgPort}/claimdesk` });
    pg2.on('error', () => undefined);
    await pg2.connect();
    try {
      expect((await pg2.query(`SELECT count(*)::int AS n FROM articles`)).rows[0].n).toBe(0);
      expect((await pg2.query(`SELECT count(*)::int AS n FROM claims`)).rows[0].n).toBe(0);
      expect((await pg2.query(`SELECT count(*)::int AS n FROM article_revisions`)).rows[0].n).toBe(0);

      // 2. Publishing: many approved verdicts make rendering take a while; kill while the publish lock is held.
      const login = await json(`${second.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'ed@example.org', password: 'long enough pw' }) });
      const s2 = { cookie: login.cookie!, csrf: login.body.csrfToken };
      const imported = await json(`${second.url}/api/articles`, {
        method: 'POST',
        body: JSON.stringify({ title: 'Sample', format: 'text', content: SAMPLE.repeat(20).replace(/\n/g, '\n\n') }),
        ...s2,
      });
      expect(imported.status).toBe(201);
      const articleId = imported.body.article.id;
      await pg2.query(
        `INSERT INTO verdicts (id, workspace_id, claim_id, rating_key, rationale, correction, state, author_id, decided_at, decided_by_id)
        SELECT gen_random_uuid(), c.workspace_id, c.id, 'false', repeat('Because the record says otherwise. ', 20), 'Corrected wording.', 'APPROVED', a.created_by_id, now(), a.created_by_id
        FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.article_id = $1`,
        [articleId],
      );
      void json(`${second.url}/api/articles/${articleId}/reports`, { method: 'POST', ...s2 }).catch(() => null);
      await waitFor('the publish transaction', async () => {
        const r = await pg2.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 727274503::oid`);
        return r.rowCount ? true : null;
      });
      await pg2.end().catch(() => undefined);
      await stopServer(second.child, 'SIGKILL', { group: true });

      const third = await startServer(env);
      const pg3 = new PgClient({ connectionString: `postgresql://postgres:${encodeURIComponent(password())}@127.0.0.1:${pgPort}/claimdesk` });
      await pg3.connect();
      try {
        expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
        expect((await pg3.query(`SELECT count(*)::int AS n FROM reports`)).rows[0].n).toBe(0);
        expect((await pg3.query(`SELECT count(*)::int AS n FROM report_files`)).rows[0].n).toBe(0);
        expect((await pg3.query(`SELECT count(*)::int AS n FROM articles`)).rows[0].n).toBe(1);
      } finally {
        await pg3.end();
        await stopServer(third.child);
      }
    } finally {
      await pg2.end().catch(() => undefined);
    }
  }, 420_000);
});

describe('backup and restore', () => {
  it('round-trips a workspace: published report byte-identical, audit history intact', async () => {
    const source = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!);
    const target = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-')), 'newsroom.jsonl.gz');
    try {
      await runCli(['user', 'create', '--email', 'chief@example.org', '--role', 'admin', '--workspace', 'planet'], { DATABASE_URL: source, CLAIMDESK_PASSWORD: 'long enough pw' });
      await runCli(['user', 'create', '--email', 'checker@example.org', '--role', 'fact_checker'], { DATABASE_URL: source, CLAIMDESK_PASSWORD: 'long enough pw' });
      const server = await startServer({ DATABASE_URL: source });
      let reportUrl = '';
      let original: Buffer;
      try {
        const login = async (email: string) => {
          const r = await json(`${server.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email, password: 'long enough pw' }) });
          return { cookie: r.cookie!, csrf: r.body.csrfToken };
        };
        const chief = await login('chief@example.org');
        const checker = await login('checker@example.org');
        const imported = await json(`${server.url}/api/articles`, { method: 'POST', body: JSON.stringify({ title: 'Havana', format: 'text', content: SAMPLE }), ...checker });
        const claims = await json(`${server.url}/api/claims?articleId=${imported.body.article.id}&limit=500`, { ...checker });
        const castro = claims.body.items.find((c: { text: string }) => c.text.includes('Fidel Castro in November 2022'));
        await json(`${server.url}/api/claims/${castro.id}/transition`, { method: 'POST', body: JSON.stringify({ version: castro.version, action: 'flag' }), ...checker });
        // A correction needs its evidence before it can be approved.
        const source = { source: { title: 'Castro obituary', url: 'https://example.org/castro' }, stance: 'REFUTES' };
        await json(`${server.url}/api/claims/${castro.id}/sources`, { method: 'POST', body: JSON.stringify(source), ...checker });
        const verdict = await json(`${server.url}/api/claims/${castro.id}/verdicts`, {
          method: 'POST',
          body: JSON.stringify({ ratingKey: 'false', rationale: 'Died 2016.', correction: 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022', propose: true }),
          ...checker,
        });
        await json(`${server.url}/api/verdicts/${verdict.body.id}/reviews`, { method: 'POST', body: JSON.stringify({ decision: 'APPROVED', version: verdict.body.version }), ...chief });
        const published = await json(`${server.url}/api/articles/${imported.body.article.id}/reports`, { method: 'POST', ...chief });
        expect(published.status).toBe(201);
        reportUrl = published.body.downloads.pdf;
        original = Buffer.from(await (await fetch(`${server.url}${reportUrl}`, { headers: { cookie: chief.cookie } })).arrayBuffer());
      } finally {
        await stopServer(server.child);
      }

      const backup = await runCli(['backup', file], { DATABASE_URL: source });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/backed up workspace "planet"/);
      const restore = await runCli(['restore', file], { DATABASE_URL: target });
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toMatch(/restored workspace "planet"/);
      const again = await runCli(['restore', file], { DATABASE_URL: target });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('nothing was restored');

      const restored = await startServer({ DATABASE_URL: target });
      try {
        const login = await json(`${restored.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'chief@example.org', password: 'long enough pw' }) });
        const copy = Buffer.from(await (await fetch(`${restored.url}${reportUrl}`, { headers: { cookie: login.cookie! } })).arrayBuffer());
        expect(copy.equals(original!)).toBe(true);
      } finally {
        await stopServer(restored.child);
      }
      const audit = async (url: string) => {
        const c = new PgClient({ connectionString: url });
        await c.connect();
        const rows = (await c.query(`SELECT entity, entity_id, action, before, after, actor_id, created_at FROM audit_events ORDER BY id`)).rows;
        await c.end();
        return rows;
      };
      const [before, after] = [await audit(source), await audit(target)];
      expect(after.length).toBeGreaterThan(5);
      expect(after).toEqual(before);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 240_000);
});

// `claimdesk serve` on its embedded PostgreSQL: starts, serves, stops cleanly on a signal, and keeps the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, startServer, stopAllServers, stopServer } from './run-cli';

afterAll(() => stopAllServers());

describe('claimdesk serve with embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-serve-'));
  const env = { CLAIMDESK_DATA_DIR: dataDir, DATABASE_URL: '' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data across a stop and a start', async () => {
    const first = await startServer(env);
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: { reachable: true, embedded: true } });
    const page = await fetch(`${first.url}/articles`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const setup = await fetch(`${first.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.org', name: 'Ada', password: 'long enough pw', workspaceName: 'Planet' }),
    });
    expect(setup.status).toBe(201);
    expect(await stopServer(first.child, 'SIGINT')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startServer(env);
    try {
      expect(await (await fetch(`${second.url}/api/setup`)).json()).toEqual({ needsSetup: false });
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.org', password: 'long enough pw' }),
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await stopServer(second.child, 'SIGTERM')).toBe(0);
    }
  });

  it('lets a command use the running server’s PostgreSQL, and leaves that server running', async () => {
    const server = await startServer(env);
    try {
      const demo = await runCli(['demo'], env);
      expect(demo.code).toBe(0);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ada@example.org', password: 'long enough pw' }),
      });
      expect(login.status).toBe(200);
    } finally {
      expect(await stopServer(server.child, 'SIGTERM')).toBe(0);
    }
  });

  it('recovers after being killed with SIGKILL', async () => {
    const first = await startServer(env);
    await stopServer(first.child, 'SIGKILL');
    const second = await startServer(env);
    try {
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      expect(await (await fetch(`${second.url}/api/setup`)).json()).toEqual({ needsSetup: false });
    } finally {
      await stopServer(second.child);
    }
  });
});

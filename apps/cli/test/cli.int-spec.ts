// The claimdesk command line: help, argument errors, migrate and user create against a real database.
import { createMigratedDatabase } from '@claimdesk/api/test/harness';
import { Client } from 'pg';
import { runCli } from './run-cli';

describe('claimdesk command line', () => {
  let databaseUrl: string;
  beforeAll(async () => (databaseUrl = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!)));

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['user', 'create', '--help']]) {
      const result = await runCli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 0 });
      expect(result.stdout).toContain('Usage: claimdesk');
    }
  });

  it('exits non-zero with a clear message on bad arguments', async () => {
    const badRole = await runCli(['user', 'create', '--email', 'a@example.org', '--password', 'long enough pw', '--role', 'boss'], { DATABASE_URL: databaseUrl });
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('role must be one of admin, editor, fact_checker, viewer');
    const missing = await runCli(['user', 'create', '--email', 'a@example.org'], { DATABASE_URL: databaseUrl });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/required option '--password/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('migrates idempotently', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('database is up to date');
  });

  it('creates the first admin with a workspace, then members of it', async () => {
    const admin = await runCli(['user', 'create', '--email', 'chief@example.org', '--password', 'long enough pw', '--role', 'admin', '--workspace', 'planet'], { DATABASE_URL: databaseUrl });
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('created admin chief@example.org and workspace "planet"');
    const checker = await runCli(['user', 'create', '--email', 'checker@example.org', '--password', 'long enough pw', '--role', 'fact_checker'], { DATABASE_URL: databaseUrl });
    expect(checker.stdout).toContain('created fact_checker checker@example.org in workspace "planet"');
    const again = await runCli(['user', 'create', '--email', 'checker@example.org', '--password', 'long enough pw', '--role', 'viewer'], { DATABASE_URL: databaseUrl });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const rows = (await pg.query(`SELECT u.email, m.role FROM users u JOIN memberships m ON m.user_id = u.id ORDER BY u.email`)).rows;
    await pg.end();
    expect(rows).toEqual([
      { email: 'checker@example.org', role: 'FACT_CHECKER' },
      { email: 'chief@example.org', role: 'ADMIN' },
    ]);
  });
});

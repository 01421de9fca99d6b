// The migrator applies each migration once, in order, under a lock, and a failing one leaves the database as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID, createHash } from 'node:crypto';
import { Client, type QueryResultRow } from 'pg';
import { MIGRATIONS_DIR, MigrationError, migrate, migrationStatus, readMigrations } from '../src/migrator';

const serverUrl = () => process.env.CLAIMDESK_TEST_DATABASE_URL!;

async function freshDatabase(): Promise<string> {
  const name = `mig_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A row of Prisma's migration table. */
interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

async function query<T extends QueryResultRow = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempMigrations(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-migrations-'));
  tempDirs.push(dir);
  for (const m of readMigrations()) {
    fs.mkdirSync(path.join(dir, m.name));
    fs.copyFileSync(path.join(MIGRATIONS_DIR, m.name, 'migration.sql'), path.join(dir, m.name, 'migration.sql'));
  }
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrator', () => {
  it('applies every migration to an empty database and records it as prisma migrate deploy does', async () => {
    const url = await freshDatabase();
    const result = await migrate(url);
    expect(result.applied).toEqual(readMigrations().map((m) => m.name));
    const rows = await query<MigrationRow>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    const file = fs.readFileSync(path.join(MIGRATIONS_DIR, rows[0].migration_name, 'migration.sql'));
    expect(rows[0]).toMatchObject({ checksum: createHash('sha256').update(file).digest('hex'), applied_steps_count: 1, rolled_back_at: null, logs: null });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('changes nothing on a second run', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const before = await query(url, 'SELECT id, finished_at FROM "_prisma_migrations"');
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.length).toBe(before.length);
    expect(await query(url, 'SELECT id, finished_at FROM "_prisma_migrations"')).toEqual(before);
    expect(await migrationStatus(url)).toMatchObject({ pending: [] });
  });

  it('lets only one of two concurrent processes apply the migrations', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations().length);
    expect(await query(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([{ n: readMigrations().length }]);
  });

  it('rolls back a failing migration completely and says which one failed', async () => {
    const url = await freshDatabase();
    await migrate(url);
    const dir = tempMigrations({ '29990101000000_broken': 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";' });
    await expect(migrate(url, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await query(url, `SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    expect(await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`)).toEqual([{ n: 0 }]);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const url = await freshDatabase();
    const dir = tempMigrations({ '29990101000000_small': 'CREATE TABLE "small" (id int);' });
    await migrate(url, dir);
    fs.writeFileSync(path.join(dir, '29990101000000_small', 'migration.sql'), 'CREATE TABLE "small" (id bigint);');
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
  });
});

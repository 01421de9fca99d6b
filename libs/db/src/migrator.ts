// Applies prisma/migrations/*/migration.sql and records them in Prisma's own _prisma_migrations table,
// exactly as `prisma migrate deploy` does, so both tools can manage the same database.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, type QueryResult, type QueryResultRow } from 'pg';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../prisma/migrations');
const LOCK_KEY = 727_274_501; // advisory lock id: one migrator at a time per database

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    override readonly cause: unknown,
  ) {
    super(`migration ${migration} failed and was rolled back, the database is unchanged: ${(cause as Error)?.message ?? cause}`);
  }
}

/** The migrations' names (their directories holding a migration.sql), in the order they apply. */
function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return migrationNames(dir).map((name) => {
    const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'));
    return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
  });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration, each in its own transaction, holding an advisory lock for the whole run. */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      const result: MigrationResult = { applied: [], alreadyApplied: [] };
      for (const migration of migrations) {
        const recorded = done.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new Error(`migration ${migration.name} was changed after it was applied (checksum differs); restore the file or add a new migration`);
          }
          result.alreadyApplied.push(migration.name);
          continue;
        }
        await applyOne(client, migration);
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: Client, migration: MigrationFile): Promise<void> {
  try {
    await client.query('BEGIN');
    const id = randomUUID();
    await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)', [id, migration.checksum, migration.name]);
    await client.query(migration.sql);
    await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(migration.name, error);
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** Applied and pending migrations; on the process's pool when given the database (health checks), else on a connection of its own. */
export async function migrationStatus(source: string | Pick<Database, 'pool'>, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  if (typeof source !== 'string') return readStatus(source.pool, dir);
  const client = new Client({ connectionString: source });
  await client.connect();
  try {
    return await readStatus(client, dir);
  } finally {
    await client.end();
  }
}

async function readStatus(db: { query<R extends QueryResultRow>(text: string): Promise<QueryResult<R>> }, dir: string): Promise<MigrationStatus> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  const applied = exists.rows[0].t
    ? (await db.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name')).rows.map(
        (r) => r.migration_name,
      )
    : [];
  // Names only: a health check every few seconds need not read and hash every migration's SQL.
  const pending = migrationNames(dir).filter((name) => !applied.includes(name));
  return { applied, pending };
}

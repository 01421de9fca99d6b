// A throwaway embedded PostgreSQL for a test run, under the system temp directory, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';
import { migrate } from './migrator';

export async function startTestDatabase(label = 'test'): Promise<EmbeddedDatabase & { remove(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-${label}-`));
  const db = await startEmbeddedPostgres({ dataDir: dir });
  return {
    ...db,
    async remove() {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database on the same server with every migration applied, for tests that need one of their own. */
export async function createMigratedDatabase(serverUrl: string): Promise<string> {
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return url.toString();
}

// Chooses the database: DATABASE_URL when set, otherwise ClaimDesk's embedded PostgreSQL in CLAIMDESK_DATA_DIR.
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  dataDir: string | null;
  stop(): Promise<void>;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CLAIMDESK_DATA_DIR ?? '.claimdesk');
}

export async function openDatabase(env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, dataDir: null, stop: async () => undefined };
  }
  const db = await startEmbeddedPostgres({ dataDir: defaultDataDir(env), port: env.CLAIMDESK_PG_PORT ? Number(env.CLAIMDESK_PG_PORT) : undefined, log });
  return { url: db.url, embedded: true, dataDir: db.dataDir, stop: () => db.stop() };
}

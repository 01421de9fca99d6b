// Opens the configured database for a command and always closes it, also on Ctrl-C.
import type { INestApplicationContext } from '@nestjs/common';
import { migrate, openDatabase, type DatabaseHandle } from '@claimdesk/db';
import { configFromEnv, createAppContext } from '@claimdesk/server';

export async function withDatabase<T>(work: (db: DatabaseHandle) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const db = await openDatabase(process.env);
  const stop = () => void db.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (options.migrate !== false) await migrate(db.url);
    return await work(db);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await db.stop();
  }
}

/** The application without HTTP on the configured database, for commands that act through the API's own services. */
export async function withApp<T>(work: (app: INestApplicationContext, db: DatabaseHandle) => Promise<T>): Promise<T> {
  return withDatabase(async (db) => {
    const app = await createAppContext(configFromEnv(process.env, { databaseUrl: db.url, embedded: db.embedded, poolSize: 2, workers: false }));
    try {
      return await work(app, db);
    } finally {
      await app.close();
    }
  });
}

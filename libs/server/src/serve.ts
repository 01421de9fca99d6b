// Runs ClaimDesk as a server: opens the database (embedded PostgreSQL unless DATABASE_URL is set), applies pending
// migrations, builds the web app on first start, and serves the API under /api and the web app at /.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirectoryError, MigrationError, migrate, openDatabase } from '@claimdesk/db';
import { configFromEnv } from './common/config';
import { createApp, createAppContext } from './main';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const WEB_DIST = path.join(REPO_ROOT, 'dist', 'web');

export async function serve(opts: { port: number; host: string }): Promise<void> {
  ensureWebBuilt();
  let db;
  try {
    db = await openDatabase(process.env, process.env.CLAIMDESK_PG_LOG ? (line) => console.error(`[postgres] ${line}`) : undefined);
  } catch (error) {
    if (error instanceof DataDirectoryError) throw new Error(error.message, { cause: error });
    throw error;
  }
  let stopping = false;
  const stopDb = async () => {
    if (!stopping) {
      stopping = true;
      await db.stop();
    }
  };
  try {
    const result = await migrate(db.url);
    for (const name of result.applied) console.log(`applied migration ${name}`);
  } catch (error) {
    await stopDb();
    if (error instanceof MigrationError) throw new Error(`${error.message}. ClaimDesk did not start.`, { cause: error });
    throw error;
  }
  const app = await createApp(configFromEnv(process.env, { databaseUrl: db.url, embedded: db.embedded, webDir: WEB_DIST }));
  await app.listen(opts.port, opts.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  console.log(`ClaimDesk is running at http://localhost:${port}/ (API docs: http://localhost:${port}/api/docs)`);
  console.log(db.embedded ? `database: embedded PostgreSQL in ${db.dataDir}` : 'database: DATABASE_URL');
  console.log(process.env.CLAIMDESK_WORKERS === '0' ? 'background jobs: not run here (CLAIMDESK_WORKERS=0); run `claimdesk worker`' : 'background jobs: run in this process');

  const shutdown = async (signal: string) => {
    console.log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
    } finally {
      await stopDb();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * `claimdesk worker`: runs background jobs only (no HTTP), on DATABASE_URL or the data directory's embedded PostgreSQL,
 * until SIGINT or SIGTERM. Run as many as the work needs; each job runs once at a time.
 */
export async function runWorker(): Promise<void> {
  const db = await openDatabase(process.env, process.env.CLAIMDESK_PG_LOG ? (line) => console.error(`[postgres] ${line}`) : undefined);
  try {
    await migrate(db.url);
  } catch (error) {
    await db.stop();
    if (error instanceof MigrationError) throw new Error(`${error.message}. The worker did not start.`, { cause: error });
    throw error;
  }
  lowerPriority(process.env.CLAIMDESK_WORKER_NICE);
  const app = await createAppContext(configFromEnv(process.env, { databaseUrl: db.url, embedded: db.embedded, workers: true }));
  console.log(`ClaimDesk worker is running (${db.embedded ? `embedded PostgreSQL in ${db.dataDir}` : 'DATABASE_URL'})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`${signal} received, finishing running jobs`);
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      void app
        .close()
        .finally(() => db.stop())
        .finally(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/**
 * A worker's jobs are background work: on a machine it shares with API processes or PostgreSQL, it takes the CPU they
 * leave (nice 10 by default, CLAIMDESK_WORKER_NICE, 0 to keep the priority it was started with). Set after the database
 * is open, so an embedded PostgreSQL this process started keeps its own priority.
 */
function lowerPriority(setting: string | undefined): void {
  const nice = setting === undefined || setting === '' ? 10 : Number(setting);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new Error(`CLAIMDESK_WORKER_NICE must be a whole number from 0 to 19, not "${setting}"`);
  if (nice === 0) return;
  try {
    os.setPriority(Math.max(os.getPriority(), nice));
  } catch {
    // Not allowed here: the worker runs at the priority it was started with.
  }
}

/** `npm start` builds the web app when it has not been built yet. */
function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  console.log('building the web app (first start only)…');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(REPO_ROOT, 'apps/web/vite.config.ts')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the web app failed (see above)');
}

// The one pg pool and the Prisma client on top of it (driver adapter, no native query engine): every query of the app goes through this.
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Pool } from 'pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';
import { withRetry } from './errors';

export type Db = PrismaClient;
/** An open transaction: what repository methods receive when the caller needs several statements to commit together. */
export type Tx = Prisma.TransactionClient;

/** Connections per process by default: on a small machine more backends running at once only take turns on its cores (docs/benchmarks.md). */
export const DEFAULT_POOL_SIZE = 10;

export interface DatabaseOptions {
  /** Connections in the pool, shared by Prisma and raw SQL (CLAIMDESK_DB_POOL; DEFAULT_POOL_SIZE when unset). */
  max?: number;
}

/**
 * The database of one process: a single pg pool, the Prisma client on it, and transactions that are retried on
 * serialization failures and deadlocks. Repository methods take this or an open transaction (`DbExecutor`).
 */
export class Database {
  readonly pool: Pool;
  readonly client: PrismaClient;
  private closed: Promise<void> | null = null;
  /** What to do once each open transaction commits (see afterCommit). */
  private readonly commitHooks = new WeakMap<Tx, Array<() => void>>();

  constructor(databaseUrl: string, options: DatabaseOptions = {}) {
    // Idle connections are kept for five minutes (pg's default is 10 s): a new PostgreSQL backend starts with cold
    // caches and maps each page of the shared buffers anew the first time it reads it, which costs several times the
    // read itself (a search touching 30,000 buffered pages: 440 ms in a new connection, 60 ms in the next query on it;
    // docs/benchmarks.md, section 5).
    this.pool = new Pool({ connectionString: databaseUrl, max: options.max ?? DEFAULT_POOL_SIZE, idleTimeoutMillis: 5 * 60_000 });
    // An idle connection that drops (the database restarting) must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    // Under a burst, requests queue for a connection rather than fail after Prisma's default 2 s.
    this.client = new PrismaClient({ adapter: new PrismaPg(this.pool), transactionOptions: { maxWait: 15_000, timeout: 60_000 } });
  }

  /** Runs `work` in one transaction; a serialization failure or deadlock (40001, 40P01) starts it again, a few times. */
  transaction<T>(work: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number; isolationLevel?: Prisma.TransactionIsolationLevel }): Promise<T> {
    return withRetry(async () => {
      let hooks: Array<() => void> = [];
      const result = await this.client.$transaction((tx) => {
        hooks = [];
        this.commitHooks.set(tx, hooks);
        return work(tx);
      }, options);
      for (const hook of hooks) {
        try {
          hook();
        } catch {
          // a hook only announces what committed; its failure must not undo the answer
        }
      }
      return result;
    });
  }

  /**
   * Runs `hook` once the transaction `db` commits (never when it rolls back or is retried), or at once when `db` is the
   * database itself (the statement already committed). For work that must follow a commit: queueing a job, a live event.
   */
  afterCommit(db: DbExecutor, hook: () => void): void {
    const hooks = db instanceof Database ? undefined : this.commitHooks.get(db);
    if (hooks) hooks.push(hook);
    else hook();
  }

  /**
   * Runs a statement a library brings with its own SQL (the job queue's) on the pool, or inside the open transaction `db`,
   * so that what it writes commits or rolls back with the caller's rows.
   */
  async executeSql(db: DbExecutor, text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
    if (db instanceof Database) return db.pool.query(text, values);
    return { rows: await db.$queryRawUnsafe<unknown[]>(text, ...values) };
  }

  /**
   * A connection of its own, outside the pool, to the same server: for a LISTEN that holds its connection for the life of
   * the process, which would otherwise leave the pool one connection short for queries. The caller ends it.
   */
  async dedicatedConnection(): Promise<Client> {
    const client = new Client(this.pool.options);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  close(): Promise<void> {
    this.closed ??= this.client.$disconnect().then(() => this.pool.end());
    return this.closed;
  }
}

/** Either the process's database (statements run on the pool, each on its own) or an open transaction. */
export type DbExecutor = Database | Tx;

/** The Prisma client behind an executor, for model calls inside repositories. */
export function prismaOf(db: DbExecutor): Tx {
  return db instanceof Database ? db.client : db;
}

export function createDatabase(databaseUrl: string, options: DatabaseOptions = {}): Database {
  return new Database(databaseUrl, options);
}

/** A bare Prisma client on a pool of its own (tests and one-off scripts); `$disconnect()` also closes its pool. */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 60_000 } });
}

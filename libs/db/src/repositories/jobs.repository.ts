// Background jobs: pg-boss keeps them in its own schema ("pgboss"); this reads them for status and metrics, records a job's
// progress on its row, and keeps what a job wrote (job_results) so a retried job completes exactly once.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute, queryRows } from '../sql';
import type { JobResult } from '../generated/prisma/client';

/** The schema pg-boss installs its tables in, beside the app's own. */
export const JOB_SCHEMA = 'pgboss';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobRow {
  id: string;
  name: string;
  state: JobState;
  output: Record<string, unknown> | null;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
}

export interface JobQueueStatRow {
  name: string;
  state: JobState;
  n: number;
  oldestSeconds: number | null;
}

// Not `data`: an article import's carries the whole article (a megabyte), and status polls read the row many times a second.
const JOB_COLUMNS = Prisma.sql`id::text, name, state::text AS state, output, retry_count AS "retryCount", retry_limit AS "retryLimit", created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn"`;

export class JobsRepository {
  /** A job of the workspace (its data carries `workspaceId`), live or archived; null for another workspace's job. */
  async find(db: DbExecutor, workspaceId: string, id: string): Promise<JobRow | null> {
    const [row] = await queryRows<JobRow>(
      db,
      Prisma.sql`
      SELECT ${JOB_COLUMNS} FROM pgboss.job WHERE id = ${id}::uuid AND data->>'workspaceId' = ${workspaceId}
      UNION ALL
      SELECT ${JOB_COLUMNS} FROM pgboss.archive WHERE id = ${id}::uuid AND data->>'workspaceId' = ${workspaceId}
      LIMIT 1`,
    );
    return row ?? null;
  }

  /** The job of this name and singleton key that is waiting, waiting to retry or running, if any (oldest first). */
  async openJobByKey(db: DbExecutor, name: string, singletonKey: string): Promise<string | null> {
    const [row] = await queryRows<{ id: string }>(
      db,
      Prisma.sql`SELECT id::text FROM pgboss.job WHERE name = ${name} AND singleton_key = ${singletonKey} AND state IN ('created', 'retry', 'active') ORDER BY created_on LIMIT 1`,
    );
    return row?.id ?? null;
  }

  /** Records how far a running job is (kept in its output until it completes, which replaces it with the result). */
  async setProgress(db: DbExecutor, id: string, progress: { percent: number; message: string | null }): Promise<void> {
    await execute(db, Prisma.sql`UPDATE pgboss.job SET output = jsonb_build_object('progress', ${JSON.stringify(progress)}::jsonb) WHERE id = ${id}::uuid AND state = 'active'`);
  }

  /** Jobs per queue and state with the age of the oldest, for metrics. */
  queueStats(db: DbExecutor): Promise<JobQueueStatRow[]> {
    return queryRows<JobQueueStatRow>(
      db,
      Prisma.sql`
      SELECT name, state::text AS state, count(*)::int AS n, EXTRACT(EPOCH FROM now() - min(created_on))::float8 AS "oldestSeconds"
      FROM pgboss.job GROUP BY name, state`,
    );
  }

  /** Whether pg-boss has installed its tables yet (it does on its first start). */
  async installed(db: DbExecutor): Promise<boolean> {
    const [row] = await queryRows<{ ok: boolean }>(db, Prisma.sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
    return row?.ok ?? false;
  }

  /** What a job already wrote, if an earlier run of it committed. */
  findResult(db: DbExecutor, workspaceId: string, jobId: string): Promise<JobResult | null> {
    return prismaOf(db).jobResult.findUnique({ where: { workspaceId_jobId: { workspaceId, jobId } } });
  }

  /** Records a job's result in the transaction of its rows. */
  async recordResult(tx: Tx, workspaceId: string, jobId: string, name: string, result: unknown): Promise<void> {
    await tx.jobResult.create({ data: { workspaceId, jobId, name, result: JSON.parse(JSON.stringify(result)) } });
  }

  /** Serialises whoever queues jobs under one singleton key (a look for an open job, then a send), until the transaction ends. */
  async lockKey(tx: Tx, name: string, singletonKey: string): Promise<void> {
    await execute(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`send:${name}:${singletonKey}`}))`);
  }

  /** Serialises the runs of one job (a retry and a run that was thought dead), until the transaction ends. */
  async lockJob(tx: Tx, jobId: string): Promise<void> {
    await execute(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`job:${jobId}`}))`);
  }
}

// The job queue: pg-boss on the app's own database (its tables in the "pgboss" schema, its statements on the app's pool).
// Any process can send jobs; processes that run workers (`claimdesk serve` unless CLAIMDESK_WORKERS=0, `claimdesk worker`)
// also take them. Progress and the end of a job are announced on the live event stream of the job's workspace.
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Database, JobsRepository, type JobRow, type Tx } from '@claimdesk/db';
import type { JobDto } from '@claimdesk/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { AppConfig } from '../common/config';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';
import { JOB_POLICIES, SCHEDULE_POLICIES, type JobName, type JobPayloads, type ScheduleName } from './job-names';

/** What a handler gets: the job's id (stable across retries, use it to make the work idempotent), its data, and a progress reporter. */
export interface JobContext<N extends JobName> {
  id: string;
  name: N;
  data: JobPayloads[N];
  /** Records how far the job is (0–100, with a short message for people) and tells the workspace's live stream. */
  progress(percent: number, message?: string): Promise<void>;
}

export type JobHandler<N extends JobName> = (job: JobContext<N>) => Promise<unknown>;

export interface SendOptions {
  /** Overrides the job name's retry policy (JOB_POLICIES). */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Seconds to wait before the job may start. */
  startAfterSeconds?: number;
  /** At most one queued job with this key at a time (a second send returns null... and throws here). */
  singletonKey?: string;
  /** Queue the job inside this open transaction: it exists if and only if the transaction commits. */
  tx?: Tx;
}

/**
 * An error a job ends with, stored on the job as `{ message, code }` (plain errors lose their message in JSON). With
 * `retry` false (bad input that stays bad) the job ends failed at once instead of being tried again.
 */
export class JobError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly retry = true,
  ) {
    super(message);
  }

  toJSON(): { message: string; code?: string } {
    return { message: this.message, ...(this.code ? { code: this.code } : {}) };
  }
}

@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('jobs');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly schedules = new Map<ScheduleName, { cron: string; run: () => Promise<unknown> }>();
  private boss: Promise<PgBoss> | null = null;
  private working = false;
  /** pg-boss's statements still running on the pool (its workers' polls among them) and job handlers still running. */
  private busy = 0;

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
    private readonly jobs: JobsRepository,
    private readonly events: EventsService,
  ) {}

  /** Queues a job and returns its id. The data must name the workspace (`workspaceId`). */
  async send<N extends JobName>(name: N, data: JobPayloads[N], options: SendOptions = {}): Promise<string> {
    const boss = await this.start();
    const { startAfterSeconds, tx, ...rest } = options;
    const { retryLimit, retryDelay, retryBackoff } = JOB_POLICIES[name];
    const id = await boss.send(name, data, {
      retryLimit,
      retryDelay,
      retryBackoff,
      ...rest,
      ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
      expireInSeconds: this.config.jobTimeoutSeconds,
      ...(tx ? { db: { executeSql: (text: string, values?: unknown[]) => this.db.executeSql(tx, text, values) } } : {}),
    });
    if (!id) throw new JobError(`a ${name} job with the same key is already queued`, 'CONFLICT');
    return id;
  }

  /**
   * Registers the handler of a job name (once, at module init). It runs in processes that run workers; a handler that
   * throws fails the attempt, which is retried with backoff until the name's retry limit.
   */
  work<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`a handler for ${name} jobs is already registered`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
    if (this.working) void this.startWorker(name);
  }

  /**
   * Registers a job the clock starts (once, at module init): pg-boss's cron, in UTC. Whichever process looks first at each
   * tick sends the job, once for all processes; a process that runs workers takes it. It runs only where workers run and
   * schedules are on (CLAIMDESK_SCHEDULES=0 turns them off). The handler queues the real work; it has no workspace.
   */
  every(name: ScheduleName, cron: string, run: () => Promise<unknown>): void {
    if (this.schedules.has(name)) throw new Error(`the ${name} schedule is already registered`);
    this.schedules.set(name, { cron, run });
  }

  /** The schedules stored in the queue (name and cron), as every process sees them. */
  async scheduled(): Promise<Array<{ name: string; cron: string }>> {
    const boss = await this.start();
    return (await boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron }));
  }

  /**
   * Queues a job under a singleton key unless one with that key is waiting or running, across processes (a lock on the key
   * serialises the look and the send). Answers the id of the job that will do the work and whether it is a new one.
   */
  async sendOnce<N extends JobName>(name: N, data: JobPayloads[N], singletonKey: string): Promise<{ jobId: string; queued: boolean }> {
    await this.start();
    return this.db.transaction(async (tx) => {
      await this.jobs.lockKey(tx, name, singletonKey);
      const open = await this.jobs.openJobByKey(this.db, name, singletonKey);
      if (open) return { jobId: open, queued: false };
      return { jobId: await this.send(name, data, { singletonKey }), queued: true };
    });
  }

  /** The id of the job with this singleton key that is waiting or running, if any. */
  async openJob(name: JobName, singletonKey: string): Promise<string | null> {
    await this.start();
    return this.jobs.openJobByKey(this.db, name, singletonKey);
  }

  /** A job of the caller's workspace; 404 for an unknown id or another workspace's job. */
  async status(workspaceId: string, id: string): Promise<JobDto> {
    if (!UUID.test(id)) throw notFound('job');
    if (!(await this.jobs.installed(this.db))) throw notFound('job');
    const row = await this.jobs.find(this.db, workspaceId, id);
    if (!row) throw notFound('job');
    return toJobDto(row);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workers) return;
    this.working = true;
    await this.start();
    for (const name of this.handlers.keys()) await this.startWorker(name);
    if (this.config.schedules) for (const [name, { cron }] of this.schedules) await this.startSchedule(name, cron);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.boss) return;
    const boss = await this.boss.catch(() => null);
    this.boss = null;
    // Running jobs get a few seconds to finish; what is still running is failed and retried by another worker.
    await boss?.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => undefined);
    // pg-boss tells its workers to stop but does not wait for a poll already sent, nor for a handler past the timeout; a
    // worker's loop ends when they do. Wait for them (a few seconds at most), so that no loop of the queue outlives the
    // application or the pool it uses.
    const deadline = Date.now() + 5_000;
    do await sleep(10);
    while (this.busy > 0 && Date.now() < deadline);
  }

  private async tracked<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      this.busy--;
    }
  }

  private start(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({
        db: { executeSql: (text, values) => this.tracked(() => this.db.pool.query(text, values)) },
        schema: 'pgboss',
        supervise: true,
        // The clock runs where jobs run (and schedules are on); it sends each tick's jobs once across processes.
        schedule: this.config.workers && this.config.schedules,
        maintenanceIntervalSeconds: this.config.jobMaintenanceSeconds,
        monitorStateIntervalSeconds: Math.max(this.config.jobMaintenanceSeconds, 10),
      });
      boss.on('error', (error) => this.logger.warn(`job queue: ${error instanceof Error ? error.message : String(error)}`));
      await boss.start();
      for (const [name, policy] of Object.entries({ ...JOB_POLICIES, ...SCHEDULE_POLICIES })) {
        const queue = await boss.getQueue(name);
        const { workers: _workers, ...options } = policy;
        if (!queue) await boss.createQueue(name, { name, ...options }).catch(ignoreExists);
        else if ((queue.policy ?? 'standard') !== (options.policy ?? 'standard')) await boss.updateQueue(name, { name, ...options });
      }
      return boss;
    })();
    return this.boss;
  }

  private async startSchedule(name: ScheduleName, cron: string): Promise<void> {
    const boss = await this.start();
    const run = this.schedules.get(name)?.run;
    if (!run) return;
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => run());
    try {
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
    } catch (error) {
      throw new Error(`the ${name} schedule: "${cron}" is not a cron expression pg-boss accepts (${(error as Error).message})`, { cause: error });
    }
  }

  private async startWorker(name: JobName): Promise<void> {
    const boss = await this.start();
    const handler = this.handlers.get(name);
    if (!handler) return;
    // Each work() is one loop taking one job at a time; a name's `workers` loops run its jobs side by side.
    const loops = name === 'feed-poll' && this.config.feedPolls ? this.config.feedPolls : (JOB_POLICIES[name].workers ?? 1);
    for (let i = 0; i < loops; i++) await this.startWorkerLoop(boss, name, handler);
  }

  private async startWorkerLoop(boss: PgBoss, name: JobName, handler: JobHandler<JobName>): Promise<void> {
    await boss.work<JobPayloads[JobName]>(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, ([job]) => this.tracked(() => this.runJob(name, handler, job)));
  }

  private async runJob(name: JobName, handler: JobHandler<JobName>, job: PgBoss.Job<JobPayloads[JobName]>): Promise<unknown> {
    const { workspaceId, userId } = job.data;
    const context: JobContext<JobName> = {
      id: job.id,
      name,
      data: job.data,
      progress: async (percent, message) => {
        await this.jobs.setProgress(this.db, job.id, { percent: Math.max(0, Math.min(100, Math.round(percent))), message: message ?? null });
        this.events.publish(workspaceId, { type: 'job', id: job.id, action: 'progress', actorId: userId });
      },
    };
    try {
      const result = await handler(context);
      this.events.publish(workspaceId, { type: 'job', id: job.id, action: 'completed', actorId: userId });
      return result;
    } catch (error) {
      this.events.publish(workspaceId, { type: 'job', id: job.id, action: 'failed', actorId: userId });
      // pg-boss retries whatever throws; a job that must not be retried ends "completed" with its failure recorded.
      if (error instanceof JobError && !error.retry) return { [FAILED]: error.toJSON() };
      if (error instanceof JobError) throw error;
      const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : undefined;
      throw new JobError(error instanceof Error ? error.message : String(error), code);
    }
  }
}

const FAILED = 'failed';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ignoreExists(error: unknown): void {
  if (!/already exists/i.test(String((error as Error)?.message ?? error))) throw error;
}

function toJobDto(row: JobRow): JobDto {
  const output = row.output ?? null;
  const refused = row.state === 'completed' && output && typeof output[FAILED] === 'object' ? (output[FAILED] as { message: string; code?: string }) : null;
  if (refused) return { ...toJobDto({ ...row, output: null }), state: 'failed', progress: null, result: null, error: refused };
  const progress = output && typeof output.progress === 'object' ? (output.progress as JobDto['progress']) : null;
  const done = row.state === 'completed';
  const failed = row.state === 'failed' || row.state === 'retry' || row.state === 'cancelled';
  // pg-boss stores a timed-out job's error as { value: { message } }, a thrown JobError as { message, code }.
  const error = (output && typeof output.value === 'object' ? output.value : output) as { message?: unknown; code?: unknown } | null;
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    progress: done ? { percent: 100, message: null } : progress,
    result: done ? output : null,
    error: failed && error && typeof error.message === 'string' ? { message: error.message, ...(typeof error.code === 'string' ? { code: error.code } : {}) } : null,
    attempts: row.retryCount + (row.state === 'created' ? 0 : 1),
    maxAttempts: row.retryLimit + 1,
    createdAt: row.createdOn.toISOString(),
    startedAt: row.startedOn?.toISOString() ?? null,
    completedAt: row.completedOn?.toISOString() ?? null,
  };
}

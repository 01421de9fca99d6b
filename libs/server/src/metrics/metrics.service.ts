// Prometheus metrics of one process: request durations by route and status, pool use, the job queue (shared, read from
// PostgreSQL at scrape time) and how long live events take from one process to another.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Database, JobsRepository, type JobQueueStatRow } from '@claimdesk/db';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Subscription } from 'rxjs';
import { EventsService } from '../events/events.service';

@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;
  private readonly lagSubscription: Subscription;

  constructor(db: Database, jobs: JobsRepository, events: EventsService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'claimdesk_process_' });
    this.requests = new Histogram({
      name: 'claimdesk_http_request_duration_seconds',
      help: 'HTTP request durations by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    const pool = db.pool;
    new Gauge({
      name: 'claimdesk_db_pool_connections',
      help: 'Connections of the database pool: total, idle, and requests waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    // The three job gauges are collected side by side: one read of the queue per scrape serves them all.
    let snapshot: { at: number; rows: Promise<JobQueueStatRow[] | null> } | null = null;
    const read = () => {
      if (!snapshot || Date.now() - snapshot.at > 1_000) {
        snapshot = {
          at: Date.now(),
          rows: jobs
            .installed(db)
            .then((ok) => (ok ? jobs.queueStats(db) : []))
            .catch(() => null),
        };
      }
      return snapshot.rows;
    };
    new Gauge({
      name: 'claimdesk_jobs',
      help: 'Background jobs by queue and state (failed: retries used up; retry: failed attempts waiting to run again)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await read()) ?? []) this.set({ queue: row.name, state: row.state }, row.n);
      },
    });
    new Gauge({
      name: 'claimdesk_jobs_oldest_age_seconds',
      help: 'Age of the oldest job by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of (await read()) ?? []) if (row.oldestSeconds !== null) this.set({ queue: row.name, state: row.state }, row.oldestSeconds);
      },
    });
    new Gauge({
      name: 'claimdesk_jobs_scrape_ok',
      help: '1 when the job queue could be read at this scrape',
      registers: [this.registry],
      async collect() {
        this.set((await read()) ? 1 : 0);
      },
    });
    const lag = new Histogram({
      name: 'claimdesk_event_delivery_lag_seconds',
      help: 'Time from a live event being sent (by any process) to this process receiving it',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [this.registry],
    });
    const delivered = new Counter({ name: 'claimdesk_events_received_total', help: 'Live events this process received', registers: [this.registry] });
    this.lagSubscription = events.deliveryLag.subscribe((seconds) => {
      lag.observe(seconds);
      delivered.inc();
    });
  }

  /** Records one finished request; `route` is the matched pattern (`/api/claims/:id`), never the raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  onModuleDestroy(): void {
    this.lagSubscription.unsubscribe();
  }
}

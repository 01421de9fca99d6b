// Webhooks: admins register endpoints; changes write a delivery per listening endpoint with the change (the outbox, see
// NewsroomService); a `webhook-deliver` job signs and sends each one through the fetcher's address rules, retried with
// backoff, every attempt logged. Pending deliveries that no job will send are queued again at startup and every minute.
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { Database, JobsRepository, WebhooksRepository, type WebhookDelivery, type WebhookEndpoint } from '@claimdesk/db';
import { DomainError, createWebhookSchema, updateWebhookSchema, type WebhookDeliveryDto, type WebhookEndpointDto, type WebhookEvent, type WebhookFormat } from '@claimdesk/domain';
import { FetchError, allowPrivateFromEnv, checkPostUrl, postPayload, userAgent } from '@claimdesk/fetcher';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AppConfig } from '../common/config';
import { notFound } from '../common/version';
import { JOB_POLICIES } from '../jobs/job-names';
import { JobError, JobQueue } from '../jobs/job-queue.service';
import { NewsroomService } from './newsroom.service';

/** Deliveries still pending this long after they were written, with no live job, are queued again. */
const SWEEP_AFTER_SECONDS = 30;
const SWEEP_EVERY_MS = 60_000;

@Injectable()
export class WebhooksService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  private sweeper: NodeJS.Timeout | null = null;
  /** Cancels sends in flight when the process stops: the attempt is logged and the job retried by the next worker. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly db: Database,
    private readonly repo: WebhooksRepository,
    private readonly jobs: JobsRepository,
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly newsroom: NewsroomService,
  ) {
    queue.work('webhook-deliver', async ({ data }) => this.deliver(data.deliveryId));
  }

  async list(actor: Actor): Promise<WebhookEndpointDto[]> {
    return (await this.repo.list(this.db, actor.workspaceId)).map(toEndpointDto);
  }

  async get(actor: Actor, id: string): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.load(actor, id));
  }

  /** A new endpoint and its signing secret, which is shown this once. */
  async create(actor: Actor, input: z.infer<typeof createWebhookSchema>): Promise<WebhookEndpointDto & { secret: string }> {
    await checkUrl(input.url);
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.create(tx, {
        workspaceId: actor.workspaceId,
        url: input.url,
        events: unique(input.events),
        format: input.format,
        active: input.active,
        secret,
        createdById: actor.userId,
      });
      await audit(tx, actor, 'webhook', created.id, 'create', null, { url: created.url, events: created.events, format: created.format, active: created.active });
      return created;
    });
    return { ...toEndpointDto(row), secret };
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateWebhookSchema>): Promise<WebhookEndpointDto> {
    if (input.url) await checkUrl(input.url);
    const row = await this.db.transaction(async (tx) => {
      const current = await this.load(actor, id, tx);
      const updated = await this.repo.update(tx, actor.workspaceId, id, { ...input, ...(input.events ? { events: unique(input.events) } : {}) });
      await audit(tx, actor, 'webhook', id, 'update', pick(current), pick(updated));
      return updated;
    });
    return toEndpointDto(row);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.load(actor, id, tx);
      await this.repo.remove(tx, actor.workspaceId, id);
      await audit(tx, actor, 'webhook', id, 'delete', pick(current), null);
    });
  }

  async deliveries(actor: Actor, id: string): Promise<WebhookDeliveryDto[]> {
    await this.load(actor, id);
    const rows = await this.repo.listDeliveries(this.db, actor.workspaceId, id);
    return this.toDeliveryDtos(rows);
  }

  /** Sends a delivery again, as a new delivery of the same event and payload (its own id and attempts). */
  async redeliver(actor: Actor, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const endpoint = await this.load(actor, endpointId);
    const original = await this.repo.findDeliveryOf(this.db, actor.workspaceId, endpointId, deliveryId);
    if (!original) throw notFound('delivery');
    if (!endpoint.active) throw new DomainError('RULE_VIOLATION', 'the endpoint is paused; activate it to send to it', [{ path: 'active', message: 'endpoint is not active' }]);
    const id = await this.db.transaction(async (tx) => {
      const [created] = await this.repo.enqueue(tx, actor.workspaceId, [endpointId], original.event, original.payload ?? {});
      await audit(tx, actor, 'webhookDelivery', created, 'redeliver', null, { endpointId, redeliveryOf: deliveryId, event: original.event });
      this.db.afterCommit(tx, () => void this.newsroom.sendDelivery(actor.workspaceId, created));
      return created;
    });
    const [dto] = await this.toDeliveryDtos([(await this.repo.findDeliveryOf(this.db, actor.workspaceId, endpointId, id))!]);
    return dto;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.workers) return;
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    this.stopping.abort();
  }

  /** Queues again the pending deliveries no live job will send (a process stopped between the commit and queueing the job). */
  async sweep(olderThanSeconds = SWEEP_AFTER_SECONDS): Promise<number> {
    try {
      if (!(await this.jobs.installed(this.db))) return 0;
      const rows = await this.repo.orphaned(this.db, olderThanSeconds);
      for (const row of rows) await this.newsroom.sendDelivery(row.workspaceId, row.id);
      if (rows.length) this.logger.log(`queued ${rows.length} pending webhook deliveries again`);
      return rows.length;
    } catch (error) {
      this.logger.warn(`webhook sweep: ${(error as Error).message}`);
      return 0;
    }
  }

  /** One attempt at a delivery; throws to have the job retried with backoff. */
  private async deliver(deliveryId: string): Promise<{ status: string; statusCode?: number }> {
    const d = await this.repo.findDelivery(this.db, deliveryId);
    if (!d || d.status !== 'pending') return { status: d?.status ?? 'gone' };
    if (this.stopping.signal.aborted) throw new JobError('the server is stopping', 'WEBHOOK_RETRY');
    if (!d.active) {
      await this.repo.recordAttempt(this.db, { workspaceId: d.workspaceId, deliveryId, statusCode: null, responseMs: 0, error: 'the endpoint is paused' });
      await this.repo.setStatus(this.db, deliveryId, 'failed');
      return { status: 'failed' };
    }
    const body = JSON.stringify(d.format === 'slack' ? slackPayload(d.event as WebhookEvent, d.payload, this.config.publicUrl) : { id: d.id, ...(d.payload as object) });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'ClaimDesk-Signature': `t=${timestamp},v1=${signature(d.secret, timestamp, body)}`,
      'ClaimDesk-Event': d.event,
      'ClaimDesk-Delivery': d.id,
    };
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    let permanent = false;
    try {
      const result = await postPayload(d.url, body, {
        userAgent: userAgent(this.config.version),
        allowPrivate: allowPrivateFromEnv(process.env),
        headers,
        timeoutMs: 10_000,
        signal: this.stopping.signal,
      });
      statusCode = result.status;
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      // An address the rules refuse stays refused: no retry.
      permanent = e instanceof FetchError && ['BLOCKED_ADDRESS', 'UNSUPPORTED_SCHEME', 'INVALID_URL'].includes(e.code);
    }
    const responseMs = Math.round(performance.now() - started);
    await this.repo.recordAttempt(this.db, { workspaceId: d.workspaceId, deliveryId, statusCode, responseMs, error });
    if (!error) {
      await this.repo.setStatus(this.db, deliveryId, 'delivered');
      return { status: 'delivered', statusCode: statusCode! };
    }
    const attempts = (await this.repo.attemptsOf(this.db, [deliveryId])).length;
    if (permanent || attempts >= JOB_POLICIES['webhook-deliver'].retryLimit + 1) {
      await this.repo.setStatus(this.db, deliveryId, 'failed');
      throw new JobError(error, 'WEBHOOK_FAILED', false);
    }
    throw new JobError(error, 'WEBHOOK_RETRY');
  }

  private async load(actor: Actor, id: string, db: Parameters<WebhooksRepository['find']>[0] = this.db): Promise<WebhookEndpoint> {
    const row = await this.repo.find(db, actor.workspaceId, id);
    if (!row) throw notFound('webhook');
    return row;
  }

  private async toDeliveryDtos(rows: WebhookDelivery[]): Promise<WebhookDeliveryDto[]> {
    const attempts = await this.repo.attemptsOf(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpointId,
      event: r.event,
      status: r.status as WebhookDeliveryDto['status'],
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      attempts: attempts.filter((a) => a.deliveryId === r.id).map((a) => ({ statusCode: a.statusCode, responseMs: a.responseMs, error: a.error, at: a.at.toISOString() })),
    }));
  }
}

/** `hex(HMAC-SHA256(secret, "<t>.<body>"))`, as in the ClaimDesk-Signature header. */
function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The endpoint's address checked with the rules it will be sent under; 400 naming `url` when refused. */
async function checkUrl(url: string): Promise<void> {
  try {
    await checkPostUrl(url, { allowPrivate: allowPrivateFromEnv(process.env) });
  } catch (error) {
    if (error instanceof FetchError) throw new DomainError('VALIDATION_FAILED', `${url} cannot receive webhooks: ${error.message}`, [{ path: 'url', message: error.message }]);
    throw error;
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function pick(e: WebhookEndpoint) {
  return { url: e.url, events: e.events, format: e.format, active: e.active };
}

function toEndpointDto(e: WebhookEndpoint): WebhookEndpointDto {
  return { id: e.id, url: e.url, events: e.events as WebhookEvent[], active: e.active, format: e.format as WebhookFormat, createdAt: e.createdAt.toISOString() };
}

const EVENT_WORDS: Record<WebhookEvent, string> = {
  'claim.flagged': 'Claim flagged for checking',
  'verdict.proposed': 'Verdict proposed for review',
  'verdict.approved': 'Verdict approved',
  'verdict.changes_requested': 'Verdict sent back for changes',
  'report.published': 'Corrections report published',
};

/** What Slack's incoming webhooks (and compatible chat tools) read: `text`, with the same as a section block. */
function slackPayload(event: WebhookEvent, payload: unknown, publicUrl: string | null): { text: string; blocks: unknown[] } {
  const data = ((payload as { data?: Record<string, unknown> })?.data ?? {}) as {
    claim?: { id: string; articleId: string; text: string };
    verdict?: { ratingKey: string };
    report?: { version: number; url: string };
  };
  const actor = (payload as { actor?: { name?: string } | null })?.actor?.name;
  const parts = [`*${EVENT_WORDS[event] ?? event}*${actor ? ` by ${actor}` : ''}`];
  if (data.claim) parts.push(`> ${data.claim.text.replace(/\s+/g, ' ').slice(0, 300)}`);
  if (data.verdict) parts.push(`Rating: ${data.verdict.ratingKey}`);
  if (data.report) parts.push(`Version ${data.report.version}: ${data.report.url}`);
  if (data.claim && publicUrl) parts.push(`${publicUrl.replace(/\/$/, '')}/articles/${data.claim.articleId}?claim=${data.claim.id}`);
  const text = parts.join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

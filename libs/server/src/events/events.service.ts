// Live updates across processes: after a change commits, the process that made it NOTIFYs PostgreSQL with the ids of what
// changed; every API process LISTENs and hands the event to its own connected clients of that workspace.
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Database, NotificationsRepository, type Listener } from '@claimdesk/db';
import type { LiveEvent } from '@claimdesk/domain';
import { Subject, filter, map, type Observable } from 'rxjs';

interface Envelope {
  /** workspace id */
  w: string;
  e: LiveEvent;
  /** when it was sent (ms since the epoch), for the delivery-lag metric */
  t: number;
}

@Injectable()
export class EventsService implements OnModuleDestroy {
  private readonly logger = new Logger('events');
  private readonly bus = new Subject<Envelope>();
  private listener: Listener | null = null;
  /** Payloads waiting to be sent, and the statement sending earlier ones (one at a time). */
  private pending: string[] = [];
  private sending: Promise<void> | null = null;
  /** Seconds between sending and receiving each event, for metrics. */
  readonly deliveryLag = new Subject<number>();

  constructor(
    private readonly db: Database,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Announces a change to every process's clients of the workspace. Never throws: a lost event only delays a refresh.
   * Events go out together in one statement: those published in the same turn of the event loop, and under load all
   * those published while the previous statement was on its way. One statement at a time keeps the events in order
   * and holds at most one pool connection, however many requests finish at once.
   */
  publish(workspaceId: string, event: LiveEvent): void {
    const envelope: Envelope = { w: workspaceId, e: event, t: Date.now() };
    this.pending.push(JSON.stringify(envelope));
    if (this.pending.length === 1 && !this.sending) setImmediate(() => void this.flush());
  }

  /** Sends what is pending, and what is published meanwhile; resolves when all of it is sent (or failed and was logged). */
  private flush(): Promise<void> {
    if (this.sending) return this.sending;
    const payloads = this.pending.splice(0);
    if (payloads.length === 0) return Promise.resolve();
    this.sending = this.notifications
      .notify(this.db, payloads)
      .catch((error) => this.logger.warn(`${payloads.length} live event(s) not sent: ${(error as Error).message}`))
      .then(() => {
        this.sending = null;
        return this.flush();
      });
    return this.sending;
  }

  /** Starts hearing other processes' events (API processes do, at startup; workers and the command line only publish). */
  async startListening(): Promise<void> {
    this.listener ??= await this.notifications.listen(
      this.db,
      (payload) => this.receive(payload),
      (listening, error) => !listening && this.logger.warn(`live events: listening connection lost${error ? `: ${(error as Error).message}` : ''}; reconnecting`),
    );
  }

  stream(workspaceId: string): Observable<LiveEvent> {
    return this.bus.pipe(
      filter((e) => e.w === workspaceId),
      map((e) => e.e),
    );
  }

  async onModuleDestroy(): Promise<void> {
    // Changes made just before shutdown are still announced.
    await this.flush();
    await this.listener?.close();
    this.listener = null;
    this.bus.complete();
  }

  private receive(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof envelope?.w !== 'string' || typeof envelope.e?.type !== 'string') return;
    this.deliveryLag.next(Math.max(0, Date.now() - envelope.t) / 1000);
    this.bus.next(envelope);
  }
}

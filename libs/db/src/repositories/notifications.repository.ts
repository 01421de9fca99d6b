// Live events between processes: PostgreSQL NOTIFY on one channel, and a listener on a connection of its own beside the process's pool.
import type { Client } from 'pg';
import { Prisma } from '../generated/prisma/client';
import type { Database } from '../client';
import { execute } from '../sql';

/** The channel every ClaimDesk process notifies and listens on. */
const CHANNEL = 'claimdesk_events';

export interface Listener {
  close(): Promise<void>;
}

export class NotificationsRepository {
  /**
   * Sends payloads (each under 8,000 bytes: ids, not content) to every listening process, in order, in one statement of
   * its own, committed without waiting for the write-ahead log to reach the disk. Listeners hear a notification when its
   * transaction commits, not when it is flushed, and it carries no data to lose: waiting for the flush would only hold
   * PostgreSQL's notify lock, which every notifying commit takes in turn, for the length of a disk write.
   */
  async notify(db: Database, payloads: string[]): Promise<void> {
    if (payloads.length === 0) return;
    await execute(db, Prisma.sql`SELECT pg_notify(${CHANNEL}, p) FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit, unnest(${payloads}::text[]) AS p`);
  }

  /**
   * Listens on the channel with one connection taken from the pool for as long as the listener lives. A dropped
   * connection is replaced after a second (notifications sent in between are missed); `onState` hears about both.
   */
  async listen(db: Database, onPayload: (payload: string) => void, onState: (listening: boolean, error?: unknown) => void = () => undefined): Promise<Listener> {
    let client: Client | null = null;
    let closed = false;
    let retry: NodeJS.Timeout | null = null;
    const connect = async (): Promise<void> => {
      if (closed) return;
      try {
        // Its own connection, beside the pool: the pool keeps every connection for queries.
        const c = await db.dedicatedConnection();
        const lost = (error?: unknown) => {
          if (client !== c) return;
          client = null;
          c.removeAllListeners('notification');
          void c.end().catch(() => undefined);
          onState(false, error);
          if (!closed) retry = setTimeout(() => void connect(), 1_000);
        };
        c.on('notification', (message) => message.channel === CHANNEL && message.payload !== undefined && onPayload(message.payload));
        // Every error goes to `lost` (it acts once per connection): an unheard error event would end the process.
        c.on('error', lost);
        c.once('end', () => lost());
        client = c;
        await c.query(`LISTEN ${CHANNEL}`);
        onState(true);
      } catch (error) {
        onState(false, error);
        if (client) {
          const c = client;
          client = null;
          await c.end().catch(() => undefined);
        }
        if (!closed) retry = setTimeout(() => void connect(), 1_000);
      }
    };
    await connect();
    return {
      async close() {
        closed = true;
        if (retry) clearTimeout(retry);
        const c = client;
        client = null;
        if (!c) return;
        c.removeAllListeners('notification');
        await c.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        await c.end().catch(() => undefined);
      },
    };
  }
}

// The sign-in throttle, shared by every process: attempts per key in a fixed window, counted and decided in one statement.
import { Prisma } from '../generated/prisma/client';
import type { DbExecutor } from '../client';
import { execute, queryRows } from '../sql';

export class LoginThrottleRepository {
  /**
   * Counts one attempt against every key and answers, in the same statement, whether any key is over `limit` in its
   * window: the seconds until that window ends, or null. Concurrent attempts each see their own count, so the
   * (limit+1)-th is refused however many arrive at once.
   */
  async countAttempt(db: DbExecutor, keys: string[], limit: number, windowSeconds: number): Promise<number | null> {
    const [row] = await queryRows<{ retryAfter: number | null }>(
      db,
      Prisma.sql`
      WITH counted AS (
        INSERT INTO login_throttle AS t (key, attempts, window_start)
        SELECT k, 1, now() FROM unnest(${keys}::text[]) AS k
        ON CONFLICT (key) DO UPDATE SET
          attempts = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE t.attempts + 1 END,
          window_start = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE t.window_start END
        RETURNING attempts, window_start
      )
      SELECT max(CEIL(EXTRACT(EPOCH FROM window_start + make_interval(secs => ${windowSeconds}) - now())))::int AS "retryAfter"
      FROM counted WHERE attempts > ${limit}`,
    );
    return row?.retryAfter === null || row?.retryAfter === undefined ? null : Math.max(1, row.retryAfter);
  }

  /** A successful sign-in: the account starts afresh; the address gives back the attempt it just counted. */
  async succeeded(db: DbExecutor, accountKey: string, addressKey: string): Promise<void> {
    await execute(
      db,
      Prisma.sql`
      WITH gone AS (DELETE FROM login_throttle WHERE key = ${accountKey})
      UPDATE login_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${addressKey}`,
    );
  }

  /** Drops windows that ended long ago. */
  async prune(db: DbExecutor, olderThanSeconds: number): Promise<number> {
    return execute(db, Prisma.sql`DELETE FROM login_throttle WHERE window_start < now() - make_interval(secs => ${olderThanSeconds})`);
  }
}

// Slows down password guessing: after 10 sign-in attempts in a minute for one account or one address, answer 429. Counted
// in PostgreSQL, so every API process shares the count, and counted before the password is checked, in the same statement
// that decides: simultaneous guesses each take a place in the count and the eleventh is refused whatever its password.
import { Injectable } from '@nestjs/common';
import { Database, LoginThrottleRepository } from '@claimdesk/db';

const LOGIN_LIMIT = 10;
const WINDOW_SECONDS = 60;

@Injectable()
export class LoginThrottle {
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    private readonly throttle: LoginThrottleRepository,
  ) {}

  /** Counts an attempt for the account and the address; the seconds to wait when either is over the limit, else null. */
  async attempt(accountKey: string, addressKey: string): Promise<number | null> {
    this.pruneNowAndThen();
    return this.throttle.countAttempt(this.db, [accountKey, addressKey], LOGIN_LIMIT, WINDOW_SECONDS);
  }

  /** A sign-in that succeeded: the account's count starts afresh; an address that guesses many accounts stays counted. */
  async succeeded(accountKey: string, addressKey: string): Promise<void> {
    await this.throttle.succeeded(this.db, accountKey, addressKey);
  }

  private pruneNowAndThen(): void {
    if (Date.now() - this.lastPrune < 10 * 60_000) return;
    this.lastPrune = Date.now();
    void this.throttle.prune(this.db, WINDOW_SECONDS * 10).catch(() => undefined);
  }
}

// First-run setup, login, logout, and turning a session cookie or an API token into the caller (Actor).
import { Injectable } from '@nestjs/common';
import { DomainError, type MeDto } from '@claimdesk/domain';
import { Database, MembersRepository, SessionsRepository } from '@claimdesk/db';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { setupSchema, loginSchema } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { AppConfig } from '../common/config';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './tokens';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  me: MeDto;
}

/** Other API processes see a logout or a role change after at most this long. */
const SESSION_CACHE_MS = 1_000;
/**
 * A remembered session older than this is looked up again in the background while requests go on using it, so under
 * steady traffic it is renewed before it expires and no request waits for the lookup (which, with every pool connection
 * busy, queued behind them and held up every request that arrived meanwhile, once a second).
 */
const SESSION_REFRESH_MS = 500;

@Injectable()
export class AuthService {
  private readonly sessionCache = new Map<string, { actor: Actor & { csrfToken: string }; until: number; refreshAt: number }>();
  /** Lookups under way, so the requests that find a session's entry expired at the same moment share one query. */
  private readonly sessionLookups = new Map<string, Promise<(Actor & { csrfToken: string }) | null>>();
  /** Bumped when remembered sessions are dropped: a lookup that started before must not remember what it found. */
  private sessionGeneration = 0;

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
    private readonly members: MembersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await this.members.countUsers(this.db)) === 0;
  }

  /** Creates the first admin and the default workspace; refused once any user exists. */
  async setup(input: z.infer<typeof setupSchema>, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const passwordHash = await hashPassword(input.password);
    const slug = input.workspaceSlug ?? slugify(input.workspaceName);
    const { user, workspace } = await this.db.transaction(async (tx) => {
      await this.members.lockSetup(tx);
      if ((await this.members.countUsers(tx)) > 0) throw new DomainError('SETUP_DONE', 'ClaimDesk is already set up; sign in instead');
      return this.members.createWorkspaceWithAdmin(tx, { ...input, slug, passwordHash });
    });
    return this.openSession(user.id, workspace.id, meta);
  }

  async login(input: z.infer<typeof loginSchema>, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const account = `account:${input.email.toLowerCase()}`;
    const address = `address:${meta.ip ?? 'unknown'}`;
    const retryAfter = await this.throttle.attempt(account, address);
    if (retryAfter !== null) throw new DomainError('RATE_LIMITED', `too many sign-in attempts; try again in ${retryAfter} seconds`);
    const user = await this.members.findUserForLogin(this.db, input.email);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    const membership = user?.memberships.find((m) => !input.workspace || m.workspace.slug === input.workspace);
    if (!user || !ok || !membership) throw new DomainError('UNAUTHENTICATED', 'email or password is wrong');
    await this.throttle.succeeded(account, address);
    return this.openSession(user.id, membership.workspaceId, meta);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revokeSession(this.db, sessionId);
    this.forgetSessions((actor) => actor.sessionId === sessionId);
  }

  /** Drops remembered sessions at once (logout, a member removed or a role changed) instead of waiting for them to age out. */
  forgetSessions(match: (actor: Actor) => boolean = () => true): void {
    for (const [hash, entry] of this.sessionCache) if (match(entry.actor)) this.sessionCache.delete(hash);
    this.sessionGeneration++;
    this.sessionLookups.clear();
  }

  /**
   * The caller behind a session cookie: one indexed query, remembered for a second so a burst of requests costs one lookup,
   * and renewed in the background from half a second on.
   */
  async actorForSession(token: string): Promise<(Actor & { csrfToken: string }) | null> {
    const tokenHash = sha256(token);
    const cached = this.sessionCache.get(tokenHash);
    const now = Date.now();
    if (cached && cached.until > now) {
      if (cached.refreshAt <= now && !this.sessionLookups.has(tokenHash)) this.startLookup(tokenHash).catch(() => undefined);
      return cached.actor;
    }
    return this.sessionLookups.get(tokenHash) ?? this.startLookup(tokenHash);
  }

  /** One lookup of a session at a time; the requests that need it meanwhile share it. */
  private startLookup(tokenHash: string): Promise<(Actor & { csrfToken: string }) | null> {
    const lookup = this.lookUpSession(tokenHash).finally(() => {
      if (this.sessionLookups.get(tokenHash) === lookup) this.sessionLookups.delete(tokenHash);
    });
    this.sessionLookups.set(tokenHash, lookup);
    return lookup;
  }

  private async lookUpSession(tokenHash: string): Promise<(Actor & { csrfToken: string }) | null> {
    const generation = this.sessionGeneration;
    const row = await this.sessions.findActiveSession(this.db, tokenHash);
    const actor: (Actor & { csrfToken: string }) | null = row
      ? { userId: row.userId, workspaceId: row.workspaceId, role: row.role, via: 'session', sessionId: row.id, csrfToken: row.csrfToken }
      : null;
    if (this.sessionCache.size > 10_000) this.sessionCache.clear();
    if (generation !== this.sessionGeneration) return actor;
    if (actor && row) {
      const now = Date.now();
      this.sessionCache.set(tokenHash, { actor, until: Math.min(now + SESSION_CACHE_MS, row.expiresAt.getTime()), refreshAt: now + SESSION_REFRESH_MS });
    } else this.sessionCache.delete(tokenHash);
    return actor;
  }

  async actorForApiToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await this.sessions.findApiTokenByHash(this.db, sha256(token));
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
    const membership = await this.members.findMembership(this.db, row.workspaceId, row.userId);
    if (!membership) return null;
    return { userId: row.userId, workspaceId: row.workspaceId, role: membership.role, via: 'token', tokenId: row.id, scopes: row.scopes, tokenExpiresAt: row.expiresAt };
  }

  /** Whether the session or token an actor came with still signs them in (not logged out, expired, revoked or removed). */
  async stillSignedIn(actor: Actor): Promise<boolean> {
    if (actor.sessionId) return this.sessions.isSessionLive(this.db, actor.sessionId);
    if (actor.tokenId) return this.sessions.isApiTokenLive(this.db, actor.tokenId);
    return false;
  }

  csrfMatches(expected: string, sent: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(sent);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async me(actor: Actor): Promise<MeDto> {
    const [user, workspace, session] = await Promise.all([
      this.members.findUser(this.db, actor.userId),
      this.members.findWorkspace(this.db, actor.workspaceId),
      actor.sessionId ? this.sessions.findSession(this.db, actor.sessionId) : null,
    ]);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, organisation: workspace.organisation },
      role: actor.role,
      csrfToken: session?.csrfToken ?? null,
    };
  }

  /**
   * The account behind an email and password, counted by the sign-in throttle like a sign-in; for accepting an invitation
   * with an existing account, where the person may not be a member of any workspace yet.
   */
  async verifyAccount(email: string, password: string, meta: { ip?: string }): Promise<{ id: string; email: string }> {
    const account = `account:${email.toLowerCase()}`;
    const address = `address:${meta.ip ?? 'unknown'}`;
    const retryAfter = await this.throttle.attempt(account, address);
    if (retryAfter !== null) throw new DomainError('RATE_LIMITED', `too many sign-in attempts; try again in ${retryAfter} seconds`);
    const user = await this.members.findUserByEmail(this.db, email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) throw new DomainError('UNAUTHENTICATED', 'email or password is wrong');
    await this.throttle.succeeded(account, address);
    return { id: user.id, email: user.email };
  }

  /** A new session for a member of a workspace (sign-in, or joining a workspace by invitation). */
  async openSession(userId: string, workspaceId: string, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const token = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3600_000);
    const session = await this.sessions.createSession(this.db, { userId, workspaceId, tokenHash: sha256(token), csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) });
    const membership = await this.members.findMembership(this.db, workspaceId, userId);
    if (!membership) throw new DomainError('UNAUTHENTICATED', 'you are no longer a member of this workspace');
    const me = await this.me({ userId, workspaceId, role: membership.role, via: 'session', sessionId: session.id });
    return { token, csrfToken, expiresAt, me };
  }
}

/** Shared by first-run setup and `claimdesk user create --role admin` for a new workspace. */

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length >= 2
    ? slug
    : `workspace-${newSecret(3)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`;
}

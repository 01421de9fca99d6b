// First-run setup, login, logout, and turning a session cookie or an API token into the caller (Actor).
import { Injectable } from '@nestjs/common';
import { DomainError, DEFAULT_RATING_SCALE, type MeDto, type Role } from '@claimdesk/domain';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { setupSchema, loginSchema } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AppConfig } from '../common/config';
import { PrismaService } from '../common/prisma.service';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './tokens';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  me: MeDto;
}

const SETUP_LOCK = 727_274_502;
/** Other API processes see a logout or a role change after at most this long. */
const SESSION_CACHE_MS = 1_000;

@Injectable()
export class AuthService {
  readonly throttle = new LoginThrottle();
  private readonly sessionCache = new Map<string, { actor: Actor & { csrfToken: string }; until: number }>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await this.prisma.db.user.count()) === 0;
  }

  /** Creates the first admin and the default workspace; refused once any user exists. */
  async setup(input: z.infer<typeof setupSchema>, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const passwordHash = await hashPassword(input.password);
    const slug = input.workspaceSlug ?? slugify(input.workspaceName);
    const { user, workspace } = await this.prisma.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      if ((await tx.user.count()) > 0) throw new DomainError('SETUP_DONE', 'ClaimDesk is already set up; sign in instead');
      return createWorkspaceWithAdmin(tx, { ...input, slug, passwordHash });
    });
    return this.openSession(user.id, workspace.id, meta);
  }

  async login(input: z.infer<typeof loginSchema>, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const keys = [`account:${input.email}`, `address:${meta.ip ?? 'unknown'}`];
    const retryAfter = this.throttle.isBlocked(keys);
    if (retryAfter !== null) throw new DomainError('RATE_LIMITED', `too many failed sign-ins; try again in ${retryAfter} seconds`);
    const user = await this.prisma.db.user.findUnique({
      where: { email: input.email },
      include: { memberships: { include: { workspace: true }, orderBy: { createdAt: 'asc' } } },
    });
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    const membership = user?.memberships.find((m) => !input.workspace || m.workspace.slug === input.workspace);
    if (!user || !ok || !membership) {
      this.throttle.fail(keys);
      throw new DomainError('UNAUTHENTICATED', 'email or password is wrong');
    }
    this.throttle.succeed(keys);
    return this.openSession(user.id, membership.workspaceId, meta);
  }

  async logout(sessionId: string): Promise<void> {
    await this.prisma.db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    this.forgetSessions((actor) => actor.sessionId === sessionId);
  }

  /** Drops remembered sessions at once (logout, a member removed or a role changed) instead of waiting for them to age out. */
  forgetSessions(match: (actor: Actor) => boolean = () => true): void {
    for (const [hash, entry] of this.sessionCache) if (match(entry.actor)) this.sessionCache.delete(hash);
  }

  /** The caller behind a session cookie: one indexed query, remembered for a second so a burst of requests costs one lookup. */
  async actorForSession(token: string): Promise<(Actor & { csrfToken: string }) | null> {
    const tokenHash = sha256(token);
    const cached = this.sessionCache.get(tokenHash);
    if (cached && cached.until > Date.now()) return cached.actor;
    const [row] = await this.prisma.db.$queryRaw<Array<{ id: string; user_id: string; workspace_id: string; csrf_token: string; role: Role; expires_at: Date }>>`
      SELECT s.id, s.user_id, s.workspace_id, s.csrf_token, m.role::text AS role, s.expires_at
      FROM sessions s JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > now()`;
    const actor = row ? { userId: row.user_id, workspaceId: row.workspace_id, role: row.role, via: 'session' as const, sessionId: row.id, csrfToken: row.csrf_token } : null;
    if (this.sessionCache.size > 10_000) this.sessionCache.clear();
    if (actor) this.sessionCache.set(tokenHash, { actor, until: Math.min(Date.now() + SESSION_CACHE_MS, row.expires_at.getTime()) });
    return actor;
  }

  async actorForApiToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await this.prisma.db.apiToken.findUnique({ where: { tokenHash: sha256(token) } });
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
    const membership = await this.prisma.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: row.userId } } });
    if (!membership) return null;
    return { userId: row.userId, workspaceId: row.workspaceId, role: membership.role as Role, via: 'token', scopes: row.scopes };
  }

  csrfMatches(expected: string, sent: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(sent);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async me(actor: Actor): Promise<MeDto> {
    const [user, workspace, session] = await Promise.all([
      this.prisma.db.user.findUniqueOrThrow({ where: { id: actor.userId } }),
      this.prisma.db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } }),
      actor.sessionId ? this.prisma.db.session.findUnique({ where: { id: actor.sessionId } }) : null,
    ]);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, organisation: workspace.organisation },
      role: actor.role,
      csrfToken: session?.csrfToken ?? null,
    };
  }

  private async openSession(userId: string, workspaceId: string, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const token = newSecret();
    const csrfToken = newSecret(24);
    const expiresAt = new Date(Date.now() + this.config.sessionHours * 3600_000);
    const session = await this.prisma.db.session.create({
      data: { userId, workspaceId, tokenHash: sha256(token), csrfToken, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) },
    });
    const membership = await this.prisma.db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId } } });
    const me = await this.me({ userId, workspaceId, role: membership.role as Role, via: 'session', sessionId: session.id });
    return { token, csrfToken, expiresAt, me };
  }
}

type TxClient = Parameters<Parameters<PrismaService['db']['$transaction']>[0]>[0];

/** Shared by first-run setup and `claimdesk user create --role admin` for a new workspace. */
export async function createWorkspaceWithAdmin(
  tx: TxClient,
  input: { email: string; name: string; passwordHash: string; workspaceName: string; slug: string; organisation?: string },
) {
  const workspace = await tx.workspace.create({ data: { slug: input.slug, name: input.workspaceName, organisation: input.organisation ?? input.workspaceName } });
  await tx.ratingScale.create({ data: { workspaceId: workspace.id, ratings: DEFAULT_RATING_SCALE } });
  const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: input.passwordHash } });
  await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'ADMIN' } });
  const actor = { userId: user.id, workspaceId: workspace.id };
  await audit(tx, actor, 'workspace', workspace.id, 'create', null, { slug: workspace.slug, name: workspace.name });
  await audit(tx, actor, 'membership', user.id, 'create', null, { email: user.email, role: 'ADMIN' });
  return { user, workspace };
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length >= 2 ? slug : `workspace-${newSecret(3).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

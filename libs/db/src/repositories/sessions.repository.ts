// Sign-in sessions (cookie) and personal API tokens, both stored as the SHA-256 of their secret.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';
import type { SessionActorRow } from '../rows';

export class SessionsRepository {
  /** The live session behind a token hash with the member's role: one indexed query on every request. */
  async findActiveSession(db: DbExecutor, tokenHash: string): Promise<SessionActorRow | null> {
    const [row] = await queryRows<SessionActorRow>(
      db,
      Prisma.sql`
      SELECT s.id, s.user_id AS "userId", s.workspace_id AS "workspaceId", s.csrf_token AS "csrfToken", m.role::text AS role, s.expires_at AS "expiresAt"
      FROM sessions s JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.token_hash = ${tokenHash} AND s.revoked_at IS NULL AND s.expires_at > now()`,
    );
    return row ?? null;
  }

  /** Whether a session still signs its member in: not revoked, not expired, and the membership still there. */
  async isSessionLive(db: DbExecutor, id: string): Promise<boolean> {
    const rows = await queryRows<{ ok: number }>(
      db,
      Prisma.sql`
      SELECT 1 AS ok FROM sessions s JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.id = ${id}::uuid AND s.revoked_at IS NULL AND s.expires_at > now()`,
    );
    return rows.length > 0;
  }

  /** Whether an API token still signs its member in: not revoked, not expired, and the membership still there. */
  async isApiTokenLive(db: DbExecutor, id: string): Promise<boolean> {
    const rows = await queryRows<{ ok: number }>(
      db,
      Prisma.sql`
      SELECT 1 AS ok FROM api_tokens t JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
      WHERE t.id = ${id}::uuid AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    );
    return rows.length > 0;
  }

  findSession(db: DbExecutor, id: string) {
    return prismaOf(db).session.findUnique({ where: { id } });
  }

  createSession(db: DbExecutor, data: Prisma.SessionUncheckedCreateInput) {
    return prismaOf(db).session.create({ data });
  }

  async revokeSession(db: DbExecutor, id: string): Promise<void> {
    await prismaOf(db).session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /** Signs a member out of a workspace everywhere: sessions and API tokens. */
  async revokeAllOfMember(tx: DbExecutor, workspaceId: string, userId: string): Promise<void> {
    await prismaOf(tx).session.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await prismaOf(tx).apiToken.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  findApiTokenByHash(db: DbExecutor, tokenHash: string) {
    return prismaOf(db).apiToken.findUnique({ where: { tokenHash } });
  }

  listApiTokens(db: DbExecutor, workspaceId: string, userId: string) {
    return prismaOf(db).apiToken.findMany({ where: { workspaceId, userId }, orderBy: { createdAt: 'desc' } });
  }

  /** A token of the workspace; of this user only, unless `userId` is null (admins see every token). */
  findApiToken(db: DbExecutor, workspaceId: string, id: string, userId: string | null) {
    return prismaOf(db).apiToken.findFirst({ where: { id, workspaceId, ...(userId ? { userId } : {}) } });
  }

  createApiToken(tx: DbExecutor, data: Prisma.ApiTokenUncheckedCreateInput) {
    return prismaOf(tx).apiToken.create({ data });
  }

  async revokeApiToken(tx: DbExecutor, id: string): Promise<void> {
    await prismaOf(tx).apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  }
}

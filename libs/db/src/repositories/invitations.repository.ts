// Invitations to join a workspace: one-time, expiring, stored as the SHA-256 of their secret.
import type { Role } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';

export class InvitationsRepository {
  create(tx: DbExecutor, data: { workspaceId: string; email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: Date }) {
    return prismaOf(tx).invitation.create({ data });
  }

  /** Invitations of the workspace not yet accepted, revoked or expired, newest first. */
  listPending(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).invitation.findMany({ where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: 'desc' } });
  }

  /** A usable invitation behind a token hash, with its workspace; null when unknown, used, revoked or expired. */
  findUsable(db: DbExecutor, tokenHash: string) {
    return prismaOf(db).invitation.findFirst({ where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
  }

  /** Marks the invitation used, only if it still is usable: true for exactly one of several concurrent accepts. */
  async consume(tx: DbExecutor, id: string, userId: string): Promise<boolean> {
    const { count } = await prismaOf(tx).invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date(), acceptedById: userId },
    });
    return count === 1;
  }

  /** Revokes a pending invitation of the workspace; false when there is none with this id. */
  async revoke(tx: DbExecutor, workspaceId: string, id: string): Promise<boolean> {
    const { count } = await prismaOf(tx).invitation.updateMany({ where: { id, workspaceId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    return count === 1;
  }
}

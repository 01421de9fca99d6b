// Writes one append-only audit event inside the caller's transaction.
import type { Prisma } from '@claimdesk/db';
import type { Actor } from './actor';

export type Tx = Prisma.TransactionClient;

export async function audit(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'workspaceId'> | { userId: null; workspaceId: string },
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      entity,
      entityId,
      action,
      before: before === null || before === undefined ? undefined : (JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue),
      after: after === null || after === undefined ? undefined : (JSON.parse(JSON.stringify(after)) as Prisma.InputJsonValue),
    },
  });
}

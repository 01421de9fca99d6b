// Writes one append-only audit event inside the caller's transaction (the statement lives in AuditRepository).
import { AuditRepository, type DbExecutor } from '@claimdesk/db';
import type { Actor } from './actor';

const repository = new AuditRepository();

export function audit(
  tx: DbExecutor,
  actor: Pick<Actor, 'userId' | 'workspaceId'> | { userId: null; workspaceId: string },
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  return repository.record(tx, actor, entity, entityId, action, before, after);
}

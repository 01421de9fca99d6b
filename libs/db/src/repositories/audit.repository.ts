// The append-only audit trail: one event per change, written in the caller's transaction, read per entity.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';
import type { AuditEventRow } from '../rows';

export interface AuditActor {
  userId: string | null;
  workspaceId: string;
}

/** A value as stored in a JSON column (dates as ISO strings, undefined fields dropped); null and undefined store nothing. */
function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === null || value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

export interface AuditLogFilter {
  actorId?: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Only events before this one (the previous page's last id). */
  beforeId?: bigint;
}

export class AuditRepository {
  async record(db: DbExecutor, actor: AuditActor, entity: string, entityId: string, action: string, before: unknown, after: unknown): Promise<void> {
    await prismaOf(db).auditEvent.create({ data: { workspaceId: actor.workspaceId, actorId: actor.userId, entity, entityId, action, before: json(before), after: json(after) } });
  }

  /** Events of one entity and of what hangs off it (events whose before or after names it as `<entity>Id`), oldest first. */
  history(db: DbExecutor, workspaceId: string, entity: string, entityId: string): Promise<AuditEventRow[]> {
    return queryRows<AuditEventRow>(
      db,
      Prisma.sql`
      SELECT id, actor_id AS "actorId", entity, entity_id AS "entityId", action, before, after, created_at AS "createdAt" FROM audit_events
      WHERE workspace_id = ${workspaceId}::uuid
        AND ((entity = ${entity} AND entity_id = ${entityId}) OR after->>${`${entity}Id`} = ${entityId} OR before->>${`${entity}Id`} = ${entityId})
      ORDER BY id ASC LIMIT 1000`,
    );
  }

  /** The workspace's events, newest first, filtered; `limit` at most. */
  async list(db: DbExecutor, workspaceId: string, filter: AuditLogFilter, limit: number): Promise<AuditEventRow[]> {
    return prismaOf(db).auditEvent.findMany({
      where: {
        workspaceId,
        actorId: filter.actorId,
        entity: filter.entity,
        action: filter.action,
        createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
        id: filter.beforeId === undefined ? undefined : { lt: filter.beforeId },
      },
      orderBy: { id: 'desc' },
      take: limit,
      select: { id: true, actorId: true, entity: true, entityId: true, action: true, before: true, after: true, createdAt: true },
    });
  }
}

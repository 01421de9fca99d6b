// Reading the audit trail of one entity (and of what hangs off it, like a claim's sources and verdicts).
import { Injectable } from '@nestjs/common';
import type { AuditEventDto } from '@claimdesk/domain';
import { PrismaService } from './prisma.service';

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async history(workspaceId: string, entity: string, entityId: string): Promise<AuditEventDto[]> {
    const rows = await this.prisma.db.$queryRaw<Array<{ id: bigint; actor_id: string | null; entity: string; entity_id: string; action: string; before: unknown; after: unknown; created_at: Date }>>`
      SELECT id, actor_id, entity, entity_id, action, before, after, created_at FROM audit_events
      WHERE workspace_id = ${workspaceId}::uuid
        AND ((entity = ${entity} AND entity_id = ${entityId}) OR after->>${`${entity}Id`} = ${entityId} OR before->>${`${entity}Id`} = ${entityId})
      ORDER BY id ASC LIMIT 1000`;
    const byId = await this.prisma.usersById(rows.map((r) => r.actor_id));
    return rows.map((r) => ({
      id: r.id.toString(),
      actor: r.actor_id ? (byId.get(r.actor_id) ?? null) : null,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before,
      after: r.after,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

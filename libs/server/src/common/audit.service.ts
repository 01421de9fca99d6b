// Reading the audit trail of one entity (and of what hangs off it, like a claim's sources and verdicts).
import { Injectable } from '@nestjs/common';
import type { AuditEventDto } from '@claimdesk/domain';
import { AuditRepository, Database, MembersRepository } from '@claimdesk/db';

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly members: MembersRepository,
  ) {}

  async history(workspaceId: string, entity: string, entityId: string): Promise<AuditEventDto[]> {
    const rows = await this.audit.history(this.db, workspaceId, entity, entityId);
    const byId = await this.members.usersById(
      this.db,
      rows.map((r) => r.actorId),
    );
    return rows.map((r) => ({
      id: r.id.toString(),
      actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      before: r.before,
      after: r.after,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

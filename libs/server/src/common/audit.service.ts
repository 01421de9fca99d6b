// Reading the audit trail: of one entity (and of what hangs off it, like a claim's sources and verdicts), and the
// whole workspace's log for admins, filtered and paged, or as CSV.
import { Injectable } from '@nestjs/common';
import type { AuditEventDto, AuditLogQuery, Page } from '@claimdesk/domain';
import { AuditRepository, Database, MembersRepository, type AuditEventRow, type AuditLogFilter } from '@claimdesk/db';

const AUDIT_CSV_COLUMNS = ['id', 'createdAt', 'actorEmail', 'actorName', 'entity', 'entityId', 'action', 'before', 'after'] as const;

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditRepository,
    private readonly members: MembersRepository,
  ) {}

  async history(workspaceId: string, entity: string, entityId: string): Promise<AuditEventDto[]> {
    return this.toDtos(await this.audit.history(this.db, workspaceId, entity, entityId));
  }

  /** One page of the workspace's log, newest first. */
  async list(workspaceId: string, query: AuditLogQuery): Promise<Page<AuditEventDto>> {
    const rows = await this.audit.list(this.db, workspaceId, filterOf(query), query.limit + 1);
    const items = await this.toDtos(rows.slice(0, query.limit));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  /** The whole filtered log as CSV lines (header first), read in pages so memory stays flat. */
  async *csv(workspaceId: string, query: AuditLogQuery): AsyncGenerator<string> {
    yield `\uFEFF${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
    const filter = filterOf(query);
    for (;;) {
      const page = await this.toDtos(await this.audit.list(this.db, workspaceId, filter, 1000));
      if (page.length === 0) return;
      yield page
        .map((e) => [e.id, e.createdAt, e.actor?.email ?? '', e.actor?.name ?? '', e.entity, e.entityId, e.action, jsonCell(e.before), jsonCell(e.after)].map(csvCell).join(',') + '\r\n')
        .join('');
      if (page.length < 1000) return;
      filter.beforeId = BigInt(page[page.length - 1].id);
    }
  }

  private async toDtos(rows: AuditEventRow[]): Promise<AuditEventDto[]> {
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

function filterOf(query: AuditLogQuery): AuditLogFilter {
  return {
    actorId: query.actor,
    entity: query.entity,
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: query.cursor ? BigInt(query.cursor) : undefined,
  };
}

function jsonCell(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

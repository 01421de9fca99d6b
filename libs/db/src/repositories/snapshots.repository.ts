// Captured snapshots of sources, excerpts quoted into them, and link checks of the live pages.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';

/** Everything about a snapshot but its bytes, for lists. */
const SUMMARY = {
  id: true,
  workspaceId: true,
  sourceId: true,
  requestedUrl: true,
  finalUrl: true,
  httpStatus: true,
  contentType: true,
  sha256: true,
  byteSize: true,
  textSha256: true,
  title: true,
  byline: true,
  publishedAt: true,
  capturedById: true,
  capturedAt: true,
} as const;

export class SnapshotsRepository {
  create(tx: DbExecutor, data: Prisma.SnapshotUncheckedCreateInput) {
    return prismaOf(tx).snapshot.create({ data, select: SUMMARY });
  }

  /** Snapshots of a source, newest first, without bytes or text. */
  listForSource(db: DbExecutor, workspaceId: string, sourceId: string) {
    return prismaOf(db).snapshot.findMany({ where: { workspaceId, sourceId }, orderBy: [{ capturedAt: 'desc' }, { id: 'desc' }], select: SUMMARY });
  }

  /** The latest snapshot of each of the given sources, with its text (claim panel, reports, link checks). */
  latestForSources(db: DbExecutor, workspaceId: string, sourceIds: string[]) {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return queryRows<Prisma.SnapshotGetPayload<{ select: typeof SUMMARY }> & { text: string }>(
      db,
      Prisma.sql`SELECT DISTINCT ON (source_id) id, workspace_id AS "workspaceId", source_id AS "sourceId", requested_url AS "requestedUrl", final_url AS "finalUrl",
          http_status AS "httpStatus", content_type AS "contentType", sha256, byte_size AS "byteSize", text_sha256 AS "textSha256", title, byline,
          published_at AS "publishedAt", captured_by_id AS "capturedById", captured_at AS "capturedAt", text
        FROM snapshots WHERE workspace_id = ${workspaceId}::uuid AND source_id IN (${Prisma.join(sourceIds.map((id) => Prisma.sql`${id}::uuid`))})
        ORDER BY source_id, captured_at DESC, id DESC`,
    );
  }

  /** One snapshot of a source with its text (no bytes). */
  findWithText(db: DbExecutor, workspaceId: string, sourceId: string, id: string) {
    return prismaOf(db).snapshot.findFirst({ where: { id, workspaceId, sourceId }, select: { ...SUMMARY, text: true } });
  }

  /** One snapshot with its stored (gzipped) bytes, for download. */
  findContent(db: DbExecutor, workspaceId: string, sourceId: string, id: string) {
    return prismaOf(db).snapshot.findFirst({ where: { id, workspaceId, sourceId }, select: { ...SUMMARY, content: true } });
  }

  findById(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).snapshot.findFirst({ where: { id, workspaceId }, select: { ...SUMMARY, text: true } });
  }

  upsertQuote(tx: DbExecutor, data: Prisma.ExcerptQuoteUncheckedCreateInput) {
    const { claimSourceId, ...rest } = data;
    return prismaOf(tx).excerptQuote.upsert({ where: { workspaceId_claimSourceId: { workspaceId: data.workspaceId, claimSourceId } }, create: data, update: rest });
  }

  async deleteQuote(tx: DbExecutor, claimSourceId: string): Promise<void> {
    await prismaOf(tx).excerptQuote.deleteMany({ where: { claimSourceId } });
  }

  quotesFor(db: DbExecutor, workspaceId: string, claimSourceIds: string[]) {
    return prismaOf(db).excerptQuote.findMany({ where: { workspaceId, claimSourceId: { in: claimSourceIds } } });
  }

  createLinkCheck(tx: DbExecutor, data: Prisma.LinkCheckUncheckedCreateInput) {
    return prismaOf(tx).linkCheck.create({ data });
  }

  /** The latest link check of each of the given sources. */
  latestLinkChecks(db: DbExecutor, workspaceId: string, sourceIds: string[]) {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return queryRows<Prisma.LinkCheckGetPayload<object>>(
      db,
      Prisma.sql`SELECT DISTINCT ON (source_id) id, workspace_id AS "workspaceId", source_id AS "sourceId", snapshot_id AS "snapshotId", outcome, http_status AS "httpStatus", detail, checked_at AS "checkedAt"
        FROM link_checks WHERE workspace_id = ${workspaceId}::uuid AND source_id IN (${Prisma.join(sourceIds.map((id) => Prisma.sql`${id}::uuid`))})
        ORDER BY source_id, checked_at DESC, id DESC`,
    );
  }

  /** Sources of a workspace that have a snapshot and a URL, least recently checked first (the link check's work list). */
  sourcesToCheck(db: DbExecutor, workspaceId: string, limit: number) {
    return queryRows<{ id: string; url: string }>(
      db,
      Prisma.sql`SELECT s.id, s.url FROM sources s
        WHERE s.workspace_id = ${workspaceId}::uuid AND s.url IS NOT NULL AND EXISTS (SELECT 1 FROM snapshots n WHERE n.source_id = s.id)
        ORDER BY (SELECT max(checked_at) FROM link_checks c WHERE c.source_id = s.id) ASC NULLS FIRST, s.created_at
        LIMIT ${limit}`,
    );
  }

  /** Workspaces with captured sources to look at again, each with the member the check acts for (its longest-standing admin). */
  workspacesToCheck(db: DbExecutor) {
    return queryRows<{ workspaceId: string; userId: string }>(
      db,
      Prisma.sql`SELECT w.workspace_id AS "workspaceId", m.user_id AS "userId"
        FROM (SELECT DISTINCT s.workspace_id FROM sources s WHERE s.url IS NOT NULL AND EXISTS (SELECT 1 FROM snapshots n WHERE n.source_id = s.id)) w
        JOIN LATERAL (SELECT user_id FROM memberships m WHERE m.workspace_id = w.workspace_id AND m.role = 'ADMIN' ORDER BY m.created_at, m.id LIMIT 1) m ON true
        ORDER BY w.workspace_id`,
    );
  }
}

// The feeds a workspace watches and the items seen in them.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';

export class FeedsRepository {
  list(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).feed.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  find(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).feed.findFirst({ where: { id, workspaceId } });
  }

  create(tx: DbExecutor, data: Prisma.FeedUncheckedCreateInput) {
    return prismaOf(tx).feed.create({ data });
  }

  /** Changes a feed's settings and bumps its version. */
  update(tx: DbExecutor, workspaceId: string, id: string, data: Pick<Prisma.FeedUncheckedUpdateInput, 'paused' | 'intervalMinutes' | 'title'>) {
    return prismaOf(tx).feed.update({ where: { workspaceId_id: { workspaceId, id } }, data: { ...data, version: { increment: 1 } } });
  }

  async remove(tx: DbExecutor, workspaceId: string, id: string): Promise<void> {
    await prismaOf(tx).feed.delete({ where: { workspaceId_id: { workspaceId, id } } });
  }

  /** The outcome of a poll: validators for the next conditional request, the time, the error or its absence. */
  async recordPoll(
    tx: DbExecutor,
    workspaceId: string,
    id: string,
    outcome: { etag?: string | null; lastModified?: string | null; title?: string | null; error: string | null; imported: number },
  ): Promise<void> {
    const now = new Date();
    await prismaOf(tx).feed.update({
      where: { workspaceId_id: { workspaceId, id } },
      data: {
        lastPolledAt: now,
        lastError: outcome.error,
        ...(outcome.error === null ? { lastSuccessAt: now } : {}),
        ...(outcome.etag !== undefined ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified !== undefined ? { lastModified: outcome.lastModified } : {}),
        ...(outcome.title ? { title: outcome.title } : {}),
        itemsImported: { increment: outcome.imported },
      },
    });
  }

  /** Feeds not paused whose interval has passed since their last poll, across workspaces, longest waiting first. */
  due(db: DbExecutor, now: Date, limit: number) {
    return queryRows<{ id: string; workspaceId: string; createdById: string }>(
      db,
      Prisma.sql`SELECT id, workspace_id AS "workspaceId", created_by_id AS "createdById" FROM feeds
        WHERE NOT paused AND (last_polled_at IS NULL OR last_polled_at + make_interval(mins => interval_minutes) <= ${now})
        ORDER BY last_polled_at ASC NULLS FIRST LIMIT ${limit}`,
    );
  }

  /** Check-worthy claims created since a time in the given articles, counted per article (what a poll brought in). */
  checkWorthySince(db: DbExecutor, workspaceId: string, articleIds: string[], since: Date) {
    if (!articleIds.length) return Promise.resolve([]);
    return queryRows<{ articleId: string; claims: number }>(
      db,
      Prisma.sql`SELECT article_id::text AS "articleId", count(*)::int AS claims FROM claims
        WHERE workspace_id = ${workspaceId}::uuid AND article_id = ANY(${articleIds}::uuid[]) AND check_worthy AND created_at >= ${since}
        GROUP BY article_id ORDER BY article_id`,
    );
  }

  itemsByGuid(db: DbExecutor, feedId: string, guids: string[]) {
    return prismaOf(db).feedItem.findMany({ where: { feedId, guid: { in: guids } } });
  }

  /** The article an item with this link already became in the workspace, from any feed. */
  async articleForUrl(db: DbExecutor, workspaceId: string, url: string): Promise<string | null> {
    return (await prismaOf(db).feedItem.findFirst({ where: { workspaceId, url, NOT: { articleId: null } }, select: { articleId: true } }))?.articleId ?? null;
  }

  upsertItem(tx: DbExecutor, data: Prisma.FeedItemUncheckedCreateInput & { feedId: string }) {
    const { feedId, guid, ...rest } = data;
    return prismaOf(tx).feedItem.upsert({ where: { workspaceId_feedId_guid: { workspaceId: data.workspaceId, feedId, guid } }, create: data, update: rest });
  }

  recentItems(db: DbExecutor, workspaceId: string, feedId: string, take: number) {
    return prismaOf(db).feedItem.findMany({ where: { workspaceId, feedId }, orderBy: [{ firstSeenAt: 'desc' }, { id: 'desc' }], take });
  }
}

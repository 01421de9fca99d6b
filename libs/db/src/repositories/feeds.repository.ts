// The feeds a workspace watches and the items seen in them.
import { Prisma, type Feed } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { execute, queryRows, typedFields } from '../sql';
import type { FeedItemRow } from '../rows';

const FEED_COLUMNS = Prisma.sql`id, workspace_id AS "workspaceId", url, title, interval_minutes AS "intervalMinutes", paused, etag, last_modified AS "lastModified",
  last_polled_at AS "lastPolledAt", last_success_at AS "lastSuccessAt", last_error AS "lastError", items_imported AS "itemsImported",
  created_by_id AS "createdById", created_at AS "createdAt", version`;

/** A feed item's columns that a poll may set, and how each is written. */
const ITEM_COLUMNS = {
  url: { column: 'url', cast: 'text' },
  title: { column: 'title', cast: 'text' },
  articleId: { column: 'article_id', cast: 'uuid' },
  itemUpdatedAt: { column: 'item_updated_at', cast: 'timestamptz' },
  error: { column: 'error', cast: 'text' },
  importedAt: { column: 'imported_at', cast: 'timestamptz' },
} as const;

/** What a poll writes about one item; a field left undefined keeps its stored value (a new item: null). */
export type FeedItemWrite = { workspaceId: string; feedId: string; guid: string } & { [K in keyof typeof ITEM_COLUMNS]?: string | Date | null };

export class FeedsRepository {
  list(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).feed.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** One feed of the workspace (the poll reads it first: straight on the pool, outside Prisma's query engine). */
  async find(db: DbExecutor, workspaceId: string, id: string): Promise<Feed | null> {
    const [row] = await queryRows<Feed>(db, Prisma.sql`SELECT ${FEED_COLUMNS} FROM feeds WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}::uuid`);
    return row ?? null;
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
    const sets = [Prisma.sql`last_polled_at = ${now}`, Prisma.sql`last_error = ${outcome.error}`, Prisma.sql`items_imported = items_imported + ${outcome.imported}::int`];
    if (outcome.error === null) sets.push(Prisma.sql`last_success_at = ${now}`);
    if (outcome.etag !== undefined) sets.push(Prisma.sql`etag = ${outcome.etag}`);
    if (outcome.lastModified !== undefined) sets.push(Prisma.sql`last_modified = ${outcome.lastModified}`);
    if (outcome.title) sets.push(Prisma.sql`title = ${outcome.title}`);
    await execute(tx, Prisma.sql`UPDATE feeds SET ${Prisma.join(sets, ', ')} WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}::uuid`);
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

  /** The items of a feed with these GUIDs (what a poll has seen before). */
  itemsByGuid(db: DbExecutor, workspaceId: string, feedId: string, guids: string[]): Promise<FeedItemRow[]> {
    if (!guids.length) return Promise.resolve([]);
    return queryRows<FeedItemRow>(
      db,
      Prisma.sql`SELECT guid, article_id AS "articleId", item_updated_at AS "itemUpdatedAt", error FROM feed_items
        WHERE workspace_id = ${workspaceId}::uuid AND feed_id = ${feedId}::uuid AND guid = ANY(${guids}::text[])`,
    );
  }

  /** The article an item with this link already became in the workspace, from any feed. */
  async articleForUrl(db: DbExecutor, workspaceId: string, url: string): Promise<string | null> {
    const [row] = await queryRows<{ articleId: string }>(
      db,
      Prisma.sql`SELECT article_id AS "articleId" FROM feed_items WHERE workspace_id = ${workspaceId}::uuid AND url = ${url} AND article_id IS NOT NULL LIMIT 1`,
    );
    return row?.articleId ?? null;
  }

  /** Records an item by its GUID: a new row, or the given fields of the one already there (one statement). */
  async upsertItem(tx: DbExecutor, data: FeedItemWrite): Promise<void> {
    const fields = typedFields(ITEM_COLUMNS, data);
    const update = fields.length
      ? Prisma.sql`DO UPDATE SET ${Prisma.join(
          fields.map((f) => Prisma.sql`${f.column} = EXCLUDED.${f.column}`),
          ', ',
        )}`
      : Prisma.sql`DO NOTHING`;
    const columns = fields.map((f) => Prisma.sql`, ${f.column}`);
    const values = fields.map((f) => Prisma.sql`, ${f.value}`);
    await execute(
      tx,
      Prisma.sql`INSERT INTO feed_items (id, workspace_id, feed_id, guid${fields.length ? Prisma.join(columns, '') : Prisma.empty})
        VALUES (gen_random_uuid(), ${data.workspaceId}::uuid, ${data.feedId}::uuid, ${data.guid}${fields.length ? Prisma.join(values, '') : Prisma.empty})
        ON CONFLICT (workspace_id, feed_id, guid) ${update}`,
    );
  }

  recentItems(db: DbExecutor, workspaceId: string, feedId: string, take: number) {
    return prismaOf(db).feedItem.findMany({ where: { workspaceId, feedId }, orderBy: [{ firstSeenAt: 'desc' }, { id: 'desc' }], take });
  }
}

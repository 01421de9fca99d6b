// Members' notifications (the inbox), the members a comment mentions, and who watches which feed.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { execute, queryRows } from '../sql';

export interface NewNotification {
  workspaceId: string;
  recipientId: string;
  type: string;
  claimId?: string | null;
  verdictId?: string | null;
  articleId?: string | null;
  feedId?: string | null;
  commentId?: string | null;
  actorId?: string | null;
  text: { title: string; body?: string | null };
}

export class InboxRepository {
  /** Writes notifications (in the transaction of the change that causes them); returns their ids with their recipients. */
  async create(tx: DbExecutor, items: NewNotification[]): Promise<Array<{ id: string; recipientId: string }>> {
    const out: Array<{ id: string; recipientId: string }> = [];
    for (const n of items) {
      const row = await prismaOf(tx).notification.create({
        data: {
          workspaceId: n.workspaceId,
          recipientId: n.recipientId,
          type: n.type,
          claimId: n.claimId ?? null,
          verdictId: n.verdictId ?? null,
          articleId: n.articleId ?? null,
          feedId: n.feedId ?? null,
          commentId: n.commentId ?? null,
          actorId: n.actorId ?? null,
          text: n.text,
        },
        select: { id: true, recipientId: true },
      });
      out.push(row);
    }
    return out;
  }

  /** The recipient's notifications in the workspace, newest first, after the cursor (the last id of the previous page). */
  async list(db: DbExecutor, workspaceId: string, recipientId: string, options: { unreadOnly: boolean; cursor?: { createdAt: Date; id: string }; limit: number }) {
    return prismaOf(db).notification.findMany({
      where: {
        workspaceId,
        recipientId,
        ...(options.unreadOnly ? { readAt: null } : {}),
        ...(options.cursor ? { OR: [{ createdAt: { lt: options.cursor.createdAt } }, { createdAt: options.cursor.createdAt, id: { lt: options.cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
    });
  }

  find(db: DbExecutor, workspaceId: string, recipientId: string, id: string) {
    return prismaOf(db).notification.findFirst({ where: { id, workspaceId, recipientId } });
  }

  unreadCount(db: DbExecutor, workspaceId: string, recipientId: string): Promise<number> {
    return prismaOf(db).notification.count({ where: { workspaceId, recipientId, readAt: null } });
  }

  /** Marks one of the recipient's notifications read (once: a read one keeps its first time); false when it is not theirs. */
  async markRead(db: DbExecutor, workspaceId: string, recipientId: string, id: string): Promise<boolean> {
    const n = await execute(
      db,
      Prisma.sql`UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = ${id}::uuid AND workspace_id = ${workspaceId}::uuid AND recipient_id = ${recipientId}::uuid`,
    );
    return n > 0;
  }

  async markAllRead(db: DbExecutor, workspaceId: string, recipientId: string): Promise<number> {
    return execute(db, Prisma.sql`UPDATE notifications SET read_at = now() WHERE workspace_id = ${workspaceId}::uuid AND recipient_id = ${recipientId}::uuid AND read_at IS NULL`);
  }

  async recordMentions(tx: DbExecutor, workspaceId: string, commentId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await prismaOf(tx).commentMention.createMany({ data: userIds.map((userId) => ({ workspaceId, commentId, userId })), skipDuplicates: true });
  }

  /** Members of the workspace with the role, for notifying reviewers. */
  membersWithRoles(db: DbExecutor, workspaceId: string, roles: string[]) {
    return queryRows<{ userId: string }>(db, Prisma.sql`SELECT user_id AS "userId" FROM memberships WHERE workspace_id = ${workspaceId}::uuid AND role::text IN (${Prisma.join(roles)})`);
  }

  async setWatching(tx: DbExecutor, workspaceId: string, feedId: string, userId: string, watching: boolean): Promise<void> {
    if (watching) await execute(tx, Prisma.sql`INSERT INTO feed_watchers (feed_id, user_id, workspace_id) VALUES (${feedId}::uuid, ${userId}::uuid, ${workspaceId}::uuid) ON CONFLICT DO NOTHING`);
    else await execute(tx, Prisma.sql`DELETE FROM feed_watchers WHERE feed_id = ${feedId}::uuid AND user_id = ${userId}::uuid AND workspace_id = ${workspaceId}::uuid`);
  }

  async watchedFeeds(db: DbExecutor, workspaceId: string, userId: string): Promise<string[]> {
    const rows = await prismaOf(db).feedWatcher.findMany({ where: { workspaceId, userId }, select: { feedId: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => r.feedId);
  }

  /** Members who watch the feed (and are still members of its workspace). */
  async feedWatchers(db: DbExecutor, workspaceId: string, feedId: string): Promise<string[]> {
    const rows = await queryRows<{ userId: string }>(
      db,
      Prisma.sql`SELECT w.user_id AS "userId" FROM feed_watchers w JOIN memberships m ON m.user_id = w.user_id AND m.workspace_id = w.workspace_id
        WHERE w.workspace_id = ${workspaceId}::uuid AND w.feed_id = ${feedId}::uuid`,
    );
    return rows.map((r) => r.userId);
  }
}

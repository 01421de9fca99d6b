// A member's own inbox: their notifications, the unread count, marking read, and the feeds they watch.
import { Injectable } from '@nestjs/common';
import { Database, FeedsRepository, InboxRepository, MembersRepository, type Notification } from '@claimdesk/db';
import { DomainError, type FeedWatchDto, type NotificationDto, type NotificationType, type Page, type UnreadCountDto, type UserDto } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly inbox: InboxRepository,
    private readonly members: MembersRepository,
    private readonly feeds: FeedsRepository,
    private readonly events: EventsService,
  ) {}

  async list(actor: Actor, query: { unread?: 'true' | 'false'; cursor?: string; limit: number }): Promise<Page<NotificationDto>> {
    const cursor = query.cursor ? parseCursor(query.cursor) : undefined;
    const rows = await this.inbox.list(this.db, actor.workspaceId, actor.userId, { unreadOnly: query.unread === 'true', cursor, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const users = await this.members.usersById(
      this.db,
      page.map((r) => r.actorId),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toNotificationDto(r, r.actorId ? (users.get(r.actorId) ?? null) : null)),
      nextCursor: rows.length > query.limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
    };
  }

  async unreadCount(actor: Actor): Promise<UnreadCountDto> {
    return { unread: await this.inbox.unreadCount(this.db, actor.workspaceId, actor.userId) };
  }

  /** Marks one of the caller's notifications read; another member's is 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    if (!(await this.inbox.markRead(this.db, actor.workspaceId, actor.userId, id))) throw notFound('notification');
    const row = await this.inbox.find(this.db, actor.workspaceId, actor.userId, id);
    if (!row) throw notFound('notification');
    this.announce(actor, id);
    const user = row.actorId ? ((await this.members.usersById(this.db, [row.actorId])).get(row.actorId) ?? null) : null;
    return toNotificationDto(row, user);
  }

  async markAllRead(actor: Actor): Promise<UnreadCountDto> {
    await this.inbox.markAllRead(this.db, actor.workspaceId, actor.userId);
    this.announce(actor, actor.userId);
    return this.unreadCount(actor);
  }

  async watchedFeeds(actor: Actor): Promise<FeedWatchDto[]> {
    return (await this.inbox.watchedFeeds(this.db, actor.workspaceId, actor.userId)).map((feedId) => ({ feedId, watching: true }));
  }

  async watch(actor: Actor, feedId: string, watching: boolean): Promise<FeedWatchDto> {
    await this.db.transaction(async (tx) => {
      if (!(await this.feeds.find(tx, actor.workspaceId, feedId))) throw notFound('feed');
      await this.inbox.setWatching(tx, actor.workspaceId, feedId, actor.userId, watching);
    });
    return { feedId, watching };
  }

  /** The caller's other tabs refetch their count. */
  private announce(actor: Actor, id: string): void {
    this.events.publish(actor.workspaceId, { type: 'notification', id, action: 'read', actorId: actor.userId, recipientId: actor.userId });
  }
}

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = cursor.split('_');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new DomainError('VALIDATION_FAILED', 'the cursor is not one this API gave', [{ path: 'cursor', message: 'unknown cursor' }]);
  return { createdAt, id };
}

function toNotificationDto(row: Notification, actor: UserDto | null): NotificationDto {
  const text = (row.text ?? {}) as { title?: string; body?: string | null };
  const phrase = text.title ?? '';
  return {
    id: row.id,
    type: row.type as NotificationType,
    actor,
    claimId: row.claimId,
    verdictId: row.verdictId,
    articleId: row.articleId,
    feedId: row.feedId,
    commentId: row.commentId,
    title: actor ? `${actor.name} ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1),
    body: text.body ?? null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

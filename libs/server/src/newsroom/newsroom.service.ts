// What the newsroom hears of a change: notifications for the members it concerns, and webhook deliveries for the endpoints
// that listen to its event. Both are written in the transaction of the change (the services call `record` with their tx);
// once it commits, recipients' live streams are told (ids only) and the deliveries are queued as jobs.
import { Injectable } from '@nestjs/common';
import { Database, InboxRepository, MembersRepository, WebhooksRepository, type DbExecutor, type NewNotification, type Prisma } from '@claimdesk/db';
import { REVIEWERS, type NotificationType, type WebhookEvent } from '@claimdesk/domain';
import { EventsService } from '../events/events.service';
import { JobQueue } from '../jobs/job-queue.service';

interface ClaimRef {
  id: string;
  articleId: string;
  text: string;
}

/** A change the newsroom may hear about. */
export type NewsroomChange =
  | { kind: 'claimAssigned'; claim: ClaimRef; assigneeId: string }
  | { kind: 'claimFlagged'; claim: ClaimRef }
  | { kind: 'verdictProposed'; claim: ClaimRef; verdict: { id: string; authorId: string; ratingKey: string } }
  | { kind: 'verdictReviewed'; claim: ClaimRef; verdict: { id: string; authorId: string; ratingKey: string }; approved: boolean; comment: string | null }
  | { kind: 'mentioned'; claim: ClaimRef; commentId: string; body: string; userIds: string[] }
  | { kind: 'feedClaims'; feed: { id: string; title: string | null; url: string }; claims: number; articles: number }
  | { kind: 'reportPublished'; report: { id: string; articleId: string; version: number; url: string } };

interface Who {
  workspaceId: string;
  userId: string | null;
}

@Injectable()
export class NewsroomService {
  constructor(
    private readonly db: Database,
    private readonly inbox: InboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly members: MembersRepository,
    private readonly events: EventsService,
    private readonly queue: JobQueue,
  ) {}

  /** Writes the change's notifications and webhook deliveries in `tx`; announces and queues them after the commit. */
  async record(tx: DbExecutor, actor: Who, change: NewsroomChange): Promise<void> {
    const notifications = (await this.notificationsFor(tx, actor, change)).filter((n) => n.recipientId !== actor.userId);
    const created = notifications.length ? await this.inbox.create(tx, notifications) : [];
    const webhook = webhookOf(change);
    const deliveries = webhook ? await this.enqueue(tx, actor, webhook.event, webhook.data) : [];
    if (created.length === 0 && deliveries.length === 0) return;
    this.db.afterCommit(tx, () => {
      for (const n of created) this.events.publish(actor.workspaceId, { type: 'notification', id: n.id, action: 'created', actorId: actor.userId, recipientId: n.recipientId });
      for (const id of deliveries) void this.sendDelivery(actor.workspaceId, id);
    });
  }

  /** Queues the job that sends a delivery; a failure here leaves the row pending for the sweep to pick up. */
  async sendDelivery(workspaceId: string, deliveryId: string): Promise<void> {
    await this.queue.send('webhook-deliver', { workspaceId, userId: null, role: null, deliveryId }).catch(() => undefined);
  }

  private async enqueue(tx: DbExecutor, actor: Who, event: WebhookEvent, data: Record<string, unknown>): Promise<string[]> {
    const { workspaceId } = actor;
    const endpoints = await this.webhooks.listenersOf(tx, workspaceId, event);
    if (endpoints.length === 0) return [];
    const user = actor.userId ? (await this.members.usersById(tx, [actor.userId])).get(actor.userId) : undefined;
    const payload = { event, workspaceId, createdAt: new Date().toISOString(), actor: user ? { id: user.id, name: user.name } : null, data } as Prisma.InputJsonValue;
    return this.webhooks.enqueue(
      tx,
      workspaceId,
      endpoints.map((e) => e.id),
      event,
      payload,
    );
  }

  private async notificationsFor(tx: DbExecutor, actor: Who, change: NewsroomChange): Promise<NewNotification[]> {
    const base = (recipientId: string, type: NotificationType, text: NewNotification['text'], refs: Partial<NewNotification> = {}): NewNotification => ({
      workspaceId: actor.workspaceId,
      recipientId,
      type,
      actorId: actor.userId,
      text,
      ...refs,
    });
    switch (change.kind) {
      case 'claimAssigned':
        return [base(change.assigneeId, 'assigned', { title: 'assigned a claim to you', body: excerpt(change.claim.text) }, claimRefs(change.claim))];
      case 'verdictProposed': {
        const reviewers = await this.inbox.membersWithRoles(tx, actor.workspaceId, [...REVIEWERS]);
        return reviewers
          .filter((r) => r.userId !== change.verdict.authorId)
          .map((r) =>
            base(r.userId, 'review_requested', { title: 'proposed a verdict for your review', body: excerpt(change.claim.text) }, { ...claimRefs(change.claim), verdictId: change.verdict.id }),
          );
      }
      case 'verdictReviewed':
        return [
          base(
            change.verdict.authorId,
            change.approved ? 'verdict_approved' : 'verdict_changes_requested',
            { title: change.approved ? 'approved your verdict' : 'sent your verdict back', body: change.comment ? excerpt(change.comment) : excerpt(change.claim.text) },
            { ...claimRefs(change.claim), verdictId: change.verdict.id },
          ),
        ];
      case 'mentioned':
        return change.userIds.map((id) => base(id, 'mention', { title: 'mentioned you in a comment', body: excerpt(change.body) }, { ...claimRefs(change.claim), commentId: change.commentId }));
      case 'feedClaims': {
        const watchers = await this.inbox.feedWatchers(tx, actor.workspaceId, change.feed.id);
        const name = change.feed.title ?? change.feed.url;
        const title = `${change.claims} new check-worthy claim${change.claims === 1 ? '' : 's'} from ${name}`;
        return watchers.map((id) => base(id, 'feed_claims', { title, body: `${change.articles} article${change.articles === 1 ? '' : 's'} imported` }, { feedId: change.feed.id, actorId: null }));
      }
      default:
        return [];
    }
  }
}

function claimRefs(claim: ClaimRef): Partial<NewNotification> {
  return { claimId: claim.id, articleId: claim.articleId };
}

function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The webhook event of a change, with its data (ids and the words an integrator needs, nothing private). */
function webhookOf(change: NewsroomChange): { event: WebhookEvent; data: Record<string, unknown> } | null {
  switch (change.kind) {
    case 'claimFlagged':
      return { event: 'claim.flagged', data: { claim: change.claim } };
    case 'verdictProposed':
      return { event: 'verdict.proposed', data: { claim: change.claim, verdict: { id: change.verdict.id, ratingKey: change.verdict.ratingKey } } };
    case 'verdictReviewed':
      return {
        event: change.approved ? 'verdict.approved' : 'verdict.changes_requested',
        data: { claim: change.claim, verdict: { id: change.verdict.id, ratingKey: change.verdict.ratingKey }, comment: change.comment },
      };
    case 'reportPublished':
      return { event: 'report.published', data: { report: change.report } };
    default:
      return null;
  }
}

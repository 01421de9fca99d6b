// The feeds a workspace watches: subscribe, pause, remove, and poll (conditional requests; new items imported as articles,
// deduplicated by GUID and link; updated items re-imported as new revisions; errors recorded per feed).
import { Injectable } from '@nestjs/common';
import { DomainError, createFeedSchema, updateFeedSchema, type FeedDto, type FeedPollDto } from '@claimdesk/domain';
import { FEED_KINDS, FetchError, decodePage, parseFeed, type FeedEntry } from '@claimdesk/fetcher';
import { Database, FeedsRepository, type Feed } from '@claimdesk/db';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound, staleVersion } from '../common/version';
import { ArticlesService } from '../articles/articles.service';
import { WebFetcher } from '../evidence/web-fetcher';
import { toFeedDto } from './feed.mapper';
import { JobQueue } from '../jobs/job-queue.service';
import { NewsroomService } from '../newsroom/newsroom.service';
import { EventsService } from '../events/events.service';
import { Subject } from 'rxjs';

/** New items imported in one poll at most; the rest wait for the next poll (they stay in the feed). */
const MAX_IMPORTS_PER_POLL = 30;

/** What one poll of a feed brought (in the process that ran it), for whoever wants to react, such as notifications. */
interface FeedPolled {
  workspaceId: string;
  feedId: string;
  result: FeedPollDto;
}

/** The singleton key of a feed's poll jobs: one waiting and one running at most, across processes. */
const pollKey = (feedId: string) => `feed:${feedId}`;

@Injectable()
export class FeedsService {
  constructor(
    private readonly db: Database,
    private readonly feeds: FeedsRepository,
    private readonly articles: ArticlesService,
    private readonly web: WebFetcher,
    private readonly queue: JobQueue,
    private readonly newsroom: NewsroomService,
    private readonly events: EventsService,
  ) {
    // Items are deduplicated by GUID and link, so a poll repeated after a crash imports nothing twice.
    this.queue.work('feed-poll', (job) => this.poll(job.data.workspaceId, job.data.feedId));
    // Every minute, whichever process runs workers queues the polls that are due.
    this.queue.every('feeds-due', '* * * * *', () => this.queueDue());
  }

  /**
   * Every poll's outcome in this process (after it is recorded), with the new check-worthy claims it brought. Polls run where
   * jobs run; other processes hear of them through the live event `{ type: 'feed', action: 'polled', id, articleIds }`.
   */
  readonly polled = new Subject<FeedPolled>();

  async list(actor: Actor): Promise<FeedDto[]> {
    return (await this.feeds.list(this.db, actor.workspaceId)).map(toFeedDto);
  }

  async get(actor: Actor, id: string): Promise<FeedDto> {
    return toFeedDto(await this.load(actor.workspaceId, id));
  }

  /** Subscribes the workspace to a feed. The first poll is the caller's to start (poll now, or the schedule). */
  async create(actor: Actor, input: z.infer<typeof createFeedSchema>): Promise<FeedDto> {
    const row = await this.db.transaction(async (tx) => {
      const created = await this.feeds.create(tx, { workspaceId: actor.workspaceId, url: input.url, title: input.title ?? null, intervalMinutes: input.intervalMinutes, createdById: actor.userId });
      await audit(tx, actor, 'feed', created.id, 'create', null, { url: created.url, intervalMinutes: created.intervalMinutes });
      return created;
    });
    return toFeedDto(row);
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateFeedSchema>): Promise<FeedDto> {
    const { version, ...changes } = input;
    const row = await this.db.transaction(async (tx) => {
      const current = await this.feeds.find(tx, actor.workspaceId, id);
      if (!current) throw notFound('feed');
      if (current.version !== version) throw staleVersion('feed', toFeedDto(current));
      const updated = await this.feeds.update(tx, actor.workspaceId, id, changes);
      await audit(tx, actor, 'feed', id, 'update', { paused: current.paused, intervalMinutes: current.intervalMinutes }, { paused: updated.paused, intervalMinutes: updated.intervalMinutes });
      return updated;
    });
    return toFeedDto(row);
  }

  /** Unsubscribes; the articles imported from the feed stay. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.feeds.find(tx, actor.workspaceId, id);
      if (!current) throw notFound('feed');
      await this.feeds.remove(tx, actor.workspaceId, id);
      await audit(tx, actor, 'feed', id, 'delete', { url: current.url }, null);
    });
  }

  /** Polls one feed of the caller's workspace now, in the caller's process (the command line). */
  async pollNow(actor: Actor, id: string): Promise<FeedPollDto> {
    return this.poll(actor.workspaceId, id);
  }

  /** Queues a poll of one feed of the caller's workspace; answers with the job's id (the waiting or running poll's, if there is one). */
  async queuePoll(actor: Actor, id: string): Promise<string> {
    await this.load(actor.workspaceId, id);
    return (await this.queue.sendOnce('feed-poll', { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role, feedId: id }, pollKey(id))).jobId;
  }

  /**
   * The scheduled tick (the `feeds-due` job, every minute): queues a poll for every feed not paused whose interval has
   * passed and that has no poll waiting or running. Each poll carries the feed's singleton key, so however many processes
   * tick, a feed is never polled twice at once. Answers the ids of the feeds it queued.
   */
  async queueDue(now = new Date(), limit = 500): Promise<string[]> {
    const queued: string[] = [];
    for (const feed of await this.feeds.due(this.db, now, limit)) {
      const sent = await this.queue.sendOnce('feed-poll', { workspaceId: feed.workspaceId, userId: feed.createdById, role: 'EDITOR', feedId: feed.id }, pollKey(feed.id));
      if (sent.queued) queued.push(feed.id);
    }
    return queued;
  }

  /** Polls every feed whose interval has passed (the scheduled job), one after another; returns one result per feed. */
  async pollDue(now = new Date(), limit = 100): Promise<FeedPollDto[]> {
    const results: FeedPollDto[] = [];
    for (const feed of await this.feeds.due(this.db, now, limit)) results.push(await this.poll(feed.workspaceId, feed.id));
    return results;
  }

  /**
   * One poll: a conditional request with the feed's ETag and Last-Modified; items whose GUID is new (and whose link no other item
   * brought in) are imported as articles, items whose updated date moved are imported again as a new revision. Whatever goes
   * wrong is recorded on the feed (and on the item), never thrown: a poll is a background chore.
   */
  async poll(workspaceId: string, id: string): Promise<FeedPollDto> {
    const feed = await this.load(workspaceId, id);
    const started = new Date();
    const result: FeedPollDto = { feedId: id, outcome: 'polled', imported: 0, revised: 0, skipped: 0, error: null, checkWorthy: { claims: 0, articleIds: [] } };
    const conditional: Record<string, string> = {};
    if (feed.etag) conditional['if-none-match'] = feed.etag;
    if (feed.lastModified) conditional['if-modified-since'] = feed.lastModified;
    let entries: FeedEntry[];
    let validators: { etag: string | null; lastModified: string | null };
    let title: string | null;
    try {
      const page = await this.web.fetch(feed.url, { accept: FEED_KINDS, headers: conditional });
      if (page.notModified) {
        await this.feeds.recordPoll(this.db, workspaceId, id, { error: null, imported: 0 });
        return this.announce(workspaceId, { ...result, outcome: 'not-modified' });
      }
      const parsed = parseFeed(decodePage(page), page.finalUrl);
      entries = parsed.entries;
      title = parsed.title;
      validators = { etag: page.etag, lastModified: page.lastModified };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      await this.feeds.recordPoll(this.db, workspaceId, id, { error: error.message, imported: 0 });
      return this.announce(workspaceId, { ...result, outcome: 'failed', error: error.message });
    }

    const actor = feedActor(feed);
    const seen = new Map(
      (
        await this.feeds.itemsByGuid(
          this.db,
          workspaceId,
          id,
          entries.map((e) => e.guid),
        )
      ).map((i) => [i.guid, i]),
    );
    const errors: string[] = [];
    const articleIds = new Set<string>();
    for (const entry of entries) {
      const known = seen.get(entry.guid);
      const dated = entry.updatedAt ?? entry.publishedAt;
      const updated = Boolean(known?.articleId && dated && (!known.itemUpdatedAt || dated > known.itemUpdatedAt));
      if (known && (known.articleId ? !updated : known.error === null)) {
        result.skipped++;
        continue;
      }
      if (result.imported + result.revised >= MAX_IMPORTS_PER_POLL) break;
      const elsewhere = !known && entry.url ? await this.feeds.articleForUrl(this.db, workspaceId, entry.url) : null;
      if (elsewhere) {
        await this.feeds.upsertItem(this.db, { workspaceId, feedId: id, guid: entry.guid, url: entry.url, title: entry.title, articleId: elsewhere, itemUpdatedAt: dated, importedAt: null });
        result.skipped++;
        continue;
      }
      try {
        const articleId = await this.importEntry(actor, entry);
        await this.feeds.upsertItem(this.db, { workspaceId, feedId: id, guid: entry.guid, url: entry.url, title: entry.title, articleId, itemUpdatedAt: dated, error: null, importedAt: new Date() });
        articleIds.add(articleId);
        if (updated) result.revised++;
        else result.imported++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(`${entry.title ?? entry.guid}: ${message}`);
        await this.feeds.upsertItem(this.db, {
          workspaceId,
          feedId: id,
          guid: entry.guid,
          url: entry.url,
          title: entry.title,
          articleId: known?.articleId ?? null,
          itemUpdatedAt: known?.itemUpdatedAt ?? null,
          error: message,
        });
      }
    }
    const error = errors.length ? `${errors.length} item${errors.length > 1 ? 's' : ''} not imported; ${errors[0]}` : null;
    const worthy = await this.feeds.checkWorthySince(this.db, workspaceId, [...articleIds], started);
    const checkWorthy = { claims: worthy.reduce((n, a) => n + a.claims, 0), articleIds: worthy.map((a) => a.articleId) };
    // The poll's outcome and, when it brought in check-worthy claims, one notification per watcher commit together;
    // without any, the outcome is one statement of its own.
    const outcome = { ...validators, title: feed.title ? null : title, error, imported: result.imported };
    if (checkWorthy.claims === 0) await this.feeds.recordPoll(this.db, workspaceId, id, outcome);
    else {
      await this.db.transaction(async (tx) => {
        await this.feeds.recordPoll(tx, workspaceId, id, outcome);
        await this.newsroom.record(
          tx,
          { workspaceId, userId: null },
          { kind: 'feedClaims', feed: { id, title: feed.title ?? title, url: feed.url }, claims: checkWorthy.claims, articles: articleIds.size },
        );
      });
    }
    return this.announce(workspaceId, { ...result, error, checkWorthy });
  }

  /** Tells this process's listeners and every process's live stream (ids only) what a poll brought. */
  private announce(workspaceId: string, result: FeedPollDto): FeedPollDto {
    this.polled.next({ workspaceId, feedId: result.feedId, result });
    this.events.publish(workspaceId, { type: 'feed', id: result.feedId, action: 'polled', articleIds: result.checkWorthy.articleIds, actorId: null });
    return result;
  }

  /** The article behind an item: its page, fetched and read; the feed's own content when the page cannot be read or there is none. */
  private async importEntry(actor: Actor, entry: FeedEntry): Promise<string> {
    const meta = { title: entry.title ?? undefined, publishedAt: entry.publishedAt?.toISOString() ?? null };
    if (entry.url) {
      try {
        return (await this.articles.import(actor, { ...meta, url: entry.url, format: 'text' })).article.id;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'RULE_VIOLATION' || !entry.content) throw error;
      }
    }
    if (!entry.content) throw new DomainError('VALIDATION_FAILED', 'the item has neither a readable link nor content');
    return (await this.articles.import(actor, { ...meta, url: entry.url, format: 'html', content: entry.content })).article.id;
  }

  private async load(workspaceId: string, id: string): Promise<Feed> {
    const feed = await this.feeds.find(this.db, workspaceId, id);
    if (!feed) throw notFound('feed');
    return feed;
  }
}

/** Items are imported in the name of whoever subscribed the workspace to the feed (the audit log says so). */
function feedActor(feed: Feed): Actor {
  return { userId: feed.createdById, workspaceId: feed.workspaceId, role: 'EDITOR', via: 'token' };
}

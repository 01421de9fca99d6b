// Link checks: is the live page of a captured source still what was captured, changed, or gone?
import { Injectable } from '@nestjs/common';
import { LINK_CHECK_OUTCOMES, type LinkCheckDto, type LinkCheckOutcome, type LinkCheckRunDto } from '@claimdesk/domain';
import { FetchError } from '@claimdesk/fetcher';
import { Database, SnapshotsRepository, SourcesRepository } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import { notFound } from '../common/version';
import type { Actor } from '../common/actor';
import { JobQueue } from '../jobs/job-queue.service';
import { AppConfig } from '../common/config';
import { toLinkCheckDto } from './evidence.mapper';
import { WebFetcher } from './web-fetcher';

/** Statuses that mean the page is gone rather than briefly unavailable. */
const GONE_STATUSES = new Set([404, 410, 451]);

@Injectable()
export class LinkCheckService {
  constructor(
    private readonly db: Database,
    private readonly sources: SourcesRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly web: WebFetcher,
    private readonly queue: JobQueue,
    config: AppConfig,
  ) {
    // A link check only adds a row per look; repeating one after a crash is harmless.
    this.queue.work('link-check', async (job) => {
      const { workspaceId, sourceId } = job.data;
      return sourceId ? this.check(workspaceId, sourceId) : this.checkWorkspace(workspaceId);
    });
    // Daily by default (CLAIMDESK_LINK_CHECK_CRON): one link check job per workspace with captured sources.
    this.queue.every('link-checks-due', config.linkCheckCron, () => this.queueWorkspaceChecks());
  }

  /** The scheduled tick: queues a check of each workspace's captured sources, in the name of its longest-standing admin. Answers the job ids. */
  async queueWorkspaceChecks(): Promise<string[]> {
    const jobIds: string[] = [];
    for (const { workspaceId, userId } of await this.snapshots.workspacesToCheck(this.db)) jobIds.push(await this.queue.send('link-check', { workspaceId, userId, role: 'ADMIN' }));
    return jobIds;
  }

  /** Queues a link check of one source, or of the workspace's captured sources; answers with the job's id. */
  async queueCheck(actor: Actor, sourceId?: string): Promise<string> {
    if (sourceId && !(await this.sources.find(this.db, actor.workspaceId, sourceId))) throw notFound('source');
    return this.queue.send('link-check', { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role, ...(sourceId ? { sourceId } : {}) });
  }

  /**
   * Compares the live page with the latest snapshot by its readable text (bytes change with every ad and timestamp; the words a
   * fact-checker quoted do not): UNCHANGED, CHANGED, GONE (404, 410, 451, the name no longer resolves) or FAILED (anything else).
   */
  async check(workspaceId: string, sourceId: string): Promise<LinkCheckDto> {
    const source = await this.sources.find(this.db, workspaceId, sourceId);
    if (!source) throw notFound('source');
    const [latest] = await this.snapshots.latestForSources(this.db, workspaceId, [sourceId]);
    let outcome: LinkCheckOutcome;
    let httpStatus: number | null = null;
    let detail: string | null = null;
    if (!source.url) {
      outcome = 'FAILED';
      detail = 'the source has no web address';
    } else {
      try {
        const page = await this.web.fetch(source.url);
        httpStatus = page.status;
        const text = (await this.web.readPage(page)).text;
        const same = latest && createHash('sha256').update(text).digest('hex') === latest.textSha256;
        outcome = same ? 'UNCHANGED' : 'CHANGED';
        if (!latest) detail = 'never captured';
        else if (!same) detail = page.finalUrl !== latest.finalUrl ? `the text differs; the page now ends at ${page.finalUrl}` : 'the text differs from the capture';
      } catch (error) {
        if (!(error instanceof FetchError)) throw error;
        httpStatus = error.status;
        detail = error.message;
        const unresolvable = error.code === 'NETWORK' && /ENOTFOUND/.test(error.message);
        outcome = (error.status !== null && GONE_STATUSES.has(error.status)) || unresolvable ? 'GONE' : 'FAILED';
      }
    }
    const row = await this.snapshots.createLinkCheck(this.db, { workspaceId, sourceId, snapshotId: latest?.id ?? null, outcome, httpStatus, detail });
    return toLinkCheckDto(row);
  }

  /** Checks the workspace's captured sources, least recently checked first, one at a time (the web is slow; the database is not). */
  async checkWorkspace(workspaceId: string, limit = 200): Promise<LinkCheckRunDto> {
    const outcomes = Object.fromEntries(LINK_CHECK_OUTCOMES.map((o) => [o, 0])) as Record<LinkCheckOutcome, number>;
    const due = await this.snapshots.sourcesToCheck(this.db, workspaceId, limit);
    for (const source of due) outcomes[(await this.check(workspaceId, source.id)).outcome]++;
    return { checked: due.length, outcomes };
  }
}

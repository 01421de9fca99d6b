// Every background job by name, with the data it carries and how it is retried: the one place job names are declared.
import type { Role } from '@claimdesk/domain';

/** Who a job acts for; its data always names the workspace, so its status is only readable there. */
interface JobActor {
  workspaceId: string;
  userId: string;
  role: Role;
}

export interface JobPayloads {
  /** An article import too large to answer in the request (see ArticlesService.import). Content is base64 for files, text otherwise. */
  'article-import': JobActor & {
    /** With `fromUrl`, content is empty and the job fetches the page at `url` first. */
    input: {
      title?: string;
      author?: string | null;
      url?: string | null;
      publishedAt?: string | null;
      articleId?: string;
      format: string;
      content: string;
      encoding: 'utf8' | 'base64';
      fromUrl?: boolean;
    };
  };
  /** Capturing a source's page as a new snapshot (attached by URL, or captured again). */
  'source-capture': JobActor & { sourceId: string };
  /** Looking at live pages again: one source, or the workspace's captured sources (sourceId absent). */
  'link-check': JobActor & { sourceId?: string };
  /** Polling one feed now. */
  'feed-poll': JobActor & { feedId: string };
  /** Sending one webhook delivery (a row of webhook_deliveries, written with the change) to its endpoint. No member acts. */
  'webhook-deliver': { workspaceId: string; userId: null; role: null; deliveryId: string };
  /** Importing a fact-check library file into an import row made by the request; the file travels gzipped, in base64. */
  'library-import': JobActor & { importId: string; fileName: string; gzipBase64: string };
  /** Laying out the PDF of a draft report too large to answer in the request; the file is stored under the job's id. */
  'report-render': JobActor & { articleId: string; baseUrl: string };
  /** Matching again, against what is left of the library, the claims whose stored matches came from a removed import (its id kept for the live event). */
  'library-rematch': JobActor & { importId: string; claimIds: string[] };
}

export type JobName = keyof JobPayloads;

export interface JobPolicy {
  /**
   * pg-boss's queue policy: `standard` (any number queued and running), or `stately` (per `singletonKey`, at most one job
   * waiting and one running: two processes never run the same key at once). Default `standard`.
   */
  policy?: 'standard' | 'stately';
  /** Jobs of this name one process runs at once (default 1). */
  workers?: number;
  /** Retries after the first attempt. */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each later one (with jitter) when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'article-import': { retryLimit: 3, retryDelay: 2, retryBackoff: true },
  // A page that cannot be read says why at once (no retry); a crash mid-capture is retried.
  'source-capture': { retryLimit: 2, retryDelay: 5, retryBackoff: true },
  'link-check': { retryLimit: 1, retryDelay: 30, retryBackoff: false },
  // One poll per feed at a time, across processes: sent with the singleton key `feed:<id>` (see FeedsService). Polls mostly
  // wait on other servers, so a process runs several at once; CLAIMDESK_FEED_POLLS overrides `workers` (AppConfig.feedPolls).
  // 2 by default: one poll per document worker thread keeps both busy, while the API's event loop keeps its share of the CPU.
  'feed-poll': { policy: 'stately', workers: 2, retryLimit: 1, retryDelay: 30, retryBackoff: false },
  // A receiver that is down is tried again after about 2 s, 4 s, 8 s, … (with jitter), for about half an hour in all.
  'webhook-deliver': { retryLimit: 10, retryDelay: 2, retryBackoff: true },
  // A file that cannot be read fails at once (no retry); a crash mid-import rolls back and is retried.
  'library-import': { retryLimit: 2, retryDelay: 5, retryBackoff: true },
  // Idempotent (the claims' stored matches are replaced by what the library now gives): a failed attempt is simply run again.
  'library-rematch': { retryLimit: 3, retryDelay: 5, retryBackoff: true },
  // Stored under the job's id (a retry after a crash that had stored it writes nothing); the draft is read again on each try.
  'report-render': { retryLimit: 2, retryDelay: 2, retryBackoff: true },
};

/**
 * Jobs started by the clock (pg-boss cron, UTC): once per tick across all processes, taken by whichever process runs workers.
 * They carry no data and are never shown to members; their handlers queue the real work (per feed, per workspace).
 */
export type ScheduleName = 'feeds-due' | 'link-checks-due';

export const SCHEDULE_POLICIES: Record<ScheduleName, JobPolicy> = {
  // A missed tick is made up by the next one.
  'feeds-due': { retryLimit: 0, retryDelay: 0, retryBackoff: false },
  'link-checks-due': { retryLimit: 2, retryDelay: 60, retryBackoff: true },
};

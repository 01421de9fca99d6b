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
    input: { title?: string; author?: string | null; url?: string | null; publishedAt?: string | null; articleId?: string; format: string; content: string; encoding: 'utf8' | 'base64' };
  };
}

export type JobName = keyof JobPayloads;

export interface JobPolicy {
  /** Retries after the first attempt. */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each later one (with jitter) when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  'article-import': { retryLimit: 3, retryDelay: 2, retryBackoff: true },
};

// HTTP calls for claims, sources, verdicts, reviews, the review queue and comments; response types come from libs/domain.
import type {
  AuditEventDto,
  ClaimAction,
  ClaimDetailDto,
  ClaimDto,
  ClaimSourceDto,
  CommentDto,
  DismissReason,
  Page,
  ReviewQueueItemDto,
  ClaimLookAlikesDto,
  ClaimMatchesDto,
  SameClaimResultDto,
  Stance,
  SnapshotDetailDto,
  SourceDto,
  JobAcceptedDto,
  ReaderClaimDto,
  VerdictDto,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { jobResult } from '../../../api/jobs';
import type { attachSourceSchema, createClaimSchema, updateClaimSchema, verdictSchema } from '@claimdesk/domain';
import { api, toQuery } from '../../../api/client';

export interface ClaimFilters {
  articleId?: string;
  status?: string[];
  kind?: string[];
  hedged?: boolean;
  attributed?: boolean;
  checkWorthy?: boolean;
  checkedBefore?: boolean;
  orphaned?: boolean;
  assigneeId?: string;
  rating?: string;
  /** Claims of articles imported from feeds, created since this time (ISO 8601). */
  fromFeedsSince?: string;
  q?: string;
  sort?: 'position' | 'score' | 'created' | 'updated' | 'priority';
  order?: 'asc' | 'desc';
}

const id = (value: string) => encodeURIComponent(value);

export const claimsApi = {
  list: (filters: ClaimFilters, cursor?: string, limit = 200) => api<Page<ClaimDto>>('GET', `/claims${toQuery({ ...filters, limit, cursor })}`),
  /** One article's claims in text order, with only what the reader shows. */
  ofArticle: (articleId: string, cursor?: string, limit = 2000) => api<Page<ReaderClaimDto>>('GET', `/articles/${id(articleId)}/claims${toQuery({ limit, cursor })}`),
  get: (claimId: string) => api<ClaimDetailDto>('GET', `/claims/${id(claimId)}`),
  create: (body: z.input<typeof createClaimSchema>) => api<ClaimDto>('POST', '/claims', body),
  update: (claimId: string, body: z.input<typeof updateClaimSchema>) => api<ClaimDto>('PATCH', `/claims/${id(claimId)}`, body),
  transition: (claimId: string, body: { version: number; action: ClaimAction; reason?: DismissReason }) => api<ClaimDto>('POST', `/claims/${id(claimId)}/transition`, body),
  bulk: (body: { action: 'flag' | 'dismiss'; claimIds: string[]; reason?: DismissReason }) => api<{ updated: string[]; skipped: Array<{ id: string; reason: string }> }>('POST', '/claims/bulk', body),
  history: (claimId: string) => api<AuditEventDto[]>('GET', `/claims/${id(claimId)}/history`),
  /** Library entries that may check the claim, with reasons. */
  matches: (claimId: string) => api<ClaimMatchesDto>('GET', `/claims/${id(claimId)}/matches?limit=5`),
  /** Unverified claims of the workspace that read alike (shown below the library's matches). */
  lookAlikes: (claimId: string) => api<ClaimLookAlikesDto>('GET', `/claims/${id(claimId)}/look-alikes?limit=5`),
  /** "Same claim": the library entry becomes a source with this stance; its rating comes back to offer. */
  sameClaim: (claimId: string, body: { entryId: string; stance: Stance }) => api<SameClaimResultDto>('POST', `/claims/${id(claimId)}/matches/same`, body),
  comments: (claimId: string) => api<CommentDto[]>('GET', `/claims/${id(claimId)}/comments`),
  addComment: (claimId: string, body: string, parentId?: string) => api<CommentDto>('POST', `/claims/${id(claimId)}/comments`, parentId ? { body, parentId } : { body }),
  searchSources: (q: string) => api<SourceDto[]>('GET', `/sources${toQuery({ q })}`),
  attachSource: (claimId: string, body: z.input<typeof attachSourceSchema>) => api<ClaimSourceDto>('POST', `/claims/${id(claimId)}/sources`, body),
  /** One capture of a source, with the readable text excerpts quote into. */
  snapshot: (sourceId: string, snapshotId: string) => api<SnapshotDetailDto>('GET', `/sources/${id(sourceId)}/snapshots/${id(snapshotId)}`),
  /** Captures the source's page now, in a background job that this follows to its end. */
  captureSource: async (sourceId: string) => jobResult<{ snapshotId: string }>((await api<JobAcceptedDto>('POST', `/sources/${id(sourceId)}/snapshots`)).jobId),
  /** Waits for the capture that attaching a source by URL started. */
  capturedAfterAttach: (jobId: string) => jobResult<{ snapshotId: string }>(jobId),
  quoteExcerpt: (claimId: string, claimSourceId: string, body: { snapshotId: string; start: number; end: number }) =>
    api<ClaimSourceDto>('PUT', `/claims/${id(claimId)}/sources/${id(claimSourceId)}/excerpt`, body),
  detachSource: (claimId: string, claimSourceId: string) => api<void>('DELETE', `/claims/${id(claimId)}/sources/${id(claimSourceId)}`),
  createVerdict: (claimId: string, body: z.input<typeof verdictSchema>) => api<VerdictDto>('POST', `/claims/${id(claimId)}/verdicts`, body),
  updateVerdict: (verdictId: string, body: z.input<typeof verdictSchema> & { version: number }) => api<VerdictDto>('PUT', `/verdicts/${id(verdictId)}`, body),
  review: (verdictId: string, body: { decision: 'APPROVED' | 'CHANGES_REQUESTED'; comment?: string; correctionNotice?: string | null; version: number }) =>
    api<unknown>('POST', `/verdicts/${id(verdictId)}/reviews`, body),
  withdrawVerdict: (verdictId: string, version: number) => api<VerdictDto>('POST', `/verdicts/${id(verdictId)}/withdraw`, { version }),
  reviewQueue: () => api<ReviewQueueItemDto[]>('GET', '/reviews/queue'),
};

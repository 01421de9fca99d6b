// Response shapes of the HTTP API, shared by the server's mappers and the web app's client.
import type { ClaimStatus, DismissReason } from './claim-workflow';
import type { Rating } from './rating-scale';
import type { Role } from './roles';
import type { ClaimKind, Stance } from './schemas';
import type { VerdictState } from './verdict-workflow';

export interface UserDto {
  id: string;
  email: string;
  name: string;
}

export interface MeDto {
  user: UserDto;
  workspace: { id: string; slug: string; name: string; organisation: string };
  role: Role;
  csrfToken: string | null;
}

export interface MemberDto {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A pending invitation as admins see it; the link itself is shown once, when it is made. */
export interface InvitationDto {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

/** What the person holding an invitation link sees before accepting: nothing about whether the email has an account. */
export interface InvitationPreviewDto {
  email: string;
  role: Role;
  workspace: { name: string; organisation: string };
  expiresAt: string;
}

export type StatusCounts = Partial<Record<ClaimStatus, number>>;

export interface ArticleDto {
  id: string;
  title: string;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  claimCounts: StatusCounts;
  claimTotal: number;
  checkWorthy: number;
  checked: number;
  orphaned: number;
}

export interface ArticleDetailDto extends ArticleDto {
  revisionId: string;
  text: string;
  format: string;
}

export interface ImportResultDto {
  article: ArticleDto;
  revisionId: string;
  revision: number;
  created: boolean;
  claims: { detected: number; reanchored: number; orphaned: number; added: number };
}

export interface CueDto {
  type: 'hedge' | 'attribution' | 'approximation' | 'speculation' | 'question';
  text: string;
  start: number;
  end: number;
}

export interface ClaimDto {
  id: string;
  articleId: string;
  revisionId: string;
  text: string;
  /** Offsets into the text of revisionId (for an orphan: where it last stood). */
  start: number;
  end: number;
  selector: { exact: string; prefix: string; suffix: string };
  paragraph: number;
  kind: ClaimKind;
  score: number;
  checkWorthy: boolean;
  reasons: string[];
  cues: CueDto[];
  attribution: string | null;
  /** Who makes the claim: the attributed source, else the article's author or publication. */
  claimant: string | null;
  claimantId: string | null;
  /** The source is unnamed ("officials", "sources say", "people familiar with …"). */
  unnamedSource: boolean;
  /** Order for checking, 1 first: check-worthy and hedged or anonymously sourced; 2 check-worthy with a number or date; 3 other check-worthy; 4 the rest. */
  triage: 1 | 2 | 3 | 4;
  numbers: Array<{ text: string; start: number; end: number; value?: number | null; unit?: string | null }>;
  dates: Array<{ text: string; start: number; end: number; kind?: string; iso?: string | null }>;
  entities: Array<{ text: string; start: number; end: number; type?: string }>;
  hedged: boolean;
  attributed: boolean;
  orphaned: boolean;
  status: ClaimStatus;
  dismissReason: DismissReason | null;
  assigneeId: string | null;
  priority: number;
  version: number;
  rating: string | null;
  /** A library entry matches it strongly: it has been checked before. */
  checkedBefore: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

/**
 * A claim as the article reader shows it before it is opened: where it sits, how it is highlighted, what its hover card
 * and the claim panel's first lines say, and its version for flagging or dismissing from the keyboard. The panel fetches
 * the whole claim (`ClaimDetailDto`) when it opens.
 */
export type ReaderClaimDto = Pick<
  ClaimDto,
  | 'id'
  | 'text'
  | 'start'
  | 'end'
  | 'kind'
  | 'score'
  | 'checkWorthy'
  | 'reasons'
  | 'cues'
  | 'triage'
  | 'hedged'
  | 'attributed'
  | 'orphaned'
  | 'status'
  | 'dismissReason'
  | 'assigneeId'
  | 'priority'
  | 'version'
  | 'rating'
  | 'checkedBefore'
>;

export interface ClaimantDto {
  id: string;
  name: string;
  unnamed: boolean;
  /** Claims of this claimant in live articles. */
  claims: number;
}

/** A claimant's claim on the claimant page: where it was made and the verdict it got. */
export interface ClaimantClaimDto {
  id: string;
  articleId: string;
  articleTitle: string;
  text: string;
  status: ClaimStatus;
  rating: string | null;
  checkWorthy: boolean;
  createdAt: string;
}

export interface SourceDto {
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  accessedAt: string | null;
  archiveUrl: string | null;
  kind: string;
  version: number;
  /** The latest capture of the page, when there is one (claim panel and review queue). */
  capture?: SnapshotDto | null;
  /** The latest link check of the live page. */
  linkCheck?: LinkCheckDto | null;
}

export interface ClaimSourceDto {
  id: string;
  stance: Stance;
  excerpt: string | null;
  note: string | null;
  /** Where the excerpt stands in a snapshot of the source, when it was chosen from one. */
  quote?: ExcerptQuoteDto | null;
  /** The job capturing the page when it was cited (attach responses only; GET /api/jobs/:id follows it). */
  captureJobId?: string | null;
  source: SourceDto;
  createdAt: string;
}

export interface ReviewDto {
  id: string;
  decision: 'APPROVED' | 'CHANGES_REQUESTED';
  comment: string | null;
  reviewer: UserDto;
  createdAt: string;
}

export interface VerdictDto {
  id: string;
  claimId: string;
  ratingKey: string;
  rationale: string;
  correction: string | null;
  state: VerdictState;
  author: UserDto;
  version: number;
  proposedAt: string | null;
  decidedAt: string | null;
  decidedBy: UserDto | null;
  createdAt: string;
  reviews: ReviewDto[];
  history: Array<{ version: number; ratingKey: string; rationale: string; correction: string | null; state: VerdictState; actorId: string; createdAt: string }>;
}

export interface CommentDto {
  id: string;
  /** The comment this one replies to; null for the first comment of a thread. */
  parentId: string | null;
  body: string;
  author: UserDto;
  createdAt: string;
}

export interface AuditEventDto {
  id: string;
  actor: UserDto | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface ClaimDetailDto extends ClaimDto {
  article: { id: string; title: string };
  context: { before: string; after: string };
  sources: ClaimSourceDto[];
  verdicts: VerdictDto[];
  comments: CommentDto[];
}

export interface SimilarClaimDto {
  claim: Pick<ClaimDto, 'id' | 'articleId' | 'text' | 'status' | 'rating'>;
  articleTitle: string;
  similarity: number;
  verdict: Pick<VerdictDto, 'id' | 'ratingKey' | 'state' | 'correction'> | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReviewQueueItemDto {
  verdict: VerdictDto;
  claim: ClaimDto;
  article: { id: string; title: string };
  paragraph: string;
  sources: ClaimSourceDto[];
}

/** A verdict an editor sent back to its author, with the comment that says what to change. */
export interface SentBackItemDto {
  verdict: VerdictDto;
  claim: ClaimDto;
  article: { id: string; title: string };
  comment: string | null;
  reviewer: UserDto | null;
}

/** The start page of a fact-checker or an editor: what is theirs to do next. */
export interface MyWorkDto {
  assigned: ClaimDto[];
  sentBack: SentBackItemDto[];
  /** Proposed verdicts the caller may review (an editor's or admin's, never their own); empty for others. */
  reviews: ReviewQueueItemDto[];
}

export interface RatingScaleDto {
  ratings: Rating[];
  version: number;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface HealthDto {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; embedded: boolean };
  migrations: { applied: number; pending: string[] };
  version: string;
}

export interface DashboardDto {
  byStatus: StatusCounts;
  byRating: Record<string, number>;
  assignedToMe: ClaimDto[];
  /** Check-worthy claims not yet triaged in articles imported from feeds since `since` (the last day). */
  fromFeeds?: { since: string; claims: ClaimDto[] };
}

/**
 * What changed, by id only (clients fetch the entity); `job` events carry a background job's id and 'progress', 'completed' or 'failed';
 * `library` events carry an import's id and 'imported', 'import-removed', or 'rematched' (after a removal, the claims it had matched were matched
 * again against what is left): the library and the claims' matches changed.
 */
export type LiveEvent = {
  type: 'claim' | 'verdict' | 'article' | 'report' | 'job' | 'notification' | 'feed' | 'library';
  id: string;
  articleId?: string;
  /** `feed` / `polled`: the articles of the poll that brought new check-worthy claims. */
  articleIds?: string[];
  action: string;
  actorId: string | null;
  /** `notification` events go only to their recipient's stream (as the named SSE event `notification`). */
  recipientId?: string;
};

export type JobStateDto = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** A background job of the workspace: where it is, how far it got, and its result or error once it ends. */
export interface JobDto {
  id: string;
  name: string;
  state: JobStateDto;
  progress: { percent: number; message: string | null } | null;
  /** The job's result once completed (an import: `{ articleId, revisionId, revision, created, claims }`). */
  result: unknown;
  error: { message: string; code?: string } | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

/** A request accepted to run as a background job (202): follow it with GET /api/jobs/:id or the live event stream. */
export interface JobAcceptedDto {
  jobId: string;
}

export const REPORT_FORMATS = ['md', 'html', 'pdf', 'csv', 'json', 'jsonld'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A published version of an article's corrections report. */
export interface ReportVersionDto {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  summary: { claimsChecked: number; correctionsNeeded: number; byRating: Array<{ key: string; label: string; count: number }> };
  changesSinceLastVersion: {
    previousVersion: number;
    added: string[];
    changed: string[];
    removed: string[];
    places?: Array<{ claimId: string; paragraph: number; quote: string }>;
  } | null;
  downloads: Record<ReportFormat, string>;
  /** The public page of this version (no sign-in); null when published before public pages existed, or withdrawn. */
  publicUrl: string | null;
  withdrawnAt: string | null;
}

/** Every live public ClaimReview of a workspace, in the schema.org DataFeed form fact-check aggregators read. */
export interface ClaimReviewFeed {
  '@context': 'https://schema.org';
  '@type': 'DataFeed';
  name: string;
  dateModified: string;
  dataFeedElement: Array<{ '@type': 'DataFeedItem'; dateCreated: string; url: string; item: Array<Record<string, unknown>> }>;
}

/** The workspace's public feed of ClaimReviews (schema.org DataFeed), at an unguessable address. */
export interface PublicFeedDto {
  url: string;
}

export interface ReportPreviewDto {
  html: string;
  /** The report model (libs/reports' versioned JSON schema). */
  model: unknown;
}

/** What a source's page said when it was captured (without its bytes; `download` serves them). */
export interface SnapshotDto {
  id: string;
  sourceId: string;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  /** SHA-256 of the bytes as served, lower-case hex. */
  sha256: string;
  byteSize: number;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  capturedAt: string;
  /** API path of the captured bytes. */
  download: string;
}

export interface SnapshotDetailDto extends SnapshotDto {
  /** The readable text excerpts quote into. */
  text: string;
}

export const LINK_CHECK_OUTCOMES = ['UNCHANGED', 'CHANGED', 'GONE', 'FAILED'] as const;
export type LinkCheckOutcome = (typeof LINK_CHECK_OUTCOMES)[number];

export interface LinkCheckDto {
  outcome: LinkCheckOutcome;
  httpStatus: number | null;
  detail: string | null;
  checkedAt: string;
}

/** A W3C TextQuoteSelector into a snapshot's text, with the offsets it was chosen at. */
export interface ExcerptQuoteDto {
  snapshotId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface FeedDto {
  id: string;
  url: string;
  title: string | null;
  intervalMinutes: number;
  paused: boolean;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  itemsImported: number;
  createdAt: string;
  version: number;
}

export interface FeedPollDto {
  feedId: string;
  /** `not-modified`: the server answered 304 to the conditional request; `busy`: another process was polling it. */
  outcome: 'polled' | 'not-modified' | 'failed' | 'busy';
  imported: number;
  revised: number;
  skipped: number;
  error: string | null;
  /** New check-worthy claims the poll brought in (imported or revised articles), and the articles they are in. */
  checkWorthy: { claims: number; articleIds: string[] };
}

export interface LinkCheckRunDto {
  checked: number;
  outcomes: Record<LinkCheckOutcome, number>;
}

// --- NEWSROOM ---

export const NOTIFICATION_TYPES = ['assigned', 'verdict_approved', 'verdict_changes_requested', 'review_requested', 'mention', 'feed_claims'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Something the caller should know about, with the ids of what it is about and the words to show. */
export interface NotificationDto {
  id: string;
  type: NotificationType;
  actor: UserDto | null;
  claimId: string | null;
  verdictId: string | null;
  articleId: string | null;
  feedId: string | null;
  commentId: string | null;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface UnreadCountDto {
  unread: number;
}

export interface FeedWatchDto {
  feedId: string;
  watching: boolean;
}

export const WEBHOOK_EVENTS = ['claim.flagged', 'verdict.proposed', 'verdict.approved', 'verdict.changes_requested', 'report.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookEndpointDto {
  id: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  format: WebhookFormat;
  createdAt: string;
}

export interface WebhookAttemptDto {
  statusCode: number | null;
  responseMs: number;
  error: string | null;
  at: string;
}

export interface WebhookDeliveryDto {
  id: string;
  endpointId: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  createdAt: string;
  deliveredAt: string | null;
  attempts: WebhookAttemptDto[];
}

export type LibraryImportStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

/** A library file imported into the workspace. */
export interface LibraryImportDto {
  id: string;
  fileName: string;
  format: string;
  status: LibraryImportStatus;
  imported: number;
  skipped: number;
  error: string | null;
  jobId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One line of an import's report: a record skipped (and why), or imported with a note. */
export interface LibraryImportLineDto {
  line: number;
  reason: string;
  skipped: boolean;
}

export interface LibraryImportDetailDto extends LibraryImportDto {
  report: LibraryImportLineDto[];
}

export interface LibraryImportAcceptedDto {
  jobId: string;
  importId: string;
}

/** A checked claim of the library: from an imported file or one of the workspace's approved verdicts. */
export interface LibraryEntryDto {
  id: string;
  origin: 'import' | 'verdict';
  importId: string | null;
  fileName: string | null;
  verdictId: string | null;
  claimId: string | null;
  claim: string;
  title: string | null;
  rating: string | null;
  ratingKey: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  language: string | null;
  claimant: string | null;
  createdAt: string;
}

export interface MatchedClaimDto {
  claimId: string;
  articleId: string;
  text: string;
  score: number;
  strong: boolean;
}

export interface LibraryEntryPageDto {
  items: Array<{ entry: LibraryEntryDto; matchedClaims: MatchedClaimDto[] }>;
  total: number;
  offset: number;
}

export interface MatchReasonsDto {
  names: string[];
  numbers: string[];
  dates: string[];
  conflicts: Array<{ kind: 'number' | 'date'; entry: string; claim: string; message: string }>;
}

/** A library entry ranked for a claim, with why it matches. */
export interface LibraryMatchDto {
  entry: LibraryEntryDto;
  rank: number;
  score: number;
  /** Checked before: a strong match that shares a name, number or date with the claim and conflicts on none. */
  strong: boolean;
  /** Strong, or scored where the top match is right at least half the time; the rest are weak matches. */
  possible: boolean;
  reasons: MatchReasonsDto;
}

export interface ClaimMatchesDto {
  matches: LibraryMatchDto[];
  /** The library version these matches were ranked against. */
  libraryVersion: number;
  /** True when the library has changed since and its new index is still being built: the matches may lag by one version for a few seconds. */
  stale: boolean;
}

/** Unverified claims of the workspace that read alike (`GET /api/claims/:id/look-alikes`), ranked like library matches. */
export interface ClaimLookAlikesDto {
  similar: SimilarClaimDto[];
}

/** "Same claim": the entry as a new source of the claim, and its rating on the workspace's scale to offer for a draft verdict. */
export interface SameClaimResultDto {
  source: ClaimSourceDto;
  ratingKey: string | null;
}

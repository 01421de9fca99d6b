// Response shapes of the HTTP API, shared by the server's mappers and the web app's client.
import type { ClaimStatus, DismissReason } from './claim-workflow';
import type { Rating } from './ratings';
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
  updatedAt: string;
  updatedBy: string | null;
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
}

export interface ClaimSourceDto {
  id: string;
  stance: Stance;
  excerpt: string | null;
  note: string | null;
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
}

export type LiveEvent = { type: 'claim' | 'verdict' | 'article' | 'report'; id: string; articleId?: string; action: string; actorId: string | null };

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
}

export interface ReportPreviewDto {
  html: string;
  /** The report model (libs/reports' versioned JSON schema). */
  model: unknown;
}

// Claim rows to API responses, and extracted claims to rows.
import type { ClaimDto, ClaimKind, CueDto } from '@claimdesk/domain';
import type { ExtractedClaim } from '@claimdesk/extraction';
import type { ClaimStatus, DismissReason } from '@claimdesk/domain';

export interface ClaimRow {
  id: string;
  workspaceId: string;
  articleId: string;
  revisionId: string;
  text: string;
  startOffset: number;
  endOffset: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  paragraph: number;
  kind: string;
  score: number;
  checkWorthy: boolean;
  reasons: string[];
  cues: unknown;
  attribution: string | null;
  numbers: unknown;
  dates: unknown;
  entities: unknown;
  hedged: boolean;
  attributed: boolean;
  orphaned: boolean;
  status: string;
  rating: string | null;
  dismissReason: string | null;
  assigneeId: string | null;
  priority: number;
  version: number;
  updatedById: string | null;
  updatedAt: Date;
  /** Present when the query joined the user who last changed the claim. */
  updatedByName?: string | null;
}

export function toClaimDto(row: ClaimRow, names: Map<string, string> = new Map()): ClaimDto {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    text: row.text,
    start: row.startOffset,
    end: row.endOffset,
    selector: { exact: row.quoteExact, prefix: row.quotePrefix, suffix: row.quoteSuffix },
    paragraph: row.paragraph,
    kind: row.kind as ClaimKind,
    score: row.score,
    checkWorthy: row.checkWorthy,
    reasons: row.reasons ?? [],
    cues: (row.cues ?? []) as CueDto[],
    attribution: row.attribution,
    numbers: (row.numbers ?? []) as ClaimDto['numbers'],
    dates: (row.dates ?? []) as ClaimDto['dates'],
    entities: (row.entities ?? []) as ClaimDto['entities'],
    hedged: row.hedged,
    attributed: row.attributed,
    orphaned: row.orphaned,
    status: row.status as ClaimStatus,
    dismissReason: row.dismissReason as DismissReason | null,
    assigneeId: row.assigneeId,
    priority: row.priority,
    version: row.version,
    rating: row.rating,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName ?? (row.updatedById ? (names.get(row.updatedById) ?? null) : null),
  };
}

/** The columns of a new claim row from the extraction library's output. */
export function claimColumnsFromExtraction(claim: ExtractedClaim) {
  const hedged = claim.cues.some((c) => c.type === 'hedge' || c.type === 'speculation');
  return {
    text: claim.text,
    startOffset: claim.start,
    endOffset: claim.end,
    quoteExact: claim.selector.exact,
    quotePrefix: claim.selector.prefix,
    quoteSuffix: claim.selector.suffix,
    paragraph: claim.paragraph,
    kind: claim.kind.toUpperCase() as ClaimKind,
    score: claim.score,
    checkWorthy: claim.checkWorthy,
    reasons: claim.reasons,
    cues: claim.cues,
    attribution: claim.attribution,
    numbers: claim.numbers,
    dates: claim.dates,
    entities: claim.entities,
    hedged,
    attributed: claim.attribution !== null || claim.cues.some((c) => c.type === 'attribution'),
  };
}

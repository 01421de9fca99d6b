// Claim rows to API responses, and extracted claims to rows.
import type { ClaimDto, ClaimKind, CueDto } from '@claimdesk/domain';
import type { ClaimRow } from '@claimdesk/db';
import type { ClaimKind as ExtractedKind, ExtractedClaim } from '@claimdesk/extraction';

export type { ClaimRow };

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
    kind: row.kind,
    score: row.score,
    checkWorthy: row.checkWorthy,
    reasons: row.reasons ?? [],
    cues: jsonList<CueDto>(row.cues),
    attribution: row.attribution,
    numbers: jsonList<ClaimDto['numbers'][number]>(row.numbers),
    dates: jsonList<ClaimDto['dates'][number]>(row.dates),
    entities: jsonList<ClaimDto['entities'][number]>(row.entities),
    hedged: row.hedged,
    attributed: row.attributed,
    orphaned: row.orphaned,
    status: row.status,
    dismissReason: row.dismissReason,
    assigneeId: row.assigneeId,
    priority: row.priority,
    version: row.version,
    rating: row.rating,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName ?? (row.updatedById ? (names.get(row.updatedById) ?? null) : null),
  };
}

const CLAIM_KIND_OF: Record<ExtractedKind, ClaimKind> = {
  statistical: 'STATISTICAL',
  event: 'EVENT',
  causal: 'CAUSAL',
  attributed: 'ATTRIBUTED',
  prediction: 'PREDICTION',
  opinion: 'OPINION',
  other: 'OTHER',
};

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
    kind: CLAIM_KIND_OF[claim.kind],
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

/** A JSON array column the extraction library wrote (cues, numbers, dates, entities); anything else reads as empty. */
function jsonList<T>(value: unknown): T[] {
  return Array.isArray(value) ? value : [];
}

// Claim rows to API responses, and extracted claims to rows.
import { claimantDisplayName, claimantKey, type ClaimDto, type ClaimKind, type CueDto, type ReaderClaimDto } from '@claimdesk/domain';
import type { ClaimRow, ReaderClaimRow } from '@claimdesk/db';
import { triageTier, type ClaimKind as ExtractedKind, type ExtractedClaim } from '@claimdesk/extraction';

export type { ClaimRow };

export function toClaimDto(row: ClaimRow, names: Map<string, string> = new Map()): ClaimDto {
  const cues = jsonList<CueDto>(row.cues);
  const numbers = jsonList<ClaimDto['numbers'][number]>(row.numbers);
  const dates = jsonList<ClaimDto['dates'][number]>(row.dates);
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
    cues,
    attribution: row.attribution,
    claimant: row.claimantName ?? row.claimant?.name ?? (row.attribution ? claimantDisplayName(row.attribution) : null),
    claimantId: row.claimantId ?? null,
    unnamedSource: row.unnamedSource ?? false,
    triage: triageTier({ checkWorthy: row.checkWorthy, cues, unnamedSource: row.unnamedSource ?? false, numbers, dates }),
    numbers,
    dates,
    entities: jsonList<ClaimDto['entities'][number]>(row.entities),
    ...workflowFields(row),
    checkedBefore: row.checkedBefore ?? false,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName ?? (row.updatedById ? (names.get(row.updatedById) ?? null) : null),
  };
}

type WorkflowFields = Pick<ReaderClaimDto, 'hedged' | 'attributed' | 'orphaned' | 'status' | 'dismissReason' | 'assigneeId' | 'priority' | 'version' | 'rating'>;

/** The claim's flags and place in the workflow, as the full claim and the reader's list both carry them. */
function workflowFields(row: ClaimRow | ReaderClaimRow): WorkflowFields {
  return {
    hedged: row.hedged,
    attributed: row.attributed,
    orphaned: row.orphaned,
    status: row.status,
    dismissReason: row.dismissReason,
    assigneeId: row.assigneeId,
    priority: row.priority,
    version: row.version,
    rating: row.rating,
  };
}

export function toReaderClaimDto(row: ReaderClaimRow): ReaderClaimDto {
  const cues = jsonList<CueDto>(row.cues);
  return {
    id: row.id,
    text: row.text,
    start: row.startOffset,
    end: row.endOffset,
    kind: row.kind,
    score: row.score,
    checkWorthy: row.checkWorthy,
    reasons: row.reasons ?? [],
    cues,
    triage: triageTier({ checkWorthy: row.checkWorthy, cues, unnamedSource: row.unnamedSource ?? false, numbers: jsonList(row.numbers), dates: jsonList(row.dates) }),
    ...workflowFields(row),
    checkedBefore: row.checkedBefore,
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

/** The columns of a new claim row from the extraction library's output; `fallbackClaimant` (the article's author or publication) makes a claim no source in the text makes. */
export function claimColumnsFromExtraction(claim: ExtractedClaim, fallbackClaimant: string | null) {
  const name = claim.claimant ?? (fallbackClaimant ? claimantDisplayName(fallbackClaimant) : null);
  const key = name ? claimantKey(name) : '';
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
    unnamedSource: claim.unnamedSource,
    claimant: name && key ? { name, key, unnamed: claim.claimant !== null && claim.unnamedSource } : null,
  };
}

/** A JSON array column the extraction library wrote (cues, numbers, dates, entities); anything else reads as empty. */
function jsonList<T>(value: unknown): T[] {
  return Array.isArray(value) ? value : [];
}

// Snapshot, excerpt quote and link check rows to API responses.
import type { ExcerptQuoteDto, LinkCheckDto, LinkCheckOutcome, SnapshotDetailDto, SnapshotDto } from '@claimdesk/domain';
import type { ExcerptQuote, LinkCheck, Snapshot } from '@claimdesk/db';

type SnapshotRow = Pick<Snapshot, 'id' | 'sourceId' | 'requestedUrl' | 'finalUrl' | 'httpStatus' | 'contentType' | 'sha256' | 'byteSize' | 'title' | 'byline' | 'publishedAt' | 'capturedAt'>;

export function toSnapshotDto(s: SnapshotRow): SnapshotDto {
  return {
    id: s.id,
    sourceId: s.sourceId,
    requestedUrl: s.requestedUrl,
    finalUrl: s.finalUrl,
    httpStatus: s.httpStatus,
    contentType: s.contentType,
    sha256: s.sha256,
    byteSize: s.byteSize,
    title: s.title,
    byline: s.byline,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    capturedAt: new Date(s.capturedAt).toISOString(),
    download: `/api/sources/${s.sourceId}/snapshots/${s.id}/content`,
  };
}

export function toSnapshotDetailDto(s: SnapshotRow & { text: string }): SnapshotDetailDto {
  return { ...toSnapshotDto(s), text: s.text };
}

export function toLinkCheckDto(c: Pick<LinkCheck, 'outcome' | 'httpStatus' | 'detail' | 'checkedAt'>): LinkCheckDto {
  return { outcome: c.outcome as LinkCheckOutcome, httpStatus: c.httpStatus, detail: c.detail, checkedAt: new Date(c.checkedAt).toISOString() };
}

export function toExcerptQuoteDto(q: Pick<ExcerptQuote, 'snapshotId' | 'exact' | 'prefix' | 'suffix' | 'start' | 'end'>): ExcerptQuoteDto {
  return { snapshotId: q.snapshotId, exact: q.exact, prefix: q.prefix, suffix: q.suffix, start: q.start, end: q.end };
}

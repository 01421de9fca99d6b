// Reading captures (list, text, bytes), quoting an excerpt into one, and adding capture and link-check state to source links.
import { Injectable } from '@nestjs/common';
import { DomainError, excerptQuoteSchema, type ClaimSourceDto, type SnapshotDetailDto, type SnapshotDto } from '@claimdesk/domain';
import { quoteSelector } from '@claimdesk/extraction';
import { Database, SnapshotsRepository, SourcesRepository } from '@claimdesk/db';
import { gunzipSync } from 'node:zlib';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';
import { toClaimSourceDto } from '../verdicts/verdict.mapper';
import { toExcerptQuoteDto, toLinkCheckDto, toSnapshotDetailDto, toSnapshotDto } from './evidence.mapper';

@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: Database,
    private readonly sources: SourcesRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly events: EventsService,
  ) {}

  async list(actor: Actor, sourceId: string): Promise<SnapshotDto[]> {
    if (!(await this.sources.find(this.db, actor.workspaceId, sourceId))) throw notFound('source');
    return (await this.snapshots.listForSource(this.db, actor.workspaceId, sourceId)).map(toSnapshotDto);
  }

  async get(actor: Actor, sourceId: string, id: string): Promise<SnapshotDetailDto> {
    const row = await this.snapshots.findWithText(this.db, actor.workspaceId, sourceId, id);
    if (!row) throw notFound('snapshot');
    return toSnapshotDetailDto(row);
  }

  /** The captured bytes exactly as served (their SHA-256 is the snapshot's), with the content type they came with. */
  async content(actor: Actor, sourceId: string, id: string): Promise<{ bytes: Buffer; contentType: string; sha256: string; filename: string }> {
    const row = await this.snapshots.findContent(this.db, actor.workspaceId, sourceId, id);
    if (!row) throw notFound('snapshot');
    const extension = row.contentType === 'application/pdf' ? 'pdf' : row.contentType === 'text/plain' ? 'txt' : 'html';
    return {
      bytes: gunzipSync(row.content),
      contentType: row.contentType,
      sha256: row.sha256,
      filename: `snapshot-${row.capturedAt.toISOString().slice(0, 10)}-${row.sha256.slice(0, 12)}.${extension}`,
    };
  }

  /** Quotes a passage of a snapshot as the excerpt of a claim's source link, as a TextQuoteSelector that can be found again. */
  async quote(actor: Actor, claimId: string, linkId: string, input: z.infer<typeof excerptQuoteSchema>): Promise<ClaimSourceDto> {
    const updated = await this.db.transaction(async (tx) => {
      const link = await this.sources.findLinkOfClaim(tx, actor.workspaceId, claimId, linkId);
      if (!link) throw notFound('source link');
      const snapshot = await this.snapshots.findWithText(tx, actor.workspaceId, link.sourceId, input.snapshotId);
      if (!snapshot) throw new DomainError('NOT_FOUND', 'snapshot not found for this source', [{ path: 'snapshotId', message: 'not a snapshot of this source' }]);
      if (input.end > snapshot.text.length)
        throw new DomainError('VALIDATION_FAILED', `the snapshot text has ${snapshot.text.length} characters`, [{ path: 'end', message: 'beyond the end of the snapshot text' }]);
      const selector = quoteSelector(snapshot.text, input.start, input.end);
      if (!selector.exact.trim()) throw new DomainError('VALIDATION_FAILED', 'the selected passage is empty', [{ path: 'start', message: 'select some words' }]);
      const row = await this.sources.updateLinkExcerpt(tx, actor.workspaceId, linkId, selector.exact);
      const quote = await this.snapshots.upsertQuote(tx, { claimSourceId: linkId, workspaceId: actor.workspaceId, snapshotId: snapshot.id, ...selector, start: input.start, end: input.end });
      await audit(tx, actor, 'claimSource', linkId, 'quote', { excerpt: link.excerpt }, { excerpt: selector.exact, snapshotId: snapshot.id, sha256: snapshot.sha256 });
      return { row, quote };
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'quote-source', actorId: actor.userId });
    const [dto] = await this.decorate(actor.workspaceId, [toClaimSourceDto(updated.row)]);
    return dto;
  }

  /** Source links with their latest capture, latest link check and excerpt quote (two or three queries for any number of links). */
  async decorate(workspaceId: string, links: ClaimSourceDto[]): Promise<ClaimSourceDto[]> {
    if (links.length === 0) return links;
    const sourceIds = [...new Set(links.map((l) => l.source.id))];
    const [captures, checks, quotes] = await Promise.all([
      this.snapshots.latestForSources(this.db, workspaceId, sourceIds),
      this.snapshots.latestLinkChecks(this.db, workspaceId, sourceIds),
      this.snapshots.quotesFor(
        this.db,
        workspaceId,
        links.map((l) => l.id),
      ),
    ]);
    const capture = new Map(captures.map((c) => [c.sourceId, toSnapshotDto(c)]));
    const check = new Map(checks.map((c) => [c.sourceId, toLinkCheckDto(c)]));
    const quote = new Map(quotes.map((q) => [q.claimSourceId, toExcerptQuoteDto(q)]));
    return links.map((l) => ({
      ...l,
      quote: quote.get(l.id) ?? null,
      source: { ...l.source, capture: capture.get(l.source.id) ?? null, linkCheck: check.get(l.source.id) ?? null },
    }));
  }
}

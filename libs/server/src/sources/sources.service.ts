// The workspace's library of sources, and the links between sources and claims (stance, excerpt, note).
import { Injectable } from '@nestjs/common';
import { DomainError, attachSourceSchema, createSourceSchema, updateSourceSchema, type ClaimSourceDto, type SourceDto } from '@claimdesk/domain';
import { Database, SourcesRepository, type Tx } from '@claimdesk/db';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound, staleVersion } from '../common/version';
import { ClaimsService } from '../claims/claims.service';
import { EventsService } from '../events/events.service';
import { CaptureService } from '../evidence/capture.service';
import { EvidenceService } from '../evidence/evidence.service';
import { toClaimSourceDto, toSourceDto } from '../verdicts/verdict.mapper';

type SourceInput = z.infer<typeof createSourceSchema>;

@Injectable()
export class SourcesService {
  constructor(
    private readonly db: Database,
    private readonly sources: SourcesRepository,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
    private readonly captures: CaptureService,
    private readonly evidence: EvidenceService,
  ) {}

  async search(actor: Actor, q: string | undefined, limit: number): Promise<SourceDto[]> {
    const term = q?.trim();
    const rows = await this.sources.search(this.db, actor.workspaceId, term, limit);
    return rows.map(toSourceDto);
  }

  async create(actor: Actor, input: SourceInput): Promise<SourceDto> {
    const row = await this.db.transaction((tx) => this.createIn(tx, actor, input));
    return toSourceDto(row);
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateSourceSchema>): Promise<SourceDto> {
    const { version, ...changes } = input;
    const row = await this.db.transaction(async (tx) => {
      const current = await this.sources.find(tx, actor.workspaceId, id);
      if (!current) throw notFound('source');
      if (current.version !== version) throw staleVersion('source', toSourceDto(current));
      const updated = await this.sources.update(tx, actor.workspaceId, id, toColumns(changes));
      await audit(tx, actor, 'source', id, 'update', toSourceDto(current), toSourceDto(updated));
      return updated;
    });
    return toSourceDto(row);
  }

  async attach(actor: Actor, claimId: string, input: z.infer<typeof attachSourceSchema>): Promise<ClaimSourceDto> {
    const link = await this.db.transaction(async (tx) => {
      const claim = await this.claims.load(tx, actor, claimId);
      const source = input.sourceId ? await this.sources.find(tx, actor.workspaceId, input.sourceId) : await this.createIn(tx, actor, input.source!);
      if (!source) throw new DomainError('NOT_FOUND', 'source not found', [{ path: 'sourceId', message: 'not found' }]);
      const already = await this.sources.findLink(tx, actor.workspaceId, claimId, source.id);
      if (already) throw new DomainError('CONFLICT', 'this source is already attached to the claim', [{ path: 'sourceId', message: 'already attached' }]);
      const created = await this.sources.createLink(tx, {
        workspaceId: actor.workspaceId,
        claimId,
        sourceId: source.id,
        stance: input.stance,
        excerpt: input.excerpt ?? null,
        note: input.note ?? null,
        createdById: actor.userId,
      });
      await audit(tx, actor, 'claimSource', created.id, 'attach', null, { claimId, sourceId: source.id, title: source.title, stance: input.stance });
      await this.claims.startResearchIfFlagged(tx, actor, claim);
      return created;
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'attach-source', actorId: actor.userId });
    // A source cited by URL is captured when it is cited (unless it already has a capture), in the background: the link
    // stands at once, and a page that cannot be read fails its job with the reason (and says so in the source's history).
    const captureJobId = link.source.url && (await this.evidence.list(actor, link.source.id)).length === 0 ? await this.captures.queueCapture(actor, link.source.id) : null;
    const [dto] = await this.evidence.decorate(actor.workspaceId, [toClaimSourceDto(link)]);
    return { ...dto, captureJobId };
  }

  async detach(actor: Actor, claimId: string, linkId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.claims.load(tx, actor, claimId);
      const link = await this.sources.findLinkOfClaim(tx, actor.workspaceId, claimId, linkId);
      if (!link) throw notFound('source link');
      await this.sources.deleteLink(tx, actor.workspaceId, linkId);
      await audit(tx, actor, 'claimSource', linkId, 'detach', { claimId, sourceId: link.sourceId, title: link.source.title, stance: link.stance }, null);
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'detach-source', actorId: actor.userId });
  }

  private async createIn(tx: Tx, actor: Actor, input: SourceInput) {
    const created = await this.sources.create(tx, { workspaceId: actor.workspaceId, createdById: actor.userId, kind: input.kind ?? 'WEB', title: input.title, ...toColumns(input) });
    await audit(tx, actor, 'source', created.id, 'create', null, toSourceDto(created));
    return created;
  }
}

function toColumns(input: Partial<SourceInput>) {
  const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
  return {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.publisher !== undefined ? { publisher: input.publisher } : {}),
    ...(input.archiveUrl !== undefined ? { archiveUrl: input.archiveUrl } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.publishedAt !== undefined ? { publishedAt: date(input.publishedAt) } : {}),
    ...(input.accessedAt !== undefined ? { accessedAt: date(input.accessedAt) } : {}),
  };
}

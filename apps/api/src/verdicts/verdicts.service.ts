// Verdicts: a fact-checker drafts and proposes; an editor approves or sends back; nobody approves their own. The claim's status follows.
import { Injectable } from '@nestjs/common';
import { DomainError, findRating, nextStatus, ratingScaleSchema, reviewSchema, verdictSchema, type ClaimStatus, type Rating, type ReviewQueueItemDto, type VerdictDto } from '@claimdesk/domain';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit, type Tx } from '../common/audit';
import { PrismaService } from '../common/prisma.service';
import { notFound, staleVersion } from '../common/version';
import { ClaimsService } from '../claims/claims.service';
import { toClaimDto } from '../claims/claim.mapper';
import { EventsService } from '../events/events.service';
import { toClaimSourceDto, toVerdictDto, verdictInclude } from './verdict.mapper';

const OPEN_STATES = ['DRAFT', 'PROPOSED', 'CHANGES_REQUESTED'] as const;

@Injectable()
export class VerdictsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
  ) {}

  async create(actor: Actor, claimId: string, input: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    const verdict = await this.prisma.db.$transaction(async (tx) => {
      const claim = await this.claims.load(tx, actor, claimId);
      await this.checkRating(tx, actor, input);
      const open = await tx.verdict.findFirst({ where: { claimId, workspaceId: actor.workspaceId, state: { in: [...OPEN_STATES] } } });
      if (open) throw new DomainError('RULE_VIOLATION', 'this claim already has an open verdict; edit that one', [{ path: 'claimId', message: 'open verdict exists' }]);
      let status = claim.status as ClaimStatus;
      let version = claim.version;
      if (status === 'FLAGGED') {
        await this.claims.write(tx, actor, claimId, version, { status: nextStatus(status, 'startResearch', actor.role) }, 'startResearch');
        status = 'IN_RESEARCH';
        version++;
      }
      if (status !== 'IN_RESEARCH') {
        throw new DomainError('ILLEGAL_TRANSITION', `a verdict can be written for a flagged claim or one in research; this claim is ${status}`, [{ path: 'claimId', message: `claim is ${status}` }]);
      }
      const state = input.propose ? 'PROPOSED' : 'DRAFT';
      const created = await tx.verdict.create({
        data: { workspaceId: actor.workspaceId, claimId, ratingKey: input.ratingKey, rationale: input.rationale, correction: input.correction ?? null, state, authorId: actor.userId, proposedAt: input.propose ? new Date() : null },
      });
      await this.recordHistory(tx, actor, created);
      await audit(tx, actor, 'verdict', created.id, input.propose ? 'propose' : 'draft', null, { claimId, ratingKey: created.ratingKey, state, correction: created.correction });
      await this.claims.write(tx, actor, claimId, version, { rating: input.ratingKey, ...(input.propose ? { status: nextStatus('IN_RESEARCH', 'submitForReview', actor.role) } : {}) }, input.propose ? 'submitForReview' : 'rate');
      return created.id;
    });
    return this.publishAndGet(actor, verdict, 'create');
  }

  async update(actor: Actor, verdictId: string, input: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    await this.prisma.db.$transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      if (verdict.authorId !== actor.userId) throw new DomainError('FORBIDDEN', 'only the author of a verdict may edit it');
      if (input.version === undefined) throw new DomainError('VALIDATION_FAILED', 'version is required to edit a verdict', [{ path: 'version', message: 'is required' }]);
      if (verdict.version !== input.version) throw staleVersion('verdict', toVerdictDto({ ...verdict }, new Map()));
      if (verdict.state !== 'DRAFT' && verdict.state !== 'CHANGES_REQUESTED') throw new DomainError('ILLEGAL_TRANSITION', `a ${verdict.state.toLowerCase()} verdict cannot be edited`, [{ path: 'state', message: verdict.state }]);
      await this.checkRating(tx, actor, input);
      const state = input.propose ? 'PROPOSED' : verdict.state;
      const updated = await tx.verdict.update({
        where: { id: verdictId },
        data: { ratingKey: input.ratingKey, rationale: input.rationale, correction: input.correction ?? null, state, version: { increment: 1 }, ...(input.propose ? { proposedAt: new Date() } : {}) },
      });
      await this.recordHistory(tx, actor, updated);
      await audit(tx, actor, 'verdict', verdictId, input.propose ? 'propose' : 'edit', pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId });
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      await this.claims.write(tx, actor, claim.id, claim.version, { rating: input.ratingKey, ...(input.propose ? { status: nextStatus(claim.status as ClaimStatus, 'submitForReview', actor.role) } : {}) }, input.propose ? 'submitForReview' : 'rate');
    });
    return this.publishAndGet(actor, verdictId, 'update');
  }

  async review(actor: Actor, verdictId: string, input: z.infer<typeof reviewSchema>): Promise<VerdictDto> {
    await this.prisma.db.$transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      if (verdict.authorId === actor.userId) throw new DomainError('SELF_APPROVAL', 'you wrote this verdict; another editor must review it');
      if (verdict.version !== input.version) throw staleVersion('verdict', toVerdictDto(verdict, new Map()));
      if (verdict.state !== 'PROPOSED') throw new DomainError('ILLEGAL_TRANSITION', `only a proposed verdict can be reviewed; this one is ${verdict.state}`, [{ path: 'state', message: verdict.state }]);
      const approved = input.decision === 'APPROVED';
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      const status = nextStatus(claim.status as ClaimStatus, approved ? 'approve' : 'requestChanges', actor.role);
      await tx.review.create({ data: { workspaceId: actor.workspaceId, verdictId, reviewerId: actor.userId, decision: input.decision, comment: input.comment ?? null } });
      const updated = await tx.verdict.update({
        where: { id: verdictId },
        data: { state: approved ? 'APPROVED' : 'CHANGES_REQUESTED', version: { increment: 1 }, decidedAt: new Date(), decidedById: actor.userId },
      });
      await this.recordHistory(tx, actor, updated);
      await audit(tx, actor, 'verdict', verdictId, approved ? 'approve' : 'requestChanges', pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId, comment: input.comment ?? null });
      await this.claims.write(tx, actor, claim.id, claim.version, { status }, approved ? 'approve' : 'requestChanges');
    });
    return this.publishAndGet(actor, verdictId, 'review');
  }

  async withdraw(actor: Actor, verdictId: string, version: number): Promise<VerdictDto> {
    await this.prisma.db.$transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      if (verdict.authorId !== actor.userId && actor.role !== 'ADMIN' && actor.role !== 'EDITOR') throw new DomainError('FORBIDDEN', 'only the author, an editor or an admin may withdraw a verdict');
      if (verdict.version !== version) throw staleVersion('verdict', toVerdictDto(verdict, new Map()));
      if (!(OPEN_STATES as readonly string[]).includes(verdict.state)) throw new DomainError('ILLEGAL_TRANSITION', `a ${verdict.state.toLowerCase()} verdict cannot be withdrawn`);
      const updated = await tx.verdict.update({ where: { id: verdictId }, data: { state: 'WITHDRAWN', version: { increment: 1 } } });
      await this.recordHistory(tx, actor, updated);
      await audit(tx, actor, 'verdict', verdictId, 'withdraw', pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId });
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      // A withdrawn proposal takes the claim back to research; the shared workflow has no direct edge for this, so it is stated here.
      await this.claims.write(tx, actor, claim.id, claim.version, { rating: null, ...(claim.status === 'IN_REVIEW' ? { status: 'IN_RESEARCH' } : {}) }, 'withdrawVerdict');
    });
    return this.publishAndGet(actor, verdictId, 'withdraw');
  }

  async queue(actor: Actor): Promise<ReviewQueueItemDto[]> {
    const verdicts = await this.prisma.db.verdict.findMany({
      where: { workspaceId: actor.workspaceId, state: 'PROPOSED', claim: { article: { deletedAt: null } } },
      orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
      take: 200,
      include: { ...verdictInclude, claim: { include: { article: { select: { id: true, title: true } }, revision: { select: { text: true } }, sources: { include: { source: true }, orderBy: { createdAt: 'asc' } } } } },
    });
    const users = await this.prisma.usersById(verdicts.flatMap((v) => [v.authorId, v.decidedById, ...v.reviews.map((r) => r.reviewerId)]));
    return verdicts.map((v) => {
      const { claim } = v;
      return {
        verdict: toVerdictDto(v, users),
        claim: toClaimDto(claim),
        article: claim.article,
        paragraph: paragraphText(claim.revision.text, claim.startOffset, claim.endOffset),
        sources: claim.sources.map(toClaimSourceDto),
      };
    });
  }

  async get(actor: Actor, verdictId: string): Promise<VerdictDto> {
    const verdict = await this.prisma.db.verdict.findFirst({ where: { id: verdictId, workspaceId: actor.workspaceId, claim: { article: { deletedAt: null } } }, include: verdictInclude });
    if (!verdict) throw notFound('verdict');
    return toVerdictDto(verdict, await this.prisma.usersById([verdict.authorId, verdict.decidedById, ...verdict.reviews.map((r) => r.reviewerId)]));
  }

  private async publishAndGet(actor: Actor, verdictId: string, action: string): Promise<VerdictDto> {
    const dto = await this.get(actor, verdictId);
    this.events.publish(actor.workspaceId, { type: 'verdict', id: verdictId, action, actorId: actor.userId });
    this.events.publish(actor.workspaceId, { type: 'claim', id: dto.claimId, action: `verdict-${action}`, actorId: actor.userId });
    return dto;
  }

  private async load(tx: Tx, actor: Actor, verdictId: string) {
    const verdict = await tx.verdict.findFirst({ where: { id: verdictId, workspaceId: actor.workspaceId, claim: { article: { deletedAt: null } } }, include: verdictInclude });
    if (!verdict) throw notFound('verdict');
    return verdict;
  }

  private async checkRating(tx: Tx, actor: Actor, input: { ratingKey: string; correction?: string | null; propose?: boolean }): Promise<Rating> {
    const scale = await tx.ratingScale.findUnique({ where: { workspaceId: actor.workspaceId } });
    const ratings = ratingScaleSchema.parse(scale?.ratings ?? []);
    const rating = findRating(ratings, input.ratingKey);
    if (!rating) throw new DomainError('VALIDATION_FAILED', `"${input.ratingKey}" is not a rating of this workspace; use one of ${ratings.map((r) => r.key).join(', ')}`, [{ path: 'ratingKey', message: 'unknown rating' }]);
    if (input.propose && rating.needsCorrection && !input.correction?.trim()) {
      throw new DomainError('VALIDATION_FAILED', `a verdict rated ${rating.label} needs the correction to publish`, [{ path: 'correction', message: `required for ${rating.label}` }]);
    }
    return rating;
  }

  private async recordHistory(tx: Tx, actor: Actor, v: { id: string; version: number; ratingKey: string; rationale: string; correction: string | null; state: string }) {
    await tx.verdictHistory.create({
      data: { workspaceId: actor.workspaceId, verdictId: v.id, version: v.version, ratingKey: v.ratingKey, rationale: v.rationale, correction: v.correction, state: v.state as 'DRAFT', actorId: actor.userId },
    });
  }
}

function pickVerdict(v: { ratingKey: string; rationale: string; correction: string | null; state: string; version: number }) {
  return { ratingKey: v.ratingKey, rationale: v.rationale, correction: v.correction, state: v.state, version: v.version };
}

/** The paragraph a claim stands in, for the reviewer to read it in context. */
export function paragraphText(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n\n', start);
  const to = text.indexOf('\n\n', end);
  return text.slice(from < 0 ? 0 : from + 2, to < 0 ? text.length : to);
}

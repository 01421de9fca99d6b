// Verdicts: a fact-checker drafts and proposes; an editor approves or sends back; nobody approves their own. Every
// state change goes through the verdict workflow of @claimdesk/domain, and the claim's status follows through the claim workflow.
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  OPEN_VERDICT_STATES,
  VERDICT_TRANSITIONS,
  assigneeAfterVerdictAction,
  findRating,
  missingEvidence,
  nextStatus,
  nextVerdictState,
  ratingScaleSchema,
  reviewSchema,
  verdictActionError,
  verdictSchema,
  type ClaimStatus,
  type Rating,
  type MyWorkDto,
  REVIEWERS,
  type ReviewQueueItemDto,
  type SentBackItemDto,
  type VerdictAction,
  type VerdictDto,
  type VerdictState,
  type VerdictStateOrNew,
} from '@claimdesk/domain';
import { Database, MembersRepository, PublishingRepository, SourcesRepository, VerdictsRepository, type ClaimChanges, type DbExecutor, type Tx } from '@claimdesk/db';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound, staleVersion } from '../common/version';
import { ClaimsService } from '../claims/claims.service';
import { toClaimDto } from '../claims/claim.mapper';
import { EventsService } from '../events/events.service';
import { NewsroomService } from '../newsroom/newsroom.service';
import { LibraryService } from '../library/library.service';
import { toClaimSourceDto, toVerdictDto } from './verdict.mapper';

@Injectable()
export class VerdictsService {
  constructor(
    private readonly db: Database,
    private readonly verdicts: VerdictsRepository,
    private readonly members: MembersRepository,
    private readonly sources: SourcesRepository,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
    private readonly newsroom: NewsroomService,
    private readonly publishing: PublishingRepository,
    private readonly library: LibraryService,
  ) {}

  async create(actor: Actor, claimId: string, input: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    const verdict = await this.db.transaction(async (tx) => {
      const claim = await this.claims.load(tx, actor, claimId);
      await this.checkRating(tx, actor, input);
      const open = await this.verdicts.findInStates(tx, actor.workspaceId, claimId, OPEN_VERDICT_STATES);
      if (open) throw new DomainError('RULE_VIOLATION', 'this claim already has an open verdict; edit that one', [{ path: 'claimId', message: 'open verdict exists' }]);
      const action: VerdictAction = input.propose ? 'propose' : 'draft';
      const state = nextVerdictState('NEW', action, { role: actor.role, isAuthor: true });
      const { status, version, assigneeId } = await this.claims.startResearchIfFlagged(tx, actor, claim);
      if (status !== 'IN_RESEARCH') {
        throw new DomainError('ILLEGAL_TRANSITION', `a verdict can be written for a flagged claim or one in research; this claim is ${status}`, [{ path: 'claimId', message: `claim is ${status}` }]);
      }
      const created = await this.verdicts.create(tx, {
        workspaceId: actor.workspaceId,
        claimId,
        ratingKey: input.ratingKey,
        rationale: input.rationale,
        correction: input.correction ?? null,
        state,
        authorId: actor.userId,
        proposedAt: input.propose ? new Date() : null,
      });
      await this.verdicts.recordHistory(tx, actor, created);
      await audit(tx, actor, 'verdict', created.id, action, null, { claimId, ratingKey: created.ratingKey, state, correction: created.correction });
      await this.followOnClaim(tx, actor, { id: claimId, status, version, assigneeId }, action, created.authorId, { rating: input.ratingKey });
      if (action === 'propose') await this.newsroom.record(tx, actor, { kind: 'verdictProposed', claim: claimRef(claim), verdict: created });
      return created.id;
    });
    return this.publishAndGet(actor, verdict, 'create');
  }

  async update(actor: Actor, verdictId: string, input: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    await this.db.transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      const action: VerdictAction = input.propose ? 'propose' : 'edit';
      this.checkWho(verdict.state, action, actor, verdict.authorId);
      if (input.version === undefined) throw new DomainError('VALIDATION_FAILED', 'version is required to edit a verdict', [{ path: 'version', message: 'is required' }]);
      if (verdict.version !== input.version) throw staleVersion('verdict', toVerdictDto(verdict, new Map()));
      const state = nextVerdictState(verdict.state, action, { role: actor.role, isAuthor: verdict.authorId === actor.userId });
      await this.checkRating(tx, actor, input);
      const updated = await this.verdicts.update(tx, actor.workspaceId, verdictId, {
        ratingKey: input.ratingKey,
        rationale: input.rationale,
        correction: input.correction ?? null,
        state,
        ...(input.propose ? { proposedAt: new Date() } : {}),
      });
      await this.verdicts.recordHistory(tx, actor, updated);
      await audit(tx, actor, 'verdict', verdictId, action, pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId });
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      await this.followOnClaim(tx, actor, claim, action, verdict.authorId, { rating: input.ratingKey });
      if (action === 'propose') await this.newsroom.record(tx, actor, { kind: 'verdictProposed', claim: claimRef(claim), verdict: updated });
    });
    return this.publishAndGet(actor, verdictId, 'update');
  }

  async review(actor: Actor, verdictId: string, input: z.infer<typeof reviewSchema>): Promise<VerdictDto> {
    await this.db.transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      const action: VerdictAction = input.decision === 'APPROVED' ? 'approve' : 'requestChanges';
      this.checkWho(verdict.state, action, actor, verdict.authorId);
      if (verdict.version !== input.version) throw staleVersion('verdict', toVerdictDto(verdict, new Map()));
      const state = nextVerdictState(verdict.state, action, { role: actor.role, isAuthor: verdict.authorId === actor.userId });
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      if (action === 'approve') await this.checkEvidence(tx, actor, verdict);
      await this.verdicts.createReview(tx, { workspaceId: actor.workspaceId, verdictId, reviewerId: actor.userId, decision: input.decision, comment: input.comment ?? null });
      const updated = await this.verdicts.update(tx, actor.workspaceId, verdictId, { state, decidedAt: new Date(), decidedById: actor.userId });
      await this.verdicts.recordHistory(tx, actor, updated);
      // The wording of the notice readers see, as approved now (the editor's, else the verdict's correction). A new version
      // is kept when it differs from the wording in force, so a later approval never leaves an older wording standing.
      const notice = action === 'approve' ? input.correctionNotice?.trim() || verdict.correction?.trim() || null : null;
      const inForce = notice ? ((await this.publishing.latestNotices(tx, actor.workspaceId, [verdictId])).get(verdictId) ?? verdict.correction?.trim()) : null;
      if (notice && notice !== inForce) {
        const saved = await this.publishing.addNotice(tx, { workspaceId: actor.workspaceId, verdictId, text: notice, editedById: actor.userId });
        await audit(tx, actor, 'verdict', verdictId, 'wordCorrection', { correction: verdict.correction }, { correctionNotice: notice, noticeVersion: saved.version });
      }
      await audit(tx, actor, 'verdict', verdictId, action, pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId, comment: input.comment ?? null });
      await this.followOnClaim(tx, actor, claim, action, verdict.authorId, {});
      await this.newsroom.record(tx, actor, { kind: 'verdictReviewed', claim: claimRef(claim), verdict: updated, approved: action === 'approve', comment: input.comment ?? null });
      // An approved verdict enters the workspace's fact-check library with it.
      if (state === 'APPROVED') await this.library.addVerdict(tx, actor.workspaceId, verdictId);
    });
    return this.publishAndGet(actor, verdictId, 'review');
  }

  async withdraw(actor: Actor, verdictId: string, version: number): Promise<VerdictDto> {
    await this.db.transaction(async (tx) => {
      const verdict = await this.load(tx, actor, verdictId);
      const isAuthor = verdict.authorId === actor.userId;
      this.checkWho(verdict.state, 'withdraw', actor, verdict.authorId);
      if (verdict.version !== version) throw staleVersion('verdict', toVerdictDto(verdict, new Map()));
      const state = nextVerdictState(verdict.state, 'withdraw', { role: actor.role, isAuthor });
      const updated = await this.verdicts.update(tx, actor.workspaceId, verdictId, { state });
      await this.verdicts.recordHistory(tx, actor, updated);
      await audit(tx, actor, 'verdict', verdictId, 'withdraw', pickVerdict(verdict), { ...pickVerdict(updated), claimId: verdict.claimId });
      const claim = await this.claims.load(tx, actor, verdict.claimId);
      // A withdrawn proposal takes the claim back to research; a withdrawn draft leaves a claim in research where it is.
      const status = claim.status === 'IN_REVIEW' ? nextStatus(claim.status, 'withdrawVerdict', actor.role) : undefined;
      await this.claims.write(tx, actor, claim.id, claim.version, { rating: null, ...(status ? { status } : {}) }, 'withdrawVerdict');
      await this.library.removeVerdict(tx, actor.workspaceId, verdictId);
    });
    return this.publishAndGet(actor, verdictId, 'withdraw');
  }

  async queue(actor: Actor): Promise<ReviewQueueItemDto[]> {
    const verdicts = await this.verdicts.reviewQueue(this.db, actor.workspaceId);
    const users = await this.members.usersById(
      this.db,
      verdicts.flatMap((v) => [v.authorId, v.decidedById, ...v.reviews.map((r) => r.reviewerId)]),
    );
    const checked = await this.library.checkedBefore(
      actor.workspaceId,
      verdicts.map((v) => v.claim.id),
    );
    return verdicts.map((v) => {
      const { claim } = v;
      return {
        verdict: toVerdictDto(v, users),
        claim: toClaimDto({ ...claim, checkedBefore: checked.has(claim.id) }),
        article: claim.article,
        paragraph: paragraphText(claim.revision.text, claim.startOffset, claim.endOffset),
        sources: claim.sources.map(toClaimSourceDto),
      };
    });
  }

  /** Claims assigned to the caller that are still open, verdicts sent back to them, and reviews waiting for them. */
  async myWork(actor: Actor): Promise<MyWorkDto> {
    const [assigned, sentBack, reviews] = await Promise.all([
      this.claims.list(actor, { assigneeId: 'me', status: ['FLAGGED', 'IN_RESEARCH', 'IN_REVIEW'], sort: 'updated', order: 'desc', limit: 100 }),
      this.sentBack(actor),
      REVIEWERS.includes(actor.role) ? this.queue(actor) : Promise.resolve([]),
    ]);
    return { assigned: assigned.items, sentBack, reviews: reviews.filter((item) => item.verdict.author.id !== actor.userId) };
  }

  private async sentBack(actor: Actor): Promise<SentBackItemDto[]> {
    const verdicts = await this.verdicts.sentBackTo(this.db, actor.workspaceId, actor.userId);
    const users = await this.members.usersById(
      this.db,
      verdicts.flatMap((v) => [v.authorId, v.decidedById, ...v.reviews.map((r) => r.reviewerId)]),
    );
    const checked = await this.library.checkedBefore(
      actor.workspaceId,
      verdicts.map((v) => v.claim.id),
    );
    return verdicts.map((v) => {
      const dto = toVerdictDto(v, users);
      const last = dto.reviews.filter((r) => r.decision === 'CHANGES_REQUESTED').at(-1) ?? null;
      return { verdict: dto, claim: toClaimDto({ ...v.claim, checkedBefore: checked.has(v.claim.id) }), article: v.claim.article, comment: last?.comment ?? null, reviewer: last?.reviewer ?? null };
    });
  }

  async get(actor: Actor, verdictId: string): Promise<VerdictDto> {
    const verdict = await this.load(this.db, actor, verdictId);
    return toVerdictDto(verdict, await this.members.usersById(this.db, [verdict.authorId, verdict.decidedById, ...verdict.reviews.map((r) => r.reviewerId)]));
  }

  private async publishAndGet(actor: Actor, verdictId: string, action: string): Promise<VerdictDto> {
    const dto = await this.get(actor, verdictId);
    this.events.publish(actor.workspaceId, { type: 'verdict', id: verdictId, action, actorId: actor.userId });
    this.events.publish(actor.workspaceId, { type: 'claim', id: dto.claimId, action: `verdict-${action}`, actorId: actor.userId });
    return dto;
  }

  private async load(db: DbExecutor, actor: Actor, verdictId: string) {
    const verdict = await this.verdicts.findVisible(db, actor.workspaceId, verdictId);
    if (!verdict) throw notFound('verdict');
    return verdict;
  }

  /**
   * The claim follows a verdict action: its rating as given, and its status through the claim action the verdict action
   * implies (none for a draft or an edit, which only rate it). Audited under that claim action.
   */
  private async followOnClaim(
    tx: Tx,
    actor: Actor,
    claim: { id: string; status: ClaimStatus; version: number; assigneeId: string | null },
    action: VerdictAction,
    authorId: string,
    changes: Pick<ClaimChanges, 'rating'>,
  ): Promise<void> {
    const claimAction = VERDICT_TRANSITIONS[action].claimAction;
    const status = claimAction ? nextStatus(claim.status, claimAction, actor.role) : undefined;
    const assigneeId = assigneeAfterVerdictAction(action, claim.assigneeId, authorId);
    await this.claims.write(tx, actor, claim.id, claim.version, { ...changes, ...(status ? { status } : {}), ...(assigneeId !== claim.assigneeId ? { assigneeId } : {}) }, claimAction ?? 'rate');
  }

  /** An editor approves a verdict only with the evidence its rating asks for: 422 naming what is missing. */
  private async checkEvidence(tx: Tx, actor: Actor, verdict: { claimId: string; ratingKey: string; correction: string | null }): Promise<void> {
    const scale = ratingScaleSchema.parse((await this.members.findRatingScale(tx, actor.workspaceId))?.ratings ?? []);
    const rating = findRating(scale, verdict.ratingKey);
    if (!rating) return;
    const missing = missingEvidence(rating, { correction: verdict.correction, sourceCount: await this.sources.countLinks(tx, actor.workspaceId, verdict.claimId) });
    if (missing.length) {
      throw new DomainError(
        'RULE_VIOLATION',
        `cannot approve yet: ${missing.join('; ')}`,
        missing.map((message) => ({ path: message.endsWith('source') ? 'sources' : 'correction', message })),
      );
    }
  }

  /** Refuses who may not act (403, or self-approval) before the version is compared; the state itself is checked after it. */
  private checkWho(state: VerdictStateOrNew, action: VerdictAction, actor: Actor, authorId: string): void {
    const error = verdictActionError(state, action, { role: actor.role, isAuthor: authorId === actor.userId });
    if (error && error.code !== 'ILLEGAL_TRANSITION') throw error;
  }

  private async checkRating(tx: Tx, actor: Actor, input: { ratingKey: string; correction?: string | null; propose?: boolean }): Promise<Rating> {
    const scale = await this.members.findRatingScale(tx, actor.workspaceId);
    const ratings = ratingScaleSchema.parse(scale?.ratings ?? []);
    const rating = findRating(ratings, input.ratingKey);
    if (!rating)
      throw new DomainError('VALIDATION_FAILED', `"${input.ratingKey}" is not a rating of this workspace; use one of ${ratings.map((r) => r.key).join(', ')}`, [
        { path: 'ratingKey', message: 'unknown rating' },
      ]);
    if (input.propose && rating.needsCorrection && !input.correction?.trim()) {
      throw new DomainError('VALIDATION_FAILED', `a verdict rated ${rating.label} needs the correction to publish`, [{ path: 'correction', message: `required for ${rating.label}` }]);
    }
    return rating;
  }
}

function claimRef(claim: { id: string; articleId: string; text: string }) {
  return { id: claim.id, articleId: claim.articleId, text: claim.text };
}

function pickVerdict(v: { ratingKey: string; rationale: string; correction: string | null; state: VerdictState; version: number }) {
  return { ratingKey: v.ratingKey, rationale: v.rationale, correction: v.correction, state: v.state, version: v.version };
}

/** The paragraph a claim stands in, for the reviewer to read it in context. */
function paragraphText(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n\n', start);
  const to = text.indexOf('\n\n', end);
  return text.slice(from < 0 ? 0 : from + 2, to < 0 ? text.length : to);
}

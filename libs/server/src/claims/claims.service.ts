// The rules of claim work: listing, reading, creating from a selection, editing, and moving through the workflow.
import { Injectable } from '@nestjs/common';
import {
  articleClaimant,
  claimantDisplayName,
  claimantKey,
  DomainError,
  assigneeAfterClaimAction,
  nextStatus,
  type ClaimAction,
  type ClaimDetailDto,
  type ClaimDto,
  type DismissReason,
  type ArticleClaimsQuery,
  type ListClaimsQuery,
  type ReaderClaimDto,
  type Page,
  type SimilarClaimDto,
  type AuditEventDto,
  type DashboardDto,
  type StatusCounts,
  createClaimSchema,
  updateClaimSchema,
  type ClaimStatus,
  DIRECT_CLAIM_ACTIONS,
  type DirectClaimAction,
} from '@claimdesk/domain';
import { extractClaims, quoteSelector } from '@claimdesk/extraction';
import type { z } from 'zod';
import {
  ArticlesRepository,
  ClaimantsRepository,
  ClaimsRepository,
  Database,
  MembersRepository,
  SourcesRepository,
  VerdictsRepository,
  type ClaimChanges,
  type ClaimRow,
  type DbExecutor,
  type Prisma,
  LibraryRepository,
} from '@claimdesk/db';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AuditService } from '../common/audit.service';
import { notFound, staleVersion } from '../common/version';
import { EventsService } from '../events/events.service';
import { paragraphAt } from '../articles/articles.service';
import { toClaimDto, toReaderClaimDto, claimColumnsFromExtraction } from './claim.mapper';
import { toCommentDto, toClaimSourceDto, toVerdictDto } from '../verdicts/verdict.mapper';
import { EvidenceService } from '../evidence/evidence.service';
import { NewsroomService } from '../newsroom/newsroom.service';

@Injectable()
export class ClaimsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly articles: ArticlesRepository,
    private readonly claimants: ClaimantsRepository,
    private readonly verdicts: VerdictsRepository,
    private readonly members: MembersRepository,
    private readonly sources: SourcesRepository,
    private readonly events: EventsService,
    private readonly audits: AuditService,
    private readonly evidence: EvidenceService,
    private readonly newsroom: NewsroomService,
    private readonly library: LibraryRepository,
  ) {}

  async list(actor: Actor, query: ListClaimsQuery): Promise<Page<ClaimDto>> {
    const { rows, nextCursor } = await this.claims.list(this.db, actor.workspaceId, actor.userId, query);
    return { items: rows.map((r) => toClaimDto(r)), nextCursor };
  }

  /** The claims of one article as the reader draws them, in text order; 404 when the article is not there to read. */
  async listForReader(actor: Actor, articleId: string, query: ArticleClaimsQuery): Promise<Page<ReaderClaimDto>> {
    const { rows, nextCursor } = await this.claims.listForReader(this.db, actor.workspaceId, articleId, query);
    // An empty first page may mean no such article: only then is the article looked up.
    if (!rows.length && !query.cursor && !(await this.articles.findActive(this.db, actor.workspaceId, articleId))) throw notFound('article');
    return { items: rows.map(toReaderClaimDto), nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ClaimDto> {
    const row = await this.load(this.db, actor, id);
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  async detail(actor: Actor, id: string): Promise<ClaimDetailDto> {
    const [row, checkedBefore] = await Promise.all([this.claims.findDetail(this.db, actor.workspaceId, id), this.library.checkedBefore(this.db, actor.workspaceId, id)]);
    if (!row) throw notFound('claim');
    const userIds = [row.updatedById, ...row.comments.map((c) => c.authorId), ...row.verdicts.flatMap((v) => [v.authorId, v.decidedById, ...v.reviews.map((r) => r.reviewerId)])];
    const [users, sources] = await Promise.all([this.members.usersById(this.db, userIds), this.evidence.decorate(actor.workspaceId, row.sources.map(toClaimSourceDto))]);
    const names = new Map([...users].map(([id, u]) => [id, u.name]));
    const text = row.revision.text;
    return {
      ...toClaimDto({ ...row, checkedBefore }, names),
      article: row.article,
      context: { before: text.slice(Math.max(0, row.startOffset - 400), row.startOffset), after: text.slice(row.endOffset, row.endOffset + 400) },
      sources,
      verdicts: row.verdicts.map((v) => toVerdictDto(v, users)),
      comments: row.comments.map((c) => toCommentDto(c, users)),
    };
  }

  /** A claim a person marks by selecting words the detector missed; the server computes the quote selector. */
  async create(actor: Actor, input: z.infer<typeof createClaimSchema>): Promise<ClaimDto> {
    const row = await this.db.transaction(async (tx) => {
      const revision = await this.articles.findRevision(tx, actor.workspaceId, input.revisionId);
      if (!revision) throw notFound('revision');
      const latest = await this.articles.latestRevision(tx, revision.articleId);
      if (latest.id !== revision.id) throw new DomainError('RULE_VIOLATION', 'select the text in the latest revision of the article', [{ path: 'revisionId', message: 'not the latest revision' }]);
      if (input.end > revision.text.length) throw new DomainError('VALIDATION_FAILED', `end is past the end of the text (${revision.text.length})`, [{ path: 'end', message: 'out of range' }]);
      let start = input.start;
      let end = input.end;
      while (start < end && /\s/.test(revision.text[start])) start++;
      while (end > start && /\s/.test(revision.text[end - 1])) end--;
      if (end - start < 3) throw new DomainError('VALIDATION_FAILED', 'select at least a few words', [{ path: 'end', message: 'selection too short' }]);
      const parent = input.splitFrom ? await this.load(tx, actor, input.splitFrom) : null;
      if (parent && (parent.revisionId !== revision.id || parent.orphaned || start < parent.startOffset || end > parent.endOffset || (start === parent.startOffset && end === parent.endOffset))) {
        throw new DomainError('RULE_VIOLATION', 'to split a claim, select part of its words in the latest revision', [{ path: 'splitFrom', message: 'selection is not part of this claim' }]);
      }
      const text = revision.text.slice(start, end);
      const analysed = extractClaims(text).claims;
      const article = await this.articles.findActive(tx, actor.workspaceId, revision.articleId);
      if (!article) throw notFound('article');
      const fallback = articleClaimant(article);
      const columns =
        analysed.length === 1
          ? claimColumnsFromExtraction(
              {
                ...analysed[0],
                start,
                end,
                cues: shift(analysed[0].cues, start),
                numbers: shift(analysed[0].numbers, start),
                dates: shift(analysed[0].dates, start),
                entities: shift(analysed[0].entities, start),
              },
              fallback,
            )
          : null;
      const claimant = columns?.claimant ?? { name: claimantDisplayName(fallback), key: claimantKey(fallback), unnamed: false };
      const selector = quoteSelector(revision.text, start, end);
      const created = await this.claims.create(tx, {
        workspaceId: actor.workspaceId,
        articleId: revision.articleId,
        revisionId: revision.id,
        text,
        startOffset: start,
        endOffset: end,
        quoteExact: selector.exact,
        quotePrefix: selector.prefix,
        quoteSuffix: selector.suffix,
        paragraph: paragraphAt(revision.text, start),
        kind: input.kind ?? columns?.kind ?? 'OTHER',
        score: columns?.score ?? 1,
        checkWorthy: true,
        reasons: ['marked by hand', ...(columns?.reasons ?? [])],
        cues: toJson(columns?.cues ?? []),
        attribution: columns?.attribution ?? null,
        numbers: toJson(columns?.numbers ?? []),
        dates: toJson(columns?.dates ?? []),
        entities: toJson(columns?.entities ?? []),
        hedged: columns?.hedged ?? false,
        attributed: columns?.attributed ?? false,
        unnamedSource: columns?.unnamedSource ?? false,
        claimantId: claimant.key ? await this.claimants.ensure(tx, actor.workspaceId, claimant) : null,
        origin: 'MANUAL',
        updatedById: actor.userId,
      });
      await audit(tx, actor, 'claim', created.id, parent ? 'split' : 'create', null, { text, start, end, articleId: created.articleId, origin: 'MANUAL', ...(parent ? { splitFrom: parent.id } : {}) });
      if (parent && input.copySources) {
        for (const link of await this.sources.listLinksOfClaim(tx, actor.workspaceId, parent.id)) {
          const copy = await this.sources.createLink(tx, {
            workspaceId: actor.workspaceId,
            claimId: created.id,
            sourceId: link.sourceId,
            stance: link.stance,
            excerpt: link.excerpt,
            note: link.note,
            createdById: actor.userId,
          });
          await audit(tx, actor, 'claimSource', copy.id, 'attach', null, { claimId: created.id, sourceId: link.sourceId, title: copy.source.title, stance: link.stance, copiedFrom: parent.id });
        }
      }
      // Whoever marks a claim by hand means to check it: it starts flagged and assigned to them.
      return this.write(tx, actor, created.id, created.version, { status: nextStatus(created.status, 'flag', actor.role), assigneeId: assigneeAfterClaimAction('flag', null, actor.userId) }, 'flag');
    });
    this.publish(actor, row, 'create');
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateClaimSchema>): Promise<ClaimDto> {
    const { version, ...changes } = input;
    if (changes.assigneeId) {
      const member = await this.members.findMembership(this.db, actor.workspaceId, changes.assigneeId);
      if (!member) throw new DomainError('VALIDATION_FAILED', 'the assignee is not a member of this workspace', [{ path: 'assigneeId', message: 'not a member' }]);
    }
    // One statement does the version check, the change and the audit event. Only a new assignee is notified (an edit
    // never moves the status), and that notification commits with the change; any other edit is that one statement alone.
    const row = changes.assigneeId ? await this.db.transaction((tx) => this.write(tx, actor, id, version, changes, 'update')) : await this.write(this.db, actor, id, version, changes, 'update');
    this.publish(actor, row, 'update');
    return toClaimDto(row);
  }

  async transition(actor: Actor, id: string, version: number, action: ClaimAction, reason?: DismissReason): Promise<ClaimDto> {
    const row = await this.db.transaction(async (tx) => {
      const current = await this.load(tx, actor, id);
      if (current.version !== version) throw staleVersion('claim', toClaimDto(current, await this.userNames([current.updatedById], tx)), await this.userName(current.updatedById, tx));
      // Only flag, dismiss and start research are taken on a claim directly; the other moves follow from verdict actions.
      if (!isDirectClaimAction(action)) throw new DomainError('RULE_VIOLATION', indirectActionMessage(action), [{ path: 'action', message: 'use the verdict routes' }]);
      const status = nextStatus(current.status, action, actor.role);
      const assigneeId = assigneeAfterClaimAction(action, current.assigneeId, actor.userId);
      return this.write(tx, actor, id, version, { status, dismissReason: action === 'dismiss' ? reason : null, ...(assigneeId !== current.assigneeId ? { assigneeId } : {}) }, action);
    });
    this.publish(actor, row, action);
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  /** Flag or dismiss many claims at once; each is checked and audited on its own, and claims that cannot move are reported. */
  async bulk(actor: Actor, action: 'flag' | 'dismiss', ids: string[], reason?: DismissReason) {
    const unique = [...new Set(ids)];
    const result = await this.db.transaction(
      async (tx) => {
        const rows = await this.claims.findVisibleByIds(tx, actor.workspaceId, unique);
        const found = new Map(rows.map((r) => [r.id, r]));
        const updated: string[] = [];
        const skipped: Array<{ id: string; reason: string }> = [];
        for (const id of unique) {
          const row = found.get(id);
          if (!row) {
            skipped.push({ id, reason: 'not found' });
            continue;
          }
          let status: ClaimStatus;
          try {
            status = nextStatus(row.status, action, actor.role);
          } catch (error) {
            if (error instanceof DomainError && error.code === 'FORBIDDEN') throw error;
            skipped.push({ id, reason: (error as Error).message });
            continue;
          }
          const assigneeId = assigneeAfterClaimAction(action, row.assigneeId, actor.userId);
          await this.write(tx, actor, id, row.version, { status, dismissReason: action === 'dismiss' ? reason : null, ...(assigneeId !== row.assigneeId ? { assigneeId } : {}) }, `bulk-${action}`);
          updated.push(id);
        }
        return { updated, skipped };
      },
      { timeout: 60_000 },
    );
    for (const id of result.updated) this.events.publish(actor.workspaceId, { type: 'claim', id, action, actorId: actor.userId });
    return result;
  }

  /** Claims by status and by rating, and the caller's open assigned claims. */
  async dashboard(actor: Actor): Promise<DashboardDto> {
    const rows = await this.claims.countsByStatusAndRating(this.db, actor.workspaceId);
    const byStatus: StatusCounts = {};
    const byRating: Record<string, number> = {};
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      if (r.rating) byRating[r.rating] = (byRating[r.rating] ?? 0) + r.n;
    }
    const mine = await this.list(actor, { assigneeId: 'me', status: ['DETECTED', 'FLAGGED', 'IN_RESEARCH', 'IN_REVIEW'], sort: 'updated', order: 'desc', limit: 50 });
    // The morning triage: check-worthy claims of the last day's feed articles that nobody has triaged yet, best first.
    const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const fromFeeds = await this.list(actor, { fromFeedsSince: since, checkWorthy: true, status: ['DETECTED', 'FLAGGED'], sort: 'score', order: 'desc', limit: 20 });
    return { byStatus, byRating, assignedToMe: mine.items, fromFeeds: { since, claims: fromFeeds.items } };
  }

  async history(actor: Actor, id: string): Promise<AuditEventDto[]> {
    await this.get(actor, id);
    return this.audits.history(actor.workspaceId, 'claim', id);
  }

  /** The claim and the claims of the workspace whose words are close to its text (candidates for look-alikes). */
  async similar(actor: Actor, id: string): Promise<{ claim: ClaimDto; similar: SimilarClaimDto[] }> {
    const claim = await this.get(actor, id);
    const rows = await this.claims.similar(this.db, actor.workspaceId, id, claim.text);
    const verdicts = rows.length
      ? await this.verdicts.listLiveForClaims(
          this.db,
          actor.workspaceId,
          rows.map((r) => r.id),
        )
      : [];
    const similar = rows.map((r) => {
      const v = verdicts.find((x) => x.claimId === r.id);
      return {
        claim: { id: r.id, articleId: r.articleId, text: r.text, status: r.status, rating: r.rating },
        articleTitle: r.title,
        similarity: Math.round(r.similarity * 1000) / 1000,
        verdict: v ? { id: v.id, ratingKey: v.ratingKey, state: v.state, correction: v.correction } : null,
      };
    });
    return { claim, similar };
  }

  /**
   * The one place a claim row changes: row lock, version check, version bump and audit event in a single statement
   * (atomic on its own, or part of the caller's transaction). Stale version: 409 with the current claim.
   */
  async write(db: DbExecutor, actor: Actor, id: string, version: number, changes: ClaimChanges, action: string): Promise<ClaimRow> {
    const result = await this.claims.write(db, actor, id, version, changes, action);
    if (result.kind === 'missing') throw notFound('claim');
    if (result.kind === 'stale') {
      const current = await this.load(db, actor, id);
      const name = await this.userName(current.updatedById, db);
      throw staleVersion('claim', toClaimDto({ ...current, updatedByName: name }), name);
    }
    const { row, before } = result;
    const claim = { id: row.id, articleId: row.articleId, text: row.text };
    if (row.assigneeId && row.assigneeId !== before.assigneeId && row.assigneeId !== actor.userId) await this.newsroom.record(db, actor, { kind: 'claimAssigned', claim, assigneeId: row.assigneeId });
    if (row.status === 'FLAGGED' && before.status !== 'FLAGGED') await this.newsroom.record(db, actor, { kind: 'claimFlagged', claim });
    return row;
  }

  /** Work on a flagged claim (its first source or verdict) starts its research; returns the status and version after. */
  async startResearchIfFlagged(
    db: DbExecutor,
    actor: Actor,
    claim: { id: string; status: ClaimStatus; version: number; assigneeId: string | null },
  ): Promise<{ status: ClaimStatus; version: number; assigneeId: string | null }> {
    if (claim.status !== 'FLAGGED') return { status: claim.status, version: claim.version, assigneeId: claim.assigneeId };
    const status = nextStatus(claim.status, 'startResearch', actor.role);
    const assigneeId = assigneeAfterClaimAction('startResearch', claim.assigneeId, actor.userId);
    await this.write(db, actor, claim.id, claim.version, { status, ...(assigneeId !== claim.assigneeId ? { assigneeId } : {}) }, 'startResearch');
    return { status, version: claim.version + 1, assigneeId };
  }

  /** A claim of the caller's workspace whose article is not deleted, or 404. */
  async load(db: DbExecutor, actor: Actor, id: string) {
    const row = await this.claims.findVisible(db, actor.workspaceId, id);
    if (!row) throw notFound('claim');
    return row;
  }

  publish(actor: Actor, row: { id: string; articleId: string }, action: string): void {
    this.events.publish(actor.workspaceId, { type: 'claim', id: row.id, articleId: row.articleId, action, actorId: actor.userId });
  }

  /** Inside a transaction, pass it: a second pool connection taken while a row lock is held can starve the pool. */
  private async userNames(ids: Array<string | null>, db: DbExecutor = this.db): Promise<Map<string, string>> {
    return new Map([...(await this.members.usersById(db, ids))].map(([id, u]) => [id, u.name]));
  }

  private async userName(id: string | null, db: DbExecutor = this.db): Promise<string | null> {
    return id ? ((await this.userNames([id], db)).get(id) ?? null) : null;
  }
}

function shift<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((i) => ({ ...i, start: i.start + by, end: i.end + by }));
}

/** Extracted values as a JSON column holds them (plain objects, no class instances or undefined fields). */
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value));
}

function isDirectClaimAction(action: ClaimAction): action is DirectClaimAction {
  return DIRECT_CLAIM_ACTIONS.some((direct) => direct === action);
}

function indirectActionMessage(action: ClaimAction): string {
  return action === 'submitForReview'
    ? 'propose a verdict to submit a claim for review'
    : action === 'withdrawVerdict'
      ? 'withdraw the verdict to take the claim back to research'
      : 'review the proposed verdict to approve it or request changes';
}

// The rules of claim work: listing, reading, creating from a selection, editing, and moving through the workflow.
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  nextStatus,
  type ClaimAction,
  type ClaimDetailDto,
  type ClaimDto,
  type DismissReason,
  type ListClaimsQuery,
  type Page,
  type SimilarClaimDto,
  type AuditEventDto,
  createClaimSchema,
  updateClaimSchema,
  type ClaimStatus,
} from '@claimdesk/domain';
import { extractClaims, quoteSelector } from '@claimdesk/extraction';
import type { z } from 'zod';
import { Prisma, type Db } from '@claimdesk/db';
import type { Actor } from '../common/actor';
import { audit, type Tx } from '../common/audit';
import { AuditService } from '../common/audit.service';
import { PrismaService } from '../common/prisma.service';
import { notFound, staleVersion } from '../common/version';
import { EventsService } from '../events/events.service';
import { paragraphAt } from '../articles/articles.service';
import { toClaimDto, claimColumnsFromExtraction, type ClaimRow } from './claim.mapper';
import { CLAIM_COLUMNS, ClaimsRepository } from './claims.repository';
import { toCommentDto, toClaimSourceDto, toVerdictDto, verdictInclude } from '../verdicts/verdict.mapper';

type ClaimChanges = Partial<{ status: string; dismissReason: string | null; kind: string; priority: number; assigneeId: string | null; rating: string | null }>;
const COLUMN_OF: Record<keyof ClaimChanges, string> = { status: 'status', dismissReason: 'dismiss_reason', kind: 'kind', priority: 'priority', assigneeId: 'assignee_id', rating: 'rating' };
/** What an audit event records of a claim before and after a change. */
const AUDIT_JSON = Prisma.sql`jsonb_build_object('status', c.status, 'dismissReason', c.dismiss_reason, 'kind', c.kind, 'priority', c.priority, 'assigneeId', c.assignee_id, 'version', c.version, 'rating', c.rating)`;

function castFor(field: keyof ClaimChanges, value: unknown): Prisma.Sql {
  switch (field) {
    case 'status':
      return Prisma.sql`${value}::"ClaimStatus"`;
    case 'dismissReason':
      return Prisma.sql`${value}::"DismissReason"`;
    case 'kind':
      return Prisma.sql`${value}::"ClaimKind"`;
    case 'assigneeId':
      return Prisma.sql`${value}::uuid`;
    case 'priority':
      return Prisma.sql`${value}::int`;
    case 'rating':
      return Prisma.sql`${value}::text`;
  }
}

@Injectable()
export class ClaimsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly claims: ClaimsRepository,
    private readonly events: EventsService,
    private readonly audits: AuditService,
  ) {}

  async list(actor: Actor, query: ListClaimsQuery): Promise<Page<ClaimDto>> {
    const { rows, nextCursor } = await this.claims.list(actor.workspaceId, actor.userId, query);
    return { items: rows.map((r) => toClaimDto(r)), nextCursor };
  }

  async get(actor: Actor, id: string): Promise<ClaimDto> {
    const row = await this.prisma.db.claim.findFirst({ where: { id, workspaceId: actor.workspaceId, article: { deletedAt: null } } });
    if (!row) throw notFound('claim');
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  async detail(actor: Actor, id: string): Promise<ClaimDetailDto> {
    const row = await this.prisma.db.claim.findFirst({
      where: { id, workspaceId: actor.workspaceId, article: { deletedAt: null } },
      include: {
        article: { select: { id: true, title: true } },
        revision: { select: { text: true } },
        sources: { include: { source: true }, orderBy: { createdAt: 'asc' } },
        verdicts: { include: verdictInclude, orderBy: { createdAt: 'desc' } },
        comments: { orderBy: { createdAt: 'asc' } },
      },
    });
    if (!row) throw notFound('claim');
    const userIds = [row.updatedById, ...row.comments.map((c) => c.authorId), ...row.verdicts.flatMap((v) => [v.authorId, v.decidedById, ...v.reviews.map((r) => r.reviewerId)])];
    const users = await this.prisma.usersById(userIds);
    const names = new Map([...users].map(([id, u]) => [id, u.name]));
    const text = row.revision.text;
    return {
      ...toClaimDto(row, names),
      article: row.article,
      context: { before: text.slice(Math.max(0, row.startOffset - 400), row.startOffset), after: text.slice(row.endOffset, row.endOffset + 400) },
      sources: row.sources.map(toClaimSourceDto),
      verdicts: row.verdicts.map((v) => toVerdictDto(v, users)),
      comments: row.comments.map((c) => toCommentDto(c, users)),
    };
  }

  /** A claim a person marks by selecting words the detector missed; the server computes the quote selector. */
  async create(actor: Actor, input: z.infer<typeof createClaimSchema>): Promise<ClaimDto> {
    const row = await this.prisma.db.$transaction(async (tx) => {
      const revision = await tx.articleRevision.findFirst({ where: { id: input.revisionId, workspaceId: actor.workspaceId, article: { deletedAt: null } } });
      if (!revision) throw notFound('revision');
      const latest = await tx.articleRevision.findFirstOrThrow({ where: { articleId: revision.articleId }, orderBy: { number: 'desc' } });
      if (latest.id !== revision.id) throw new DomainError('RULE_VIOLATION', 'select the text in the latest revision of the article', [{ path: 'revisionId', message: 'not the latest revision' }]);
      if (input.end > revision.text.length) throw new DomainError('VALIDATION_FAILED', `end is past the end of the text (${revision.text.length})`, [{ path: 'end', message: 'out of range' }]);
      let start = input.start;
      let end = input.end;
      while (start < end && /\s/.test(revision.text[start])) start++;
      while (end > start && /\s/.test(revision.text[end - 1])) end--;
      if (end - start < 3) throw new DomainError('VALIDATION_FAILED', 'select at least a few words', [{ path: 'end', message: 'selection too short' }]);
      const text = revision.text.slice(start, end);
      const analysed = extractClaims(text).claims;
      const columns = analysed.length === 1 ? claimColumnsFromExtraction({ ...analysed[0], start, end, cues: shift(analysed[0].cues, start), numbers: shift(analysed[0].numbers, start), dates: shift(analysed[0].dates, start), entities: shift(analysed[0].entities, start) }) : null;
      const selector = quoteSelector(revision.text, start, end);
      const created = await tx.claim.create({
        data: {
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
          cues: (columns?.cues ?? []) as unknown as Prisma.InputJsonValue,
          attribution: columns?.attribution ?? null,
          numbers: (columns?.numbers ?? []) as unknown as Prisma.InputJsonValue,
          dates: (columns?.dates ?? []) as unknown as Prisma.InputJsonValue,
          entities: (columns?.entities ?? []) as unknown as Prisma.InputJsonValue,
          hedged: columns?.hedged ?? false,
          attributed: columns?.attributed ?? false,
          origin: 'MANUAL',
          updatedById: actor.userId,
        },
      });
      await audit(tx, actor, 'claim', created.id, 'create', null, { text, start, end, articleId: created.articleId, origin: 'MANUAL' });
      return created;
    });
    this.publish(actor, row, 'create');
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateClaimSchema>): Promise<ClaimDto> {
    const { version, ...changes } = input;
    if (changes.assigneeId) {
      const member = await this.prisma.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: changes.assigneeId } } });
      if (!member) throw new DomainError('VALIDATION_FAILED', 'the assignee is not a member of this workspace', [{ path: 'assigneeId', message: 'not a member' }]);
    }
    // One statement does the version check, the change and the audit event, so no transaction is held open across round trips.
    const row = await this.write(null, actor, id, version, changes, 'update');
    this.publish(actor, row, 'update');
    return toClaimDto(row);
  }

  async transition(actor: Actor, id: string, version: number, action: ClaimAction, reason?: DismissReason): Promise<ClaimDto> {
    const row = await this.prisma.db.$transaction(async (tx) => {
      const current = await this.load(tx, actor, id);
      if (current.version !== version) throw staleVersion('claim', toClaimDto(current, await this.userNames([current.updatedById])), await this.userName(current.updatedById));
      if (action === 'approve' || action === 'requestChanges' || action === 'submitForReview') {
        throw new DomainError('RULE_VIOLATION', action === 'submitForReview' ? 'propose a verdict to submit a claim for review' : 'review the proposed verdict to approve it or request changes', [{ path: 'action', message: 'use the verdict routes' }]);
      }
      const status = nextStatus(current.status as ClaimStatus, action, actor.role);
      return this.write(tx, actor, id, version, { status, dismissReason: action === 'dismiss' ? reason : null }, action);
    });
    this.publish(actor, row, action);
    return toClaimDto(row, await this.userNames([row.updatedById]));
  }

  /** Flag or dismiss many claims at once; each is checked and audited on its own, and claims that cannot move are reported. */
  async bulk(actor: Actor, action: 'flag' | 'dismiss', ids: string[], reason?: DismissReason) {
    const unique = [...new Set(ids)];
    const result = await this.prisma.db.$transaction(
      async (tx) => {
        const rows = await tx.claim.findMany({ where: { id: { in: unique }, workspaceId: actor.workspaceId, article: { deletedAt: null } } });
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
            status = nextStatus(row.status as ClaimStatus, action, actor.role);
          } catch (error) {
            if (error instanceof DomainError && error.code === 'FORBIDDEN') throw error;
            skipped.push({ id, reason: (error as Error).message });
            continue;
          }
          await this.write(tx, actor, id, row.version, { status, dismissReason: action === 'dismiss' ? reason : null }, `bulk-${action}`);
          updated.push(id);
        }
        return { updated, skipped };
      },
      { timeout: 60_000 },
    );
    for (const id of result.updated) this.events.publish(actor.workspaceId, { type: 'claim', id, action, actorId: actor.userId });
    return result;
  }

  async history(actor: Actor, id: string): Promise<AuditEventDto[]> {
    await this.get(actor, id);
    return this.audits.history(actor.workspaceId, 'claim', id);
  }

  async similar(actor: Actor, id: string): Promise<SimilarClaimDto[]> {
    const claim = await this.get(actor, id);
    const rows = await this.claims.similar(actor.workspaceId, id, claim.text);
    const verdicts = rows.length
      ? await this.prisma.db.verdict.findMany({ where: { claimId: { in: rows.map((r) => r.id) }, workspaceId: actor.workspaceId, state: { not: 'WITHDRAWN' } }, orderBy: { createdAt: 'desc' } })
      : [];
    return rows.map((r) => {
      const v = verdicts.find((x) => x.claimId === r.id);
      return {
        claim: { id: r.id, articleId: r.article_id, text: r.text, status: r.status as ClaimStatus, rating: r.rating },
        articleTitle: r.title,
        similarity: Math.round(r.similarity * 1000) / 1000,
        verdict: v ? { id: v.id, ratingKey: v.ratingKey, state: v.state, correction: v.correction } : null,
      };
    });
  }

  /**
   * The one place a claim row changes: row lock, version check, version bump and audit event in a single statement
   * (atomic on its own, or part of the caller's transaction). Stale version: 409 with the current claim.
   */
  async write(tx: Tx | null, actor: Actor, id: string, version: number, changes: ClaimChanges, action: string): Promise<ClaimRow> {
    const sets = Object.entries(changes)
      .filter(([, v]) => v !== undefined)
      .map(([field, value]) => Prisma.sql`${Prisma.raw(COLUMN_OF[field as keyof ClaimChanges])} = ${castFor(field as keyof ClaimChanges, value)}`);
    type Result = { before: Record<string, unknown> | null; after: (ClaimRow & { updatedByName: string | null }) | null };
    const statement = Prisma.sql`
      WITH before AS (
        SELECT ${AUDIT_JSON} AS audit, version FROM claims c WHERE c.id = ${id}::uuid AND c.workspace_id = ${actor.workspaceId}::uuid FOR UPDATE
      ), updated AS (
        UPDATE claims AS c SET ${Prisma.join([...sets, Prisma.sql`version = c.version + 1`, Prisma.sql`updated_by_id = ${actor.userId}::uuid`, Prisma.sql`updated_at = now()`], ', ')}
        FROM before b WHERE c.id = ${id}::uuid AND b.version = ${version}
        RETURNING ${CLAIM_COLUMNS}, ${AUDIT_JSON} AS audit
      ), logged AS (
        INSERT INTO audit_events (workspace_id, actor_id, entity, entity_id, action, before, after)
        SELECT ${actor.workspaceId}::uuid, ${actor.userId}::uuid, 'claim', ${id}, ${action}, b.audit, u.audit FROM before b, updated u
        RETURNING id
      )
      SELECT (SELECT audit FROM before) AS before,
             (SELECT row_to_json(x) FROM (SELECT u.*, (SELECT name FROM users WHERE id = ${actor.userId}::uuid) AS "updatedByName" FROM updated u) x) AS after,
             (SELECT count(*) FROM logged) AS logged`;
    // Outside a transaction the single statement is atomic by itself and goes straight to pg.
    const [result] = tx ? await tx.$queryRaw<Result[]>(statement) : await this.prisma.rows<Result>(statement);
    if (!result?.before) throw notFound('claim');
    if (!result.after) {
      const current = await this.load(tx ?? this.prisma.db, actor, id);
      const name = await this.userName(current.updatedById);
      throw staleVersion('claim', toClaimDto({ ...current, updatedByName: name }), name);
    }
    const after = result.after as unknown as Record<string, unknown>;
    return { ...(after as unknown as ClaimRow), updatedAt: new Date(after.updatedAt as string) };
  }

  async load(tx: Tx | Db, actor: Actor, id: string) {
    const row = await tx.claim.findFirst({ where: { id, workspaceId: actor.workspaceId, article: { deletedAt: null } } });
    if (!row) throw notFound('claim');
    return row;
  }

  publish(actor: Actor, row: { id: string; articleId: string }, action: string): void {
    this.events.publish(actor.workspaceId, { type: 'claim', id: row.id, articleId: row.articleId, action, actorId: actor.userId });
  }

  private async userNames(ids: Array<string | null>): Promise<Map<string, string>> {
    return new Map([...(await this.prisma.usersById(ids))].map(([id, u]) => [id, u.name]));
  }

  private async userName(id: string | null): Promise<string | null> {
    return id ? ((await this.userNames([id])).get(id) ?? null) : null;
  }
}

function shift<T extends { start: number; end: number }>(items: T[], by: number): T[] {
  return items.map((i) => ({ ...i, start: i.start + by, end: i.end + by }));
}

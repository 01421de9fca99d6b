// Importing articles (new and re-imported revisions), listing, reading and deleting them.
import { Injectable } from '@nestjs/common';
import { DomainError, MAX_ARTICLE_BYTES, type ArticleDetailDto, type ArticleDto, type AuditEventDto, type ImportResultDto, type StatusCounts } from '@claimdesk/domain';
import { ExtractionInputError, extractClaims, normaliseDocument, quoteSelector, reanchor, type DocumentFormat, type ExtractedClaim } from '@claimdesk/extraction';
import { Prisma } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import type { Actor } from '../common/actor';
import { audit, type Tx } from '../common/audit';
import { AuditService } from '../common/audit.service';
import { PrismaService } from '../common/prisma.service';
import { notFound } from '../common/version';
import { claimColumnsFromExtraction } from '../claims/claim.mapper';
import { EventsService } from '../events/events.service';

export interface ImportInput {
  title?: string;
  author?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  format: DocumentFormat;
  content: string | Buffer;
  articleId?: string;
}

const INSERT_BATCH = 2000;

@Injectable()
export class ArticlesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly events: EventsService,
    private readonly audits: AuditService,
  ) {}

  async import(actor: Actor, input: ImportInput): Promise<ImportResultDto> {
    const size = typeof input.content === 'string' ? Buffer.byteLength(input.content) : input.content.length;
    if (size > MAX_ARTICLE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `the article is ${size} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes`, [{ path: 'content', message: 'too large' }]);
    let document: { text: string; title: string | null };
    try {
      document = await normaliseDocument(input.content, input.format);
    } catch (error) {
      if (error instanceof ExtractionInputError) throw new DomainError('VALIDATION_FAILED', error.message, [{ path: 'content', message: error.message }]);
      throw error;
    }
    const extraction = extractClaims(document.text);
    const text = extraction.text;
    if (!text.trim()) throw new DomainError('VALIDATION_FAILED', 'the article has no text', [{ path: 'content', message: 'no text found' }]);
    const contentHash = createHash('sha256').update(text).digest('hex');
    const title = (input.title ?? document.title ?? firstLine(text)).slice(0, 300);
    const importKey = input.url ? `url:${input.url}` : `hash:${contentHash}`;

    const result = await this.prisma.db.$transaction(
      async (tx) => {
        // Serialise imports of the same article so two at once never duplicate it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${actor.workspaceId + importKey}))`;
        const existing = input.articleId
          ? await tx.article.findFirst({ where: { id: input.articleId, workspaceId: actor.workspaceId, deletedAt: null } })
          : await tx.article.findFirst({ where: { workspaceId: actor.workspaceId, importKey, deletedAt: null } });
        if (input.articleId && !existing) throw notFound('article');
        if (!existing) return this.createArticle(tx, actor, { ...input, title, importKey }, text, contentHash, extraction.claims);
        return this.addRevision(tx, actor, existing, { ...input, title: input.title ?? existing.title }, text, contentHash, extraction.claims);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    const article = await this.get(actor, result.articleId);
    this.events.publish(actor.workspaceId, { type: 'article', id: result.articleId, action: result.created ? 'import' : 'reimport', actorId: actor.userId });
    return { article, revisionId: result.revisionId, revision: result.revision, created: result.created, claims: result.claims };
  }

  private async createArticle(tx: Tx, actor: Actor, input: ImportInput & { title: string; importKey: string }, text: string, contentHash: string, claims: ExtractedClaim[]) {
    // A soft-deleted article with the same key gives its key up, so the same text can be imported again.
    await tx.article.updateMany({ where: { workspaceId: actor.workspaceId, importKey: input.importKey, NOT: { deletedAt: null } }, data: { importKey: `${input.importKey}#deleted-${Date.now()}` } });
    const article = await tx.article.create({
      data: {
        workspaceId: actor.workspaceId,
        title: input.title,
        author: input.author ?? null,
        url: input.url ?? null,
        publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
        importKey: input.importKey,
        createdById: actor.userId,
      },
    });
    const revision = await tx.articleRevision.create({
      data: { workspaceId: actor.workspaceId, articleId: article.id, number: 1, text, contentHash, format: input.format, createdById: actor.userId },
    });
    await insertClaims(tx, actor, article.id, revision.id, claims);
    await audit(tx, actor, 'article', article.id, 'import', null, { title: article.title, revision: 1, claims: claims.length, contentHash });
    return { articleId: article.id, revisionId: revision.id, revision: 1, created: true, claims: { detected: claims.length, reanchored: 0, orphaned: 0, added: claims.length } };
  }

  /** Re-import: a new revision; every claim is re-anchored by its quote, unplaceable ones become orphans, new sentences new claims. */
  private async addRevision(
    tx: Tx,
    actor: Actor,
    article: { id: string; title: string; version: number },
    input: ImportInput & { title: string },
    text: string,
    contentHash: string,
    extracted: ExtractedClaim[],
  ) {
    const latest = await tx.articleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: 'desc' } });
    if (latest.contentHash === contentHash) {
      return { articleId: article.id, revisionId: latest.id, revision: latest.number, created: false, claims: { detected: extracted.length, reanchored: 0, orphaned: 0, added: 0 } };
    }
    const revision = await tx.articleRevision.create({
      data: { workspaceId: actor.workspaceId, articleId: article.id, number: latest.number + 1, text, contentHash, format: input.format, createdById: actor.userId },
    });
    const claims = await tx.claim.findMany({ where: { articleId: article.id, workspaceId: actor.workspaceId }, orderBy: { startOffset: 'asc' } });
    const placed: Array<{ id: string; start: number; end: number; paragraph: number; prefix: string; exact: string; suffix: string }> = [];
    const orphaned: string[] = [];
    for (const claim of claims) {
      const anchor = reanchor(text, { exact: claim.quoteExact, prefix: claim.quotePrefix, suffix: claim.quoteSuffix }, claim.startOffset);
      if (!anchor) {
        orphaned.push(claim.id);
        continue;
      }
      const selector = quoteSelector(text, anchor.start, anchor.end);
      placed.push({ id: claim.id, start: anchor.start, end: anchor.end, paragraph: paragraphAt(text, anchor.start), ...selector });
    }
    if (placed.length) {
      const rows = placed.map((p) => Prisma.sql`(${p.id}::uuid, ${p.start}::int, ${p.end}::int, ${p.paragraph}::int, ${p.exact}, ${p.prefix}, ${p.suffix})`);
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await tx.$executeRaw`
          UPDATE claims AS c SET start_offset = v.s, end_offset = v.e, paragraph = v.p, quote_exact = v.exact, quote_prefix = v.prefix, quote_suffix = v.suffix,
                 text = v.exact, revision_id = ${revision.id}::uuid, orphaned = false, updated_at = now()
          FROM (VALUES ${Prisma.join(rows.slice(i, i + INSERT_BATCH))}) AS v(id, s, e, p, exact, prefix, suffix)
          WHERE c.id = v.id AND c.workspace_id = ${actor.workspaceId}::uuid`;
      }
    }
    if (orphaned.length) {
      await tx.claim.updateMany({ where: { id: { in: orphaned }, workspaceId: actor.workspaceId }, data: { orphaned: true } });
    }
    // Newly detected sentences: those not overlapping a claim that was placed again.
    const spans = placed.map((p) => [p.start, p.end] as const).sort((a, b) => a[0] - b[0]);
    const fresh = extracted.filter((c) => !overlapsMostly(spans, c.start, c.end));
    await insertClaims(tx, actor, article.id, revision.id, fresh);
    await tx.article.update({ where: { id: article.id }, data: { title: input.title, version: { increment: 1 }, ...(input.author !== undefined ? { author: input.author } : {}) } });
    const counts = { detected: extracted.length, reanchored: placed.length, orphaned: orphaned.length, added: fresh.length };
    await audit(tx, actor, 'article', article.id, 'reimport', { revision: latest.number }, { revision: revision.number, ...counts, orphanedClaims: orphaned });
    return { articleId: article.id, revisionId: revision.id, revision: revision.number, created: false, claims: counts };
  }

  async list(actor: Actor): Promise<ArticleDto[]> {
    const articles = await this.prisma.db.article.findMany({
      where: { workspaceId: actor.workspaceId, deletedAt: null },
      orderBy: { createdAt: 'desc' },
      include: { revisions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 } },
    });
    const stats = await this.stats(actor.workspaceId, articles.map((a) => a.id));
    return articles.map((a) => toArticleDto(a, a.revisions[0]?.number ?? 1, stats.get(a.id)));
  }

  async get(actor: Actor, id: string): Promise<ArticleDto> {
    return (await this.detail(actor, id, false)) as ArticleDto;
  }

  async detail(actor: Actor, id: string, withText = true): Promise<ArticleDetailDto | ArticleDto> {
    const article = await this.prisma.db.article.findFirst({
      where: { id, workspaceId: actor.workspaceId, deletedAt: null },
      include: { revisions: { orderBy: { number: 'desc' }, take: 1 } },
    });
    if (!article) throw notFound('article');
    const stats = await this.stats(actor.workspaceId, [id]);
    const revision = article.revisions[0];
    const dto = toArticleDto(article, revision.number, stats.get(id));
    return withText ? { ...dto, revisionId: revision.id, text: revision.text, format: revision.format } : dto;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.prisma.db.$transaction(async (tx) => {
      const article = await tx.article.findFirst({ where: { id, workspaceId: actor.workspaceId, deletedAt: null } });
      if (!article) throw notFound('article');
      await tx.article.update({ where: { id }, data: { deletedAt: new Date() } });
      await audit(tx, actor, 'article', id, 'delete', { title: article.title }, { deletedAt: new Date().toISOString() });
    });
    this.events.publish(actor.workspaceId, { type: 'article', id, action: 'delete', actorId: actor.userId });
  }

  async history(actor: Actor, id: string): Promise<AuditEventDto[]> {
    const article = await this.prisma.db.article.findFirst({ where: { id, workspaceId: actor.workspaceId }, select: { id: true } });
    if (!article) throw notFound('article');
    return this.audits.history(actor.workspaceId, 'article', id);
  }

  private async stats(workspaceId: string, articleIds: string[]) {
    const result = new Map<string, { counts: StatusCounts; total: number; checkWorthy: number; checked: number; orphaned: number }>();
    if (articleIds.length === 0) return result;
    const rows = await this.prisma.db.$queryRaw<Array<{ article_id: string; status: string; n: number; worthy: number; orphaned: number }>>`
      SELECT article_id, status::text, count(*)::int AS n, count(*) FILTER (WHERE check_worthy)::int AS worthy, count(*) FILTER (WHERE orphaned)::int AS orphaned
      FROM claims WHERE workspace_id = ${workspaceId}::uuid AND article_id IN (${Prisma.join(articleIds.map((id) => Prisma.sql`${id}::uuid`))})
      GROUP BY article_id, status`;
    for (const row of rows) {
      const s = result.get(row.article_id) ?? { counts: {}, total: 0, checkWorthy: 0, checked: 0, orphaned: 0 };
      s.counts[row.status as keyof StatusCounts] = row.n;
      s.total += row.n;
      s.orphaned += row.orphaned;
      // "Check-worthy" work: claims the model marked, plus any a person flagged or took further.
      s.checkWorthy += row.status === 'DETECTED' || row.status === 'DISMISSED' ? row.worthy : row.n;
      if (row.status === 'VERIFIED') s.checked += row.n;
      result.set(row.article_id, s);
    }
    return result;
  }
}

/** Claims go in as one JSON parameter per few thousand rows: far fewer parameters and round trips than row-by-row inserts. */
async function insertClaims(tx: Tx, actor: Actor, articleId: string, revisionId: string, claims: ExtractedClaim[]): Promise<void> {
  for (let i = 0; i < claims.length; i += INSERT_BATCH) {
    const rows = claims.slice(i, i + INSERT_BATCH).map((c) => {
      const columns = claimColumnsFromExtraction(c);
      return {
        text: columns.text,
        start: columns.startOffset,
        end: columns.endOffset,
        exact: columns.quoteExact,
        prefix: columns.quotePrefix,
        suffix: columns.quoteSuffix,
        paragraph: columns.paragraph,
        kind: columns.kind,
        score: columns.score,
        worthy: columns.checkWorthy,
        reasons: columns.reasons,
        cues: columns.cues,
        attribution: columns.attribution,
        numbers: columns.numbers,
        dates: columns.dates,
        entities: columns.entities,
        hedged: columns.hedged,
        attributed: columns.attributed,
      };
    });
    await tx.$executeRaw`
      INSERT INTO claims (id, workspace_id, article_id, revision_id, text, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix,
                          paragraph, kind, score, check_worthy, reasons, cues, attribution, numbers, dates, entities, hedged, attributed, updated_by_id)
      SELECT gen_random_uuid(), ${actor.workspaceId}::uuid, ${articleId}::uuid, ${revisionId}::uuid, x.text, x.start, x."end", x.exact, x.prefix, x.suffix,
             x.paragraph, x.kind::"ClaimKind", x.score, x.worthy, ARRAY(SELECT jsonb_array_elements_text(x.reasons)), x.cues, x.attribution,
             x.numbers, x.dates, x.entities, x.hedged, x.attributed, ${actor.userId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(text text, start int, "end" int, exact text, prefix text, suffix text, paragraph int, kind text,
             score float8, worthy boolean, reasons jsonb, cues jsonb, attribution text, numbers jsonb, dates jsonb, entities jsonb, hedged boolean, attributed boolean)
      ORDER BY x.start`;
  }
}

function toArticleDto(
  a: { id: string; title: string; author: string | null; url: string | null; publishedAt: Date | null; createdAt: Date; updatedAt: Date },
  revision: number,
  s?: { counts: StatusCounts; total: number; checkWorthy: number; checked: number; orphaned: number },
): ArticleDto {
  return {
    id: a.id,
    title: a.title,
    author: a.author,
    url: a.url,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    revision,
    claimCounts: s?.counts ?? {},
    claimTotal: s?.total ?? 0,
    checkWorthy: s?.checkWorthy ?? 0,
    checked: s?.checked ?? 0,
    orphaned: s?.orphaned ?? 0,
  };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0].trim().slice(0, 200) || 'Untitled article';
}

export function paragraphAt(text: string, offset: number): number {
  let paragraph = 0;
  const re = /\n\s*\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) && match.index < offset) paragraph++;
  return paragraph;
}

function overlapsMostly(spans: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  const length = end - start;
  for (const [s, e] of spans) {
    if (s >= end) break;
    const overlap = Math.min(e, end) - Math.max(s, start);
    if (overlap > 0 && overlap >= 0.5 * Math.min(length, e - s)) return true;
  }
  return false;
}

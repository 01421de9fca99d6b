// Importing articles (new and re-imported revisions), listing, reading and deleting them.
import { Injectable } from '@nestjs/common';
import {
  articleClaimant,
  DomainError,
  MAX_ARTICLE_BYTES,
  SAMPLE_ARTICLE,
  type ArticleDetailDto,
  type ArticleDto,
  type AuditEventDto,
  type ImportResultDto,
  type StatusCounts,
} from '@claimdesk/domain';
import { ExtractionInputError, extractClaims, normaliseDocument, quoteSelector, reanchor, type DocumentFormat, type ExtractedClaim } from '@claimdesk/extraction';
import { ArticlesRepository, ClaimsRepository, Database, type ReanchoredClaim, type Tx } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AuditService } from '../common/audit.service';
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

@Injectable()
export class ArticlesService {
  constructor(
    private readonly db: Database,
    private readonly events: EventsService,
    private readonly audits: AuditService,
    // Defaults let command-line code build the service without Nest.
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
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

    const result = await this.db.transaction(
      async (tx) => {
        // Serialise imports of the same article so two at once never duplicate it.
        await this.articles.lockImport(tx, actor.workspaceId, importKey);
        const existing = input.articleId ? await this.articles.findActive(tx, actor.workspaceId, input.articleId) : await this.articles.findActiveByImportKey(tx, actor.workspaceId, importKey);
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

  /** Imports the project's sample article into the caller's workspace, as a plain-text import (again: a revision, or nothing new). */
  importSample(actor: Actor): Promise<ImportResultDto> {
    return this.import(actor, { title: SAMPLE_ARTICLE.title, author: SAMPLE_ARTICLE.author, url: SAMPLE_ARTICLE.url, format: 'text', content: SAMPLE_ARTICLE.text });
  }

  private async createArticle(tx: Tx, actor: Actor, input: ImportInput & { title: string; importKey: string }, text: string, contentHash: string, claims: ExtractedClaim[]) {
    await this.articles.releaseDeletedImportKey(tx, actor.workspaceId, input.importKey);
    const article = await this.articles.create(tx, {
      workspaceId: actor.workspaceId,
      title: input.title,
      author: input.author ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
      importKey: input.importKey,
      createdById: actor.userId,
    });
    const revision = await this.articles.createRevision(tx, { workspaceId: actor.workspaceId, articleId: article.id, number: 1, text, contentHash, format: input.format, createdById: actor.userId });
    const fallback = articleClaimant(article);
    await this.claims.insertExtracted(
      tx,
      actor,
      article.id,
      revision.id,
      claims.map((c) => claimColumnsFromExtraction(c, fallback)),
    );
    await audit(tx, actor, 'article', article.id, 'import', null, { title: article.title, revision: 1, claims: claims.length, contentHash });
    return { articleId: article.id, revisionId: revision.id, revision: 1, created: true, claims: { detected: claims.length, reanchored: 0, orphaned: 0, added: claims.length } };
  }

  /** Re-import: a new revision; every claim is re-anchored by its quote, unplaceable ones become orphans, new sentences new claims. */
  private async addRevision(
    tx: Tx,
    actor: Actor,
    article: { id: string; title: string; version: number; author: string | null; url: string | null },
    input: ImportInput & { title: string },
    text: string,
    contentHash: string,
    extracted: ExtractedClaim[],
  ) {
    const latest = await this.articles.latestRevision(tx, article.id);
    if (latest.contentHash === contentHash) {
      return { articleId: article.id, revisionId: latest.id, revision: latest.number, created: false, claims: { detected: extracted.length, reanchored: 0, orphaned: 0, added: 0 } };
    }
    const revision = await this.articles.createRevision(tx, {
      workspaceId: actor.workspaceId,
      articleId: article.id,
      number: latest.number + 1,
      text,
      contentHash,
      format: input.format,
      createdById: actor.userId,
    });
    const claims = await this.claims.listForArticle(tx, actor.workspaceId, article.id);
    const placed: ReanchoredClaim[] = [];
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
    if (placed.length) await this.claims.reanchor(tx, actor.workspaceId, revision.id, placed);
    if (orphaned.length) await this.claims.markOrphaned(tx, actor.workspaceId, orphaned);
    // Newly detected sentences: those not overlapping a claim that was placed again.
    const spans = placed.map((p) => [p.start, p.end] as const).sort((a, b) => a[0] - b[0]);
    const fresh = extracted.filter((c) => !overlapsMostly(spans, c.start, c.end));
    const fallback = articleClaimant({ author: input.author !== undefined ? (input.author ?? null) : article.author, url: input.url ?? article.url, title: input.title });
    await this.claims.insertExtracted(
      tx,
      actor,
      article.id,
      revision.id,
      fresh.map((c) => claimColumnsFromExtraction(c, fallback)),
    );
    await this.articles.update(tx, article.id, { title: input.title, ...(input.author !== undefined ? { author: input.author } : {}) });
    const counts = { detected: extracted.length, reanchored: placed.length, orphaned: orphaned.length, added: fresh.length };
    await audit(tx, actor, 'article', article.id, 'reimport', { revision: latest.number }, { revision: revision.number, ...counts, orphanedClaims: orphaned });
    return { articleId: article.id, revisionId: revision.id, revision: revision.number, created: false, claims: counts };
  }

  async list(actor: Actor): Promise<ArticleDto[]> {
    const articles = await this.articles.listActive(this.db, actor.workspaceId);
    const stats = await this.stats(
      actor.workspaceId,
      articles.map((a) => a.id),
    );
    return articles.map((a) => toArticleDto(a, a.revisions[0]?.number ?? 1, stats.get(a.id)));
  }

  async get(actor: Actor, id: string): Promise<ArticleDto> {
    return (await this.read(actor, id)).dto;
  }

  async detail(actor: Actor, id: string): Promise<ArticleDetailDto> {
    const { dto, revision } = await this.read(actor, id);
    return { ...dto, revisionId: revision.id, text: revision.text, format: revision.format };
  }

  private async read(actor: Actor, id: string) {
    const article = await this.articles.findWithLatestRevision(this.db, actor.workspaceId, id);
    if (!article) throw notFound('article');
    const stats = await this.stats(actor.workspaceId, [id]);
    const revision = article.revisions[0];
    return { dto: toArticleDto(article, revision.number, stats.get(id)), revision };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const article = await this.articles.findActive(tx, actor.workspaceId, id);
      if (!article) throw notFound('article');
      await this.articles.softDelete(tx, id);
      await audit(tx, actor, 'article', id, 'delete', { title: article.title }, { deletedAt: new Date().toISOString() });
    });
    this.events.publish(actor.workspaceId, { type: 'article', id, action: 'delete', actorId: actor.userId });
  }

  async history(actor: Actor, id: string): Promise<AuditEventDto[]> {
    if (!(await this.articles.exists(this.db, actor.workspaceId, id))) throw notFound('article');
    return this.audits.history(actor.workspaceId, 'article', id);
  }

  private async stats(workspaceId: string, articleIds: string[]) {
    const result = new Map<string, { counts: StatusCounts; total: number; checkWorthy: number; checked: number; orphaned: number }>();
    if (articleIds.length === 0) return result;
    const rows = await this.claims.countsByArticle(this.db, workspaceId, articleIds);
    for (const row of rows) {
      const s = result.get(row.articleId) ?? { counts: {}, total: 0, checkWorthy: 0, checked: 0, orphaned: 0 };
      s.counts[row.status] = row.n;
      s.total += row.n;
      s.orphaned += row.orphaned;
      // "Check-worthy" work: claims the model marked, plus any a person flagged or took further.
      s.checkWorthy += row.status === 'DETECTED' || row.status === 'DISMISSED' ? row.worthy : row.n;
      if (row.status === 'VERIFIED') s.checked += row.n;
      result.set(row.articleId, s);
    }
    return result;
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

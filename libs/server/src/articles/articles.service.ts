// Importing articles (new and re-imported revisions), listing, reading and deleting them.
import { Injectable } from '@nestjs/common';
import {
  articleClaimant,
  DomainError,
  MAX_ARTICLE_BYTES,
  TEXT_CHANGE_TRANSITION,
  nextStatus,
  verdictStateAfterTextChange,
  type ClaimStatus,
  SAMPLE_ARTICLE,
  type ArticleDetailDto,
  type ArticleDto,
  type AuditEventDto,
  type ImportResultDto,
  type JobAcceptedDto,
  type StatusCounts,
} from '@claimdesk/domain';
import { quoteSelector, reanchor, type DocumentFormat, type ExtractedClaim } from '@claimdesk/extraction';
import { ArticlesRepository, ClaimsRepository, Database, JobsRepository, VerdictsRepository, type ReanchoredClaim, type Tx } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AuditService } from '../common/audit.service';
import { notFound } from '../common/version';
import { claimColumnsFromExtraction } from '../claims/claim.mapper';
import { EventsService } from '../events/events.service';
import { JobError, JobQueue, type JobContext } from '../jobs/job-queue.service';
import { WebFetcher } from '../evidence/web-fetcher';

/** Imports larger than this run as a background job: the request answers 202 with the job's id at once. */
export const IMPORT_JOB_BYTES = 100 * 1024;

type PreparedImport = { document: { text: string; title: string | null }; extraction: { text: string; claims: ExtractedClaim[] } };
type ImportJobResult = { articleId: string; revisionId: string; revision: number; created: boolean; claims: ImportResultDto['claims'] };
type WriteResult = ImportJobResult & { repeated: boolean };
import { DocumentParser } from './document-parser';
import { LibraryService } from '../library/library.service';

export interface ImportInput {
  title?: string;
  author?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  format: DocumentFormat;
  /** Without content, `url` is fetched and its main content imported. */
  content?: string | Buffer;
  articleId?: string;
}
type ReadyInput = ImportInput & { content: string | Buffer };

@Injectable()
export class ArticlesService {
  constructor(
    private readonly db: Database,
    private readonly events: EventsService,
    private readonly audits: AuditService,
    // Defaults let command-line code build the service without Nest.
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
    private readonly jobs: JobsRepository,
    private readonly queue: JobQueue,
    private readonly web: WebFetcher,
    private readonly parser: DocumentParser,
    private readonly verdicts: VerdictsRepository,
    private readonly library: LibraryService,
  ) {
    this.queue.work('article-import', (job) => this.runImportJob(job));
  }

  /** Imports an article now, in the caller's request (the command line, small imports). */
  async import(actor: Actor, given: ImportInput): Promise<ImportResultDto> {
    const input = await this.withContent(given);
    const prepared = await this.prepare(input);
    const result = await this.write(actor, input, prepared, null);
    await this.library.matchArticle(actor.workspaceId, result.articleId);
    const article = await this.get(actor, result.articleId);
    this.events.publish(actor.workspaceId, { type: 'article', id: result.articleId, action: result.created ? 'import' : 'reimport', actorId: actor.userId });
    return { article, revisionId: result.revisionId, revision: result.revision, created: result.created, claims: result.claims };
  }

  /**
   * An import from the API: answered at once when the article is small, queued as a background job when it is larger
   * than IMPORT_JOB_BYTES (the caller follows the job and opens the article when it completes).
   */
  async importOrQueue(actor: Actor, input: ImportInput): Promise<{ queued: false; result: ImportResultDto } | { queued: true; result: JobAcceptedDto }> {
    if (input.content === undefined) {
      // A web address is always read in the background: fetching a page can take as long as its server likes.
      if (!input.url) throw noContent();
      if (input.articleId && !(await this.articles.exists(this.db, actor.workspaceId, input.articleId))) throw notFound('article');
      const { content: _none, ...rest } = input;
      const jobId = await this.queue.send('article-import', {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        role: actor.role,
        input: { ...rest, content: '', encoding: 'utf8', fromUrl: true },
      });
      return { queued: true, result: { jobId } };
    }
    const size = byteSize(input.content);
    if (size > MAX_ARTICLE_BYTES) throw tooLarge(size);
    if (size <= IMPORT_JOB_BYTES) return { queued: false, result: await this.import(actor, input) };
    const content = input.content;
    if (input.articleId && !(await this.articles.exists(this.db, actor.workspaceId, input.articleId))) throw notFound('article');
    const binary = Buffer.isBuffer(content);
    const jobId = await this.queue.send('article-import', {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      role: actor.role,
      input: {
        title: input.title,
        author: input.author,
        url: input.url,
        publishedAt: input.publishedAt,
        articleId: input.articleId,
        format: input.format,
        content: binary ? (content as Buffer).toString('base64') : (content as string),
        encoding: binary ? 'base64' : 'utf8',
      },
    });
    return { queued: true, result: { jobId } };
  }

  /**
   * The article-import job: everything it writes commits in one transaction together with its job result, so a worker
   * killed mid-way leaves nothing behind, and a retry of a job that did commit finds the result instead of importing twice.
   */
  private async runImportJob(job: JobContext<'article-import'>): Promise<ImportJobResult> {
    const { workspaceId, userId, role, input } = job.data;
    const actor: Actor = { workspaceId, userId, role, via: 'session' };
    const content = input.encoding === 'base64' ? Buffer.from(input.content, 'base64') : input.content;
    await job.progress(5, input.fromUrl ? `fetching ${input.url}` : 'reading the article');
    let importInput: ReadyInput;
    let prepared: PreparedImport;
    try {
      importInput = await this.withContent({ ...input, format: input.format as DocumentFormat, content: input.fromUrl ? undefined : content });
      // A large article is extracted in chunks on both document threads at once (the same claims as one pass).
      prepared = await this.prepare(importInput, { chunked: true });
    } catch (error) {
      // Bad input stays bad on a retry: the job ends at once with the reason.
      if (error instanceof DomainError) throw new JobError(error.message, error.code, false);
      throw error;
    }
    await job.progress(50, `found ${prepared.extraction.claims.length} claims; saving`);
    let result: WriteResult;
    try {
      result = await this.write(actor, importInput, prepared, job.id);
    } catch (error) {
      if (error instanceof DomainError) throw new JobError(error.message, error.code, false);
      throw error;
    }
    if (!result.repeated) await this.library.matchArticle(workspaceId, result.articleId);
    if (!result.repeated) this.events.publish(workspaceId, { type: 'article', id: result.articleId, action: result.created ? 'import' : 'reimport', actorId: userId });
    const { repeated: _repeated, ...stored } = result;
    return stored;
  }

  /** The input with its content: as given, or the main content of the page at its url. */
  private async withContent(input: ImportInput): Promise<ReadyInput> {
    return input.content === undefined ? this.fetchArticle(input) : { ...input, content: input.content };
  }

  /** The main content of the article at `url` (Readability for web pages, the text layer of a PDF), with its title, byline and date when the caller gave none. */
  private async fetchArticle(input: ImportInput): Promise<ReadyInput> {
    if (!input.url) throw noContent();
    const { document } = await this.web.read(input.url, 'url');
    return {
      ...input,
      format: 'text',
      content: document.text,
      title: input.title ?? document.title ?? undefined,
      author: input.author !== undefined ? input.author : document.byline,
      publishedAt: input.publishedAt !== undefined ? input.publishedAt : (document.publishedAt?.toISOString() ?? null),
    };
  }

  private async prepare(input: ReadyInput, { chunked = false }: { chunked?: boolean } = {}): Promise<PreparedImport> {
    const size = byteSize(input.content);
    if (size > MAX_ARTICLE_BYTES) throw tooLarge(size);
    // Parsing and extraction run in a worker thread with bounds (see DocumentParser): a hostile file never holds the event loop.
    const parsed = await this.parser.parse(input.content, input.format, { chunked });
    if (!parsed.text.trim()) throw new DomainError('VALIDATION_FAILED', 'the article has no text', [{ path: 'content', message: 'no text found' }]);
    return { document: { text: parsed.text, title: parsed.title }, extraction: { text: parsed.text, claims: parsed.claims } };
  }

  /** Writes an import in one transaction; with a job id, at most once per job (a repeat returns what the first run wrote). */
  private async write(actor: Actor, input: ImportInput, prepared: PreparedImport, jobId: string | null): Promise<WriteResult> {
    const { document, extraction } = prepared;
    const text = extraction.text;
    const contentHash = createHash('sha256').update(text).digest('hex');
    const title = (input.title ?? document.title ?? firstLine(text)).slice(0, 300);
    const importKey = input.url ? `url:${input.url}` : `hash:${contentHash}`;
    return this.db.transaction(
      async (tx) => {
        if (jobId) {
          await this.jobs.lockJob(tx, jobId);
          const done = await this.jobs.findResult(tx, actor.workspaceId, jobId);
          if (done) return { ...(done.result as unknown as ImportJobResult), repeated: true };
        }
        // Serialise imports of the same article so two at once never duplicate it.
        await this.articles.lockImport(tx, actor.workspaceId, importKey);
        const existing = input.articleId ? await this.articles.findActive(tx, actor.workspaceId, input.articleId) : await this.articles.findActiveByImportKey(tx, actor.workspaceId, importKey);
        if (input.articleId && !existing) throw notFound('article');
        const result = !existing
          ? await this.createArticle(tx, actor, { ...input, title, importKey }, text, contentHash, extraction.claims)
          : await this.addRevision(tx, actor, existing, { ...input, title: input.title ?? existing.title }, text, contentHash, extraction.claims);
        if (jobId) await this.jobs.recordResult(tx, actor.workspaceId, jobId, 'article-import', result);
        return { ...result, repeated: false };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
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
    const before = new Map(claims.map((c) => [c.id, c]));
    await this.reviewChangedText(
      tx,
      actor,
      placed.filter((p) => p.exact !== before.get(p.id)!.quoteExact).map((p) => before.get(p.id)!),
    );
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
    await this.articles.update(tx, actor.workspaceId, article.id, { title: input.title, ...(input.author !== undefined ? { author: input.author } : {}) });
    const counts = { detected: extracted.length, reanchored: placed.length, orphaned: orphaned.length, added: fresh.length };
    await audit(tx, actor, 'article', article.id, 'reimport', { revision: latest.number }, { revision: revision.number, ...counts, orphanedClaims: orphaned });
    return { articleId: article.id, revisionId: revision.id, revision: revision.number, created: false, claims: counts };
  }

  /**
   * Verified claims whose words changed in a re-import: the approved verdict goes back to review (Proposed) and the claim
   * with it (In review), through the verdict and claim workflows, so no report shows a verdict against text it was not
   * approved for.
   */
  private async reviewChangedText(tx: Tx, actor: Actor, changed: Array<{ id: string; status: ClaimStatus; version: number }>): Promise<void> {
    for (const claim of changed.filter((c) => c.status === 'VERIFIED')) {
      const verdict = await this.verdicts.findInStates(tx, actor.workspaceId, claim.id, TEXT_CHANGE_TRANSITION.from);
      if (verdict) {
        const updated = await this.verdicts.update(tx, actor.workspaceId, verdict.id, { state: verdictStateAfterTextChange(verdict.state) });
        // No longer approved: it leaves the fact-check library until it is approved again.
        if (updated.state !== 'APPROVED') await this.library.removeVerdict(tx, actor.workspaceId, verdict.id);
        await this.verdicts.recordHistory(tx, actor, updated);
        await audit(tx, actor, 'verdict', verdict.id, 'textChanged', { state: verdict.state }, { state: updated.state, claimId: claim.id });
      }
      const status = nextStatus(claim.status, TEXT_CHANGE_TRANSITION.claimAction, actor.role);
      const written = await this.claims.write(tx, actor, claim.id, claim.version, { status }, TEXT_CHANGE_TRANSITION.claimAction);
      if (written.kind !== 'written') throw new DomainError('STALE_VERSION', 'a claim changed while the article was re-imported; import again');
    }
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
      await this.articles.softDelete(tx, actor.workspaceId, id);
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

function byteSize(content: string | Buffer): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}

function noContent(): DomainError {
  return new DomainError('VALIDATION_FAILED', "give the article's content, or a url to fetch it from", [{ path: 'content', message: 'is required without a url' }]);
}

function tooLarge(size: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `the article is ${size} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes`, [{ path: 'content', message: 'too large' }]);
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

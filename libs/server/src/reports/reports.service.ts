// Corrections reports: a draft previewed from the approved verdicts, published as immutable, versioned snapshots.
import { Injectable } from '@nestjs/common';
import { DEFAULT_RATING_SCALE, DomainError, ratingScaleSchema, type Rating, type ReportVersionDto } from '@claimdesk/domain';
import { ArticlesRepository, Database, MembersRepository, PublishingRepository, ReportsRepository, type ReportScope } from '@claimdesk/db';
import {
  CONTENT_TYPES,
  REPORT_FORMATS,
  type RenderedReport,
  type ReportCue,
  buildSummary,
  diffReports,
  render,
  renderCsvStream,
  renderJsonStream,
  renderMarkdownStream,
  reportFileName,
  renderHtml,
  type ReportEntry,
  type ReportFormat,
  type ReportHeader,
  type ReportModel,
  type ReportSource,
} from '@claimdesk/reports';
import { createHash } from 'node:crypto';
import { DocumentParser } from '../articles/document-parser';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AppConfig } from '../common/config';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';
import { JobQueue, type JobContext } from '../jobs/job-queue.service';
import { NewsroomService } from '../newsroom/newsroom.service';
import { unguessableToken } from './token';

/** Entries of a report: the claims it rates, corrections and accurate ones. */
function entryCount(model: ReportModel): number {
  return model.corrections.length + model.accurate.length;
}

/** A report entry whose sources still know their id (to look up their captures). */
type SourcedEntry = Omit<ReportEntry, 'sources'> & { sources: Array<ReportSource & { sourceId: string }> };

/** What `report-render` jobs answer: where to download the file they stored. */
interface RenderJobResult {
  renderId: string;
  download: string;
  fileName: string;
  bytes: number;
  entries: number;
}

const REPORTED_CUES = new Set(['hedge', 'speculation', 'approximation', 'attribution']);

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ReportsRepository,
    private readonly events: EventsService,
    private readonly members: MembersRepository,
    private readonly articles: ArticlesRepository,
    private readonly newsroom: NewsroomService,
    private readonly publishing: PublishingRepository,
    private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly parser: DocumentParser,
  ) {
    this.queue.work('report-render', (job) => this.runRenderJob(job));
  }

  /** The report as it would be published now (next version number, changes since the last published one). */
  async draft(actor: Actor, articleId: string, now = new Date()): Promise<ReportModel> {
    const article = await this.article(actor, articleId);
    const last = await this.repo.latest(this.db, actor.workspaceId, scopeKey(articleId));
    return { ...(await this.buildModel(actor, article, (last?.version ?? 0) + 1, now, last ? storedModel(last.model) : null)), draft: true };
  }

  async preview(actor: Actor, articleId: string, baseUrl: string): Promise<{ html: string; model: ReportModel }> {
    const model = await this.draft(actor, articleId);
    return { html: renderHtml(model, { reportUrl: `${baseUrl}/reports/draft-${articleId}` }), model };
  }

  async renderDraft(actor: Actor, articleId: string, format: ReportFormat, baseUrl: string): Promise<RenderedReport> {
    return this.renderFile(await this.draft(actor, articleId), format, `${baseUrl}/reports/draft-${articleId}`);
  }

  /**
   * A draft for a download request: the file now, or, for a PDF of more entries than CLAIMDESK_PDF_JOB_ENTRIES, a
   * `report-render` job that lays it out and stores it (the caller follows the job, then downloads `GET /api/report-renders/{id}`).
   */
  async draftOrQueue(actor: Actor, articleId: string, format: ReportFormat, baseUrl: string): Promise<{ queued: false; file: RenderedReport } | { queued: true; jobId: string }> {
    const model = await this.draft(actor, articleId);
    if (format === 'pdf' && entryCount(model) > this.config.pdfJobEntries) {
      const jobId = await this.queue.send('report-render', { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role, articleId, baseUrl });
      return { queued: true, jobId };
    }
    return { queued: false, file: await this.renderFile(model, format, `${baseUrl}/reports/draft-${articleId}`) };
  }

  /** A file a `report-render` job stored, while it is kept (a day). */
  async downloadRender(actor: Actor, id: string): Promise<{ body: Buffer; contentType: string; fileName: string; sha256: string }> {
    const row = await this.repo.findRender(this.db, actor.workspaceId, id);
    if (!row) throw notFound('rendered report');
    return { body: Buffer.from(row.bytes), contentType: row.contentType, fileName: row.fileName, sha256: row.sha256 };
  }

  /** The job: the draft as it stands when the job runs, laid out in a worker thread, stored under the job's id. */
  private async runRenderJob(job: JobContext<'report-render'>): Promise<RenderJobResult> {
    const { articleId, baseUrl, workspaceId, userId, role } = job.data;
    const actor: Actor = { workspaceId, userId, role, via: 'session' };
    await job.progress(10, 'Reading the approved verdicts');
    const model = await this.draft(actor, articleId);
    await job.progress(30, 'Laying out the PDF');
    const file = await this.renderFile(model, 'pdf', `${baseUrl}/reports/draft-${articleId}`);
    const entries = entryCount(model);
    await job.progress(90, 'Storing the file');
    await this.repo.saveRender(this.db, {
      workspaceId,
      id: job.id,
      articleId,
      format: 'pdf',
      contentType: file.contentType,
      fileName: file.fileName,
      sha256: createHash('sha256').update(file.body).digest('hex'),
      bytes: new Uint8Array(file.body),
      entries,
      createdById: userId,
    });
    return { renderId: job.id, download: `/api/report-renders/${job.id}`, fileName: file.fileName, bytes: file.body.length, entries };
  }

  /** One format of a report; a PDF is laid out in a document worker thread, so the event loop goes on answering meanwhile. */
  private async renderFile(model: ReportModel, format: ReportFormat, reportUrl: string): Promise<RenderedReport> {
    if (format !== 'pdf') return render(model, format, { reportUrl });
    return { body: await this.parser.renderPdf(model), contentType: CONTENT_TYPES.pdf, extension: 'pdf', fileName: reportFileName(model, 'pdf') };
  }

  async publish(actor: Actor, articleId: string, baseUrl: string): Promise<ReportVersionDto> {
    const id = await this.db.transaction(
      async (tx) => {
        await this.repo.lockPublish(tx, articleId);
        const article = await this.article(actor, articleId);
        const last = await this.repo.latest(tx, actor.workspaceId, scopeKey(articleId));
        const previous = last ? storedModel(last.model) : null;
        // The public page's address is chosen first: the report's ClaimReview markup and archived-source links point at it.
        const token = unguessableToken();
        const publicUrl = `${baseUrl}/public/reports/${token}`;
        const model = await this.buildModel(actor, article, (last?.version ?? 0) + 1, new Date(), previous, publicUrl);
        const entries = model.corrections.length + model.accurate.length;
        if (entries === 0) throw new DomainError('RULE_VIOLATION', 'there are no approved verdicts to publish yet');
        const changes = model.changesSinceLastVersion;
        if (previous && changes && changes.added.length + changes.changed.length + changes.removed.length === 0) {
          throw new DomainError('RULE_VIOLATION', `nothing changed since version ${previous.version}; the published report stands`);
        }
        const report = await this.repo.create(tx, {
          workspaceId: actor.workspaceId,
          articleId,
          scopeKey: scopeKey(articleId),
          version: model.version,
          model: JSON.parse(JSON.stringify(model)),
          publishedById: actor.userId,
          publishedAt: new Date(model.generatedAt),
        });
        await this.publishing.createPage(tx, { reportId: report.id, workspaceId: actor.workspaceId, token, url: publicUrl });
        await this.publishing.feedToken(tx, actor.workspaceId, unguessableToken());
        for (const format of REPORT_FORMATS) {
          const file = await this.renderFile(model, format, publicUrl);
          await this.repo.createFile(tx, {
            workspaceId: actor.workspaceId,
            reportId: report.id,
            format,
            contentType: file.contentType,
            sha256: createHash('sha256').update(file.body).digest('hex'),
            bytes: new Uint8Array(file.body),
          });
        }
        await this.newsroom.record(tx, actor, { kind: 'reportPublished', report: { id: report.id, articleId, version: model.version, url: `${baseUrl}/api/reports/${report.id}/html` } });
        await audit(tx, actor, 'report', report.id, 'publish', null, { articleId, version: model.version, summary: model.summary, changes, publicUrl });
        return report.id;
      },
      { timeout: 120_000 },
    );
    this.events.publish(actor.workspaceId, { type: 'report', id, articleId, action: 'publish', actorId: actor.userId });
    return (await this.versions(actor, articleId)).find((v) => v.id === id)!;
  }

  async versions(actor: Actor, articleId: string): Promise<ReportVersionDto[]> {
    await this.article(actor, articleId);
    const reports = await this.repo.listForArticle(this.db, actor.workspaceId, articleId);
    const pages = new Map(
      (
        await this.publishing.pagesForReports(
          this.db,
          actor.workspaceId,
          reports.map((r) => r.id),
        )
      ).map((p) => [p.reportId, p]),
    );
    const users = await this.members.usersById(
      this.db,
      reports.map((r) => r.publishedById),
    );
    return reports.map((r) => {
      const model = storedModel(r.model);
      return {
        id: r.id,
        version: r.version,
        publishedAt: r.publishedAt.toISOString(),
        publishedBy: users.get(r.publishedById)?.name ?? 'former member',
        summary: model.summary,
        changesSinceLastVersion: model.changesSinceLastVersion,
        downloads: downloadLinks(r.id),
        publicUrl: pages.get(r.id) && !pages.get(r.id)!.withdrawnAt ? pages.get(r.id)!.url : null,
        withdrawnAt: pages.get(r.id)?.withdrawnAt?.toISOString() ?? null,
      };
    });
  }

  /** A published file: the stored bytes, identical at every download. */
  async download(actor: Actor, reportId: string, format: ReportFormat) {
    const file = await this.repo.findFile(this.db, actor.workspaceId, reportId, format);
    if (!file) throw notFound('report');
    const model = storedModel(file.report.model);
    return { body: Buffer.from(file.bytes), contentType: file.contentType, fileName: reportFileName({ ...model, version: file.report.version }, format), sha256: file.sha256 };
  }

  /** Workspace-wide report for a date range, streamed in batches so memory stays flat however many entries there are. */
  async *streamRange(actor: Actor, from: Date, to: Date, format: 'csv' | 'md' | 'json'): AsyncGenerator<string> {
    const scale = await this.ratingScale(actor.workspaceId);
    const workspace = await this.members.findWorkspace(this.db, actor.workspaceId);
    const counts = await this.repo.countApprovedByRating(this.db, actor.workspaceId, from, to);
    const checked = [...counts.values()].reduce((a, b) => a + b, 0);
    const header: ReportHeader = {
      schemaVersion: 1,
      workspace: { name: workspace.name, slug: workspace.slug, organisation: workspace.organisation, url: workspace.url },
      scope: { kind: 'range', from: from.toISOString(), to: to.toISOString() },
      version: 1,
      generatedAt: new Date().toISOString(),
      ratingScale: scale,
      summary: {
        claimsChecked: checked,
        correctionsNeeded: scale.filter((r) => r.needsCorrection).reduce((n, r) => n + (counts.get(r.key) ?? 0), 0),
        byRating: scale.map((r) => ({ key: r.key, label: r.label, count: counts.get(r.key) ?? 0 })),
      },
      changesSinceLastVersion: null,
    };
    const workspaceId = actor.workspaceId;
    const page = 500;
    const section = async function* (this: ReportsService, ratingKeys: string[]): AsyncGenerator<ReportEntry> {
      for (let skip = 0; ; skip += page) {
        const batch = await this.withCaptures(workspaceId, await this.entries(workspaceId, { from, to, ratingKeys, skip, take: page }, scale), new Date(), null);
        yield* batch;
        if (batch.length < page) return;
      }
    };
    const entries = async function* (this: ReportsService) {
      yield* section.call(
        this,
        scale.filter((r) => r.needsCorrection).map((r) => r.key),
      );
      yield* section.call(
        this,
        scale.filter((r) => !r.needsCorrection).map((r) => r.key),
      );
    };
    yield* format === 'csv' ? renderCsvStream(header, entries.call(this)) : format === 'md' ? renderMarkdownStream(header, entries.call(this)) : renderJsonStream(header, entries.call(this));
  }

  private async article(actor: Actor, articleId: string) {
    const article = await this.articles.findActive(this.db, actor.workspaceId, articleId);
    if (!article) throw notFound('article');
    return article;
  }

  private async buildModel(
    actor: Actor,
    article: { id: string; title: string; url: string | null; author: string | null; publishedAt: Date | null },
    version: number,
    now: Date,
    previous: ReportModel | null,
    publicUrl: string | null = null,
  ): Promise<ReportModel> {
    const scale = await this.ratingScale(actor.workspaceId);
    const workspace = await this.members.findWorkspace(this.db, actor.workspaceId);
    const entries = await this.withCaptures(actor.workspaceId, await this.entries(actor.workspaceId, { articleId: article.id }, scale), now, publicUrl);
    const model: ReportModel = {
      schemaVersion: 1,
      workspace: { name: workspace.name, slug: workspace.slug, organisation: workspace.organisation, url: workspace.url },
      scope: { kind: 'article', article: { id: article.id, title: article.title, url: article.url, author: article.author, publishedAt: article.publishedAt?.toISOString() ?? null } },
      version,
      generatedAt: now.toISOString(),
      ratingScale: scale,
      summary: buildSummary(entries, scale),
      corrections: entries.filter((e) => e.rating.needsCorrection),
      accurate: entries.filter((e) => !e.rating.needsCorrection),
      changesSinceLastVersion: null,
    };
    model.changesSinceLastVersion = diffReports(previous, model);
    return model;
  }
  /**
   * Each source cited with the latest capture at or before `at` (its date and SHA-256); a published version links the
   * archived text under its public page, a draft does not.
   */
  private async withCaptures(workspaceId: string, entries: SourcedEntry[], at: Date, publicUrl: string | null): Promise<ReportEntry[]> {
    const ids = [...new Set(entries.flatMap((e) => e.sources.map((s) => s.sourceId)))];
    const captures = new Map((await this.publishing.capturesAt(this.db, workspaceId, ids, at)).map((c) => [c.sourceId, c]));
    return entries.map((entry) => ({
      ...entry,
      sources: entry.sources.map(({ sourceId, ...source }) => {
        const capture = captures.get(sourceId);
        if (!capture) return { ...source, capture: null };
        return {
          ...source,
          capture: {
            snapshotId: capture.snapshotId,
            capturedAt: capture.capturedAt.toISOString(),
            sha256: capture.sha256,
            archivedUrl: publicUrl ? `${publicUrl}/sources/${capture.snapshotId}` : null,
          },
        };
      }),
    }));
  }

  private async ratingScale(workspaceId: string): Promise<Rating[]> {
    const row = await this.members.findRatingScale(this.db, workspaceId);
    return row ? ratingScaleSchema.parse(row.ratings) : DEFAULT_RATING_SCALE;
  }

  /** Approved verdicts of one article's claims, or a page of a date range's, as report entries in article order. */
  private async entries(workspaceId: string, scope: ReportScope, scale: Rating[]): Promise<SourcedEntry[]> {
    const verdicts = await this.repo.approvedVerdicts(this.db, workspaceId, scope);
    const approvers = await this.members.usersById(
      this.db,
      verdicts.map((v) => v.decidedById),
    );
    const notices = await this.publishing.latestNotices(
      this.db,
      workspaceId,
      verdicts.map((v) => v.id),
    );
    const entries = verdicts.map((v): SourcedEntry => {
      const rating = scale.find((r) => r.key === v.ratingKey) ?? { key: v.ratingKey, label: v.ratingKey, ratingValue: null, needsCorrection: Boolean(v.correction) };
      const cues = storedCues(v.claim.cues);
      const a = v.claim.article;
      return {
        claimId: v.claimId,
        article: { id: a.id, title: a.title, url: a.url, author: a.author, publishedAt: a.publishedAt?.toISOString() ?? null },
        paragraph: v.claim.paragraph,
        start: v.claim.startOffset,
        quote: v.claim.text,
        hedges: cues.filter((c) => REPORTED_CUES.has(c.type) && c.type !== 'attribution').map((c): ReportCue => ({ type: c.type, text: c.text })),
        attribution: v.claim.attribution,
        claimant: v.claim.claimant?.name ?? null,
        rating,
        correction: v.correction ? (notices.get(v.id) ?? v.correction) : null,
        rationale: v.rationale,
        sources: v.claim.sources.map((s) => ({ title: s.source.title, publisher: s.source.publisher, url: s.source.url, stance: s.stance, excerpt: s.excerpt, sourceId: s.source.id })),
        approvedBy: v.decidedById ? (approvers.get(v.decidedById)?.name ?? 'former member') : 'unknown',
        approvedAt: (v.decidedAt ?? v.updatedAt).toISOString(),
        verdictId: v.id,
      };
    });
    return 'take' in scope ? entries : entries.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
  }
}

/** A published report's model as stored in its JSON column (written by `publish` from a ReportModel). */
function storedModel(json: unknown): ReportModel {
  return json as ReportModel;
}

/** A claim's cues as stored in its JSON column. */
function storedCues(json: unknown): Array<{ type: string; text: string }> {
  return Array.isArray(json) ? json : [];
}

function downloadLinks(reportId: string): Record<ReportFormat, string> {
  const links: Partial<Record<ReportFormat, string>> = {};
  for (const f of REPORT_FORMATS) links[f] = `/api/reports/${reportId}/${f}`;
  return links as Record<ReportFormat, string>;
}

function scopeKey(articleId: string): string {
  return `article:${articleId}`;
}

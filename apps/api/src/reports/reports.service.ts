// Corrections reports: a draft previewed from the approved verdicts, published as immutable, versioned snapshots.
import { Injectable } from '@nestjs/common';
import { DomainError, type ReportVersionDto } from '@claimdesk/domain';
import { REPORT_FORMATS, buildSummary, diffReports, render, renderCsvStream, renderJsonStream, renderMarkdownStream, renderHtml, type ReportEntry, type ReportFormat, type ReportHeader, type ReportModel } from '@claimdesk/reports';
import { createHash } from 'node:crypto';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { PrismaService } from '../common/prisma.service';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';
import { ReportsRepository } from './reports.repository';


const PUBLISH_LOCK = 727_274_503;

@Injectable()
export class ReportsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repo: ReportsRepository,
    private readonly events: EventsService,
  ) {}

  /** The report as it would be published now (next version number, changes since the last published one). */
  async draft(actor: Actor, articleId: string, now = new Date()): Promise<ReportModel> {
    const article = await this.article(actor, articleId);
    const last = await this.prisma.db.report.findFirst({ where: { workspaceId: actor.workspaceId, scopeKey: scopeKey(articleId) }, orderBy: { version: 'desc' } });
    return this.buildModel(actor, article, (last?.version ?? 0) + 1, now, (last?.model as unknown as ReportModel) ?? null);
  }

  async preview(actor: Actor, articleId: string, baseUrl: string): Promise<{ html: string; model: ReportModel }> {
    const model = await this.draft(actor, articleId);
    return { html: renderHtml(model, { reportUrl: `${baseUrl}/reports/draft-${articleId}` }), model };
  }

  async renderDraft(actor: Actor, articleId: string, format: ReportFormat, baseUrl: string) {
    const model = await this.draft(actor, articleId);
    return render(model, format, { reportUrl: `${baseUrl}/reports/draft-${articleId}` });
  }

  async publish(actor: Actor, articleId: string, baseUrl: string): Promise<ReportVersionDto> {
    const id = await this.prisma.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK}, hashtext(${articleId}))`;
        const article = await this.article(actor, articleId);
        const last = await tx.report.findFirst({ where: { workspaceId: actor.workspaceId, scopeKey: scopeKey(articleId) }, orderBy: { version: 'desc' } });
        const previous = (last?.model as unknown as ReportModel) ?? null;
        const model = await this.buildModel(actor, article, (last?.version ?? 0) + 1, new Date(), previous);
        const entries = model.corrections.length + model.accurate.length;
        if (entries === 0) throw new DomainError('RULE_VIOLATION', 'there are no approved verdicts to publish yet');
        const changes = model.changesSinceLastVersion;
        if (previous && changes && changes.added.length + changes.changed.length + changes.removed.length === 0) {
          throw new DomainError('RULE_VIOLATION', `nothing changed since version ${previous.version}; the published report stands`);
        }
        const report = await tx.report.create({
          data: { workspaceId: actor.workspaceId, articleId, scopeKey: scopeKey(articleId), version: model.version, model: model as object, publishedById: actor.userId, publishedAt: new Date(model.generatedAt) },
        });
        for (const format of REPORT_FORMATS) {
          const file = await render(model, format, { reportUrl: `${baseUrl}/api/reports/${report.id}/html` });
          await tx.reportFile.create({
            data: { workspaceId: actor.workspaceId, reportId: report.id, format, contentType: file.contentType, sha256: createHash('sha256').update(file.body).digest('hex'), bytes: new Uint8Array(file.body) },
          });
        }
        await audit(tx, actor, 'report', report.id, 'publish', null, { articleId, version: model.version, summary: model.summary, changes });
        return report.id;
      },
      { timeout: 120_000 },
    );
    this.events.publish(actor.workspaceId, { type: 'report', id, articleId, action: 'publish', actorId: actor.userId });
    return (await this.versions(actor, articleId)).find((v) => v.id === id)!;
  }

  async versions(actor: Actor, articleId: string): Promise<ReportVersionDto[]> {
    await this.article(actor, articleId);
    const reports = await this.prisma.db.report.findMany({ where: { workspaceId: actor.workspaceId, articleId }, orderBy: { version: 'desc' } });
    const users = await this.prisma.usersById(reports.map((r) => r.publishedById));
    return reports.map((r) => {
      const model = r.model as unknown as ReportModel;
      return {
        id: r.id,
        version: r.version,
        publishedAt: r.publishedAt.toISOString(),
        publishedBy: users.get(r.publishedById)?.name ?? 'former member',
        summary: model.summary,
        changesSinceLastVersion: model.changesSinceLastVersion,
        downloads: Object.fromEntries(REPORT_FORMATS.map((f) => [f, `/api/reports/${r.id}/${f}`])) as Record<ReportFormat, string>,
      };
    });
  }

  /** A published file: the stored bytes, identical at every download. */
  async download(actor: Actor, reportId: string, format: ReportFormat) {
    const file = await this.prisma.db.reportFile.findFirst({ where: { reportId, format, workspaceId: actor.workspaceId }, include: { report: true } });
    if (!file) throw notFound('report');
    const model = file.report.model as unknown as ReportModel;
    const slug = model.workspace.slug.replace(/[^a-z0-9-]/g, '');
    return { body: Buffer.from(file.bytes), contentType: file.contentType, fileName: `corrections-${slug}-v${file.report.version}.${format}`, sha256: file.sha256 };
  }

  /** Workspace-wide report for a date range, streamed in batches so memory stays flat however many entries there are. */
  async *streamRange(actor: Actor, from: Date, to: Date, format: 'csv' | 'md' | 'json'): AsyncGenerator<string> {
    const scale = await this.repo.ratingScale(actor.workspaceId);
    const workspace = await this.prisma.db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } });
    const counts = await this.repo.countByRating(actor.workspaceId, from, to);
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
    const repo = this.repo;
    const workspaceId = actor.workspaceId;
    const page = 500;
    const section = async function* (ratingKeys: string[]): AsyncGenerator<ReportEntry> {
      for (let skip = 0; ; skip += page) {
        const batch = await repo.entries(workspaceId, { from, to, ratingKeys, skip, take: page }, scale);
        yield* batch;
        if (batch.length < page) return;
      }
    };
    const entries = async function* () {
      yield* section(scale.filter((r) => r.needsCorrection).map((r) => r.key));
      yield* section(scale.filter((r) => !r.needsCorrection).map((r) => r.key));
    };
    yield* format === 'csv' ? renderCsvStream(header, entries()) : format === 'md' ? renderMarkdownStream(header, entries()) : renderJsonStream(header, entries());
  }

  private async article(actor: Actor, articleId: string) {
    const article = await this.prisma.db.article.findFirst({ where: { id: articleId, workspaceId: actor.workspaceId, deletedAt: null } });
    if (!article) throw notFound('article');
    return article;
  }

  private async buildModel(
    actor: Actor,
    article: { id: string; title: string; url: string | null; author: string | null; publishedAt: Date | null },
    version: number,
    now: Date,
    previous: ReportModel | null,
  ): Promise<ReportModel> {
    const scale = await this.repo.ratingScale(actor.workspaceId);
    const workspace = await this.prisma.db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } });
    const entries = await this.repo.entries(actor.workspaceId, { articleId: article.id }, scale);
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
}

export function scopeKey(articleId: string): string {
  return `article:${articleId}`;
}

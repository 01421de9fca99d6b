// Public corrections pages (no sign-in): each published version at an unguessable token, its archived sources, the
// workspace's ClaimReview feed; and the admin's withdrawal and the editor's CMS snippet.
import { Injectable } from '@nestjs/common';
import { DomainError, type ClaimReviewFeed } from '@claimdesk/domain';
import { Database, PublishingRepository, ReportsRepository } from '@claimdesk/db';
import { claimReviews, escapeHtml, renderCorrectionSnippet, type ReportModel, type SnippetFormat } from '@claimdesk/reports';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound } from '../common/version';
import { EventsService } from '../events/events.service';
import { unguessableToken } from './token';

/** A token as the service hands them out (22 base64url characters); anything else is not looked up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

export type PublicPage = { kind: 'page'; html: Buffer; sha256: string } | { kind: 'withdrawn'; html: string };

@Injectable()
export class PublicReportsService {
  constructor(
    private readonly db: Database,
    private readonly publishing: PublishingRepository,
    private readonly reports: ReportsRepository,
    private readonly events: EventsService,
  ) {}

  /** The stored HTML of the version, or a short notice when an admin withdrew it. */
  async page(token: string): Promise<PublicPage> {
    const found = TOKEN_RE.test(token) ? await this.publishing.findPageByToken(this.db, token) : null;
    const file = found?.report.files[0];
    if (!found || !file) throw notFound('page');
    if (found.page.withdrawnAt) return { kind: 'withdrawn', html: withdrawnNotice(storedModel(found.report.model)) };
    return { kind: 'page', html: Buffer.from(file.bytes), sha256: file.sha256 };
  }

  /** The readable text of a snapshot that this published version cites; no other snapshot is reachable from here. */
  async archivedText(token: string, snapshotId: string): Promise<{ withdrawn: true } | { withdrawn: false; text: string }> {
    const found = TOKEN_RE.test(token) ? await this.publishing.findPageByToken(this.db, token) : null;
    if (!found) throw notFound('page');
    const model = storedModel(found.report.model);
    const cited = [...model.corrections, ...model.accurate].flatMap((e) => e.sources).find((s) => s.capture?.snapshotId === snapshotId);
    if (!cited?.capture) throw notFound('archived source');
    if (found.page.withdrawnAt) return { withdrawn: true };
    const snapshot = await this.publishing.snapshotText(this.db, found.page.workspaceId, snapshotId);
    if (!snapshot) throw notFound('archived source');
    const head = [
      snapshot.title ?? cited.title,
      `Archived copy of ${snapshot.finalUrl}`,
      `Captured ${snapshot.capturedAt.toISOString()}; SHA-256 of the page as fetched: ${snapshot.sha256}`,
      `Cited in: ${found.page.url}`,
      '',
      '',
    ].join('\n');
    return { withdrawn: false, text: head + snapshot.text + (snapshot.text.endsWith('\n') ? '' : '\n') };
  }

  /** Every live public review of a workspace as a schema.org DataFeed (the form fact-check aggregators read). */
  async feed(token: string): Promise<ClaimReviewFeed> {
    const feed = TOKEN_RE.test(token) ? await this.publishing.findFeed(this.db, token) : null;
    if (!feed) throw notFound('feed');
    const pages = await this.publishing.livePages(this.db, feed.workspaceId);
    const elements = pages.map(({ page, model }) => {
      const m = storedModel(model);
      return {
        '@type': 'DataFeedItem' as const,
        dateCreated: page.createdAt.toISOString(),
        url: page.url,
        item: claimReviews(m, { reportUrl: page.url }) as unknown as Array<Record<string, unknown>>,
      };
    });
    const first = pages[0] ? storedModel(pages[0].model) : null;
    return {
      '@context': 'https://schema.org' as const,
      '@type': 'DataFeed' as const,
      name: first ? `Fact checks by ${first.workspace.organisation}` : 'Fact checks',
      dateModified: (pages[0]?.page.createdAt ?? feed.createdAt).toISOString(),
      dataFeedElement: elements,
    };
  }

  async feedUrl(actor: Actor, baseUrl: string): Promise<{ url: string }> {
    const token = await this.db.transaction((tx) => this.publishing.feedToken(tx, actor.workspaceId, unguessableToken()));
    return { url: `${baseUrl}/public/workspaces/${token}/claimreviews.json` };
  }

  async withdraw(actor: Actor, reportId: string): Promise<void> {
    const articleId = await this.db.transaction(async (tx) => {
      const page = await this.publishing.findPage(tx, actor.workspaceId, reportId);
      if (!page) throw notFound('public page');
      if (!(await this.publishing.withdrawPage(tx, actor.workspaceId, reportId, actor.userId))) throw new DomainError('RULE_VIOLATION', 'this public page is already withdrawn');
      const report = await this.reports.findFile(tx, actor.workspaceId, reportId, 'html');
      await audit(tx, actor, 'report', reportId, 'withdrawPublicPage', { publicUrl: page.url }, { publicUrl: null });
      return report?.report.articleId ?? null;
    });
    this.events.publish(actor.workspaceId, { type: 'report', id: reportId, ...(articleId ? { articleId } : {}), action: 'withdraw', actorId: actor.userId });
  }

  /** The corrections of a published version, ready to paste under the article in a CMS. */
  async snippet(actor: Actor, reportId: string, format: SnippetFormat): Promise<string> {
    const file = await this.reports.findFile(this.db, actor.workspaceId, reportId, 'html');
    if (!file) throw notFound('report');
    const page = await this.publishing.findPage(this.db, actor.workspaceId, reportId);
    return renderCorrectionSnippet(storedModel(file.report.model), format, { reportUrl: page && !page.withdrawnAt ? page.url : null });
  }
}

function storedModel(json: unknown): ReportModel {
  return json as ReportModel;
}

function withdrawnNotice(model: ReportModel): string {
  const org = escapeHtml(model.workspace.organisation);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Corrections page withdrawn</title>',
    '<style>body{margin:4rem auto;max-width:36rem;padding:0 1.25rem;font:16px/1.55 Georgia,serif;color:#1b1b1b}</style></head>',
    `<body><h1>This corrections page has been withdrawn</h1><p>${org} has withdrawn this page. It is no longer published.</p></body>`,
    '</html>',
    '',
  ].join('\n');
}

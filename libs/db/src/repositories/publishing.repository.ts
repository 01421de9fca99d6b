// Public pages of published report versions, the workspace's public feed token, correction notices worded by editors,
// and the source captures a published report cites.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';

export interface SourceCapture {
  sourceId: string;
  snapshotId: string;
  capturedAt: Date;
  sha256: string;
}

export class PublishingRepository {
  createPage(tx: DbExecutor, data: { reportId: string; workspaceId: string; token: string; url: string }) {
    return prismaOf(tx).publicPage.create({ data });
  }

  pagesForReports(db: DbExecutor, workspaceId: string, reportIds: string[]) {
    return prismaOf(db).publicPage.findMany({ where: { workspaceId, reportId: { in: reportIds } } });
  }

  findPage(db: DbExecutor, workspaceId: string, reportId: string) {
    return prismaOf(db).publicPage.findFirst({ where: { workspaceId, reportId } });
  }

  /** A public page by its token, with its report version and that version's HTML file. */
  async findPageByToken(db: DbExecutor, token: string) {
    const page = await prismaOf(db).publicPage.findFirst({ where: { token } });
    if (!page) return null;
    const report = await prismaOf(db).report.findFirst({ where: { id: page.reportId, workspaceId: page.workspaceId }, include: { files: { where: { format: 'html' } } } });
    return report ? { page, report } : null;
  }

  /** Marks a page withdrawn; false when it already was. */
  async withdrawPage(tx: DbExecutor, workspaceId: string, reportId: string, actorId: string): Promise<boolean> {
    const { count } = await prismaOf(tx).publicPage.updateMany({ where: { workspaceId, reportId, withdrawnAt: null }, data: { withdrawnAt: new Date(), withdrawnById: actorId } });
    return count === 1;
  }

  /** The workspace's feed token, made on first use. */
  async feedToken(tx: DbExecutor, workspaceId: string, fresh: string): Promise<string> {
    const row = await prismaOf(tx).publicFeed.upsert({ where: { workspaceId }, create: { workspaceId, token: fresh }, update: {} });
    return row.token;
  }

  findFeed(db: DbExecutor, token: string) {
    return prismaOf(db).publicFeed.findUnique({ where: { token } });
  }

  /** Every public page of a workspace that is not withdrawn, with its report model, newest first. */
  async livePages(db: DbExecutor, workspaceId: string) {
    const pages = await prismaOf(db).publicPage.findMany({ where: { workspaceId, withdrawnAt: null }, orderBy: { createdAt: 'desc' } });
    const reports = await prismaOf(db).report.findMany({ where: { workspaceId, id: { in: pages.map((p) => p.reportId) } }, select: { id: true, model: true } });
    const byId = new Map(reports.map((r) => [r.id, r]));
    return pages.flatMap((page) => (byId.has(page.reportId) ? [{ page, model: byId.get(page.reportId)!.model }] : []));
  }

  /** The latest capture of each source at or before a moment (what a report published then cites). */
  capturesAt(db: DbExecutor, workspaceId: string, sourceIds: string[], at: Date): Promise<SourceCapture[]> {
    if (sourceIds.length === 0) return Promise.resolve([]);
    return queryRows<SourceCapture>(
      db,
      Prisma.sql`SELECT DISTINCT ON (source_id) source_id AS "sourceId", id AS "snapshotId", captured_at AS "capturedAt", sha256
        FROM snapshots WHERE workspace_id = ${workspaceId}::uuid AND source_id IN (${Prisma.join(sourceIds.map((id) => Prisma.sql`${id}::uuid`))}) AND captured_at <= ${at}
        ORDER BY source_id, captured_at DESC, id DESC`,
    );
  }

  /** A snapshot's readable text (for the archived copy a public page links to). */
  snapshotText(db: DbExecutor, workspaceId: string, snapshotId: string) {
    return prismaOf(db).snapshot.findFirst({ where: { id: snapshotId, workspaceId }, select: { id: true, finalUrl: true, title: true, text: true, sha256: true, capturedAt: true } });
  }

  async addNotice(tx: DbExecutor, data: { workspaceId: string; verdictId: string; text: string; editedById: string }) {
    const last = await prismaOf(tx).correctionNotice.findFirst({ where: { verdictId: data.verdictId }, orderBy: { version: 'desc' }, select: { version: true } });
    return prismaOf(tx).correctionNotice.create({ data: { ...data, version: (last?.version ?? 0) + 1 } });
  }

  /** The latest worded notice of each of the given verdicts. */
  async latestNotices(db: DbExecutor, workspaceId: string, verdictIds: string[]): Promise<Map<string, string>> {
    if (verdictIds.length === 0) return new Map();
    const rows = await prismaOf(db).correctionNotice.findMany({ where: { workspaceId, verdictId: { in: verdictIds } }, orderBy: { version: 'asc' }, select: { verdictId: true, text: true } });
    return new Map(rows.map((r) => [r.verdictId, r.text]));
  }
}

// Published corrections reports (immutable versions and their rendered files) and the approved verdicts they are made of.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute } from '../sql';

const PUBLISH_LOCK = 727_274_503;

export type ReportScope = { articleId: string } | { from: Date; to: Date; ratingKeys: string[]; skip: number; take: number };

export class ReportsRepository {
  /** Serialises publishing of one article's report until the transaction ends. */
  async lockPublish(tx: Tx, articleId: string): Promise<void> {
    await execute(tx, Prisma.sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK}, hashtext(${articleId}))`);
  }

  latest(db: DbExecutor, workspaceId: string, scopeKey: string) {
    return prismaOf(db).report.findFirst({ where: { workspaceId, scopeKey }, orderBy: { version: 'desc' } });
  }

  listForArticle(db: DbExecutor, workspaceId: string, articleId: string) {
    return prismaOf(db).report.findMany({ where: { workspaceId, articleId }, orderBy: { version: 'desc' } });
  }

  create(tx: DbExecutor, data: Prisma.ReportUncheckedCreateInput) {
    return prismaOf(tx).report.create({ data });
  }

  async createFile(tx: DbExecutor, data: Prisma.ReportFileUncheckedCreateInput): Promise<void> {
    await prismaOf(tx).reportFile.create({ data });
  }

  findFile(db: DbExecutor, workspaceId: string, reportId: string, format: string) {
    return prismaOf(db).reportFile.findFirst({ where: { reportId, format, workspaceId }, include: { report: true } });
  }

  /**
   * Stores a file a background job rendered, under the job's id: a retry of a job that had stored it writes nothing.
   * Renders of the workspace older than a day go in the same statement.
   */
  async saveRender(tx: DbExecutor, data: Prisma.ReportRenderUncheckedCreateInput): Promise<void> {
    await execute(
      tx,
      Prisma.sql`WITH pruned AS (DELETE FROM report_renders WHERE workspace_id = ${data.workspaceId}::uuid AND created_at < now() - interval '1 day')
                 INSERT INTO report_renders (workspace_id, id, article_id, format, content_type, file_name, sha256, bytes, entries, created_by_id)
                 VALUES (${data.workspaceId}::uuid, ${data.id}::uuid, ${data.articleId}::uuid, ${data.format}, ${data.contentType}, ${data.fileName}, ${data.sha256},
                         ${Buffer.from(data.bytes)}, ${data.entries}, ${data.createdById}::uuid)
                 ON CONFLICT (workspace_id, id) DO NOTHING`,
    );
  }

  /** A rendered file of the workspace by its id (the job's), or null once it has been removed or for another workspace. */
  findRender(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).reportRender.findUnique({ where: { workspaceId_id: { workspaceId, id } } });
  }

  /** A published version of an article's report (the latest without `version`) with its file in one format (command-line export). */
  findPublished(db: DbExecutor, articleId: string, format: string, version?: number) {
    return prismaOf(db).report.findFirst({ where: { articleId, ...(version ? { version } : {}) }, orderBy: { version: 'desc' }, include: { files: { where: { format } } } });
  }

  /** Approved verdicts per rating key, decided in [from, to). */
  async countApprovedByRating(db: DbExecutor, workspaceId: string, from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await prismaOf(db).verdict.groupBy({
      by: ['ratingKey'],
      where: { workspaceId, state: 'APPROVED', decidedAt: { gte: from, lt: to }, claim: { article: { deletedAt: null } } },
      _count: true,
    });
    return new Map(rows.map((r) => [r.ratingKey, r._count]));
  }

  /** Approved verdicts of one article's claims, or a page of those approved in a date range in report order (article, then position). */
  approvedVerdicts(db: DbExecutor, workspaceId: string, scope: ReportScope) {
    return prismaOf(db).verdict.findMany({
      where: {
        workspaceId,
        state: 'APPROVED',
        claim: { article: { deletedAt: null }, ...('articleId' in scope ? { articleId: scope.articleId } : {}) },
        ...('from' in scope ? { decidedAt: { gte: scope.from, lt: scope.to }, ratingKey: { in: scope.ratingKeys } } : {}),
      },
      include: { claim: { include: { sources: { include: { source: true }, orderBy: { createdAt: 'asc' } }, article: true, claimant: { select: { name: true } } } } },
      ...('take' in scope
        ? {
            skip: scope.skip,
            take: scope.take,
            orderBy: [{ claim: { articleId: 'asc' as const } }, { claim: { paragraph: 'asc' as const } }, { claim: { startOffset: 'asc' as const } }, { id: 'asc' as const }],
          }
        : {}),
    });
  }
}

// Articles and their revisions.
import { Prisma, type Article, type ArticleRevision } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute, queryRows } from '../sql';

export class ArticlesRepository {
  /** Serialises imports of one article (by workspace and import key) until the transaction ends, so two at once never duplicate it. */
  async lockImport(tx: Tx, workspaceId: string, importKey: string): Promise<void> {
    await execute(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${workspaceId + importKey}))`);
  }

  /** An article of the workspace that is not deleted. */
  findActive(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).article.findFirst({ where: { id, workspaceId, deletedAt: null } });
  }

  /** An article that is not deleted, in whichever workspace (command-line export by id). */
  findActiveById(db: DbExecutor, id: string) {
    return prismaOf(db).article.findFirst({ where: { id, deletedAt: null } });
  }

  findActiveByImportKey(db: DbExecutor, workspaceId: string, importKey: string) {
    return prismaOf(db).article.findFirst({ where: { workspaceId, importKey, deletedAt: null } });
  }

  /** Whether the article exists in the workspace, deleted or not (its history stays readable). */
  async exists(db: DbExecutor, workspaceId: string, id: string): Promise<boolean> {
    return (await prismaOf(db).article.findFirst({ where: { id, workspaceId }, select: { id: true } })) !== null;
  }

  /** A soft-deleted article with the same key gives its key up, so the same text can be imported again. */
  async releaseDeletedImportKey(tx: DbExecutor, workspaceId: string, importKey: string): Promise<void> {
    await prismaOf(tx).article.updateMany({ where: { workspaceId, importKey, NOT: { deletedAt: null } }, data: { importKey: `${importKey}#deleted-${Date.now()}` } });
  }

  create(tx: DbExecutor, data: Prisma.ArticleUncheckedCreateInput) {
    return prismaOf(tx).article.create({ data });
  }

  /** Changes an article and bumps its version. */
  async update(tx: DbExecutor, workspaceId: string, id: string, data: Pick<Prisma.ArticleUncheckedUpdateInput, 'title' | 'author'>): Promise<void> {
    await prismaOf(tx).article.update({ where: { workspaceId_id: { workspaceId, id } }, data: { ...data, version: { increment: 1 } } });
  }

  async softDelete(tx: DbExecutor, workspaceId: string, id: string): Promise<void> {
    await prismaOf(tx).article.update({ where: { workspaceId_id: { workspaceId, id } }, data: { deletedAt: new Date() } });
  }

  /** The workspace's articles that are not deleted, newest first, each with the number of its latest revision. */
  listActive(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).article.findMany({
      where: { workspaceId, deletedAt: null },
      orderBy: { createdAt: 'desc' },
      include: { revisions: { select: { number: true }, orderBy: { number: 'desc' }, take: 1 } },
    });
  }

  /**
   * An article that is not deleted, with its latest revision: one statement straight on the pool (every import answers
   * with it, and the article page asks for it), where Prisma's include took two through its query engine.
   */
  async findWithLatestRevision(db: DbExecutor, workspaceId: string, id: string): Promise<(Article & { revisions: ArticleRevision[] }) | null> {
    type Row = Article & { [K in keyof ArticleRevision as `r_${K}`]: ArticleRevision[K] | null };
    const [row] = await queryRows<Row>(
      db,
      Prisma.sql`
      SELECT a.id, a.workspace_id AS "workspaceId", a.title, a.author, a.url, a.published_at AS "publishedAt", a.import_key AS "importKey",
             a.created_by_id AS "createdById", a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.deleted_at AS "deletedAt", a.version,
             r.id AS "r_id", r.workspace_id AS "r_workspaceId", r.article_id AS "r_articleId", r.number AS "r_number", r.text AS "r_text",
             r.content_hash AS "r_contentHash", r.format AS "r_format", r.created_by_id AS "r_createdById", r.created_at AS "r_createdAt"
      FROM articles a
      LEFT JOIN LATERAL (
        SELECT * FROM article_revisions r WHERE r.workspace_id = a.workspace_id AND r.article_id = a.id ORDER BY r.number DESC LIMIT 1
      ) r ON true
      WHERE a.workspace_id = ${workspaceId}::uuid AND a.id = ${id}::uuid AND a.deleted_at IS NULL`,
    );
    if (!row) return null;
    const article: Article = {
      id: row.id,
      workspaceId: row.workspaceId,
      title: row.title,
      author: row.author,
      url: row.url,
      publishedAt: row.publishedAt,
      importKey: row.importKey,
      createdById: row.createdById,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      deletedAt: row.deletedAt,
      version: row.version,
    };
    const revisions: ArticleRevision[] =
      row.r_id === null
        ? []
        : [
            {
              id: row.r_id,
              workspaceId: row.r_workspaceId!,
              articleId: row.r_articleId!,
              number: row.r_number!,
              text: row.r_text!,
              contentHash: row.r_contentHash!,
              format: row.r_format!,
              createdById: row.r_createdById!,
              createdAt: row.r_createdAt!,
            },
          ];
    return { ...article, revisions };
  }

  createRevision(tx: DbExecutor, data: Prisma.ArticleRevisionUncheckedCreateInput) {
    return prismaOf(tx).articleRevision.create({ data });
  }

  latestRevision(db: DbExecutor, articleId: string) {
    return prismaOf(db).articleRevision.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' } });
  }

  /** A revision of an article of the workspace that is not deleted. */
  findRevision(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).articleRevision.findFirst({ where: { id, workspaceId, article: { deletedAt: null } } });
  }
}

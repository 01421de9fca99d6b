// Articles and their revisions.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute } from '../sql';

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

  /** An article that is not deleted, with its latest revision. */
  findWithLatestRevision(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).article.findFirst({ where: { id, workspaceId, deletedAt: null }, include: { revisions: { orderBy: { number: 'desc' }, take: 1 } } });
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

// The workspace's library of sources and their links to claims.
import type { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';

export class SourcesRepository {
  /** Sources whose title, publisher or address contains the term (all sources without one), newest first. */
  search(db: DbExecutor, workspaceId: string, term: string | undefined, take: number) {
    return prismaOf(db).source.findMany({
      where: {
        workspaceId,
        ...(term ? { OR: [{ title: { contains: term, mode: 'insensitive' } }, { publisher: { contains: term, mode: 'insensitive' } }, { url: { contains: term, mode: 'insensitive' } }] } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take,
    });
  }

  find(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).source.findFirst({ where: { id, workspaceId } });
  }

  create(tx: DbExecutor, data: Prisma.SourceUncheckedCreateInput) {
    return prismaOf(tx).source.create({ data });
  }

  /** Changes a source and bumps its version. */
  update(tx: DbExecutor, workspaceId: string, id: string, data: Omit<Prisma.SourceUncheckedUpdateInput, 'version'>) {
    return prismaOf(tx).source.update({ where: { workspaceId_id: { workspaceId, id } }, data: { ...data, version: { increment: 1 } } });
  }

  /** How many sources are attached to a claim. */
  countLinks(db: DbExecutor, workspaceId: string, claimId: string): Promise<number> {
    return prismaOf(db).claimSource.count({ where: { claimId, workspaceId } });
  }

  listLinksOfClaim(db: DbExecutor, workspaceId: string, claimId: string) {
    return prismaOf(db).claimSource.findMany({ where: { claimId, workspaceId }, orderBy: { createdAt: 'asc' } });
  }

  findLink(db: DbExecutor, workspaceId: string, claimId: string, sourceId: string) {
    return prismaOf(db).claimSource.findUnique({ where: { workspaceId_claimId_sourceId: { workspaceId, claimId, sourceId } } });
  }

  findLinkOfClaim(db: DbExecutor, workspaceId: string, claimId: string, id: string) {
    return prismaOf(db).claimSource.findFirst({ where: { id, claimId, workspaceId }, include: { source: true } });
  }

  createLink(tx: DbExecutor, data: Prisma.ClaimSourceUncheckedCreateInput) {
    return prismaOf(tx).claimSource.create({ data, include: { source: true } });
  }

  /** Sets the excerpt of a claim's source link (its quote into a snapshot is stored beside it by SnapshotsRepository). */
  updateLinkExcerpt(tx: DbExecutor, workspaceId: string, id: string, excerpt: string | null) {
    return prismaOf(tx).claimSource.update({ where: { workspaceId_id: { workspaceId, id } }, data: { excerpt }, include: { source: true } });
  }

  async deleteLink(tx: DbExecutor, workspaceId: string, id: string): Promise<void> {
    await prismaOf(tx).claimSource.delete({ where: { workspaceId_id: { workspaceId, id } } });
  }
}

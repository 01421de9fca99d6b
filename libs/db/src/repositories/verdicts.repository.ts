// Verdicts with their reviews and version history, and the review queue.
import type { Prisma, VerdictState } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';

/** What every verdict read includes: its reviews and its history, oldest first. */
export const verdictInclude = {
  reviews: { orderBy: { createdAt: 'asc' } },
  history: { orderBy: { version: 'asc' } },
} satisfies Prisma.VerdictInclude;

/** The fields of a verdict its history keeps, version by version. */
export type VerdictSnapshot = Pick<Prisma.VerdictHistoryUncheckedCreateInput, 'verdictId' | 'version' | 'ratingKey' | 'rationale' | 'correction' | 'state'>;

export class VerdictsRepository {
  /** A verdict of the workspace whose claim's article is not deleted, with reviews and history. */
  findVisible(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).verdict.findFirst({ where: { id, workspaceId, claim: { article: { deletedAt: null } } }, include: verdictInclude });
  }

  findInStates(db: DbExecutor, workspaceId: string, claimId: string, states: readonly VerdictState[]) {
    return prismaOf(db).verdict.findFirst({ where: { claimId, workspaceId, state: { in: [...states] } } });
  }

  /** The verdicts of these claims that were not withdrawn, newest first. */
  listLiveForClaims(db: DbExecutor, workspaceId: string, claimIds: string[]) {
    return prismaOf(db).verdict.findMany({ where: { claimId: { in: claimIds }, workspaceId, state: { not: 'WITHDRAWN' } }, orderBy: { createdAt: 'desc' } });
  }

  create(tx: DbExecutor, data: Prisma.VerdictUncheckedCreateInput) {
    return prismaOf(tx).verdict.create({ data });
  }

  /** Changes a verdict and bumps its version. */
  update(tx: DbExecutor, workspaceId: string, id: string, data: Omit<Prisma.VerdictUncheckedUpdateInput, 'version'>) {
    return prismaOf(tx).verdict.update({ where: { workspaceId_id: { workspaceId, id } }, data: { ...data, version: { increment: 1 } } });
  }

  async recordHistory(tx: DbExecutor, actor: { userId: string; workspaceId: string }, v: { id: string } & Omit<VerdictSnapshot, 'verdictId'>): Promise<void> {
    await prismaOf(tx).verdictHistory.create({
      data: { workspaceId: actor.workspaceId, verdictId: v.id, version: v.version, ratingKey: v.ratingKey, rationale: v.rationale, correction: v.correction, state: v.state, actorId: actor.userId },
    });
  }

  async createReview(tx: DbExecutor, data: Prisma.ReviewUncheckedCreateInput): Promise<void> {
    await prismaOf(tx).review.create({ data });
  }

  /** The author's verdicts an editor sent back, most recently decided first, with the claim and its article. */
  sentBackTo(db: DbExecutor, workspaceId: string, authorId: string, take = 100) {
    return prismaOf(db).verdict.findMany({
      where: { workspaceId, authorId, state: 'CHANGES_REQUESTED', claim: { article: { deletedAt: null } } },
      orderBy: [{ decidedAt: 'desc' }, { id: 'asc' }],
      take,
      include: { ...verdictInclude, claim: { include: { article: { select: { id: true, title: true } } } } },
    });
  }

  /** Proposed verdicts waiting for review, oldest proposal first, with the claim, its article, text and sources. */
  reviewQueue(db: DbExecutor, workspaceId: string, take = 200) {
    return prismaOf(db).verdict.findMany({
      where: { workspaceId, state: 'PROPOSED', claim: { article: { deletedAt: null } } },
      orderBy: [{ proposedAt: 'asc' }, { id: 'asc' }],
      take,
      include: {
        ...verdictInclude,
        claim: { include: { article: { select: { id: true, title: true } }, revision: { select: { text: true } }, sources: { include: { source: true }, orderBy: { createdAt: 'asc' } } } },
      },
    });
  }
}

// Reads what a corrections report is made of: approved verdicts with their claims, sources and approvers.
import { Injectable } from '@nestjs/common';
import { ratingScaleSchema, DEFAULT_RATING_SCALE, type Rating } from '@claimdesk/domain';
import type { ReportCue, ReportEntry } from '@claimdesk/reports';
import { PrismaService } from '../common/prisma.service';

const REPORTED_CUES = new Set(['hedge', 'speculation', 'approximation', 'attribution']);

@Injectable()
export class ReportsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async countByRating(workspaceId: string, from: Date, to: Date): Promise<Map<string, number>> {
    const rows = await this.prisma.db.verdict.groupBy({ by: ['ratingKey'], where: { workspaceId, state: 'APPROVED', decidedAt: { gte: from, lt: to }, claim: { article: { deletedAt: null } } }, _count: true });
    return new Map(rows.map((r) => [r.ratingKey, r._count]));
  }

  async ratingScale(workspaceId: string): Promise<Rating[]> {
    const row = await this.prisma.db.ratingScale.findUnique({ where: { workspaceId } });
    return row ? ratingScaleSchema.parse(row.ratings) : DEFAULT_RATING_SCALE;
  }

  /** Approved verdicts of one article's claims, or of every article approved in a date range, in article order. */
  async entries(workspaceId: string, scope: { articleId: string } | { from: Date; to: Date; ratingKeys: string[]; skip: number; take: number }, scale: Rating[]): Promise<ReportEntry[]> {
    const verdicts = await this.prisma.db.verdict.findMany({
      where: {
        workspaceId,
        state: 'APPROVED',
        claim: { article: { deletedAt: null }, ...('articleId' in scope ? { articleId: scope.articleId } : {}) },
        ...('from' in scope ? { decidedAt: { gte: scope.from, lt: scope.to }, ratingKey: { in: scope.ratingKeys } } : {}),
      },
      include: {
        claim: { include: { sources: { include: { source: true }, orderBy: { createdAt: 'asc' } }, article: true } },
      },
      // A range report is read in pages, already in report order (article, then position), so it can stream.
      ...('take' in scope
        ? { skip: scope.skip, take: scope.take, orderBy: [{ claim: { articleId: 'asc' as const } }, { claim: { paragraph: 'asc' as const } }, { claim: { startOffset: 'asc' as const } }, { id: 'asc' as const }] }
        : {}),
    });
    const approvers = await this.prisma.usersById(verdicts.map((v) => v.decidedById));
    const entries = verdicts.map((v): ReportEntry => {
      const rating = scale.find((r) => r.key === v.ratingKey) ?? { key: v.ratingKey, label: v.ratingKey, ratingValue: null, needsCorrection: Boolean(v.correction) };
      const cues = (v.claim.cues as Array<{ type: string; text: string }>) ?? [];
      const a = v.claim.article;
      return {
        claimId: v.claimId,
        article: { id: a.id, title: a.title, url: a.url, author: a.author, publishedAt: a.publishedAt?.toISOString() ?? null },
        paragraph: v.claim.paragraph,
        start: v.claim.startOffset,
        quote: v.claim.text,
        hedges: cues.filter((c) => REPORTED_CUES.has(c.type) && c.type !== 'attribution').map((c): ReportCue => ({ type: c.type, text: c.text })),
        attribution: v.claim.attribution,
        rating,
        correction: v.correction,
        rationale: v.rationale,
        sources: v.claim.sources.map((s) => ({ title: s.source.title, publisher: s.source.publisher, url: s.source.url, stance: s.stance, excerpt: s.excerpt })),
        approvedBy: v.decidedById ? (approvers.get(v.decidedById)?.name ?? 'former member') : 'unknown',
        approvedAt: (v.decidedAt ?? v.updatedAt).toISOString(),
        verdictId: v.id,
      };
    });
    return 'take' in scope ? entries : entries.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
  }
}

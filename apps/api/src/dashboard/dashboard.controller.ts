// Counts of claims by status and rating, and the caller's assigned claims.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, type DashboardDto, type StatusCounts } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors } from '../common/openapi';
import { PrismaService } from '../common/prisma.service';
import { ClaimsService } from '../claims/claims.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly claims: ClaimsService,
  ) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Claims by status and by rating, and my assigned claims (any member)' })
  @ApiErrors(401)
  async dashboard(@CurrentActor() actor: Actor): Promise<DashboardDto> {
    const rows = await this.prisma.db.$queryRaw<Array<{ status: string; rating: string | null; n: number }>>`
      SELECT c.status::text AS status, c.rating, count(*)::int AS n FROM claims c JOIN articles a ON a.id = c.article_id AND a.deleted_at IS NULL
      WHERE c.workspace_id = ${actor.workspaceId}::uuid GROUP BY 1, 2`;
    const byStatus: StatusCounts = {};
    const byRating: Record<string, number> = {};
    for (const r of rows) {
      byStatus[r.status as keyof StatusCounts] = (byStatus[r.status as keyof StatusCounts] ?? 0) + r.n;
      if (r.rating) byRating[r.rating] = (byRating[r.rating] ?? 0) + r.n;
    }
    const mine = await this.claims.list(actor, { assigneeId: 'me', status: ['DETECTED', 'FLAGGED', 'IN_RESEARCH', 'IN_REVIEW'], sort: 'updated', order: 'desc', limit: 50 });
    return { byStatus, byRating, assignedToMe: mine.items };
  }
}

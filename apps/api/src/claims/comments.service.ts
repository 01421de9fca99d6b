// Discussion on a claim.
import { Injectable } from '@nestjs/common';
import type { CommentDto } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { PrismaService } from '../common/prisma.service';
import { EventsService } from '../events/events.service';
import { toCommentDto } from '../verdicts/verdict.mapper';
import { ClaimsService } from './claims.service';

@Injectable()
export class CommentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
  ) {}

  async list(actor: Actor, claimId: string): Promise<CommentDto[]> {
    await this.claims.get(actor, claimId);
    const rows = await this.prisma.db.comment.findMany({ where: { claimId, workspaceId: actor.workspaceId }, orderBy: { createdAt: 'asc' } });
    const byId = await this.prisma.usersById(rows.map((r) => r.authorId));
    return rows.map((r) => toCommentDto(r, byId));
  }

  async add(actor: Actor, claimId: string, body: string): Promise<CommentDto> {
    const row = await this.prisma.db.$transaction(async (tx) => {
      await this.claims.load(tx, actor, claimId);
      const created = await tx.comment.create({ data: { workspaceId: actor.workspaceId, claimId, authorId: actor.userId, body } });
      await audit(tx, actor, 'comment', created.id, 'create', null, { claimId, body });
      return created;
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'comment', actorId: actor.userId });
    return toCommentDto(row, await this.prisma.usersById([actor.userId]));
  }
}

// Discussion on a claim.
import { Injectable } from '@nestjs/common';
import type { CommentDto } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { ClaimsRepository, Database, MembersRepository } from '@claimdesk/db';
import { EventsService } from '../events/events.service';
import { toCommentDto } from '../verdicts/verdict.mapper';
import { ClaimsService } from './claims.service';

@Injectable()
export class CommentsService {
  constructor(
    private readonly db: Database,
    private readonly repository: ClaimsRepository,
    private readonly members: MembersRepository,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
  ) {}

  async list(actor: Actor, claimId: string): Promise<CommentDto[]> {
    await this.claims.get(actor, claimId);
    const rows = await this.repository.listComments(this.db, actor.workspaceId, claimId);
    const byId = await this.members.usersById(
      this.db,
      rows.map((r) => r.authorId),
    );
    return rows.map((r) => toCommentDto(r, byId));
  }

  async add(actor: Actor, claimId: string, body: string): Promise<CommentDto> {
    const row = await this.db.transaction(async (tx) => {
      await this.claims.load(tx, actor, claimId);
      const created = await this.repository.createComment(tx, { workspaceId: actor.workspaceId, claimId, authorId: actor.userId, body });
      await audit(tx, actor, 'comment', created.id, 'create', null, { claimId, body });
      return created;
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'comment', actorId: actor.userId });
    return toCommentDto(row, await this.members.usersById(this.db, [actor.userId]));
  }
}

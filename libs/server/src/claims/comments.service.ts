// Discussion on a claim, in threads one level deep: a comment, and the replies to it.
import { Injectable } from '@nestjs/common';
import { DomainError, findMentions, type CommentDto } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { ClaimsRepository, Database, InboxRepository, MembersRepository } from '@claimdesk/db';
import { EventsService } from '../events/events.service';
import { toCommentDto } from '../verdicts/verdict.mapper';
import { NewsroomService } from '../newsroom/newsroom.service';
import { ClaimsService } from './claims.service';

@Injectable()
export class CommentsService {
  constructor(
    private readonly db: Database,
    private readonly repository: ClaimsRepository,
    private readonly members: MembersRepository,
    private readonly claims: ClaimsService,
    private readonly events: EventsService,
    private readonly inbox: InboxRepository,
    private readonly newsroom: NewsroomService,
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

  async add(actor: Actor, claimId: string, body: string, parentId?: string): Promise<CommentDto> {
    const row = await this.db.transaction(async (tx) => {
      const claim = await this.claims.load(tx, actor, claimId);
      if (parentId) {
        const parent = await this.repository.findComment(tx, actor.workspaceId, claimId, parentId);
        if (!parent) throw new DomainError('VALIDATION_FAILED', 'there is no such comment on this claim to reply to', [{ path: 'parentId', message: 'not a comment of this claim' }]);
        if (parent.parentId) throw new DomainError('RULE_VIOLATION', 'replies are one level deep: reply to the first comment of the thread', [{ path: 'parentId', message: 'is a reply' }]);
      }
      const created = await this.repository.createComment(tx, { workspaceId: actor.workspaceId, claimId, authorId: actor.userId, body, parentId: parentId ?? null });
      await audit(tx, actor, 'comment', created.id, parentId ? 'reply' : 'create', null, { claimId, body, ...(parentId ? { parentId } : {}) });
      // Mentions of members of the workspace are stored with the comment, and the members mentioned are told.
      const members = (await this.members.listMembers(tx, actor.workspaceId)).map((m) => m.user);
      const mentioned = findMentions(body, members).map((m) => m.id);
      await this.inbox.recordMentions(tx, actor.workspaceId, created.id, mentioned);
      if (mentioned.length) {
        await this.newsroom.record(tx, actor, { kind: 'mentioned', claim: { id: claim.id, articleId: claim.articleId, text: claim.text }, commentId: created.id, body, userIds: mentioned });
      }
      return created;
    });
    this.events.publish(actor.workspaceId, { type: 'claim', id: claimId, action: 'comment', actorId: actor.userId });
    return toCommentDto(row, await this.members.usersById(this.db, [actor.userId]));
  }
}

// Verdict, review, source link and comment rows to API responses.
import type { ClaimSourceDto, CommentDto, SourceDto, UserDto, VerdictDto } from '@claimdesk/domain';
import type { ClaimSource, Comment, Review, Source, Verdict, VerdictHistory } from '@claimdesk/db';

type Users = Map<string, UserDto>;
const user = (users: Users, id: string): UserDto => users.get(id) ?? { id, email: '', name: 'former member' };

type VerdictRow = Pick<Verdict, 'id' | 'claimId' | 'ratingKey' | 'rationale' | 'correction' | 'state' | 'authorId' | 'version' | 'proposedAt' | 'decidedAt' | 'decidedById' | 'createdAt'> & {
  reviews: Array<Pick<Review, 'id' | 'decision' | 'comment' | 'reviewerId' | 'createdAt'>>;
  history: Array<Pick<VerdictHistory, 'version' | 'ratingKey' | 'rationale' | 'correction' | 'state' | 'actorId' | 'createdAt'>>;
};

export function toVerdictDto(v: VerdictRow, users: Users): VerdictDto {
  return {
    id: v.id,
    claimId: v.claimId,
    ratingKey: v.ratingKey,
    rationale: v.rationale,
    correction: v.correction,
    state: v.state,
    author: user(users, v.authorId),
    version: v.version,
    proposedAt: v.proposedAt?.toISOString() ?? null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decidedBy: v.decidedById ? user(users, v.decidedById) : null,
    createdAt: v.createdAt.toISOString(),
    reviews: v.reviews.map((r) => ({ id: r.id, decision: r.decision, comment: r.comment, reviewer: user(users, r.reviewerId), createdAt: r.createdAt.toISOString() })),
    history: v.history.map((h) => ({
      version: h.version,
      ratingKey: h.ratingKey,
      rationale: h.rationale,
      correction: h.correction,
      state: h.state,
      actorId: h.actorId,
      createdAt: h.createdAt.toISOString(),
    })),
  };
}

export function toSourceDto(s: Pick<Source, 'id' | 'url' | 'title' | 'publisher' | 'publishedAt' | 'accessedAt' | 'archiveUrl' | 'kind' | 'version'>): SourceDto {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    accessedAt: s.accessedAt?.toISOString() ?? null,
    archiveUrl: s.archiveUrl,
    kind: s.kind,
    version: s.version,
  };
}

export function toClaimSourceDto(cs: Pick<ClaimSource, 'id' | 'stance' | 'excerpt' | 'note' | 'createdAt'> & { source: Parameters<typeof toSourceDto>[0] }): ClaimSourceDto {
  return { id: cs.id, stance: cs.stance, excerpt: cs.excerpt, note: cs.note, source: toSourceDto(cs.source), createdAt: cs.createdAt.toISOString() };
}

export function toCommentDto(c: Pick<Comment, 'id' | 'parentId' | 'body' | 'authorId' | 'createdAt'>, users: Users): CommentDto {
  return { id: c.id, parentId: c.parentId, body: c.body, author: user(users, c.authorId), createdAt: c.createdAt.toISOString() };
}

// Verdict, review, source link and comment rows to API responses.
import type { ClaimSourceDto, CommentDto, SourceDto, Stance, UserDto, VerdictDto, VerdictState } from '@claimdesk/domain';

export const verdictInclude = {
  reviews: { orderBy: { createdAt: 'asc' as const } },
  history: { orderBy: { version: 'asc' as const } },
};

type Users = Map<string, UserDto>;
const user = (users: Users, id: string): UserDto => users.get(id) ?? { id, email: '', name: 'former member' };

export function toVerdictDto(
  v: {
    id: string;
    claimId: string;
    ratingKey: string;
    rationale: string;
    correction: string | null;
    state: string;
    authorId: string;
    version: number;
    proposedAt: Date | null;
    decidedAt: Date | null;
    decidedById: string | null;
    createdAt: Date;
    reviews: Array<{ id: string; decision: string; comment: string | null; reviewerId: string; createdAt: Date }>;
    history: Array<{ version: number; ratingKey: string; rationale: string; correction: string | null; state: string; actorId: string; createdAt: Date }>;
  },
  users: Users,
): VerdictDto {
  return {
    id: v.id,
    claimId: v.claimId,
    ratingKey: v.ratingKey,
    rationale: v.rationale,
    correction: v.correction,
    state: v.state as VerdictState,
    author: user(users, v.authorId),
    version: v.version,
    proposedAt: v.proposedAt?.toISOString() ?? null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decidedBy: v.decidedById ? user(users, v.decidedById) : null,
    createdAt: v.createdAt.toISOString(),
    reviews: v.reviews.map((r) => ({ id: r.id, decision: r.decision as 'APPROVED' | 'CHANGES_REQUESTED', comment: r.comment, reviewer: user(users, r.reviewerId), createdAt: r.createdAt.toISOString() })),
    history: v.history.map((h) => ({ ...h, state: h.state as VerdictState, createdAt: h.createdAt.toISOString() })),
  };
}

export function toSourceDto(s: { id: string; url: string | null; title: string; publisher: string | null; publishedAt: Date | null; accessedAt: Date | null; archiveUrl: string | null; kind: string; version: number }): SourceDto {
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

export function toClaimSourceDto(cs: { id: string; stance: string; excerpt: string | null; note: string | null; createdAt: Date; source: Parameters<typeof toSourceDto>[0] }): ClaimSourceDto {
  return { id: cs.id, stance: cs.stance as Stance, excerpt: cs.excerpt, note: cs.note, source: toSourceDto(cs.source), createdAt: cs.createdAt.toISOString() };
}

export function toCommentDto(c: { id: string; body: string; authorId: string; createdAt: Date }, users: Users): CommentDto {
  return { id: c.id, body: c.body, author: user(users, c.authorId), createdAt: c.createdAt.toISOString() };
}

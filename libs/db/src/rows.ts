// Row shapes of raw queries, derived from the Prisma models so a schema change shows up as a type error here, not at run time.
import type { Article, AuditEvent, Claim, ClaimStatus, FeedItem, Role, Session, User } from './generated/prisma/client';

/** A claim as the list, search and write queries return it (CLAIM_COLUMNS), with the name of whoever changed it last when joined. */
export type ClaimRow = Omit<Claim, 'origin'> & { updatedByName?: string | null; claimantName?: string | null; claimant?: { name: string } | null; checkedBefore?: boolean };

/** A claim as the article reader needs it (no quote selector, entities or claimant); numbers and dates only for its triage tier. */
export type ReaderClaimRow = Pick<
  Claim,
  | 'id'
  | 'articleId'
  | 'text'
  | 'startOffset'
  | 'endOffset'
  | 'kind'
  | 'score'
  | 'checkWorthy'
  | 'reasons'
  | 'cues'
  | 'numbers'
  | 'dates'
  | 'unnamedSource'
  | 'hedged'
  | 'attributed'
  | 'orphaned'
  | 'status'
  | 'dismissReason'
  | 'assigneeId'
  | 'priority'
  | 'version'
  | 'rating'
> & { checkedBefore: boolean };

/** A claimant of the workspace with the number of its claims in live articles. */
export type ClaimantRow = { id: string; name: string; unnamed: boolean; claims: number };

/** A claimant's claim with the article it was made in and its verdict rating. */
export type ClaimantClaimRow = Pick<Claim, 'id' | 'articleId' | 'text' | 'status' | 'rating' | 'checkWorthy' | 'createdAt'> & { articleTitle: string };

/** A claim close in wording to another one (similar-claims search). */
export type SimilarClaimRow = Pick<Claim, 'id' | 'articleId' | 'text' | 'status' | 'rating'> & { title: Article['title']; similarity: number };

/** Claim counts of one article and status. */
export type ArticleStatusCountRow = { articleId: Claim['articleId']; status: ClaimStatus; n: number; worthy: number; orphaned: number };

/** Claim counts of one status and rating across the workspace (dashboard). */
export type StatusRatingCountRow = Pick<Claim, 'status' | 'rating'> & { n: number };

/** An audit event; the id is a bigint column and comes back as a string from the pool, a bigint through Prisma. */
export type AuditEventRow = Omit<AuditEvent, 'id' | 'workspaceId'> & { id: bigint | string };

/** The caller behind a live session cookie. */
export type SessionActorRow = Pick<Session, 'id' | 'userId' | 'workspaceId' | 'csrfToken' | 'expiresAt'> & { role: Role };

/** The public fields of a user, for names next to authors, reviewers and actors. */
export type UserSummary = Pick<User, 'id' | 'email' | 'name'>;

/** What a feed poll needs of an item it has seen before. */
export type FeedItemRow = Pick<FeedItem, 'guid' | 'articleId' | 'itemUpdatedAt' | 'error'>;

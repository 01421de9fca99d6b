// Compile-time check: the enum lists of @claimdesk/domain and the enums of schema.prisma hold the same values, both ways.
// `tsc` fails here when a value is added to one and not the other.
import { CLAIM_KINDS, CLAIM_STATUSES, DISMISS_REASONS, REVIEW_DECISIONS, ROLES, SOURCE_KINDS, STANCES, VERDICT_STATES } from '@claimdesk/domain';
import type { ClaimKind, ClaimStatus, DismissReason, ReviewDecision, Role, SourceKind, Stance, VerdictState } from './generated/prisma/client';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;

export const DOMAIN_ENUMS_MATCH_SCHEMA = [
  same<(typeof ROLES)[number], Role>(true),
  same<(typeof CLAIM_STATUSES)[number], ClaimStatus>(true),
  same<(typeof CLAIM_KINDS)[number], ClaimKind>(true),
  same<(typeof DISMISS_REASONS)[number], DismissReason>(true),
  same<(typeof STANCES)[number], Stance>(true),
  same<(typeof VERDICT_STATES)[number], VerdictState>(true),
  same<(typeof SOURCE_KINDS)[number], SourceKind>(true),
  same<(typeof REVIEW_DECISIONS)[number], ReviewDecision>(true),
] as const;

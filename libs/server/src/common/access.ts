// Every route declares who may call it: @Public() or @Allow(...roles). The global guard denies anything else.
import { SetMetadata } from '@nestjs/common';
import type { Role } from '@claimdesk/domain';

export const ACCESS_KEY = 'claimdesk:access';
export type Access = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);
export const Allow = (roles: readonly Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access);

/**
 * Pages for readers, served outside /api at /public/... (public corrections pages, archived sources, the ClaimReview feed).
 * Every route there is declared @Public() like any other public route; the authorisation matrix lists them.
 */
export const PUBLIC_PAGES_PATH = 'public';

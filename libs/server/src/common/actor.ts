// The caller of a request, as the auth guard established it.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@claimdesk/domain';

export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  /** The API token the caller signed in with. */
  tokenId?: string;
  scopes?: string[];
  /** When the API token in use expires (null: never); a token made with it may not outlive it. */
  tokenExpiresAt?: Date | null;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest();
  return request.actor;
});

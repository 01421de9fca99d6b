// Global guard: denies by default. A route runs only if it is @Public() or the caller holds one of its @Allow roles.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@claimdesk/domain';
import type { Request } from 'express';
import { ACCESS_KEY, type Access } from '../common/access';
import { AuthService } from './auth.service';
import { CSRF_HEADER, SESSION_COOKIE } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) throw new DomainError('FORBIDDEN', 'this route declares no access rule and is closed');
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: unknown }>();
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    let actor;
    if (bearer) {
      actor = await this.auth.actorForApiToken(bearer);
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'the API token is invalid, expired or revoked');
      const needed = SAFE_METHODS.has(request.method) ? 'read' : 'write';
      if (!actor.scopes?.includes(needed)) throw new DomainError('FORBIDDEN', `this API token lacks the "${needed}" scope`);
    } else {
      const cookie = request.cookies?.[SESSION_COOKIE];
      actor = cookie ? await this.auth.actorForSession(cookie) : null;
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'sign in to continue');
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !this.auth.csrfMatches(actor.csrfToken, sent)) {
          throw new DomainError('CSRF_FAILED', `missing or wrong ${CSRF_HEADER} header; reload the page and try again`);
        }
      }
    }
    if (!access.roles.includes(actor.role)) {
      throw new DomainError('FORBIDDEN', `this action needs one of these roles: ${access.roles.join(', ')}; you are ${actor.role}`);
    }
    const { csrfToken: _csrf, ...publicActor } = actor as typeof actor & { csrfToken?: string };
    request.actor = publicActor;
    return true;
  }
}

// The session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS or when configured.
import type { Request, Response } from 'express';
import type { MeDto } from '@claimdesk/domain';
import type { AppConfig } from '../common/config';
import type { NewSession } from './auth.service';
import { SESSION_COOKIE } from './tokens';

export function setSessionCookie(config: AppConfig, req: Request, res: Response, session: NewSession): MeDto {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies || req.secure,
    path: '/',
    expires: session.expiresAt,
  });
  return session.me;
}

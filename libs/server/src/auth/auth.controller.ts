// First-run setup, sign-in and sign-out, and who the caller is.
import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, loginSchema, setupSchema, type MeDto, meDtoSchema, setupStateDtoSchema } from '@claimdesk/domain';
import type { Request, Response } from 'express';
import { Allow, Public } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { AppConfig } from '../common/config';
import { DocBody, ValidBody } from '../common/zod';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { AuthService, type NewSession } from './auth.service';
import { setSessionCookie } from './session-cookie';
import { SESSION_COOKIE } from './tokens';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Get('setup')
  @Public()
  @ApiOperation({ summary: 'Whether ClaimDesk still needs its first admin (public)' })
  @ApiOk(setupStateDtoSchema, 'Whether the first-run setup is still open')
  async setupState(): Promise<{ needsSetup: boolean }> {
    return { needsSetup: await this.auth.needsSetup() };
  }

  @Post('setup')
  @Public()
  @ApiOperation({ summary: 'Create the first admin and the default workspace; refused once a user exists (public)' })
  @DocBody(setupSchema)
  @ApiOk(meDtoSchema, 'The new workspace with its first admin, signed in', 201)
  @ApiErrors(400, 409)
  async setup(@ValidBody(setupSchema) body: typeof setupSchema._output, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const session = await this.auth.setup(body, meta(req));
    return this.startSession(req, res, session);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie (public, rate-limited)' })
  @DocBody(loginSchema)
  @ApiOk(meDtoSchema, 'Signed in; the session cookie is set')
  @ApiErrors(400, 401, 429)
  async login(@ValidBody(loginSchema) body: typeof loginSchema._output, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const session = await this.auth.login(body, meta(req));
    return this.startSession(req, res, session);
  }

  @Post('auth/logout')
  @Allow(ANY_MEMBER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session stops working at once (any member)' })
  @ApiNoContent('Signed out')
  @ApiErrors(401, 403)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (actor.sessionId) await this.auth.logout(actor.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('auth/me')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'The signed-in user, workspace, role and CSRF token (any member)' })
  @ApiOk(meDtoSchema, 'The signed-in member')
  @ApiErrors(401)
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  private startSession(req: Request, res: Response, session: NewSession): MeDto {
    return setSessionCookie(this.config, req, res, session);
  }
}

function meta(req: Request): { ip?: string; userAgent?: string } {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}

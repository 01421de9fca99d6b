// Invitations: admins invite an email with a role; the person holding the link accepts it and signs in.
import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMINS,
  ANY_MEMBER,
  acceptInvitationSchema,
  createdInvitationDtoSchema,
  invitationDtoSchema,
  invitationPreviewDtoSchema,
  meDtoSchema,
  invitationLookupSchema,
  inviteMemberSchema,
  type InvitationDto,
  type InvitationPreviewDto,
  type MeDto,
} from '@claimdesk/domain';
import type { Request, Response } from 'express';
import { Allow, Public } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { AppConfig } from '../common/config';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { setSessionCookie } from '../auth/session-cookie';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Allow(ADMINS)
  @ApiOperation({ summary: 'Pending invitations of the workspace, without their links (admin)' })
  @ApiOk([invitationDtoSchema], 'Pending invitations')
  @ApiErrors(401, 403)
  list(@CurrentActor() actor: Actor): Promise<InvitationDto[]> {
    return this.invitations.list(actor);
  }

  @Post()
  @Allow(ADMINS)
  @ApiOperation({ summary: 'Invite an email with a role; the one-time link secret is in this response only, valid 7 days (admin)' })
  @ApiOk(createdInvitationDtoSchema, 'The invitation with its link secret', 201)
  @DocBody(inviteMemberSchema)
  @ApiErrors(400, 401, 403, 409)
  invite(@CurrentActor() actor: Actor, @ValidBody(inviteMemberSchema) body: typeof inviteMemberSchema._output): Promise<InvitationDto & { token: string }> {
    return this.invitations.invite(actor, body);
  }

  @Delete(':id')
  @Allow(ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a pending invitation: its link stops working (admin)' })
  @ApiNoContent('Revoked')
  @ApiErrors(401, 403, 404)
  async revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.invitations.revoke(actor, id);
  }

  @Post('preview')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "An invitation link's email, role and workspace (public; needs the link's secret)" })
  @ApiOk(invitationPreviewDtoSchema, 'Who is invited, with which role, to which workspace')
  @DocBody(invitationLookupSchema)
  @ApiErrors(400, 404)
  preview(@ValidBody(invitationLookupSchema) body: typeof invitationLookupSchema._output): Promise<InvitationPreviewDto> {
    return this.invitations.preview(body.token);
  }

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "Accept an invitation with a new account (choose a password) or the email's existing account (its password); signs in (public, rate-limited)" })
  @ApiOk(meDtoSchema, 'Signed in as the new member (session cookie set)')
  @DocBody(acceptInvitationSchema)
  @ApiErrors(400, 401, 404, 409, 429)
  async accept(@ValidBody(acceptInvitationSchema) body: typeof acceptInvitationSchema._output, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const session = await this.invitations.accept(body, { ip: req.ip, userAgent: req.headers['user-agent'] });
    return setSessionCookie(this.config, req, res, session);
  }

  @Post('join')
  @Allow(ANY_MEMBER)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation for your own email while signed in; switches you to its workspace (any member)' })
  @ApiOk(meDtoSchema, 'Signed in to the invitation workspace (session cookie set)')
  @DocBody(invitationLookupSchema)
  @ApiErrors(400, 401, 403, 404, 409)
  async join(
    @CurrentActor() actor: Actor,
    @ValidBody(invitationLookupSchema) body: typeof invitationLookupSchema._output,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    const session = await this.invitations.acceptSignedIn(actor, body.token, { ip: req.ip, userAgent: req.headers['user-agent'] });
    return setSessionCookie(this.config, req, res, session);
  }
}

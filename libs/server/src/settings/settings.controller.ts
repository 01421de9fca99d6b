import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMINS,
  ANY_MEMBER,
  createApiTokenSchema,
  updateRatingScaleSchema,
  type ApiTokenDto,
  type RatingScaleDto,
  apiTokenDtoSchema,
  createdApiTokenDtoSchema,
  ratingScaleDtoSchema,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('rating-scale')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "The workspace's rating scale (any member)" })
  @ApiOk(ratingScaleDtoSchema, 'The rating scale')
  @ApiErrors(401)
  ratingScale(@CurrentActor() actor: Actor): Promise<RatingScaleDto> {
    return this.settings.ratingScale(actor.workspaceId);
  }

  @Put('rating-scale')
  @Allow(ADMINS)
  @ApiOperation({ summary: "Replace the workspace's rating scale (admin)" })
  @DocBody(updateRatingScaleSchema)
  @ApiOk(ratingScaleDtoSchema, 'The new rating scale')
  @ApiErrors(400, 401, 403, 409)
  updateRatingScale(@CurrentActor() actor: Actor, @ValidBody(updateRatingScaleSchema) body: z.infer<typeof updateRatingScaleSchema>): Promise<RatingScaleDto> {
    return this.settings.updateRatingScale(actor, body);
  }

  @Get('tokens')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Your API tokens in this workspace (any member)' })
  @ApiOk([apiTokenDtoSchema], 'Your API tokens')
  @ApiErrors(401)
  tokens(@CurrentActor() actor: Actor): Promise<ApiTokenDto[]> {
    return this.settings.tokens(actor);
  }

  @Post('tokens')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Create an API token for scripts (Authorization: Bearer …); the secret is shown only in this response (any member)' })
  @DocBody(createApiTokenSchema)
  @ApiOk(createdApiTokenDtoSchema, 'The new token, with its secret shown this once', 201)
  @ApiErrors(400, 401)
  createToken(@CurrentActor() actor: Actor, @ValidBody(createApiTokenSchema) body: z.infer<typeof createApiTokenSchema>): Promise<ApiTokenDto & { token: string }> {
    return this.settings.createToken(actor, body);
  }

  @Delete('tokens/:id')
  @Allow(ANY_MEMBER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API token: yours, or any in the workspace for an admin (any member)' })
  @ApiNoContent('Revoked')
  @ApiErrors(401, 404)
  async revokeToken(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.settings.revokeToken(actor, id);
  }
}

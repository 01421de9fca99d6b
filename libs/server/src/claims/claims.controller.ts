import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ANY_MEMBER,
  WRITERS,
  attachSourceSchema,
  bulkClaimsSchema,
  commentSchema,
  createClaimSchema,
  listClaimsQuerySchema,
  transitionClaimSchema,
  updateClaimSchema,
  verdictSchema,
  type AuditEventDto,
  type ClaimDetailDto,
  type ClaimDto,
  type ClaimSourceDto,
  type CommentDto,
  type Page,
  type VerdictDto,
  auditEventDtoSchema,
  bulkResultDtoSchema,
  claimDetailDtoSchema,
  claimDtoSchema,
  claimPageSchema,
  claimSourceDtoSchema,
  commentDtoSchema,
  verdictDtoSchema,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, DocQuery, IdParam, ValidBody, ValidQuery } from '../common/zod';
import { SourcesService } from '../sources/sources.service';
import { VerdictsService } from '../verdicts/verdicts.service';
import { ClaimsService } from './claims.service';
import { CommentsService } from './comments.service';

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly comments: CommentsService,
    private readonly sources: SourcesService,
    private readonly verdicts: VerdictsService,
  ) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Claims with filters, full-text search (q), sorting and cursor pagination (any member)' })
  @DocQuery(listClaimsQuerySchema)
  @ApiOk(claimPageSchema, 'A page of claims')
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @ValidQuery(listClaimsQuerySchema) query: z.infer<typeof listClaimsQuerySchema>): Promise<Page<ClaimDto>> {
    return this.claims.list(actor, query);
  }

  @Post()
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Mark a new claim from a text selection in the latest revision (fact-checker, editor, admin)' })
  @DocBody(createClaimSchema)
  @ApiOk(claimDtoSchema, 'The new claim', 201)
  @ApiErrors(400, 401, 403, 404, 422)
  create(@CurrentActor() actor: Actor, @ValidBody(createClaimSchema) body: z.infer<typeof createClaimSchema>): Promise<ClaimDto> {
    return this.claims.create(actor, body);
  }

  @Post('bulk')
  @Allow(WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Flag or dismiss (with a reason) many claims; claims that cannot move are listed as skipped (fact-checker, editor, admin)' })
  @DocBody(bulkClaimsSchema)
  @ApiOk(bulkResultDtoSchema, 'Claims moved and claims skipped')
  @ApiErrors(400, 401, 403)
  bulk(@CurrentActor() actor: Actor, @ValidBody(bulkClaimsSchema) body: z.infer<typeof bulkClaimsSchema>) {
    return this.claims.bulk(actor, body.action, body.claimIds, body.reason);
  }

  @Get(':id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'A claim with its cues, sources, verdicts, reviews and comments (any member)' })
  @ApiOk(claimDetailDtoSchema, 'The claim with its context, sources, verdicts and comments')
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClaimDetailDto> {
    return this.claims.detail(actor, id);
  }

  @Patch(':id')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Edit kind, priority or assignee; send the version you saw (409 with the current claim if stale) (fact-checker, editor, admin)' })
  @DocBody(updateClaimSchema)
  @ApiOk(claimDtoSchema, 'The updated claim')
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(updateClaimSchema) body: z.infer<typeof updateClaimSchema>): Promise<ClaimDto> {
    return this.claims.update(actor, id, body);
  }

  @Post(':id/transition')
  @Allow(WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a claim through the workflow: flag, dismiss (reason), startResearch (fact-checker, editor, admin)' })
  @DocBody(transitionClaimSchema)
  @ApiOk(claimDtoSchema, 'The claim in its new status')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  transition(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(transitionClaimSchema) body: z.infer<typeof transitionClaimSchema>): Promise<ClaimDto> {
    return this.claims.transition(actor, id, body.version, body.action, body.reason);
  }

  @Get(':id/history')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "The claim's audit history, including its sources, verdicts and comments (any member)" })
  @ApiOk([auditEventDtoSchema], 'Changes to the claim, oldest first')
  @ApiErrors(400, 401, 404)
  history(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AuditEventDto[]> {
    return this.claims.history(actor, id);
  }

  @Post(':id/sources')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Attach a library source (sourceId) or a new one (source) with a stance, excerpt and note (fact-checker, editor, admin)' })
  @DocBody(attachSourceSchema)
  @ApiOk(claimSourceDtoSchema, 'The source as attached to the claim', 201)
  @ApiErrors(400, 401, 403, 404, 409)
  attachSource(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(attachSourceSchema) body: z.infer<typeof attachSourceSchema>): Promise<ClaimSourceDto> {
    return this.sources.attach(actor, id, body);
  }

  @Delete(':id/sources/:linkId')
  @Allow(WRITERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Detach a source from a claim (fact-checker, editor, admin)' })
  @ApiNoContent('Detached')
  @ApiErrors(400, 401, 403, 404)
  async detachSource(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('linkId') linkId: string): Promise<void> {
    await this.sources.detach(actor, id, linkId);
  }

  @Post(':id/verdicts')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Draft a verdict, or propose it (propose: true) for review (fact-checker, editor, admin)' })
  @DocBody(verdictSchema)
  @ApiOk(verdictDtoSchema, 'The new verdict', 201)
  @ApiErrors(400, 401, 403, 404, 422)
  createVerdict(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(verdictSchema) body: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    return this.verdicts.create(actor, id, body);
  }

  @Get(':id/comments')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Comments on a claim (any member)' })
  @ApiOk([commentDtoSchema], 'Comments on the claim, oldest first')
  @ApiErrors(400, 401, 404)
  listComments(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CommentDto[]> {
    return this.comments.list(actor, id);
  }

  @Post(':id/comments')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Comment on a claim, or reply to one of its comments with parentId (one level deep) (fact-checker, editor, admin)' })
  @DocBody(commentSchema)
  @ApiOk(commentDtoSchema, 'The new comment', 201)
  @ApiErrors(400, 401, 403, 404, 422)
  addComment(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(commentSchema) body: z.infer<typeof commentSchema>): Promise<CommentDto> {
    return this.comments.add(actor, id, body.body, body.parentId);
  }
}

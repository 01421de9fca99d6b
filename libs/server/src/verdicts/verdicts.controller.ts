import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, REVIEWERS, WRITERS, reviewSchema, verdictSchema, type ReviewQueueItemDto, type VerdictDto, reviewQueueItemDtoSchema, verdictDtoSchema } from '@claimdesk/domain';
import { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { VerdictsService } from './verdicts.service';

const withdrawSchema = z.object({ version: z.number().int().min(1) }).strict();

@ApiTags('verdicts')
@Controller()
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService) {}

  @Get('reviews/queue')
  @Allow(REVIEWERS)
  @ApiOperation({ summary: 'Proposed verdicts, oldest first, with the claim in its paragraph and its sources (editor, admin)' })
  @ApiOk([reviewQueueItemDtoSchema], 'Proposed verdicts waiting for review, oldest first')
  @ApiErrors(401, 403)
  queue(@CurrentActor() actor: Actor): Promise<ReviewQueueItemDto[]> {
    return this.verdicts.queue(actor);
  }

  @Get('verdicts/:id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'A verdict with its reviews and every version (any member)' })
  @ApiOk(verdictDtoSchema, 'The verdict with its reviews and history')
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<VerdictDto> {
    return this.verdicts.get(actor, id);
  }

  @Put('verdicts/:id')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'The author edits a draft or sent-back verdict, and may propose it (fact-checker, editor, admin)' })
  @DocBody(verdictSchema)
  @ApiOk(verdictDtoSchema, 'The updated verdict')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(verdictSchema) body: z.infer<typeof verdictSchema>): Promise<VerdictDto> {
    return this.verdicts.update(actor, id, body);
  }

  @Post('verdicts/:id/reviews')
  @Allow(REVIEWERS)
  @ApiOperation({ summary: 'Approve a proposed verdict or request changes with a comment; never your own (422) (editor, admin)' })
  @DocBody(reviewSchema)
  @ApiOk(verdictDtoSchema, 'The verdict after the review', 201)
  @ApiErrors(400, 401, 403, 404, 409, 422)
  review(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(reviewSchema) body: z.infer<typeof reviewSchema>): Promise<VerdictDto> {
    return this.verdicts.review(actor, id, body);
  }

  @Post('verdicts/:id/withdraw')
  @Allow(WRITERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open verdict (its author, an editor or an admin)' })
  @DocBody(withdrawSchema)
  @ApiOk(verdictDtoSchema, 'The withdrawn verdict')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(withdrawSchema) body: z.infer<typeof withdrawSchema>): Promise<VerdictDto> {
    return this.verdicts.withdraw(actor, id, body.version);
  }
}

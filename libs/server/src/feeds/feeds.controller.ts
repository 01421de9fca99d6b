// The workspace's feeds: admins and editors subscribe, pause, poll now and remove; every member may see them.
import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, REVIEWERS, createFeedSchema, feedDtoSchema, jobAcceptedDtoSchema, updateFeedSchema, type FeedDto, type JobAcceptedDto } from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { FeedsService } from './feeds.service';

@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "The workspace's feeds with their last poll, items imported and last error (any member)" })
  @ApiOk([feedDtoSchema], 'The feeds')
  @ApiErrors(401)
  list(@CurrentActor() actor: Actor): Promise<FeedDto[]> {
    return this.feeds.list(actor);
  }

  @Post()
  @Allow(REVIEWERS)
  @ApiOperation({ summary: 'Subscribe the workspace to an RSS 2.0 or Atom feed, polled every intervalMinutes (default 60) (editor, admin)' })
  @ApiOk(feedDtoSchema, 'The new feed', 201)
  @DocBody(createFeedSchema)
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @ValidBody(createFeedSchema) body: z.infer<typeof createFeedSchema>): Promise<FeedDto> {
    return this.feeds.create(actor, body);
  }

  @Get(':id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'One feed (any member)' })
  @ApiOk(feedDtoSchema, 'The feed')
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<FeedDto> {
    return this.feeds.get(actor, id);
  }

  @Patch(':id')
  @Allow(REVIEWERS)
  @ApiOperation({ summary: 'Pause or resume a feed, or change its interval; send the version you saw (editor, admin)' })
  @ApiOk(feedDtoSchema, 'The updated feed')
  @DocBody(updateFeedSchema)
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(updateFeedSchema) body: z.infer<typeof updateFeedSchema>): Promise<FeedDto> {
    return this.feeds.update(actor, id, body);
  }

  @Delete(':id')
  @Allow(REVIEWERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe; articles imported from the feed stay (editor, admin)' })
  @ApiNoContent('Unsubscribed')
  @ApiErrors(400, 401, 403, 404)
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.feeds.remove(actor, id);
  }

  @Post(':id/poll')
  @Allow(REVIEWERS)
  @HttpCode(202)
  @ApiOperation({ summary: 'Poll the feed now, as a background job (202 with { jobId }; its result says what was imported): new items become articles, updated ones new revisions (editor, admin)' })
  @ApiOk(jobAcceptedDtoSchema, 'The poll job', 202)
  @ApiErrors(400, 401, 403, 404)
  async poll(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<JobAcceptedDto> {
    return { jobId: await this.feeds.queuePoll(actor, id) };
  }
}

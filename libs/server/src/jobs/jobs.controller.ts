import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, jobDtoSchema, type JobDto } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { IdParam } from '../common/zod';
import { JobQueue } from './job-queue.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly queue: JobQueue) {}

  @Get(':id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'A background job of the workspace (a large import): its state, progress, and result or error (any member)' })
  @ApiOk(jobDtoSchema, 'The job')
  @ApiErrors(401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<JobDto> {
    return this.queue.status(actor.workspaceId, id);
  }
}

import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, WRITERS, createSourceSchema, listSourcesQuerySchema, updateSourceSchema, type SourceDto, sourceDtoSchema } from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { DocBody, DocQuery, IdParam, ValidBody, ValidQuery } from '../common/zod';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "Search the workspace's source library by title, publisher or URL (any member)" })
  @DocQuery(listSourcesQuerySchema)
  @ApiOk([sourceDtoSchema], 'Matching sources')
  @ApiErrors(400, 401)
  search(@CurrentActor() actor: Actor, @ValidQuery(listSourcesQuerySchema) query: z.infer<typeof listSourcesQuerySchema>): Promise<SourceDto[]> {
    return this.sources.search(actor, query.q, query.limit);
  }

  @Post()
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Add a source to the library; URLs must be http(s) (fact-checker, editor, admin)' })
  @DocBody(createSourceSchema)
  @ApiOk(sourceDtoSchema, 'The new source', 201)
  @ApiErrors(400, 401, 403)
  create(@CurrentActor() actor: Actor, @ValidBody(createSourceSchema) body: z.infer<typeof createSourceSchema>): Promise<SourceDto> {
    return this.sources.create(actor, body);
  }

  @Patch(':id')
  @Allow(WRITERS)
  @ApiOperation({ summary: 'Edit a source; send the version you saw (fact-checker, editor, admin)' })
  @DocBody(updateSourceSchema)
  @ApiOk(sourceDtoSchema, 'The updated source')
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(updateSourceSchema) body: z.infer<typeof updateSourceSchema>): Promise<SourceDto> {
    return this.sources.update(actor, id, body);
  }
}

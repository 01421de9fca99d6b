import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, claimantDetailDtoSchema, claimantDtoSchema, listClaimantsQuerySchema, type ClaimantClaimDto, type ClaimantDto } from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { DocQuery, IdParam, ValidQuery } from '../common/zod';
import { ClaimantsService } from './claimants.service';

@ApiTags('claimants')
@Controller('claimants')
export class ClaimantsController {
  constructor(private readonly claimants: ClaimantsService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "Search the workspace's claimants by name, those with the most claims first (any member)" })
  @DocQuery(listClaimantsQuerySchema)
  @ApiOk([claimantDtoSchema], 'Matching claimants')
  @ApiErrors(400, 401)
  search(@CurrentActor() actor: Actor, @ValidQuery(listClaimantsQuerySchema) query: z.infer<typeof listClaimantsQuerySchema>): Promise<ClaimantDto[]> {
    return this.claimants.search(actor, query.q, query.limit);
  }

  @Get(':id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "A claimant and its claims across the workspace's articles, with their verdict ratings (any member)" })
  @ApiOk(claimantDetailDtoSchema, 'The claimant and its claims')
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClaimantDto & { items: ClaimantClaimDto[] }> {
    return this.claimants.get(actor, id);
  }
}

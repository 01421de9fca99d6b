// Counts of claims by status and rating, and the caller's assigned claims.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, type DashboardDto, dashboardDtoSchema } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { ClaimsService } from '../claims/claims.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Claims by status and by rating, and my assigned claims (any member)' })
  @ApiOk(dashboardDtoSchema, 'Claim counts and your assigned claims')
  @ApiErrors(401)
  dashboard(@CurrentActor() actor: Actor): Promise<DashboardDto> {
    return this.claims.dashboard(actor);
  }
}

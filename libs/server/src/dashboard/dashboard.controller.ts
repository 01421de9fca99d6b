// Counts of claims by status and rating, the caller's assigned claims, and the caller's work list.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, type DashboardDto, dashboardDtoSchema, type MyWorkDto, myWorkDtoSchema } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { ClaimsService } from '../claims/claims.service';
import { VerdictsService } from '../verdicts/verdicts.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly verdicts: VerdictsService,
  ) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Claims by status and by rating, and my assigned claims (any member)' })
  @ApiOk(dashboardDtoSchema, 'Claim counts and your assigned claims')
  @ApiErrors(401)
  dashboard(@CurrentActor() actor: Actor): Promise<DashboardDto> {
    return this.claims.dashboard(actor);
  }

  @Get('my-work')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'My work: open claims assigned to me, my verdicts sent back to me, and reviews waiting for me (any member)' })
  @ApiOk(myWorkDtoSchema, 'What is yours to do next')
  @ApiErrors(401)
  myWork(@CurrentActor() actor: Actor): Promise<MyWorkDto> {
    return this.verdicts.myWork(actor);
  }
}

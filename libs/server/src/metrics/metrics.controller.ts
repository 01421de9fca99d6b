import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMINS } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { ApiErrors, ApiFile } from '../common/openapi';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Allow(ADMINS)
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Prometheus metrics of this process: request durations by route and status, database pool use, job queue depth, failures and age, live-event delivery lag (admin; scrape with an admin's read-only API token)",
  })
  @ApiFile('The metrics in the Prometheus text format', 'text/plain')
  @ApiErrors(401, 403)
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

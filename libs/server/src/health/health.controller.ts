// Liveness and readiness: 200 when the database answers and migrations are applied, 503 otherwise.
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database, migrationStatus } from '@claimdesk/db';
import { healthDtoSchema, type HealthDto } from '@claimdesk/domain';
import type { Response } from 'express';
import { Public } from '../common/access';
import { AppConfig } from '../common/config';
import { ApiOk } from '../common/openapi';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    private readonly db: Database,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database reachability and migration state (public)' })
  @ApiOk(healthDtoSchema, 'The database answers and every migration is applied')
  @ApiOk(healthDtoSchema, 'The database does not answer, or migrations are pending', 503, {
    status: 'unavailable',
    database: { reachable: true, embedded: true },
    migrations: { applied: 1, pending: ['20261125120000_search_indexes'] },
    version: '0.1.0',
  })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    try {
      const status = await migrationStatus(this.db);
      const ok = status.pending.length === 0;
      res.status(ok ? 200 : 503);
      return {
        status: ok ? 'ok' : 'unavailable',
        database: { reachable: true, embedded: this.config.embedded },
        migrations: { applied: status.applied.length, pending: status.pending },
        version: this.config.version,
      };
    } catch {
      res.status(503);
      return { status: 'unavailable', database: { reachable: false, embedded: this.config.embedded }, migrations: { applied: 0, pending: [] }, version: this.config.version };
    }
  }
}

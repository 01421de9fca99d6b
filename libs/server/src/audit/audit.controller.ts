// The workspace audit log, for admins: who changed what and when, filtered, paged, or exported as CSV.
import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMINS, auditEventPageSchema, auditLogQuerySchema, type AuditEventDto, type AuditLogQuery, type Page } from '@claimdesk/domain';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { AuditService } from '../common/audit.service';
import { ApiErrors, ApiFile, ApiOk } from '../common/openapi';
import { DocQuery, ValidQuery } from '../common/zod';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow(ADMINS)
  @ApiOperation({ summary: 'The workspace audit log, newest first, filtered by actor, entity type, action and date range (admin)' })
  @DocQuery(auditLogQuerySchema)
  @ApiOk(auditEventPageSchema, 'A page of the log')
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @ValidQuery(auditLogQuerySchema) query: AuditLogQuery): Promise<Page<AuditEventDto>> {
    return this.audit.list(actor.workspaceId, query);
  }

  @Get('export')
  @Allow(ADMINS)
  @ApiOperation({ summary: 'The filtered audit log as CSV, newest first, streamed (admin); limit and cursor are ignored' })
  @DocQuery(auditLogQuerySchema)
  @ApiFile('The log as CSV', 'text/csv')
  @ApiErrors(400, 401, 403)
  export(@CurrentActor() actor: Actor, @ValidQuery(auditLogQuerySchema) query: AuditLogQuery, @Res({ passthrough: true }) res: Response): StreamableFile {
    res.setHeader('Content-Disposition', `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Readable.from(this.audit.csv(actor.workspaceId, { ...query, cursor: undefined })), { type: 'text/csv; charset=utf-8; header=present' });
  }
}

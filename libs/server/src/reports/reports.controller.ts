import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ADMINS,
  ANY_MEMBER,
  DomainError,
  REVIEWERS,
  jobAcceptedDtoSchema,
  publicFeedDtoSchema,
  reportPreviewDtoSchema,
  reportVersionDtoSchema,
  type JobAcceptedDto,
  type PublicFeedDto,
  type ReportVersionDto,
} from '@claimdesk/domain';
import { REPORT_FORMATS, isReportFormat, type ReportFormat, type ReportModel } from '@claimdesk/reports';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { AppConfig } from '../common/config';
import { ApiErrors, ApiFile, ApiNoContent, ApiOk } from '../common/openapi';
import { IdParam } from '../common/zod';
import { PublicReportsService } from './public-reports.service';
import { ReportsService } from './reports.service';

const REPORT_MEDIA_TYPES = ['text/markdown', 'text/html', 'application/pdf', 'text/csv', 'application/json', 'application/ld+json'];

function parseFormat(value: string | undefined, allowed: readonly string[] = REPORT_FORMATS): ReportFormat {
  if (!value || !isReportFormat(value) || !allowed.includes(value)) {
    throw new DomainError('VALIDATION_FAILED', `format must be one of ${allowed.join(', ')}`, [{ path: 'format', message: `one of ${allowed.join(', ')}` }]);
  }
  return value;
}

function parseDate(value: string | undefined, name: string): Date {
  const date = value ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new DomainError('VALIDATION_FAILED', `${name} must be an ISO 8601 date`, [{ path: name, message: 'must be an ISO 8601 date' }]);
  return date;
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pages: PublicReportsService,
    private readonly config: AppConfig,
  ) {}

  @Get('articles/:id/report/preview')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'The draft corrections report of an article: what would be published now, as HTML and as the report model (any member)' })
  @ApiOk(reportPreviewDtoSchema, 'The draft report')
  @ApiErrors(400, 401, 404)
  preview(@CurrentActor() actor: Actor, @IdParam() id: string, @Req() req: Request): Promise<{ html: string; model: ReportModel }> {
    return this.reports.preview(actor, id, this.baseUrl(req));
  }

  @Get('articles/:id/report')
  @Allow(ANY_MEMBER)
  @ApiQuery({ name: 'format', enum: REPORT_FORMATS })
  @ApiOperation({
    summary:
      'Download the draft corrections report of an article in one format. A PDF of more entries than CLAIMDESK_PDF_JOB_ENTRIES (200) is laid out by a background job: 202 with { jobId }, followed at GET /api/jobs/:id, whose result names the file at GET /api/report-renders/:id (any member)',
  })
  @ApiFile('The draft report in the format asked for', ...REPORT_MEDIA_TYPES)
  @ApiOk(jobAcceptedDtoSchema, 'A large PDF: the job that lays it out', 202)
  @ApiErrors(400, 401, 404)
  async draft(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query('format') format: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | JobAcceptedDto> {
    const outcome = await this.reports.draftOrQueue(actor, id, parseFormat(format), this.baseUrl(req));
    res.setHeader('Cache-Control', 'no-store');
    if (outcome.queued) {
      res.status(202);
      return { jobId: outcome.jobId };
    }
    res.setHeader('Content-Disposition', `attachment; filename="${outcome.file.fileName}"`);
    return new StreamableFile(outcome.file.body, { type: outcome.file.contentType, length: outcome.file.body.length });
  }

  @Get('report-renders/:id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Download a report file a background job laid out (a large draft PDF); kept for a day (any member)' })
  @ApiFile('The rendered file', 'application/pdf')
  @ApiErrors(400, 401, 404)
  async rendered(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.reports.downloadRender(actor, id);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(file.body, { type: file.contentType, length: file.body.length });
  }

  @Post('articles/:id/reports')
  @Allow(REVIEWERS)
  @ApiOperation({ summary: 'Publish the next version of the corrections report: an immutable snapshot in every format (editor, admin)' })
  @ApiOk(reportVersionDtoSchema, 'The published version with its download links', 201)
  @ApiErrors(400, 401, 403, 404, 422)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string, @Req() req: Request): Promise<ReportVersionDto> {
    return this.reports.publish(actor, id, this.baseUrl(req));
  }

  @Get('articles/:id/reports')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Published versions of the corrections report of an article, newest first, with download links (any member)' })
  @ApiOk([reportVersionDtoSchema], 'Published versions, newest first')
  @ApiErrors(400, 401, 404)
  versions(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportVersionDto[]> {
    return this.reports.versions(actor, id);
  }

  @Get('reports/range')
  @Allow(ANY_MEMBER)
  @ApiQuery({ name: 'from', required: true })
  @ApiQuery({ name: 'to', required: true })
  @ApiQuery({ name: 'format', enum: ['csv', 'md', 'json'] })
  @ApiOperation({ summary: 'Workspace-wide corrections report of verdicts approved in [from, to), streamed (any member)' })
  @ApiFile('The report, streamed', 'text/csv', 'text/markdown', 'application/json')
  @ApiErrors(400, 401)
  range(@CurrentActor() actor: Actor, @Query('from') from: string, @Query('to') to: string, @Query('format') format: string, @Res({ passthrough: true }) res: Response): StreamableFile {
    const f = parseFormat(format ?? 'csv', ['csv', 'md', 'json']) as 'csv' | 'md' | 'json';
    const [start, end] = [parseDate(from, 'from'), parseDate(to, 'to')];
    const type = f === 'csv' ? 'text/csv; charset=utf-8' : f === 'md' ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8';
    res.setHeader('Content-Disposition', `attachment; filename="corrections-${start.toISOString().slice(0, 10)}_${end.toISOString().slice(0, 10)}.${f}"`);
    return new StreamableFile(Readable.from(this.reports.streamRange(actor, start, end, f)), { type });
  }

  @Get('reports/feed')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: "The address of the workspace's public ClaimReview feed (schema.org DataFeed of every live public page) (any member)" })
  @ApiOk(publicFeedDtoSchema, 'The feed address')
  @ApiErrors(401)
  feed(@CurrentActor() actor: Actor, @Req() req: Request): Promise<PublicFeedDto> {
    return this.pages.feedUrl(actor, this.baseUrl(req));
  }

  @Post('reports/:id/withdraw')
  @Allow(ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw the public page of a published version: it then answers 410 (admin)' })
  @ApiNoContent('Withdrawn')
  @ApiErrors(400, 401, 403, 404, 422)
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.pages.withdraw(actor, id);
  }

  @Get('reports/:id/snippet')
  @Allow(ANY_MEMBER)
  @ApiQuery({ name: 'format', enum: ['html', 'text'] })
  @ApiOperation({ summary: 'The corrections of a published version as a snippet to paste under the article in a CMS, HTML or plain text (any member)' })
  @ApiFile('The snippet', 'text/html', 'text/plain')
  @ApiErrors(400, 401, 404)
  async snippet(@CurrentActor() actor: Actor, @IdParam() id: string, @Query('format') format: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    const f = format ?? 'html';
    if (f !== 'html' && f !== 'text') throw new DomainError('VALIDATION_FAILED', 'format must be one of html, text', [{ path: 'format', message: 'one of html, text' }]);
    const body = await this.pages.snippet(actor, id, f);
    res.type(f === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    return body;
  }

  @Get('reports/:id/:format')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Download a published report version; the bytes never change (any member)' })
  @ApiFile('The published file', ...REPORT_MEDIA_TYPES)
  @ApiErrors(400, 401, 404)
  async download(@CurrentActor() actor: Actor, @IdParam() id: string, @Param('format') format: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.reports.download(actor, id, parseFormat(format));
    res.setHeader('Content-Disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    return new StreamableFile(file.body, { type: file.contentType, length: file.body.length });
  }

  private baseUrl(req: Request): string {
    return this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  }
}

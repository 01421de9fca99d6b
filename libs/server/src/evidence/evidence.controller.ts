// Snapshots are resources of their source: list, read, download, capture again; excerpts quote into them; link checks look again.
import { Controller, Get, Header, HttpCode, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ANY_MEMBER,
  REVIEWERS,
  WRITERS,
  claimSourceDtoSchema,
  excerptQuoteSchema,
  jobAcceptedDtoSchema,
  snapshotDetailDtoSchema,
  snapshotDtoSchema,
  type ClaimSourceDto,
  type JobAcceptedDto,
  type SnapshotDetailDto,
  type SnapshotDto,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiFile, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { CaptureService } from './capture.service';
import { EvidenceService } from './evidence.service';
import { LinkCheckService } from './link-check.service';

@ApiTags('sources')
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly captures: CaptureService,
    private readonly linkChecks: LinkCheckService,
  ) {}

  @Get('sources/:id/snapshots')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Captures of a source, newest first: time, final URL, HTTP status, content type, SHA-256 (any member)' })
  @ApiOk([snapshotDtoSchema], 'Captures of the source, newest first')
  @ApiErrors(400, 401, 404)
  list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SnapshotDto[]> {
    return this.evidence.list(actor, id);
  }

  @Post('sources/:id/snapshots')
  @Allow(WRITERS)
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Capture the source's page again as a new snapshot (earlier ones are kept), in a background job: 202 with { jobId }; a page that cannot be read fails the job with the reason (fact-checker, editor, admin)",
  })
  @ApiOk(jobAcceptedDtoSchema, 'The capture job', 202)
  @ApiErrors(400, 401, 403, 404, 422)
  async capture(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<JobAcceptedDto> {
    return { jobId: await this.captures.queueCapture(actor, id) };
  }

  @Get('sources/:id/snapshots/:snapshotId')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'One capture with its readable text, the text excerpts quote into (any member)' })
  @ApiOk(snapshotDetailDtoSchema, 'The capture with its readable text')
  @ApiErrors(400, 401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('snapshotId') snapshotId: string): Promise<SnapshotDetailDto> {
    return this.evidence.get(actor, id, snapshotId);
  }

  @Get('sources/:id/snapshots/:snapshotId/content')
  @Allow(ANY_MEMBER)
  // Captured pages are someone else's HTML: downloaded, never rendered in ClaimDesk's origin.
  @Header('Content-Security-Policy', "sandbox; default-src 'none'")
  @ApiOperation({ summary: 'The captured bytes exactly as served; their SHA-256 is the snapshot hash (any member)' })
  @ApiFile('The captured bytes, in the content type they were served with', 'text/html', 'application/xhtml+xml', 'text/plain', 'application/pdf')
  @ApiErrors(400, 401, 404)
  async content(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('snapshotId') snapshotId: string): Promise<StreamableFile> {
    const file = await this.evidence.content(actor, id, snapshotId);
    return new StreamableFile(file.bytes, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
  }

  @Put('claims/:id/sources/:linkId/excerpt')
  @Allow(WRITERS)
  @ApiOperation({ summary: "Quote a passage of a capture as the source link's excerpt (stored as a TextQuoteSelector into the snapshot) (fact-checker, editor, admin)" })
  @DocBody(excerptQuoteSchema)
  @ApiOk(claimSourceDtoSchema, 'The source link with its quote')
  @ApiErrors(400, 401, 403, 404)
  quote(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('linkId') linkId: string, @ValidBody(excerptQuoteSchema) body: z.infer<typeof excerptQuoteSchema>): Promise<ClaimSourceDto> {
    return this.evidence.quote(actor, id, linkId, body);
  }

  @Post('sources/:id/link-check')
  @Allow(WRITERS)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Look at the live page again in a background job (202 with { jobId }): its result is UNCHANGED, CHANGED or GONE since the latest capture, or FAILED (fact-checker, editor, admin)',
  })
  @ApiOk(jobAcceptedDtoSchema, 'The link check job', 202)
  @ApiErrors(400, 401, 403, 404)
  async check(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<JobAcceptedDto> {
    return { jobId: await this.linkChecks.queueCheck(actor, id) };
  }

  @Post('sources/link-checks')
  @Allow(REVIEWERS)
  @HttpCode(202)
  @ApiOperation({ summary: 'Check every captured source of the workspace, least recently checked first, in a background job (202 with { jobId }) (editor, admin)' })
  @ApiOk(jobAcceptedDtoSchema, 'The link check job', 202)
  @ApiErrors(401, 403)
  async checkAll(@CurrentActor() actor: Actor): Promise<JobAcceptedDto> {
    return { jobId: await this.linkChecks.queueCheck(actor) };
  }
}

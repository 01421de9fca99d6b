import { Body, Controller, Delete, Get, HttpCode, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMINS,
  ANY_MEMBER,
  DomainError,
  MAX_ARTICLE_BYTES,
  WRITERS,
  importArticleSchema,
  type ArticleDetailDto,
  type ArticleDto,
  type AuditEventDto,
  type ImportResultDto,
  type JobAcceptedDto,
  articleDetailDtoSchema,
  articleDtoSchema,
  auditEventDtoSchema,
  importResultDtoSchema,
  jobAcceptedDtoSchema,
} from '@claimdesk/domain';
import type { Response } from 'express';
import { ExtractionInputError, detectFormat } from '@claimdesk/extraction';
import { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody, ZodPipe } from '../common/zod';
import { ArticlesService, IMPORT_JOB_BYTES, type ImportInput } from './articles.service';

const uploadFieldsSchema = importArticleSchema.omit({ content: true, format: true }).extend({ title: importArticleSchema.shape.title }).strict();
interface UploadedArticle {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const UPLOAD_EXTENSIONS = /\.(txt|text|md|markdown|html?|docx)$/i;

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Articles of the workspace with claim counts by status (any member)' })
  @ApiOk([articleDtoSchema], 'Articles of the workspace, newest first')
  @ApiErrors(401)
  list(@CurrentActor() actor: Actor): Promise<ArticleDto[]> {
    return this.articles.list(actor);
  }

  @Post()
  @Allow(WRITERS)
  @ApiOperation({
    summary: `Import an article as text, Markdown or HTML (at most ${MAX_ARTICLE_BYTES} bytes); with articleId or a known url, a new revision that re-anchors existing claims. Above ${IMPORT_JOB_BYTES} bytes the import runs as a background job: 202 with { jobId }, followed at GET /api/jobs/:id (fact-checker, editor, admin)`,
  })
  @DocBody(importArticleSchema)
  @ApiOk(importResultDtoSchema, 'The imported article (or its new revision) and what happened to its claims', 201)
  @ApiOk(jobAcceptedDtoSchema, `Above ${IMPORT_JOB_BYTES} bytes: the import job`, 202)
  @ApiErrors(400, 401, 403, 404, 413)
  import(
    @CurrentActor() actor: Actor,
    @ValidBody(importArticleSchema) body: z.infer<typeof importArticleSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultDto | JobAcceptedDto> {
    return this.importOrQueue(actor, body, res);
  }

  @Post('sample')
  @Allow(WRITERS)
  @ApiOperation({ summary: "Import ClaimDesk's sample article into the workspace, as a text import (fact-checker, editor, admin)" })
  @ApiOk(importResultDtoSchema, 'The imported sample article', 201)
  @ApiErrors(401, 403)
  importSample(@CurrentActor() actor: Actor): Promise<ImportResultDto> {
    return this.articles.importSample(actor);
  }

  @Post('upload')
  @Allow(WRITERS)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ARTICLE_BYTES, files: 1, fields: 10 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        title: { type: 'string' },
        author: { type: 'string' },
        url: { type: 'string' },
        publishedAt: { type: 'string' },
        articleId: { type: 'string' },
      },
    },
  })
  @ApiOperation({ summary: `Import an article from a .txt, .md, .html or .docx file; above ${IMPORT_JOB_BYTES} bytes as a background job (202 with { jobId }) (fact-checker, editor, admin)` })
  @ApiOk(importResultDtoSchema, 'The imported article (or its new revision) and what happened to its claims', 201)
  @ApiOk(jobAcceptedDtoSchema, `Above ${IMPORT_JOB_BYTES} bytes: the import job`, 202)
  @ApiErrors(400, 401, 403, 404, 413)
  upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedArticle | undefined,
    @Body() fields: Record<string, string>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportResultDto | JobAcceptedDto> {
    if (!file) throw new DomainError('VALIDATION_FAILED', 'attach the article as the "file" field', [{ path: 'file', message: 'is required' }]);
    if (!UPLOAD_EXTENSIONS.test(file.originalname)) {
      throw new DomainError('VALIDATION_FAILED', `cannot read "${file.originalname}": use a .txt, .md, .html or .docx file`, [{ path: 'file', message: 'unsupported file type' }]);
    }
    const clean = Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== ''));
    const meta = new ZodPipe(uploadFieldsSchema, 'body').transform(clean);
    let format;
    try {
      format = detectFormat(file.originalname, file.buffer);
    } catch (error) {
      if (error instanceof ExtractionInputError) throw new DomainError('VALIDATION_FAILED', error.message, [{ path: 'file', message: 'unsupported file type' }]);
      throw error;
    }
    return this.importOrQueue(actor, { ...meta, format, content: file.buffer }, res);
  }

  private async importOrQueue(actor: Actor, input: ImportInput, res: Response): Promise<ImportResultDto | JobAcceptedDto> {
    const outcome = await this.articles.importOrQueue(actor, input);
    if (outcome.queued) res.status(202);
    return outcome.result;
  }

  @Get(':id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'An article with the text of its latest revision (any member)' })
  @ApiOk(articleDetailDtoSchema, 'The article with the text of its current revision')
  @ApiErrors(401, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ArticleDetailDto> {
    return this.articles.detail(actor, id);
  }

  @Delete(':id')
  @Allow(ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article (soft: kept in the database and the audit log) (admin)' })
  @ApiNoContent('Deleted')
  @ApiErrors(401, 403, 404)
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.articles.remove(actor, id);
  }

  @Get(':id/history')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'The audit history of an article (any member)' })
  @ApiOk([auditEventDtoSchema], 'Changes to the article, oldest first')
  @ApiErrors(401, 404)
  history(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AuditEventDto[]> {
    return this.articles.history(actor, id);
  }
}

import { Controller, Delete, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ANY_MEMBER,
  DomainError,
  REVIEWERS,
  WRITERS,
  claimLookAlikesDtoSchema,
  claimLookAlikesQuerySchema,
  claimMatchesDtoSchema,
  claimMatchesQuerySchema,
  libraryEntryPageDtoSchema,
  libraryImportAcceptedDtoSchema,
  libraryImportDetailDtoSchema,
  libraryImportDtoSchema,
  linkLibraryMatchSchema,
  listLibraryEntriesQuerySchema,
  sameClaimResultDtoSchema,
  type ClaimLookAlikesDto,
  type ClaimMatchesDto,
  type LibraryEntryPageDto,
  type LibraryImportAcceptedDto,
  type LibraryImportDetailDto,
  type LibraryImportDto,
  type SameClaimResultDto,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, DocQuery, IdParam, ValidBody, ValidQuery } from '../common/zod';
import { LibraryMatchesService } from './library-matches.service';
import { LibraryService, MAX_LIBRARY_BYTES } from './library.service';

interface UploadedLibraryFile {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('library')
@Controller()
export class LibraryController {
  constructor(
    private readonly library: LibraryService,
    private readonly matching: LibraryMatchesService,
  ) {}

  @Post('library/imports')
  @Allow(REVIEWERS)
  @HttpCode(202)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_LIBRARY_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Import a fact-check library file (schema.org ClaimReview JSON-LD, or CSV/TSV with a header naming claim, rating, url, publisher, date) as a background job (editor, admin)',
  })
  @ApiOk(libraryImportAcceptedDtoSchema, 'The import job and the import it fills', 202)
  @ApiErrors(400, 401, 403, 413)
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedLibraryFile | undefined): Promise<LibraryImportAcceptedDto> {
    if (!file) throw new DomainError('VALIDATION_FAILED', 'attach the library file as the "file" field', [{ path: 'file', message: 'is required' }]);
    return this.library.startImport(actor, file.originalname, file.buffer);
  }

  @Get('library/imports')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Library files imported into the workspace, newest first (any member)' })
  @ApiOk([libraryImportDtoSchema], 'Imports, newest first')
  @ApiErrors(401)
  imports(@CurrentActor() actor: Actor): Promise<LibraryImportDto[]> {
    return this.library.listImports(actor);
  }

  @Get('library/imports/:id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'A library import with its per-line report (any member)' })
  @ApiOk(libraryImportDetailDtoSchema, 'The import and what it skipped, line by line')
  @ApiErrors(401, 404)
  getImport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LibraryImportDetailDto> {
    return this.library.getImport(actor, id);
  }

  @Delete('library/imports/:id')
  @Allow(REVIEWERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a library import with every entry it brought in (editor, admin)' })
  @ApiNoContent('Removed')
  @ApiErrors(401, 403, 404)
  async deleteImport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.library.deleteImport(actor, id);
  }

  @Get('library/entries')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'A page of the library, newest first, searched by claim, headline or publisher, each entry with the claims it matched (any member)' })
  @DocQuery(listLibraryEntriesQuerySchema)
  @ApiOk(libraryEntryPageDtoSchema, 'Entries of the library')
  @ApiErrors(400, 401)
  entries(@CurrentActor() actor: Actor, @ValidQuery(listLibraryEntriesQuerySchema) query: z.infer<typeof listLibraryEntriesQuerySchema>): Promise<LibraryEntryPageDto> {
    return this.library.listEntries(actor, query);
  }

  @Get('claims/:id/matches')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Library entries that may have checked this claim, best first, with reasons and conflicts (any member)' })
  @DocQuery(claimMatchesQuerySchema)
  @ApiOk(claimMatchesDtoSchema, 'Library matches')
  @ApiErrors(400, 401, 404)
  matches(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidQuery(claimMatchesQuerySchema) query: z.infer<typeof claimMatchesQuerySchema>): Promise<ClaimMatchesDto> {
    return this.matching.matches(actor, id, query.limit);
  }

  @Get('claims/:id/look-alikes')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Unverified claims of the workspace that read alike, ranked like library matches (any member)' })
  @DocQuery(claimLookAlikesQuerySchema)
  @ApiOk(claimLookAlikesDtoSchema, 'Look-alikes')
  @ApiErrors(400, 401, 404)
  lookAlikes(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidQuery(claimLookAlikesQuerySchema) query: z.infer<typeof claimLookAlikesQuerySchema>): Promise<ClaimLookAlikesDto> {
    return this.matching.lookAlikes(actor, id, query.limit);
  }

  @Post('claims/:id/matches/same')
  @Allow(WRITERS)
  @ApiOperation({ summary: '"Same claim": a library entry becomes a source of the claim with the stance given; its rating is offered for a draft verdict (fact-checker, editor, admin)' })
  @DocBody(linkLibraryMatchSchema)
  @ApiOk(sameClaimResultDtoSchema, 'The new source link and the rating to offer', 201)
  @ApiErrors(400, 401, 403, 404, 409)
  same(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(linkLibraryMatchSchema) body: z.infer<typeof linkLibraryMatchSchema>): Promise<SameClaimResultDto> {
    return this.matching.linkSameClaim(actor, id, body.entryId, body.stance);
  }
}

// An article's claims as its reader highlights them: the compact list the article page loads first.
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER, articleClaimsQuerySchema, readerClaimPageSchema, type Page, type ReaderClaimDto } from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { DocQuery, IdParam, ValidQuery } from '../common/zod';
import { ClaimsService } from './claims.service';

@ApiTags('claims')
@Controller('articles')
export class ArticleClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get(':id/claims')
  @Allow(ANY_MEMBER)
  @ApiOperation({
    summary:
      "An article's claims in text order with what the reader highlights and shows before a claim is opened (no quote selector, numbers, dates, names or claimant: GET /api/claims/:id has them); cursor pagination (any member)",
  })
  @DocQuery(articleClaimsQuerySchema)
  @ApiOk(readerClaimPageSchema, "A page of the article's claims")
  @ApiErrors(400, 401, 404)
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidQuery(articleClaimsQuerySchema) query: z.infer<typeof articleClaimsQuerySchema>): Promise<Page<ReaderClaimDto>> {
    return this.claims.listForReader(actor, id, query);
  }
}

// Public corrections pages for readers, search engines and fact-check aggregators: no sign-in, unguessable addresses.
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { claimReviewFeedSchema, type ClaimReviewFeed } from '@claimdesk/domain';
import { PUBLIC_PAGES_PATH, Public } from '../common/access';
import { ApiErrors, ApiFile, ApiOk } from '../common/openapi';
import { IdParam } from '../common/zod';
import { PublicReportsService } from './public-reports.service';

/** Nothing on a public page may run: the ClaimReview JSON-LD is data, and no script source is allowed. */
const PUBLIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

@ApiTags('public pages')
@Controller(PUBLIC_PAGES_PATH)
export class PublicReportsController {
  constructor(private readonly pages: PublicReportsService) {}

  @Get('reports/:token')
  @Public()
  @ApiOperation({ summary: 'The public corrections page of a published report version, with its ClaimReview markup (anyone; 410 once withdrawn)' })
  @ApiFile('The published HTML report', 'text/html')
  @ApiErrors(404)
  @ApiResponse({ status: 410, description: 'Withdrawn by an admin: a short HTML notice', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const page = await this.pages.page(token);
    res.setHeader('Content-Security-Policy', PUBLIC_CSP);
    if (page.kind === 'withdrawn') {
      res.status(410).setHeader('Cache-Control', 'no-cache');
      res.type('html').send(page.html);
      return;
    }
    // Caches may keep the page but must ask again (the ETag makes that cheap): a withdrawal takes effect at once.
    res.setHeader('Cache-Control', 'public, no-cache');
    res.setHeader('ETag', `"${page.sha256}"`);
    res.type('html').send(page.html);
  }

  @Get('reports/:token/sources/:snapshotId')
  @Public()
  @ApiOperation({ summary: 'The archived readable text of a source cited by this public report version, as captured (anyone)' })
  @ApiFile('The readable text of the capture', 'text/plain')
  @ApiErrors(400, 404)
  @ApiResponse({ status: 410, description: 'The page citing it was withdrawn', content: { 'text/plain': { schema: { type: 'string' } } } })
  async archived(@Param('token') token: string, @IdParam('snapshotId') snapshotId: string, @Res() res: Response): Promise<void> {
    const archived = await this.pages.archivedText(token, snapshotId);
    res.setHeader('Content-Security-Policy', PUBLIC_CSP);
    if (archived.withdrawn) {
      res.status(410).type('text/plain; charset=utf-8').send('This corrections page has been withdrawn.\n');
      return;
    }
    res.setHeader('Cache-Control', 'public, no-cache');
    res.type('text/plain; charset=utf-8').send(archived.text);
  }

  @Get('workspaces/:token/claimreviews.json')
  @Public()
  @ApiOperation({ summary: "Every live public ClaimReview of a workspace as a schema.org DataFeed, at the workspace's unguessable feed address (anyone)" })
  @ApiOk(claimReviewFeedSchema, 'The DataFeed (JSON-LD)')
  @ApiErrors(404)
  feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<ClaimReviewFeed> {
    res.setHeader('Cache-Control', 'public, no-cache');
    return this.pages.feed(token);
  }
}

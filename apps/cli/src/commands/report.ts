import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { REPORT_FORMATS, isReportFormat, render, type ReportFormat } from '@claimdesk/reports';
import { ReportsRepository } from '@claimdesk/api/src/reports/reports.repository';
import { ReportsService } from '@claimdesk/api/src/reports/reports.service';
import { EventsService } from '@claimdesk/api/src/events/events.service';
import { servicePrisma, withDatabase } from './database';

export function registerReport(program: Command): void {
  const report = program.command('report').description('corrections reports');
  report
    .command('export')
    .description('write the corrections report of an article: the latest published version, or the draft with --draft')
    .requiredOption('--article <id>', 'article id')
    .requiredOption('--format <format>', REPORT_FORMATS.join('|'), (value: string) => {
      if (!isReportFormat(value)) throw new InvalidArgumentError(`format must be one of ${REPORT_FORMATS.join(', ')} (got "${value}")`);
      return value;
    })
    .option('--version <n>', 'a published version (default: the latest)', (value: string) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`version must be a positive whole number (got "${value}")`);
      return n;
    })
    .option('--draft', 'the report as it would be published now, from the approved verdicts')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--url <url>', 'public address of the report (for ClaimReview JSON-LD of a draft)', 'http://localhost:3000')
    .action(async (opts: { article: string; format: ReportFormat; version?: number; draft?: boolean; out?: string; url: string }) => {
      await withDatabase(async (db) => {
        const access = servicePrisma(db.url);
        const prisma = access.db;
        try {
          const article = await prisma.article.findFirst({ where: { id: /^[0-9a-f-]{36}$/i.test(opts.article) ? opts.article : '00000000-0000-0000-0000-000000000000', deletedAt: null } });
          if (!article) throw new Error(`no article ${opts.article}`);
          let body: Buffer;
          if (opts.draft) {
            const service = new ReportsService(access, new ReportsRepository(access), new EventsService());
            const model = await service.draft({ userId: article.createdById, workspaceId: article.workspaceId, role: 'VIEWER', via: 'token' }, article.id);
            body = (await render(model, opts.format, { reportUrl: `${opts.url}/reports/draft-${article.id}` })).body;
          } else {
            const published = await prisma.report.findFirst({
              where: { articleId: article.id, ...(opts.version ? { version: opts.version } : {}) },
              orderBy: { version: 'desc' },
              include: { files: { where: { format: opts.format } } },
            });
            if (!published) throw new Error(opts.version ? `version ${opts.version} of this report is not published` : 'no published report yet; publish one in the web app or use --draft');
            body = Buffer.from(published.files[0].bytes);
          }
          if (opts.out) {
            fs.writeFileSync(opts.out, body);
            console.error(`wrote ${body.length} bytes to ${opts.out}`);
          } else process.stdout.write(body);
        } finally {
          await access.onModuleDestroy();
        }
      });
    });
}

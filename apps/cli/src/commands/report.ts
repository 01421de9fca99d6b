import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { REPORT_FORMATS, isReportFormat, type ReportFormat } from '@claimdesk/reports';
import { AccountsService, ReportsService } from '@claimdesk/server';
import { withApp } from './database';

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
      await withApp(async (app) => {
        const reader = await app.get(AccountsService).articleReader(opts.article);
        if (!reader) throw new Error(`no article ${opts.article}`);
        const articleId = opts.article.toLowerCase();
        const reports = app.get(ReportsService);
        let body: Buffer;
        if (opts.draft) body = (await reports.renderDraft(reader, articleId, opts.format, opts.url)).body;
        else {
          const versions = await reports.versions(reader, articleId);
          const published = opts.version ? versions.find((v) => v.version === opts.version) : versions[0];
          if (!published) throw new Error(opts.version ? `version ${opts.version} of this report is not published` : 'no published report yet; publish one in the web app or use --draft');
          body = (await reports.download(reader, published.id, opts.format)).body;
        }
        if (opts.out) {
          fs.writeFileSync(opts.out, body);
          console.error(`wrote ${body.length} bytes to ${opts.out}`);
        } else process.stdout.write(body);
      });
    });
}

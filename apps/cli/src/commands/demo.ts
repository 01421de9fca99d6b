import { type Command } from 'commander';
import { AppConfig, ArticlesService } from '@claimdesk/server';
import { withApp } from './database';
import { importedLine, importingMember } from './import';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('import the sample article into a workspace, to try the reader and the review workflow')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--as <email>', 'the member recorded as importing it (default: the first admin)')
    .action(async (opts: { workspace?: string; as?: string }) => {
      await withApp(async (app) => {
        const actor = await importingMember(app, opts);
        const result = await app.get(ArticlesService).importSample(actor);
        console.log(importedLine(result));
        const base = app.get(AppConfig).publicUrl ?? `http://localhost:${process.env.PORT ?? 3000}`;
        console.log(`read it in the reader: ${base.replace(/\/+$/, '')}/articles/${result.article.id} (with \`claimdesk serve\` running)`);
      });
    });
}

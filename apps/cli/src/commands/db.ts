// `claimdesk db url`: the connection URL of a data directory's running embedded PostgreSQL, for psql, Prisma Studio or a
// second ClaimDesk process (DATABASE_URL=$(claimdesk db url) claimdesk serve).
import { type Command } from 'commander';
import { defaultDataDir, runningEmbeddedUrl } from '@claimdesk/db';

export function registerDb(program: Command): void {
  const db = program.command('db').description('the embedded PostgreSQL of a data directory');
  db.command('url')
    .description('print the connection URL of the embedded PostgreSQL running in the data directory (started by `claimdesk serve`; this command starts nothing)')
    .option('--data-dir <dir>', 'the data directory (default: CLAIMDESK_DATA_DIR or .claimdesk)')
    .action((opts: { dataDir?: string }) => {
      const dataDir = opts.dataDir ?? defaultDataDir(process.env);
      const url = runningEmbeddedUrl(dataDir);
      if (!url) throw new Error(`no embedded PostgreSQL is running in ${dataDir}: start \`claimdesk serve\` with CLAIMDESK_DATA_DIR=${dataDir} first`);
      console.log(url);
    });
}

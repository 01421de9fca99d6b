import { type Command } from 'commander';
import { backupWorkspace, restoreWorkspace } from '@claimdesk/db';
import { AccountsService } from '@claimdesk/server';
import { withApp, withDatabase } from './database';

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write one workspace (articles, claims, sources, verdicts, reports, audit log, members) to a gzipped file; it holds password hashes: keep it safe')
    .argument('<file>', 'the backup file to write')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .action(async (file: string, opts: { workspace?: string }) => {
      await withApp(async (app, db) => {
        let slug = opts.workspace;
        if (!slug) {
          const rows = await app.get(AccountsService).workspaces();
          if (rows.length !== 1) throw new Error(rows.length ? 'there are several workspaces; choose one with --workspace <slug>' : 'there is no workspace to back up');
          slug = rows[0].slug;
        }
        const summary = await backupWorkspace(db.url, slug, file);
        console.log(
          `backed up workspace "${summary.workspace}" to ${file}: ${Object.entries(summary.rows)
            .map(([t, n]) => `${n} ${t}`)
            .join(', ')}`,
        );
      });
    });
  program
    .command('restore')
    .description('restore a workspace from a backup file into a database that does not hold it yet (all or nothing)')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      await withDatabase(async (db) => {
        const summary = await restoreWorkspace(db.url, file);
        console.log(
          `restored workspace "${summary.workspace}": ${Object.entries(summary.rows)
            .map(([t, n]) => `${n} ${t}`)
            .join(', ')}`,
        );
      });
    });
}

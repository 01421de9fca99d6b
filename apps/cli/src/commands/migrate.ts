import type { Command } from 'commander';
import { migrate } from '@claimdesk/db';
import { withDatabase } from './database';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (safe to re-run; a second process waits for the first)')
    .action(async () => {
      await withDatabase(
        async (db) => {
          const result = await migrate(db.url);
          if (result.applied.length === 0) console.log(`database is up to date (${result.alreadyApplied.length} migrations applied)`);
          for (const name of result.applied) console.log(`applied ${name}`);
        },
        { migrate: false },
      );
    });
}

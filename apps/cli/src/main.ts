// The claimdesk command line: serve, worker, migrate, user, extract, import, demo, report, backup, feed.
import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup';
import { registerDemo } from './commands/demo';
import { registerExtract } from './commands/extract';
import { registerFeed } from './commands/feed';
import { registerImport } from './commands/import';
import { registerMigrate } from './commands/migrate';
import { registerReport } from './commands/report';
import { registerServe, registerWorker } from './commands/serve';
import { registerUser } from './commands/user';

export function buildProgram(): Command {
  const program = new Command('claimdesk')
    .description('ClaimDesk: claim-tracking fact-check workspace')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`claimdesk: ${text.replace(/^error: /, '')}`) })
    .exitOverride();
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerUser(program);
  registerExtract(program);
  registerImport(program);
  registerDemo(program);
  registerReport(program);
  registerBackup(program);
  registerFeed(program);
  return program;
}

export async function run(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    throw error;
  }
}

// The claimdesk command line: serve, worker, migrate, db, user, extract, import, demo, report, backup.
import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup';
import { registerDb } from './commands/db';
import { registerDemo } from './commands/demo';
import { registerExtract } from './commands/extract';
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
  registerDb(program);
  registerUser(program);
  registerExtract(program);
  registerImport(program);
  registerDemo(program);
  registerReport(program);
  registerBackup(program);
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

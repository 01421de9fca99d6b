// The claimdesk command line: serve, worker, migrate, db, user, extract, match, import, library, demo, report, backup, feed.
import type { Command } from 'commander';
import { baseProgram, runProgram } from './program';
import { registerBackup } from './commands/backup';
import { registerDb } from './commands/db';
import { registerDemo } from './commands/demo';
import { registerExtract } from './commands/extract';
import { registerFeed } from './commands/feed';
import { registerImport } from './commands/import';
import { registerLibrary } from './commands/library';
import { registerMatch } from './commands/match';
import { registerMigrate } from './commands/migrate';
import { registerReport } from './commands/report';
import { registerServe, registerWorker } from './commands/serve';
import { registerUser } from './commands/user';

export function buildProgram(): Command {
  const program = baseProgram();
  registerServe(program);
  registerWorker(program);
  registerMigrate(program);
  registerDb(program);
  registerUser(program);
  registerExtract(program);
  registerMatch(program);
  registerImport(program);
  registerLibrary(program);
  registerDemo(program);
  registerReport(program);
  registerBackup(program);
  registerFeed(program);
  return program;
}

export function run(argv: string[]): Promise<void> {
  return runProgram(buildProgram(), argv);
}

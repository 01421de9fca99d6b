// `claimdesk match` alone: it needs no database, so it starts without loading the server (seconds of a cold start).
import { registerMatch } from './commands/match';
import { baseProgram, runProgram } from './program';

export function run(argv: string[]): Promise<void> {
  const program = baseProgram();
  registerMatch(program);
  return runProgram(program, argv);
}

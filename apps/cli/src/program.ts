// The program shell every entry shares: name, error output, exit codes.
import { Command, CommanderError } from 'commander';

export function baseProgram(): Command {
  return new Command('claimdesk')
    .description('ClaimDesk: claim-tracking fact-check workspace')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(`claimdesk: ${text.replace(/^error: /, '')}`) })
    .exitOverride();
}

export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    throw error;
  }
}

import { InvalidArgumentError, type Command } from 'commander';
import { emailSchema, passwordSchema, slugSchema, type Role } from '@claimdesk/domain';
import { AccountsService } from '@claimdesk/server';
import { withApp } from './database';

const ROLE_ALIASES: Record<string, Role> = { admin: 'ADMIN', editor: 'EDITOR', fact_checker: 'FACT_CHECKER', 'fact-checker': 'FACT_CHECKER', viewer: 'VIEWER' };

function parseWith<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Array<{ message: string }> } } }, what: string) {
  return (value: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(`${what} ${result.error!.issues[0].message}`);
    return result.data as T;
  };
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage user accounts');
  user
    .command('create')
    .description('create a user with a role in a workspace (the first admin also creates the workspace)')
    .requiredOption('--email <email>', 'email address used to sign in', parseWith<string>(emailSchema, 'email'))
    .requiredOption(
      '--role <role>',
      `one of ${Object.keys(ROLE_ALIASES)
        .filter((r) => !r.includes('-'))
        .join('|')}`,
      (value: string) => {
        const role = ROLE_ALIASES[value.toLowerCase()];
        if (!role) throw new InvalidArgumentError(`role must be one of admin, editor, fact_checker, viewer (got "${value}")`);
        return role;
      },
    )
    .option('--workspace <slug>', 'workspace slug (default: the only workspace, or "newsroom" when there is none)', parseWith<string>(slugSchema, 'workspace'))
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--password-stdin', 'read the password from standard input (otherwise from CLAIMDESK_PASSWORD)')
    .addHelpText(
      'after',
      '\nThe password (at least 10 characters) is read from standard input with --password-stdin, or from the\nCLAIMDESK_PASSWORD environment variable, never from the command line, where other users could see it.',
    )
    .action(async (opts: { email: string; passwordStdin?: boolean; role: Role; workspace?: string; name?: string }) => {
      const password = await readPassword(opts.passwordStdin ?? false);
      await withApp(async (app) => {
        const accounts = app.get(AccountsService);
        const workspaces = await accounts.workspaces(opts.workspace);
        if (!opts.workspace && workspaces.length > 1) throw new Error('there are several workspaces; choose one with --workspace <slug>');
        const workspace = workspaces[0];
        const account = { email: opts.email, password, name: opts.name };
        if (!workspace) {
          if (opts.role !== 'ADMIN') throw new Error(`workspace "${opts.workspace ?? 'newsroom'}" does not exist; create its first user with --role admin`);
          const created = await accounts.createWorkspace({ ...account, slug: opts.workspace });
          console.log(`created admin ${created.email} and workspace "${created.workspace.slug}"`);
        } else {
          const created = await accounts.createMember(workspace, { ...account, role: opts.role });
          console.log(`created ${created.role.toLowerCase()} ${created.email} in workspace "${created.workspace.slug}"`);
        }
      });
    });
}

/** The new account's password from standard input (first line) or CLAIMDESK_PASSWORD, checked like the web form checks it. */
async function readPassword(fromStdin: boolean): Promise<string> {
  let raw: string | undefined;
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    raw = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  } else raw = process.env.CLAIMDESK_PASSWORD;
  if (raw === undefined || raw === '') throw new Error('give the password on standard input with --password-stdin, or in CLAIMDESK_PASSWORD');
  const parsed = passwordSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`password ${parsed.error.issues[0].message}`);
  return parsed.data;
}

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
    .requiredOption('--password <password>', 'password, at least 10 characters', parseWith<string>(passwordSchema, 'password'))
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
    .action(async (opts: { email: string; password: string; role: Role; workspace?: string; name?: string }) => {
      await withApp(async (app) => {
        const accounts = app.get(AccountsService);
        const workspaces = await accounts.workspaces(opts.workspace);
        if (!opts.workspace && workspaces.length > 1) throw new Error('there are several workspaces; choose one with --workspace <slug>');
        const workspace = workspaces[0];
        const account = { email: opts.email, password: opts.password, name: opts.name };
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

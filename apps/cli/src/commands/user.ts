import { InvalidArgumentError, type Command } from 'commander';
import { createPrismaClient } from '@claimdesk/db';
import { ROLES, emailSchema, passwordSchema, slugSchema, type Role } from '@claimdesk/domain';
import { createWorkspaceWithAdmin, slugify } from '@claimdesk/api/src/auth/auth.service';
import { hashPassword } from '@claimdesk/api/src/auth/passwords';
import { audit } from '@claimdesk/api/src/common/audit';
import { withDatabase } from './database';

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
    .requiredOption('--role <role>', `one of ${Object.keys(ROLE_ALIASES).filter((r) => !r.includes('-')).join('|')}`, (value: string) => {
      const role = ROLE_ALIASES[value.toLowerCase()];
      if (!role) throw new InvalidArgumentError(`role must be one of admin, editor, fact_checker, viewer (got "${value}")`);
      return role;
    })
    .option('--workspace <slug>', 'workspace slug (default: the only workspace, or "newsroom" when there is none)', parseWith<string>(slugSchema, 'workspace'))
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .action(async (opts: { email: string; password: string; role: Role; workspace?: string; name?: string }) => {
      const passwordHash = await hashPassword(opts.password);
      await withDatabase(async (db) => {
        const prisma = createPrismaClient(db.url, { max: 2 });
        try {
          const message = await prisma.$transaction(async (tx) => {
            if (await tx.user.findUnique({ where: { email: opts.email } })) throw new Error(`a user with email ${opts.email} already exists`);
            const name = opts.name ?? opts.email.split('@')[0];
            let workspace = opts.workspace
              ? await tx.workspace.findUnique({ where: { slug: opts.workspace } })
              : await singleWorkspace(tx);
            if (!workspace) {
              if (opts.role !== 'ADMIN') throw new Error(`workspace "${opts.workspace ?? 'newsroom'}" does not exist; create its first user with --role admin`);
              const slug = opts.workspace ?? slugify('newsroom');
              const created = await createWorkspaceWithAdmin(tx, { email: opts.email, name, passwordHash, workspaceName: slug, slug });
              return `created admin ${created.user.email} and workspace "${created.workspace.slug}"`;
            }
            const created = await tx.user.create({ data: { email: opts.email, name, passwordHash } });
            await tx.membership.create({ data: { workspaceId: workspace.id, userId: created.id, role: opts.role } });
            await audit(tx, { userId: null, workspaceId: workspace.id }, 'membership', created.id, 'create', null, { email: created.email, role: opts.role, via: 'cli' });
            return `created ${opts.role.toLowerCase()} ${created.email} in workspace "${workspace.slug}"`;
          });
          console.log(message);
        } finally {
          await prisma.$disconnect();
        }
      });
    });
}

async function singleWorkspace(tx: { workspace: { findMany(args: object): Promise<Array<{ id: string; slug: string }>> } }) {
  const all = await tx.workspace.findMany({ take: 2, orderBy: { createdAt: 'asc' } });
  if (all.length > 1) throw new Error('there are several workspaces; choose one with --workspace <slug>');
  return all[0] ?? null;
}

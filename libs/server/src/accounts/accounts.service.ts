// What whoever runs the installation may do without signing in (the command line): create accounts and workspaces,
// and find the workspace and member a command acts as.
import { Injectable } from '@nestjs/common';
import { DomainError, type Role } from '@claimdesk/domain';
import type { Actor } from '../common/actor';
import { ArticlesRepository, Database, MembersRepository, type DbExecutor } from '@claimdesk/db';
import { audit } from '../common/audit';
import { slugify } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';

export interface WorkspaceRef {
  id: string;
  slug: string;
}

export interface NewAccount {
  email: string;
  password: string;
  /** Display name; the part of the email before @ when not given. */
  name?: string;
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly db: Database,
    private readonly members: MembersRepository,
    private readonly articles: ArticlesRepository,
  ) {}

  /** The workspace with this slug, or without a slug the oldest two, so a caller can tell "none" from "several". */
  async workspaces(slug?: string): Promise<WorkspaceRef[]> {
    return (await this.members.listWorkspaces(this.db, slug, 2)).map((w) => ({ id: w.id, slug: w.slug }));
  }

  /** A new workspace (default slug "newsroom") with its first admin. */
  async createWorkspace(input: NewAccount & { slug?: string }): Promise<{ email: string; workspace: WorkspaceRef }> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      await this.assertNewEmail(tx, input.email);
      const slug = input.slug ?? slugify('newsroom');
      const created = await this.members.createWorkspaceWithAdmin(tx, { email: input.email, name: nameOf(input), passwordHash, workspaceName: slug, slug });
      return { email: created.user.email, workspace: { id: created.workspace.id, slug: created.workspace.slug } };
    });
  }

  /** A new account with a role in an existing workspace, recorded in its audit log as made from the command line. */
  async createMember(workspace: WorkspaceRef, input: NewAccount & { role: Role }): Promise<{ email: string; role: Role; workspace: WorkspaceRef }> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      await this.assertNewEmail(tx, input.email);
      const user = await this.members.createUser(tx, { email: input.email, name: nameOf(input), passwordHash });
      await this.members.createMembership(tx, { workspaceId: workspace.id, userId: user.id, role: input.role });
      await audit(tx, { userId: null, workspaceId: workspace.id }, 'membership', user.id, 'create', null, { email: user.email, role: input.role, via: 'cli' });
      return { email: user.email, role: input.role, workspace };
    });
  }

  /** The member a command acts as: the one with this email, or the workspace's first admin; null when there is none. */
  async memberActor(workspace: WorkspaceRef, email?: string): Promise<Actor | null> {
    const membership = await this.members.findMemberByEmailOrFirstAdmin(this.db, workspace.id, email);
    return membership ? { userId: membership.userId, workspaceId: workspace.id, role: membership.role, via: 'token' } : null;
  }

  /** The importer of an article as a reader of it (to export its reports), or null when there is no such article. */
  async articleReader(articleId: string): Promise<Actor | null> {
    if (!/^[0-9a-f-]{36}$/i.test(articleId)) return null;
    const article = await this.articles.findActiveById(this.db, articleId);
    return article ? { userId: article.createdById, workspaceId: article.workspaceId, role: 'VIEWER', via: 'token' } : null;
  }

  private async assertNewEmail(tx: DbExecutor, email: string): Promise<void> {
    if (await this.members.findUserByEmail(tx, email)) throw new DomainError('CONFLICT', `a user with email ${email} already exists`);
  }
}

function nameOf(input: NewAccount): string {
  return input.name ?? input.email.split('@')[0];
}

// People and workspaces: users, memberships with their roles, workspaces and their rating scales.
import { DEFAULT_RATING_SCALE } from '@claimdesk/domain';
import { Prisma, type Role } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute } from '../sql';
import type { UserSummary } from '../rows';
import { AuditRepository } from './audit.repository';

const SETUP_LOCK = 727_274_502;

export class MembersRepository {
  constructor(private readonly audit = new AuditRepository()) {}

  /** The users behind a list of ids (duplicates and nulls ignored), by id: for author, reviewer and actor names. */
  async usersById(db: DbExecutor, ids: Array<string | null | undefined>): Promise<Map<string, UserSummary>> {
    const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    if (unique.length === 0) return new Map();
    const rows = await prismaOf(db).user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } });
    return new Map(rows.map((u) => [u.id, u]));
  }

  countUsers(db: DbExecutor): Promise<number> {
    return prismaOf(db).user.count();
  }

  findUser(db: DbExecutor, id: string) {
    return prismaOf(db).user.findUniqueOrThrow({ where: { id } });
  }

  findUserByEmail(db: DbExecutor, email: string) {
    return prismaOf(db).user.findUnique({ where: { email } });
  }

  /** A user by email with every workspace they belong to, oldest membership first (sign-in). */
  findUserForLogin(db: DbExecutor, email: string) {
    return prismaOf(db).user.findUnique({ where: { email }, include: { memberships: { include: { workspace: true }, orderBy: { createdAt: 'asc' } } } });
  }

  createUser(tx: DbExecutor, data: { email: string; name: string; passwordHash: string }) {
    return prismaOf(tx).user.create({ data });
  }

  findMembership(db: DbExecutor, workspaceId: string, userId: string) {
    return prismaOf(db).membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, include: { user: true } });
  }

  listMembers(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).membership.findMany({ where: { workspaceId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
  }

  createMembership(tx: DbExecutor, data: { workspaceId: string; userId: string; role: Role }) {
    return prismaOf(tx).membership.create({ data, include: { user: true } });
  }

  changeRole(tx: DbExecutor, workspaceId: string, id: string, role: Role) {
    return prismaOf(tx).membership.update({ where: { workspaceId_id: { workspaceId, id } }, data: { role }, include: { user: true } });
  }

  async deleteMembership(tx: DbExecutor, workspaceId: string, id: string): Promise<void> {
    await prismaOf(tx).membership.delete({ where: { workspaceId_id: { workspaceId, id } } });
  }

  /** Serialises role changes and removals in a workspace until the transaction ends, so the last-admin rule holds under concurrency. */
  async lockMemberships(tx: DbExecutor, workspaceId: string): Promise<void> {
    await execute(tx, Prisma.sql`SELECT id FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`);
  }

  countAdminsOtherThan(db: DbExecutor, workspaceId: string, userId: string): Promise<number> {
    return prismaOf(db).membership.count({ where: { workspaceId, role: 'ADMIN', NOT: { userId } } });
  }

  /** Up to `take` workspaces, oldest first; only the one with this slug when given (command-line workspace choice). */
  listWorkspaces(db: DbExecutor, slug?: string, take = 2) {
    return prismaOf(db).workspace.findMany({ where: slug ? { slug } : {}, orderBy: { createdAt: 'asc' }, take });
  }

  findWorkspaceBySlug(db: DbExecutor, slug: string) {
    return prismaOf(db).workspace.findUnique({ where: { slug } });
  }

  /** The member with this email, or the workspace's first admin when no email is given (who a command-line import is recorded as). */
  findMemberByEmailOrFirstAdmin(db: DbExecutor, workspaceId: string, email?: string) {
    return prismaOf(db).membership.findFirst({ where: { workspaceId, ...(email ? { user: { email: email.toLowerCase() } } : { role: 'ADMIN' }) }, orderBy: { createdAt: 'asc' } });
  }

  findWorkspace(db: DbExecutor, id: string) {
    return prismaOf(db).workspace.findUniqueOrThrow({ where: { id } });
  }

  findRatingScale(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).ratingScale.findUnique({ where: { workspaceId } });
  }

  /** Stores a new rating scale and bumps its version (the first edit of the default scale makes version 2). */
  async saveRatingScale(tx: DbExecutor, workspaceId: string, ratings: Prisma.InputJsonValue): Promise<void> {
    await prismaOf(tx).ratingScale.upsert({ where: { workspaceId }, create: { workspaceId, ratings, version: 2 }, update: { ratings, version: { increment: 1 } } });
  }

  /** Serialises first-run setup until the transaction ends. */
  async lockSetup(tx: Tx): Promise<void> {
    await execute(tx, Prisma.sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
  }

  /** A new workspace with the default rating scale and its first admin (first-run setup, `claimdesk user create --role admin`). */
  async createWorkspaceWithAdmin(tx: Tx, input: { email: string; name: string; passwordHash: string; workspaceName: string; slug: string; organisation?: string }) {
    const workspace = await tx.workspace.create({ data: { slug: input.slug, name: input.workspaceName, organisation: input.organisation ?? input.workspaceName } });
    await tx.ratingScale.create({ data: { workspaceId: workspace.id, ratings: DEFAULT_RATING_SCALE } });
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: input.passwordHash } });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: 'ADMIN' } });
    const actor = { userId: user.id, workspaceId: workspace.id };
    await this.audit.record(tx, actor, 'workspace', workspace.id, 'create', null, { slug: workspace.slug, name: workspace.name });
    await this.audit.record(tx, actor, 'membership', user.id, 'create', null, { email: user.email, role: 'ADMIN' });
    return { user, workspace };
  }
}

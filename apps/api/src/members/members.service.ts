// Workspace membership: admins add people with a role, change roles, and remove them.
import { Injectable } from '@nestjs/common';
import { DomainError, type MemberDto, type Role, createMemberSchema } from '@claimdesk/domain';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { PrismaService } from '../common/prisma.service';
import { AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';

@Injectable()
export class MembersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly auth: AuthService,
  ) {}

  async list(actor: Actor): Promise<MemberDto[]> {
    const rows = await this.prisma.db.membership.findMany({
      where: { workspaceId: actor.workspaceId },
      include: { user: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(toMemberDto);
  }

  /** Adds a new person, or an existing ClaimDesk user of another workspace, to the caller's workspace. */
  async add(actor: Actor, input: z.infer<typeof createMemberSchema>): Promise<MemberDto> {
    const existing = await this.prisma.db.user.findUnique({ where: { email: input.email } });
    const passwordHash = existing ? null : await hashPassword(input.password);
    const row = await this.prisma.db.$transaction(async (tx) => {
      const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name, passwordHash: passwordHash! } }));
      const already = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: user.id } } });
      if (already) throw new DomainError('CONFLICT', `${input.email} is already a member of this workspace`, [{ path: 'email', message: 'already a member' }]);
      const membership = await tx.membership.create({ data: { workspaceId: actor.workspaceId, userId: user.id, role: input.role }, include: { user: true } });
      await audit(tx, actor, 'membership', user.id, 'create', null, { email: user.email, role: input.role });
      return membership;
    });
    return toMemberDto(row);
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<MemberDto> {
    const row = await this.prisma.db.$transaction(async (tx) => {
      const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } }, include: { user: true } });
      if (!current) throw new DomainError('NOT_FOUND', 'no such member in this workspace');
      if (current.role === 'ADMIN' && role !== 'ADMIN') await this.assertAnotherAdmin(tx, actor.workspaceId, userId);
      const updated = await tx.membership.update({ where: { id: current.id }, data: { role }, include: { user: true } });
      await audit(tx, actor, 'membership', userId, 'update', { role: current.role }, { role });
      return updated;
    });
    this.auth.forgetSessions((a) => a.userId === userId);
    return toMemberDto(row);
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    await this.prisma.db.$transaction(async (tx) => {
      const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId } } });
      if (!current) throw new DomainError('NOT_FOUND', 'no such member in this workspace');
      if (current.role === 'ADMIN') await this.assertAnotherAdmin(tx, actor.workspaceId, userId);
      await tx.membership.delete({ where: { id: current.id } });
      await tx.session.updateMany({ where: { workspaceId: actor.workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await tx.apiToken.updateMany({ where: { workspaceId: actor.workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
      await audit(tx, actor, 'membership', userId, 'delete', { role: current.role }, null);
    });
    this.auth.forgetSessions((a) => a.userId === userId);
  }

  private async assertAnotherAdmin(tx: Parameters<Parameters<PrismaService['db']['$transaction']>[0]>[0], workspaceId: string, userId: string) {
    const admins = await tx.membership.count({ where: { workspaceId, role: 'ADMIN', NOT: { userId } } });
    if (admins === 0) throw new DomainError('RULE_VIOLATION', 'a workspace needs at least one admin');
  }
}

function toMemberDto(row: { userId: string; role: string; createdAt: Date; user: { email: string; name: string } }): MemberDto {
  return { userId: row.userId, email: row.user.email, name: row.user.name, role: row.role as Role, createdAt: row.createdAt.toISOString() };
}

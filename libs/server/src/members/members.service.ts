// Workspace membership: admins change roles and remove members (people join by invitation, see invitations.service.ts).
import { Injectable } from '@nestjs/common';
import { DomainError, type MemberDto, type Role } from '@claimdesk/domain';
import { Database, MembersRepository, SessionsRepository, type DbExecutor, type Membership, type User } from '@claimdesk/db';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AuthService } from '../auth/auth.service';

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly members: MembersRepository,
    private readonly sessions: SessionsRepository,
    private readonly auth: AuthService,
  ) {}

  async list(actor: Actor): Promise<MemberDto[]> {
    const rows = await this.members.listMembers(this.db, actor.workspaceId);
    return rows.map(toMemberDto);
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<MemberDto> {
    const row = await this.db.transaction(async (tx) => {
      await this.members.lockMemberships(tx, actor.workspaceId);
      const current = await this.members.findMembership(tx, actor.workspaceId, userId);
      if (!current) throw new DomainError('NOT_FOUND', 'no such member in this workspace');
      if (current.role === 'ADMIN' && role !== 'ADMIN') await this.assertAnotherAdmin(tx, actor.workspaceId, userId);
      const updated = await this.members.changeRole(tx, actor.workspaceId, current.id, role);
      await audit(tx, actor, 'membership', userId, 'update', { role: current.role }, { role });
      return updated;
    });
    this.auth.forgetSessions((a) => a.userId === userId);
    return toMemberDto(row);
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.members.lockMemberships(tx, actor.workspaceId);
      const current = await this.members.findMembership(tx, actor.workspaceId, userId);
      if (!current) throw new DomainError('NOT_FOUND', 'no such member in this workspace');
      if (current.role === 'ADMIN') await this.assertAnotherAdmin(tx, actor.workspaceId, userId);
      await this.members.deleteMembership(tx, actor.workspaceId, current.id);
      await this.sessions.revokeAllOfMember(tx, actor.workspaceId, userId);
      await audit(tx, actor, 'membership', userId, 'delete', { role: current.role }, null);
    });
    this.auth.forgetSessions((a) => a.userId === userId);
  }

  private async assertAnotherAdmin(tx: DbExecutor, workspaceId: string, userId: string) {
    const admins = await this.members.countAdminsOtherThan(tx, workspaceId, userId);
    if (admins === 0) throw new DomainError('RULE_VIOLATION', 'a workspace needs at least one admin');
  }
}

function toMemberDto(row: Pick<Membership, 'userId' | 'role' | 'createdAt'> & { user: Pick<User, 'email' | 'name'> }): MemberDto {
  return { userId: row.userId, email: row.user.email, name: row.user.name, role: row.role, createdAt: row.createdAt.toISOString() };
}

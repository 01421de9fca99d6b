// Members join by invitation: an admin invites an email with a role and passes the one-time link on; the person sets
// their own password (a new account) or proves the password of the account the email already has. No admin ever sets,
// knows or changes another person's password, and inviting an email says nothing about whether it has an account.
import { Injectable } from '@nestjs/common';
import { DomainError, type InvitationDto, type InvitationPreviewDto, type Role, acceptInvitationSchema, inviteMemberSchema } from '@claimdesk/domain';
import { Database, InvitationsRepository, MembersRepository, type DbExecutor, type Invitation } from '@claimdesk/db';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { AuthService, type NewSession } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { newSecret, sha256 } from '../auth/tokens';

/** How long an invitation link works. */
const INVITATION_DAYS = 7;

const unusable = () => new DomainError('NOT_FOUND', 'this invitation link is unknown, already used, revoked or expired; ask an admin for a new one', [{ path: 'token', message: 'not usable' }]);

@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Database,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly auth: AuthService,
  ) {}

  async list(actor: Actor): Promise<InvitationDto[]> {
    const rows = await this.invitations.listPending(this.db, actor.workspaceId);
    const users = await this.members.usersById(
      this.db,
      rows.map((r) => r.invitedById),
    );
    return rows.map((r) => toInvitationDto(r, users.get(r.invitedById)?.name ?? null));
  }

  /** A new invitation; its secret is in this response only. The same answer whether or not the email has an account. */
  async invite(actor: Actor, input: z.infer<typeof inviteMemberSchema>): Promise<InvitationDto & { token: string }> {
    const token = newSecret();
    const row = await this.db.transaction(async (tx) => {
      if (await this.isMember(tx, actor.workspaceId, input.email)) {
        throw new DomainError('CONFLICT', `${input.email} is already a member of this workspace`, [{ path: 'email', message: 'already a member' }]);
      }
      const created = await this.invitations.create(tx, {
        workspaceId: actor.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
      });
      await audit(tx, actor, 'invitation', created.id, 'create', null, { email: created.email, role: created.role });
      return created;
    });
    const me = await this.members.usersById(this.db, [actor.userId]);
    return { ...toInvitationDto(row, me.get(actor.userId)?.name ?? null), token };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await this.invitations.revoke(tx, actor.workspaceId, id))) throw new DomainError('NOT_FOUND', 'no such pending invitation in this workspace');
      await audit(tx, actor, 'invitation', id, 'revoke', null, { revokedAt: new Date().toISOString() });
    });
  }

  /** What the link's holder sees before accepting: the email, role and workspace, nothing about an existing account. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.usable(token);
    const workspace = await this.members.findWorkspace(this.db, invitation.workspaceId);
    return { email: invitation.email, role: invitation.role, workspace: { name: workspace.name, organisation: workspace.organisation }, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** Accepts with a new account (password chosen here) or the existing one (its password), and signs in to the workspace. */
  async accept(input: z.infer<typeof acceptInvitationSchema>, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const invitation = await this.usable(input.token);
    let userId: string;
    if (input.account === 'new') {
      if (await this.members.findUserByEmail(this.db, invitation.email)) {
        throw new DomainError('CONFLICT', `${invitation.email} already has a ClaimDesk account: accept with that account's password`, [{ path: 'account', message: 'account exists' }]);
      }
      const passwordHash = await hashPassword(input.password);
      userId = await this.db.transaction(async (tx) => {
        const user = await this.members.createUser(tx, { email: invitation.email, name: input.name, passwordHash });
        await this.join(tx, invitation, user.id);
        return user.id;
      });
    } else {
      const user = await this.auth.verifyAccount(invitation.email, input.password, meta);
      userId = user.id;
      await this.db.transaction((tx) => this.join(tx, invitation, user.id));
    }
    return this.auth.openSession(userId, invitation.workspaceId, meta);
  }

  /** Accepts while signed in to another workspace as the invited email, and switches the session to the new workspace. */
  async acceptSignedIn(actor: Actor, token: string, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
    const invitation = await this.usable(token);
    const me = await this.members.findUser(this.db, actor.userId);
    if (me.email !== invitation.email)
      throw new DomainError('FORBIDDEN', `this invitation is for ${invitation.email}; you are signed in as ${me.email}`, [{ path: 'token', message: 'for another email' }]);
    await this.db.transaction((tx) => this.join(tx, invitation, me.id));
    return this.auth.openSession(me.id, invitation.workspaceId, meta);
  }

  private async join(tx: DbExecutor, invitation: Invitation, userId: string): Promise<void> {
    if (!(await this.invitations.consume(tx, invitation.id, userId))) throw unusable();
    if (await this.members.findMembership(tx, invitation.workspaceId, userId)) throw new DomainError('CONFLICT', 'you are already a member of this workspace');
    await this.members.createMembership(tx, { workspaceId: invitation.workspaceId, userId, role: invitation.role });
    const actor = { userId, workspaceId: invitation.workspaceId };
    await audit(tx, actor, 'invitation', invitation.id, 'accept', null, { userId });
    await audit(tx, actor, 'membership', userId, 'create', null, { email: invitation.email, role: invitation.role, invitationId: invitation.id });
  }

  private async usable(token: string): Promise<Invitation> {
    const invitation = await this.invitations.findUsable(this.db, sha256(token));
    if (!invitation) throw unusable();
    return invitation;
  }

  private async isMember(db: DbExecutor, workspaceId: string, email: string): Promise<boolean> {
    const user = await this.members.findUserByEmail(db, email);
    return Boolean(user && (await this.members.findMembership(db, workspaceId, user.id)));
  }
}

function toInvitationDto(row: Invitation, invitedBy: string | null): InvitationDto & { role: Role } {
  return { id: row.id, email: row.email, role: row.role, invitedBy, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

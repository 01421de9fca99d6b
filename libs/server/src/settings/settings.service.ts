// Workspace settings: the rating scale (admins edit it) and personal API tokens (shown once, stored hashed, revocable).
import { Injectable } from '@nestjs/common';
import { DomainError, DEFAULT_RATING_SCALE, ratingScaleSchema, updateRatingScaleSchema, createApiTokenSchema, type ApiTokenDto, type RatingScaleDto } from '@claimdesk/domain';
import { Database, MembersRepository, SessionsRepository, type ApiToken } from '@claimdesk/db';
import type { z } from 'zod';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { notFound, staleVersion } from '../common/version';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../auth/tokens';

@Injectable()
export class SettingsService {
  constructor(
    private readonly db: Database,
    private readonly members: MembersRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async ratingScale(workspaceId: string): Promise<RatingScaleDto> {
    const row = await this.members.findRatingScale(this.db, workspaceId);
    return { ratings: row ? ratingScaleSchema.parse(row.ratings) : DEFAULT_RATING_SCALE, version: row?.version ?? 1 };
  }

  async updateRatingScale(actor: Actor, input: z.infer<typeof updateRatingScaleSchema>): Promise<RatingScaleDto> {
    await this.db.transaction(async (tx) => {
      const current = await this.members.findRatingScale(tx, actor.workspaceId);
      const version = current?.version ?? 1;
      if (version !== input.version) throw staleVersion('rating scale', { ratings: current?.ratings ?? DEFAULT_RATING_SCALE, version });
      await this.members.saveRatingScale(tx, actor.workspaceId, input.ratings);
      await audit(tx, actor, 'ratingScale', actor.workspaceId, 'update', current?.ratings ?? DEFAULT_RATING_SCALE, input.ratings);
    });
    return this.ratingScale(actor.workspaceId);
  }

  async tokens(actor: Actor): Promise<ApiTokenDto[]> {
    const rows = await this.sessions.listApiTokens(this.db, actor.workspaceId, actor.userId);
    return rows.map(toTokenDto);
  }

  async createToken(actor: Actor, input: z.infer<typeof createApiTokenSchema>): Promise<ApiTokenDto & { token: string }> {
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null;
    // A token made with an expiring token may not outlive it (else a day's token could mint one that never expires).
    const limit = actor.via === 'token' ? actor.tokenExpiresAt : null;
    if (limit && (!expiresAt || expiresAt > limit)) {
      const message = `a token cannot outlive the token that creates it, which expires ${limit.toISOString()}: ask for fewer days`;
      throw new DomainError('RULE_VIOLATION', message, [{ path: 'expiresInDays', message: 'outlives the token in use' }]);
    }
    const row = await this.db.transaction(async (tx) => {
      const created = await this.sessions.createApiToken(tx, {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        scopes: [...new Set(input.scopes)],
        expiresAt,
      });
      await audit(tx, actor, 'apiToken', created.id, 'create', null, { name: created.name, scopes: created.scopes, prefix: created.prefix });
      return created;
    });
    return { ...toTokenDto(row), token };
  }

  async revokeToken(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const token = await this.sessions.findApiToken(tx, actor.workspaceId, id, actor.role === 'ADMIN' ? null : actor.userId);
      if (!token) throw notFound('API token');
      if (token.revokedAt) return;
      await this.sessions.revokeApiToken(tx, id);
      await audit(tx, actor, 'apiToken', id, 'revoke', { name: token.name }, { revokedAt: new Date().toISOString() });
    });
  }
}

function toTokenDto(t: Pick<ApiToken, 'id' | 'name' | 'prefix' | 'scopes' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'revokedAt'>): ApiTokenDto {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

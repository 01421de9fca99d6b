// Claimants of the workspace: search, and one claimant's claims across articles with their verdicts.
import { Injectable } from '@nestjs/common';
import type { ClaimantClaimDto, ClaimantDto } from '@claimdesk/domain';
import { ClaimantsRepository, Database } from '@claimdesk/db';
import type { Actor } from '../common/actor';
import { notFound } from '../common/version';

@Injectable()
export class ClaimantsService {
  constructor(
    private readonly db: Database,
    private readonly claimants: ClaimantsRepository,
  ) {}

  search(actor: Actor, q: string | undefined, limit: number): Promise<ClaimantDto[]> {
    return this.claimants.search(this.db, actor.workspaceId, q?.trim() || undefined, limit);
  }

  async get(actor: Actor, id: string): Promise<ClaimantDto & { items: ClaimantClaimDto[] }> {
    const claimant = await this.claimants.find(this.db, actor.workspaceId, id);
    if (!claimant) throw notFound('claimant');
    const rows = await this.claimants.claimsOf(this.db, actor.workspaceId, id, 500);
    return {
      id: claimant.id,
      name: claimant.name,
      unnamed: claimant.unnamed,
      claims: rows.length,
      items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    };
  }
}

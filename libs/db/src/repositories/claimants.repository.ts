// Claimants: who makes the claims of a workspace, searchable, with their claims across articles.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { queryRows } from '../sql';
import type { ClaimantClaimRow, ClaimantRow } from '../rows';

export class ClaimantsRepository {
  /** Claimants whose name contains the term (all without one), those with the most claims first. */
  search(db: DbExecutor, workspaceId: string, term: string | undefined, take: number): Promise<ClaimantRow[]> {
    const match = term ? Prisma.sql`AND k.name ILIKE ${'%' + term.replace(/[\\%_]/g, (m) => '\\' + m) + '%'}` : Prisma.empty;
    return queryRows<ClaimantRow>(
      db,
      Prisma.sql`
      SELECT k.id, k.name, k.unnamed, count(a.id)::int AS claims
      FROM claimants k
      LEFT JOIN claims c ON c.workspace_id = k.workspace_id AND c.claimant_id = k.id
      LEFT JOIN articles a ON a.workspace_id = c.workspace_id AND a.id = c.article_id AND a.deleted_at IS NULL
      WHERE k.workspace_id = ${workspaceId}::uuid ${match}
      GROUP BY k.workspace_id, k.id
      ORDER BY count(a.id) DESC, k.name ASC, k.id
      LIMIT ${take}`,
    );
  }

  /** The id of the workspace's claimant with this key, created with this name when there is none yet. */
  async ensure(tx: DbExecutor, workspaceId: string, claimant: { name: string; key: string; unnamed: boolean }): Promise<string> {
    const rows = await queryRows<{ id: string }>(
      tx,
      Prisma.sql`
      INSERT INTO claimants (id, workspace_id, name, key, unnamed) VALUES (gen_random_uuid(), ${workspaceId}::uuid, ${claimant.name}, ${claimant.key}, ${claimant.unnamed})
      ON CONFLICT (workspace_id, key) DO UPDATE SET key = EXCLUDED.key
      RETURNING id`,
    );
    return rows[0].id;
  }

  find(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).claimant.findFirst({ where: { id, workspaceId } });
  }

  /** The claimant's claims in live articles, newest first, with the article title and the verdict rating. */
  claimsOf(db: DbExecutor, workspaceId: string, claimantId: string, take: number): Promise<ClaimantClaimRow[]> {
    return queryRows<ClaimantClaimRow>(
      db,
      Prisma.sql`
      SELECT c.id, c.article_id AS "articleId", a.title AS "articleTitle", c.text, c.status::text AS status, c.rating, c.check_worthy AS "checkWorthy", c.created_at AS "createdAt"
      FROM claims c JOIN articles a ON a.id = c.article_id AND a.deleted_at IS NULL
      WHERE c.workspace_id = ${workspaceId}::uuid AND c.claimant_id = ${claimantId}::uuid
      ORDER BY c.created_at DESC, c.start_offset ASC, c.id
      LIMIT ${take}`,
    );
  }
}

// The claims list and search queries: parameterised SQL with keyset (cursor) pagination over indexed columns.
import { Injectable } from '@nestjs/common';
import { Prisma } from '@claimdesk/db';
import { DomainError, type ListClaimsQuery } from '@claimdesk/domain';
import { PrismaService } from '../common/prisma.service';
import type { ClaimRow } from './claim.mapper';

const SORT_COLUMNS: Record<ListClaimsQuery['sort'], Prisma.Sql[]> = {
  position: [Prisma.sql`c.article_id`, Prisma.sql`c.start_offset`],
  score: [Prisma.sql`c.score`],
  created: [Prisma.sql`c.created_at`],
  updated: [Prisma.sql`c.updated_at`],
  priority: [Prisma.sql`c.priority`],
};

/** The columns of a claim as ClaimRow, for SELECT lists and RETURNING clauses on `claims AS c`. */
export const CLAIM_COLUMNS = Prisma.sql`c.id, c.workspace_id AS "workspaceId", c.article_id AS "articleId", c.revision_id AS "revisionId", c.text,
  c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.quote_exact AS "quoteExact", c.quote_prefix AS "quotePrefix", c.quote_suffix AS "quoteSuffix",
  c.paragraph, c.kind::text AS kind, c.score, c.check_worthy AS "checkWorthy", c.reasons, c.cues, c.attribution, c.numbers, c.dates, c.entities,
  c.hedged, c.attributed, c.orphaned, c.status::text AS status, c.rating, c.dismiss_reason::text AS "dismissReason", c.assignee_id AS "assigneeId",
  c.priority, c.version, c.updated_by_id AS "updatedById", c.updated_at AS "updatedAt", c.created_at AS "createdAt"`;
const SELECT = Prisma.sql`SELECT ${CLAIM_COLUMNS}, u.name AS "updatedByName"`;
const FROM = Prisma.sql`FROM claims c LEFT JOIN users u ON u.id = c.updated_by_id`;

export interface SimilarRow {
  id: string;
  article_id: string;
  text: string;
  status: string;
  rating: string | null;
  title: string;
  similarity: number;
}

@Injectable()
export class ClaimsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(workspaceId: string, userId: string, query: ListClaimsQuery): Promise<{ rows: ClaimRow[]; nextCursor: string | null }> {
    const where: Prisma.Sql[] = [Prisma.sql`c.workspace_id = ${workspaceId}::uuid`, Prisma.sql`a.deleted_at IS NULL`];
    if (query.articleId) where.push(Prisma.sql`c.article_id = ${query.articleId}::uuid`);
    // Compared as the enum, not as text, so the (workspace_id, status) indexes apply.
    // One value is written as equality so the planner can walk (workspace_id, status, updated_at, id) in order.
    if (query.status?.length === 1) where.push(Prisma.sql`c.status = ${query.status[0]}::"ClaimStatus"`);
    else if (query.status?.length) where.push(Prisma.sql`c.status = ANY(${query.status}::"ClaimStatus"[])`);
    if (query.kind?.length === 1) where.push(Prisma.sql`c.kind = ${query.kind[0]}::"ClaimKind"`);
    else if (query.kind?.length) where.push(Prisma.sql`c.kind = ANY(${query.kind}::"ClaimKind"[])`);
    if (query.hedged !== undefined) where.push(Prisma.sql`c.hedged = ${query.hedged}`);
    if (query.attributed !== undefined) where.push(Prisma.sql`c.attributed = ${query.attributed}`);
    if (query.checkWorthy !== undefined) where.push(Prisma.sql`c.check_worthy = ${query.checkWorthy}`);
    if (query.orphaned !== undefined) where.push(Prisma.sql`c.orphaned = ${query.orphaned}`);
    if (query.assigneeId === 'none') where.push(Prisma.sql`c.assignee_id IS NULL`);
    else if (query.assigneeId) where.push(Prisma.sql`c.assignee_id = ${query.assigneeId === 'me' ? userId : query.assigneeId}::uuid`);
    if (query.rating) where.push(Prisma.sql`c.rating = ${query.rating}`);
    if (query.q) where.push(Prisma.sql`c.search_vector @@ websearch_to_tsquery('english', ${query.q})`);

    const columns = [...SORT_COLUMNS[query.sort], Prisma.sql`c.id`];
    const desc = query.order === 'desc';
    if (query.cursor) {
      const values = decodeCursor(query.cursor, query.sort, columns.length);
      const tuple = Prisma.join(columns, ', ');
      const params = Prisma.join(values.map((v, i) => castCursorValue(v, query.sort, i)), ', ');
      where.push(desc ? Prisma.sql`(${tuple}) < (${params})` : Prisma.sql`(${tuple}) > (${params})`);
    }
    const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    const orderBy = Prisma.join(columns.map((c) => Prisma.sql`${c} ${direction}`), ', ');
    const rows = await this.prisma.rows<ClaimRow & { createdAt: Date }>(Prisma.sql`
      ${SELECT} ${FROM} JOIN articles a ON a.id = c.article_id
      WHERE ${Prisma.join(where, ' AND ')} ORDER BY ${orderBy} LIMIT ${query.limit + 1}`);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: rows.length > query.limit && last ? encodeCursor(query.sort, last) : null };
  }

  async findMany(workspaceId: string, ids: string[]): Promise<ClaimRow[]> {
    if (ids.length === 0) return [];
    return this.prisma.db.$queryRaw<ClaimRow[]>`${SELECT} ${FROM} WHERE c.workspace_id = ${workspaceId}::uuid AND c.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  }

  /**
   * Claims of the workspace whose words are close to this text. Candidates come from the full-text index: claims
   * sharing any two of the text's five longest (rarest, as a rule) lexemes; they are then ranked by trigram
   * similarity (≥ 0.3), checked ones first. A trigram index walk alone read most of a million-claim index.
   */
  async similar(workspaceId: string, claimId: string, text: string, limit = 8): Promise<SimilarRow[]> {
    return this.prisma.rows<SimilarRow>(Prisma.sql`
      WITH terms AS (
        SELECT lexeme FROM unnest(to_tsvector('english', ${text})) ORDER BY length(lexeme) DESC, lexeme LIMIT 5
      ), pairs AS (
        SELECT string_agg(format('(%s & %s)', quote_literal(a.lexeme), quote_literal(b.lexeme)), ' | ') AS q
        FROM terms a JOIN terms b ON a.lexeme < b.lexeme
      ), query AS (
        SELECT COALESCE((SELECT q FROM pairs), (SELECT string_agg(quote_literal(lexeme), ' | ') FROM terms))::tsquery AS q
      )
      SELECT n.id, n.article_id, n.text, n.status, n.rating, a.title, n.similarity
      FROM (
        SELECT c.id, c.article_id, c.text, c.status::text AS status, c.rating, similarity(c.text, ${text})::float AS similarity
        FROM claims c, query
        WHERE query.q IS NOT NULL AND c.search_vector @@ query.q AND c.workspace_id = ${workspaceId}::uuid AND c.id <> ${claimId}::uuid
        LIMIT 2000
      ) n JOIN articles a ON a.id = n.article_id AND a.deleted_at IS NULL
      WHERE n.similarity >= 0.3
      ORDER BY (n.rating IS NOT NULL) DESC, n.similarity DESC
      LIMIT ${limit}`);
  }
}

function encodeCursor(sort: ListClaimsQuery['sort'], row: ClaimRow & { createdAt: Date }): string {
  const values: unknown[] =
    sort === 'position'
      ? [row.articleId, row.startOffset]
      : sort === 'score'
        ? [row.score]
        : sort === 'created'
          ? [row.createdAt.toISOString()]
          : sort === 'updated'
            ? [row.updatedAt.toISOString()]
            : [row.priority];
  return Buffer.from(JSON.stringify([sort, ...values, row.id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string, length: number): unknown[] {
  try {
    const [cursorSort, ...values] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (cursorSort !== sort || values.length !== length) throw new Error('mismatch');
    return values;
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not valid for this listing; start again without it', [{ path: 'cursor', message: 'invalid cursor' }]);
  }
}

function castCursorValue(value: unknown, sort: string, index: number): Prisma.Sql {
  const invalid = () => new DomainError('VALIDATION_FAILED', 'cursor is not valid', [{ path: 'cursor', message: 'invalid cursor' }]);
  const uuid = (v: unknown) => {
    if (typeof v !== 'string' || !/^[0-9a-f-]{36}$/i.test(v)) throw invalid();
    return Prisma.sql`${v}::uuid`;
  };
  const isLast = (sort === 'position' && index === 2) || (sort !== 'position' && index === 1);
  if (isLast) return uuid(value);
  if (sort === 'position') return index === 0 ? uuid(value) : num(value, invalid);
  if (sort === 'created' || sort === 'updated') {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalid();
    return Prisma.sql`${value}::timestamptz`;
  }
  return num(value, invalid);
}

function num(v: unknown, invalid: () => Error): Prisma.Sql {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
  return Prisma.sql`${v}`;
}

// Claims: the list and search (keyset pagination over indexed columns), similar claims, the single-statement write with
// its audit event, bulk inserts and re-anchoring on import, comments, and the dashboard counts.
import { DomainError, resolveClaimSort, type ArticleClaimsQuery, type ListClaimsQuery } from '@claimdesk/domain';
import { Prisma, type ClaimKind, type ClaimStatus, type DismissReason } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute, queryRows, typedFields } from '../sql';
import type { ArticleStatusCountRow, ClaimRow, ReaderClaimRow, SimilarClaimRow, StatusRatingCountRow } from '../rows';
import { verdictInclude } from './verdicts.repository';

type ClaimSort = ReturnType<typeof resolveClaimSort>['sort'];

const SORT_COLUMNS: Record<ClaimSort, Prisma.Sql[]> = {
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
  c.priority, c.claimant_id AS "claimantId", c.unnamed_source AS "unnamedSource", (SELECT k.name FROM claimants k WHERE k.id = c.claimant_id) AS "claimantName",
  EXISTS (SELECT 1 FROM library_matches m WHERE m.claim_id = c.id AND m.strong) AS "checkedBefore",
  c.version, c.updated_by_id AS "updatedById", c.updated_at AS "updatedAt", c.created_at AS "createdAt"`;
const SELECT = Prisma.sql`SELECT ${CLAIM_COLUMNS}, u.name AS "updatedByName"`;
const FROM = Prisma.sql`FROM claims c LEFT JOIN users u ON u.id = c.updated_by_id`;

/** The fields of a claim that change through `write`; each one is cast to its column type in SQL. */
export type ClaimChanges = Partial<{ status: ClaimStatus; dismissReason: DismissReason | null; kind: ClaimKind; priority: number; assigneeId: string | null; rating: string | null }>;
const CHANGE_COLUMNS: { [K in keyof Required<ClaimChanges>]: { column: string; cast: string } } = {
  status: { column: 'status', cast: '"ClaimStatus"' },
  dismissReason: { column: 'dismiss_reason', cast: '"DismissReason"' },
  kind: { column: 'kind', cast: '"ClaimKind"' },
  priority: { column: 'priority', cast: 'int' },
  assigneeId: { column: 'assignee_id', cast: 'uuid' },
  rating: { column: 'rating', cast: 'text' },
};
/** What an audit event records of a claim before and after a change. */
const AUDIT_JSON = Prisma.sql`jsonb_build_object('status', c.status, 'dismissReason', c.dismiss_reason, 'kind', c.kind, 'priority', c.priority, 'assigneeId', c.assignee_id, 'version', c.version, 'rating', c.rating)`;

/** The outcome of `write`: the claim was not there, its version was stale, or the changed row. */
export type ClaimWriteResult =
  { kind: 'missing' } | { kind: 'stale' } | { kind: 'written'; row: ClaimRow & { updatedByName: string | null }; before: { status: ClaimRow['status']; assigneeId: string | null } };

/** A claim the extraction library found, as the columns `insertExtracted` stores. */
export interface ExtractedClaimColumns {
  text: string;
  startOffset: number;
  endOffset: number;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  paragraph: number;
  kind: ClaimKind;
  score: number;
  checkWorthy: boolean;
  reasons: string[];
  cues: unknown;
  attribution: string | null;
  numbers: unknown;
  dates: unknown;
  entities: unknown;
  hedged: boolean;
  attributed: boolean;
  unnamedSource: boolean;
  /** Who makes the claim; stored as (or merged into) a claimant of the workspace by its key. */
  claimant: { name: string; key: string; unnamed: boolean } | null;
}

/** The claimant's name alongside a claim read through Prisma. */
const CLAIMANT_NAME = { claimant: { select: { name: true } } } as const;

/** A claim placed again in a new revision of its article. */
export interface ReanchoredClaim {
  id: string;
  start: number;
  end: number;
  paragraph: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const BATCH = 2000;
/** How many full-text candidates a look-alike query ranks at most (ClaimsRepository.similar). */
const LOOK_ALIKE_CANDIDATES = 200;
/** How many of the newest articles whose title matches a search bring in their claims (docs/data-layer.md). */
const TITLE_MATCH_ARTICLES = 10;

/** A word of letters joined by hyphens ("nuclear-powered", "state-of-the-art"). */
const HYPHENATED = /^\p{L}+(?:-\p{L}+)+$/u;

/**
 * The search box's words as a tsquery (websearch syntax: quotes, "or", -word). A hyphenated word is searched by its
 * compound lexeme alone: PostgreSQL indexes "nuclear-powered" as 'nuclear-pow' followed by 'nuclear' and 'power', and
 * websearch_to_tsquery asks for that phrase, which the compound alone already implies; the planner prices the phrase
 * as if its three words were independent (87 rows expected for 36,000 in a million claims) and fetches every match,
 * where the compound's own statistics let it walk the sort's index (docs/benchmarks.md, section 5). Only plain
 * queries are rewritten; one with quotes, "or" or a negation is passed as typed.
 */
export function searchTsQuery(q: string): Prisma.Sql {
  const words = q.trim().split(/\s+/);
  const hyphenated = words.filter((w) => HYPHENATED.test(w));
  if (!hyphenated.length || /["]/.test(q) || words.some((w) => w.toLowerCase() === 'or' || w.startsWith('-'))) {
    return Prisma.sql`websearch_to_tsquery('english', ${q})`;
  }
  const rest = words.filter((w) => !HYPHENATED.test(w)).join(' ');
  // websearch_to_tsquery writes the compound first: 'nuclear-pow' <-> 'nuclear' <-> 'power'.
  const compounds = hyphenated.map((w) => Prisma.sql` && split_part(websearch_to_tsquery('english', ${w})::text, ' <', 1)::tsquery`);
  return Prisma.sql`(websearch_to_tsquery('english', ${rest})${Prisma.join(compounds, '')})`;
}

/**
 * The statement `ClaimsRepository.list` runs for this query (a page plus one row, to know whether more follow).
 * Exported so tests and the benchmark can EXPLAIN exactly what the API sends.
 */
export function claimListSql(workspaceId: string, userId: string, query: ListClaimsQuery): Prisma.Sql {
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
  if (query.checkedBefore !== undefined) where.push(Prisma.sql`${query.checkedBefore ? Prisma.empty : Prisma.sql`NOT`} EXISTS (SELECT 1 FROM library_matches m WHERE m.claim_id = c.id AND m.strong)`);
  if (query.orphaned !== undefined) where.push(Prisma.sql`c.orphaned = ${query.orphaned}`);
  if (query.assigneeId === 'none') where.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (query.assigneeId) where.push(Prisma.sql`c.assignee_id = ${query.assigneeId === 'me' ? userId : query.assigneeId}::uuid`);
  if (query.rating) where.push(Prisma.sql`c.rating = ${query.rating}`);
  if (query.fromFeedsSince) {
    where.push(Prisma.sql`c.created_at >= ${new Date(query.fromFeedsSince)} AND EXISTS (SELECT 1 FROM feed_items i WHERE i.workspace_id = c.workspace_id AND i.article_id = c.article_id)`);
  }
  const { sort, order } = resolveClaimSort(query);
  const columns = [...SORT_COLUMNS[sort], Prisma.sql`c.id`];
  const desc = order === 'desc';
  if (query.cursor) {
    const values = decodeCursor(query.cursor, sort, columns.length);
    const tuple = Prisma.join(columns, ', ');
    const params = Prisma.join(
      values.map((v, i) => castCursorValue(v, sort, i)),
      ', ',
    );
    where.push(desc ? Prisma.sql`(${tuple}) < (${params})` : Prisma.sql`(${tuple}) > (${params})`);
  }
  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const orderBy = Prisma.join(
    columns.map((c) => Prisma.sql`${c} ${direction}`),
    ', ',
  );
  const limit = query.limit + 1;
  if (query.q) {
    // One search box for the desk: the claim's words, its article's title, its sources' titles and its verdicts' text.
    // Each kind of match is its own branch carrying every filter, the sort and the page limit; the page is the first
    // rows of their union. The claims' own words are planned from their GIN index (walk the sort's index for a common
    // word, fetch and sort the matches of a rare one). Titles and verdicts drive the other branches: their matches
    // are found first (GIN expression indexes), then only those articles' or claims' rows are read, so a title that
    // matches nothing never makes the planner walk the claims. A title match brings in the claims of the newest
    // TITLE_MATCH_ARTICLES matching articles (a word in every title would otherwise read every claim); claims are
    // always searched by their own words across the whole workspace.
    const tsq = searchTsQuery(query.q);
    const select = Prisma.join(
      columns.map((column, i) => Prisma.sql`${column} AS ${Prisma.raw(`s${i}`)}`),
      ', ',
    );
    const outerOrder = Prisma.join(
      columns.map((_, i) => Prisma.sql`${Prisma.raw(`x.s${i}`)} ${direction}`),
      ', ',
    );
    const driven = (matches: Prisma.Sql, link: Prisma.Sql) =>
      Prisma.sql`(SELECT ${Prisma.raw(`x.s${columns.length - 1}`)} FROM (${matches}) m CROSS JOIN LATERAL (
        SELECT ${select} FROM claims c JOIN articles a ON a.workspace_id = c.workspace_id AND a.id = c.article_id WHERE ${Prisma.join([...where, link], ' AND ')} ORDER BY ${orderBy} LIMIT ${limit}
      ) x ORDER BY ${outerOrder} LIMIT ${limit})`;
    const branches = [
      Prisma.sql`(SELECT c.id FROM claims c JOIN articles a ON a.workspace_id = c.workspace_id AND a.id = c.article_id WHERE ${Prisma.join([...where, Prisma.sql`c.search_vector @@ ${tsq}`], ' AND ')} ORDER BY ${orderBy} LIMIT ${limit})`,
      driven(
        Prisma.sql`SELECT t.id FROM articles t WHERE t.workspace_id = ${workspaceId}::uuid AND t.deleted_at IS NULL AND to_tsvector('english', t.title) @@ ${tsq}
                   ${query.articleId ? Prisma.sql`AND t.id = ${query.articleId}::uuid` : Prisma.empty} ORDER BY t.created_at DESC LIMIT ${TITLE_MATCH_ARTICLES}`,
        Prisma.sql`c.article_id = m.id`,
      ),
      driven(
        Prisma.sql`SELECT DISTINCT cs.claim_id AS id FROM sources s JOIN claim_sources cs ON cs.source_id = s.id WHERE s.workspace_id = ${workspaceId}::uuid AND to_tsvector('english', s.title) @@ ${tsq}`,
        Prisma.sql`c.id = m.id`,
      ),
      driven(
        Prisma.sql`SELECT DISTINCT v.claim_id AS id FROM verdicts v WHERE v.workspace_id = ${workspaceId}::uuid AND v.state <> 'WITHDRAWN' AND to_tsvector('english', v.rationale || ' ' || coalesce(v.correction, '')) @@ ${tsq}`,
        Prisma.sql`c.id = m.id`,
      ),
    ];
    where.push(Prisma.sql`c.id IN (${Prisma.join(branches, ' UNION ')})`);
  }
  return Prisma.sql`
      ${SELECT} ${FROM} JOIN articles a ON a.workspace_id = c.workspace_id AND a.id = c.article_id
      WHERE ${Prisma.join(where, ' AND ')} ORDER BY ${orderBy} LIMIT ${limit}`;
}

/** The statement `ClaimsRepository.similar` runs (exported so the benchmark can EXPLAIN it). */
export function similarClaimsSql(workspaceId: string, claimId: string, text: string, limit: number): Prisma.Sql {
  const pairs = Prisma.join(
    Array.from({ length: 6 }, (_, i) => Prisma.sql`c.search_vector @@ (SELECT qs[${i + 1}::int] FROM queries)`),
    ' OR ',
  );
  return Prisma.sql`
      WITH stats AS (
        SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
        FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'claims' AND attname = 'search_vector'
      ), terms AS (
        SELECT t.lexeme FROM unnest(to_tsvector('english', ${text})) t
        LEFT JOIN stats s ON true
        ORDER BY COALESCE(s.freqs[array_position(s.elems, t.lexeme)], 0), length(t.lexeme) DESC, t.lexeme LIMIT 4
      ), queries AS (
        SELECT COALESCE(
          (SELECT array_agg(format('%s & %s', quote_literal(a.lexeme), quote_literal(b.lexeme))::tsquery) FROM terms a JOIN terms b ON a.lexeme < b.lexeme),
          (SELECT array_agg(quote_literal(lexeme)::tsquery) FROM terms)
        ) AS qs
      )
      SELECT n.id, n.article_id AS "articleId", n.text, n.status, n.rating, a.title, n.similarity
      FROM (
        SELECT c.id, c.article_id, c.text, c.status::text AS status, c.rating, similarity(c.text, ${text})::float AS similarity
        FROM claims c
        WHERE (${pairs}) AND c.workspace_id = ${workspaceId}::uuid AND c.id <> ${claimId}::uuid
        LIMIT ${LOOK_ALIKE_CANDIDATES}
      ) n JOIN articles a ON a.workspace_id = ${workspaceId}::uuid AND a.id = n.article_id AND a.deleted_at IS NULL
      WHERE n.similarity >= 0.3
      ORDER BY (n.rating IS NOT NULL) DESC, n.similarity DESC
      LIMIT ${limit}`;
}

export class ClaimsRepository {
  async list(db: DbExecutor, workspaceId: string, userId: string, query: ListClaimsQuery): Promise<{ rows: ClaimRow[]; nextCursor: string | null }> {
    const rows = await queryRows<ClaimRow>(db, claimListSql(workspaceId, userId, query));
    const { sort } = resolveClaimSort(query);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: rows.length > query.limit && last ? encodeCursor(sort, last) : null };
  }

  /**
   * One article's claims for the reader, in text order, with only the columns it shows (about a third of a full row's
   * JSON): keyset pages over (article_id, start_offset, id), the same cursor as the list's position sort.
   */
  async listForReader(db: DbExecutor, workspaceId: string, articleId: string, query: ArticleClaimsQuery): Promise<{ rows: ReaderClaimRow[]; nextCursor: string | null }> {
    const where = [Prisma.sql`c.workspace_id = ${workspaceId}::uuid`, Prisma.sql`c.article_id = ${articleId}::uuid`, Prisma.sql`a.deleted_at IS NULL`];
    if (query.cursor) {
      const [cursorArticle, start, id] = decodeCursor(query.cursor, 'position', 3);
      where.push(
        Prisma.sql`(c.article_id, c.start_offset, c.id) > (${castCursorValue(cursorArticle, 'position', 0)}, ${castCursorValue(start, 'position', 1)}, ${castCursorValue(id, 'position', 2)})`,
      );
    }
    const rows = await queryRows<ReaderClaimRow>(
      db,
      Prisma.sql`
      SELECT c.id, c.article_id AS "articleId", c.text, c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.kind::text AS kind, c.score,
             c.check_worthy AS "checkWorthy", c.reasons, c.cues, c.numbers, c.dates, c.unnamed_source AS "unnamedSource", c.hedged, c.attributed, c.orphaned,
             c.status::text AS status, c.dismiss_reason::text AS "dismissReason", c.assignee_id AS "assigneeId", c.priority, c.version, c.rating,
             EXISTS (SELECT 1 FROM library_matches m WHERE m.workspace_id = c.workspace_id AND m.claim_id = c.id AND m.strong) AS "checkedBefore"
      FROM claims c JOIN articles a ON a.id = c.article_id
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY c.article_id, c.start_offset, c.id LIMIT ${query.limit + 1}`,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { rows: page, nextCursor: rows.length > query.limit && last ? positionCursor(last) : null };
  }

  /** A claim of the workspace whose article is not deleted. */
  findVisible(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).claim.findFirst({ where: { id, workspaceId, article: { deletedAt: null } }, include: CLAIMANT_NAME });
  }

  /** A visible claim's text alone (what matching needs), in one statement on the pool; null when there is none. */
  async findText(db: DbExecutor, workspaceId: string, id: string): Promise<string | null> {
    const [row] = await queryRows<{ text: string }>(
      db,
      Prisma.sql`SELECT c.text FROM claims c JOIN articles a ON a.workspace_id = c.workspace_id AND a.id = c.article_id
                 WHERE c.id = ${id}::uuid AND c.workspace_id = ${workspaceId}::uuid AND a.deleted_at IS NULL`,
    );
    return row?.text ?? null;
  }

  findVisibleByIds(db: DbExecutor, workspaceId: string, ids: string[]) {
    return prismaOf(db).claim.findMany({ where: { id: { in: ids }, workspaceId, article: { deletedAt: null } }, include: CLAIMANT_NAME });
  }

  /**
   * A claim with what its page shows: article title, revision text, sources, verdicts (with reviews and history) and
   * comments; null when the workspace has no such claim in an article that is not deleted. The parts are read side by
   * side on the pool (one nested include runs its queries one after another), so the page waits for the slowest part,
   * not for their sum.
   */
  async findDetail(db: DbExecutor, workspaceId: string, id: string) {
    const prisma = prismaOf(db);
    const [claim, sources, verdicts, comments] = await Promise.all([
      prisma.claim.findFirst({
        where: { id, workspaceId, article: { deletedAt: null } },
        include: { ...CLAIMANT_NAME, article: { select: { id: true, title: true } }, revision: { select: { text: true } } },
      }),
      prisma.claimSource.findMany({ where: { workspaceId, claimId: id }, include: { source: true }, orderBy: { createdAt: 'asc' } }),
      prisma.verdict.findMany({ where: { workspaceId, claimId: id }, include: verdictInclude, orderBy: { createdAt: 'desc' } }),
      prisma.comment.findMany({ where: { workspaceId, claimId: id }, orderBy: { createdAt: 'asc' } }),
    ]);
    return claim && { ...claim, sources, verdicts, comments };
  }

  create(tx: DbExecutor, data: Prisma.ClaimUncheckedCreateInput) {
    return prismaOf(tx).claim.create({ data, include: CLAIMANT_NAME });
  }

  /**
   * The one place a claim row changes: row lock, version check, version bump and audit event in a single statement
   * (atomic on its own, or part of the caller's transaction).
   */
  async write(db: DbExecutor, actor: { userId: string; workspaceId: string }, id: string, version: number, changes: ClaimChanges, action: string): Promise<ClaimWriteResult> {
    const sets = typedFields(CHANGE_COLUMNS, changes).map((f) => Prisma.sql`${f.column} = ${f.value}`);
    type Result = { before: Record<string, unknown> | null; after: (Omit<ClaimRow, 'updatedAt' | 'createdAt'> & { updatedAt: string; createdAt: string; updatedByName: string | null }) | null };
    const [result] = await queryRows<Result>(
      db,
      Prisma.sql`
      WITH before AS (
        SELECT ${AUDIT_JSON} AS audit, version FROM claims c WHERE c.id = ${id}::uuid AND c.workspace_id = ${actor.workspaceId}::uuid FOR UPDATE
      ), updated AS (
        UPDATE claims AS c SET ${Prisma.join([...sets, Prisma.sql`version = c.version + 1`, Prisma.sql`updated_by_id = ${actor.userId}::uuid`, Prisma.sql`updated_at = now()`], ', ')}
        FROM before b WHERE c.id = ${id}::uuid AND b.version = ${version}
        RETURNING ${CLAIM_COLUMNS}, ${AUDIT_JSON} AS audit
      ), logged AS (
        INSERT INTO audit_events (workspace_id, actor_id, entity, entity_id, action, before, after)
        SELECT ${actor.workspaceId}::uuid, ${actor.userId}::uuid, 'claim', ${id}, ${action}, b.audit, u.audit FROM before b, updated u
        RETURNING id
      )
      SELECT (SELECT audit FROM before) AS before,
             (SELECT row_to_json(x) FROM (SELECT u.*, (SELECT name FROM users WHERE id = ${actor.userId}::uuid) AS "updatedByName" FROM updated u) x) AS after,
             (SELECT count(*) FROM logged) AS logged`,
    );
    if (!result?.before) return { kind: 'missing' };
    if (!result.after) return { kind: 'stale' };
    // row_to_json gives timestamps as text.
    return {
      kind: 'written',
      row: { ...result.after, updatedAt: new Date(result.after.updatedAt), createdAt: new Date(result.after.createdAt) },
      before: { status: result.before.status as ClaimRow['status'], assigneeId: (result.before.assigneeId as string | null) ?? null },
    };
  }

  /**
   * Claims of the workspace whose words are close to this text (look-alikes). Candidates come from the full-text index:
   * claims sharing any two of the text's four rarest lexemes (rarest by the column's statistics, which list the
   * frequency of its common lexemes; a lexeme not listed is rarer than all of them; then the longest), each pair its
   * own GIN lookup so the index intersects two posting lists instead of reading every claim with one of the words.
   * At most LOOK_ALIKE_CANDIDATES of them are read, then ranked by trigram similarity (≥ 0.3), checked ones first.
   */
  similar(db: DbExecutor, workspaceId: string, claimId: string, text: string, limit = 8): Promise<SimilarClaimRow[]> {
    return queryRows<SimilarClaimRow>(db, similarClaimsSql(workspaceId, claimId, text, limit));
  }

  /** Every claim of an article, in text order (re-anchoring on re-import). */
  listForArticle(tx: DbExecutor, workspaceId: string, articleId: string) {
    return prismaOf(tx).claim.findMany({ where: { articleId, workspaceId }, orderBy: { startOffset: 'asc' } });
  }

  /** Claims go in as one JSON parameter per few thousand rows: far fewer parameters and round trips than row-by-row inserts. */
  async insertExtracted(tx: Tx, actor: { userId: string; workspaceId: string }, articleId: string, revisionId: string, claims: ExtractedClaimColumns[]): Promise<void> {
    await upsertClaimants(tx, actor.workspaceId, claims);
    for (let i = 0; i < claims.length; i += BATCH) {
      const rows = claims.slice(i, i + BATCH).map((c) => ({
        text: c.text,
        start: c.startOffset,
        end: c.endOffset,
        exact: c.quoteExact,
        prefix: c.quotePrefix,
        suffix: c.quoteSuffix,
        paragraph: c.paragraph,
        kind: c.kind,
        score: c.score,
        worthy: c.checkWorthy,
        reasons: c.reasons,
        cues: c.cues,
        attribution: c.attribution,
        numbers: c.numbers,
        dates: c.dates,
        entities: c.entities,
        hedged: c.hedged,
        attributed: c.attributed,
        unnamed: c.unnamedSource,
        claimant: c.claimant?.key ?? null,
      }));
      await execute(
        tx,
        Prisma.sql`
        INSERT INTO claims (id, workspace_id, article_id, revision_id, text, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix,
                            paragraph, kind, score, check_worthy, reasons, cues, attribution, numbers, dates, entities, hedged, attributed, unnamed_source, claimant_id, updated_by_id)
        SELECT gen_random_uuid(), ${actor.workspaceId}::uuid, ${articleId}::uuid, ${revisionId}::uuid, x.text, x.start, x."end", x.exact, x.prefix, x.suffix,
               x.paragraph, x.kind::"ClaimKind", x.score, x.worthy, ARRAY(SELECT jsonb_array_elements_text(x.reasons)), x.cues, x.attribution,
               x.numbers, x.dates, x.entities, x.hedged, x.attributed, COALESCE(x.unnamed, false), k.id, ${actor.userId}::uuid
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(text text, start int, "end" int, exact text, prefix text, suffix text, paragraph int, kind text,
               score float8, worthy boolean, reasons jsonb, cues jsonb, attribution text, numbers jsonb, dates jsonb, entities jsonb, hedged boolean, attributed boolean,
               unnamed boolean, claimant text)
        LEFT JOIN claimants k ON k.workspace_id = ${actor.workspaceId}::uuid AND k.key = x.claimant
        ORDER BY x.start`,
      );
    }
  }

  /** Moves claims placed again in a new revision to their new offsets and quote, in batches of one statement each. */
  async reanchor(tx: Tx, workspaceId: string, revisionId: string, placed: ReanchoredClaim[]): Promise<void> {
    const rows = placed.map((p) => Prisma.sql`(${p.id}::uuid, ${p.start}::int, ${p.end}::int, ${p.paragraph}::int, ${p.exact}, ${p.prefix}, ${p.suffix})`);
    for (let i = 0; i < rows.length; i += BATCH) {
      await execute(
        tx,
        Prisma.sql`
        UPDATE claims AS c SET start_offset = v.s, end_offset = v.e, paragraph = v.p, quote_exact = v.exact, quote_prefix = v.prefix, quote_suffix = v.suffix,
               text = v.exact, revision_id = ${revisionId}::uuid, orphaned = false, updated_at = now()
        FROM (VALUES ${Prisma.join(rows.slice(i, i + BATCH))}) AS v(id, s, e, p, exact, prefix, suffix)
        WHERE c.id = v.id AND c.workspace_id = ${workspaceId}::uuid`,
      );
    }
  }

  async markOrphaned(tx: DbExecutor, workspaceId: string, ids: string[]): Promise<void> {
    await prismaOf(tx).claim.updateMany({ where: { id: { in: ids }, workspaceId }, data: { orphaned: true } });
  }

  /** Claim counts per article and status (article list and page). */
  countsByArticle(db: DbExecutor, workspaceId: string, articleIds: string[]): Promise<ArticleStatusCountRow[]> {
    return queryRows<ArticleStatusCountRow>(
      db,
      Prisma.sql`
      SELECT article_id AS "articleId", status::text AS status, count(*)::int AS n, count(*) FILTER (WHERE check_worthy)::int AS worthy, count(*) FILTER (WHERE orphaned)::int AS orphaned
      FROM claims WHERE workspace_id = ${workspaceId}::uuid AND article_id = ANY(${articleIds}::uuid[])
      GROUP BY article_id, status`,
    );
  }

  /** Claim counts by status and rating over the workspace's articles that are not deleted (dashboard). */
  countsByStatusAndRating(db: DbExecutor, workspaceId: string): Promise<StatusRatingCountRow[]> {
    return queryRows<StatusRatingCountRow>(
      db,
      Prisma.sql`
      SELECT c.status::text AS status, c.rating, count(*)::int AS n FROM claims c JOIN articles a ON a.id = c.article_id AND a.deleted_at IS NULL
      WHERE c.workspace_id = ${workspaceId}::uuid GROUP BY 1, 2`,
    );
  }

  listComments(db: DbExecutor, workspaceId: string, claimId: string) {
    return prismaOf(db).comment.findMany({ where: { claimId, workspaceId }, orderBy: { createdAt: 'asc' } });
  }

  createComment(tx: DbExecutor, data: { workspaceId: string; claimId: string; authorId: string; body: string; parentId?: string | null }) {
    return prismaOf(tx).comment.create({ data });
  }

  findComment(db: DbExecutor, workspaceId: string, claimId: string, id: string) {
    return prismaOf(db).comment.findFirst({ where: { id, claimId, workspaceId } });
  }
}

function positionCursor(row: Pick<ClaimRow, 'articleId' | 'startOffset' | 'id'>): string {
  return Buffer.from(JSON.stringify(['position', row.articleId, row.startOffset, row.id])).toString('base64url');
}

function encodeCursor(sort: ClaimSort, row: ClaimRow): string {
  if (sort === 'position') return positionCursor(row);
  const values: unknown[] = sort === 'score' ? [row.score] : sort === 'created' ? [row.createdAt.toISOString()] : sort === 'updated' ? [row.updatedAt.toISOString()] : [row.priority];
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
  if (sort === 'position') return index === 0 ? uuid(value) : int(value, invalid);
  if (sort === 'created' || sort === 'updated') {
    // Only the form encodeCursor writes (toISOString), so PostgreSQL never sees a date it cannot read.
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) || Number.isNaN(Date.parse(value))) throw invalid();
    return Prisma.sql`${value}::timestamptz`;
  }
  return sort === 'score' ? num(value, invalid) : int(value, invalid);
}

/** Offsets and priorities: whole numbers within PostgreSQL's integer (a fraction or 1e20 would fail its cast). */
function int(v: unknown, invalid: () => Error): Prisma.Sql {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647) throw invalid();
  return Prisma.sql`${v}`;
}

function num(v: unknown, invalid: () => Error): Prisma.Sql {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
  return Prisma.sql`${v}`;
}

/**
 * Creates the claimants the claims name that the workspace does not have yet, in the caller's transaction; an
 * existing claimant with the same key is reused, so "the US Pentagon" joins "the Pentagon".
 */
async function upsertClaimants(tx: DbExecutor, workspaceId: string, claims: Array<{ claimant: { name: string; key: string; unnamed: boolean } | null }>): Promise<void> {
  const byKey = new Map<string, { name: string; key: string; unnamed: boolean }>();
  for (const c of claims) if (c.claimant?.key && !byKey.has(c.claimant.key)) byKey.set(c.claimant.key, c.claimant);
  if (byKey.size === 0) return;
  await execute(
    tx,
    Prisma.sql`
    INSERT INTO claimants (id, workspace_id, name, key, unnamed)
    SELECT gen_random_uuid(), ${workspaceId}::uuid, x.name, x.key, x.unnamed
    FROM jsonb_to_recordset(${JSON.stringify([...byKey.values()])}::jsonb) AS x(name text, key text, unnamed boolean)
    ORDER BY x.key
    ON CONFLICT (workspace_id, key) DO NOTHING`,
  );
}

// The fact-check library: imported library files, their entries and the workspace's approved verdicts as entries, the
// claims' stored best matches ("checked before"), and a version per workspace that moves whenever its entries change.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor, type Tx } from '../client';
import { execute, queryRows } from '../sql';
import type { LibraryEntry, LibraryImport, LibraryImportStatus } from '../generated/prisma/client';

/** What a match index keeps of an entry: its words, and the claim whose approved verdict it is (never its own match). */
export type LibraryEntryText = Pick<LibraryEntry, 'id' | 'claimId' | 'claim' | 'title'>;

/** An entry as the API reads it. */
export type LibraryEntryRow = Pick<
  LibraryEntry,
  'id' | 'origin' | 'importId' | 'verdictId' | 'claimId' | 'claim' | 'title' | 'rating' | 'ratingKey' | 'publisher' | 'url' | 'date' | 'language' | 'claimant' | 'createdAt'
> & { fileName: string | null };

/** An entry of the library list with how many claims it matched. */
export type LibraryEntryListRow = LibraryEntryRow & { matchedClaims: number };

/** An entry to insert (dedup keys computed by the caller). */
export interface NewLibraryEntry {
  origin: 'import' | 'verdict';
  importId?: string | null;
  verdictId?: string | null;
  claimId?: string | null;
  externalId?: string | null;
  claim: string;
  title: string | null;
  rating: string | null;
  ratingKey: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
  language: string | null;
  claimant: string | null;
  urlKey: string;
  claimKey: string;
}

/** A stored match of a claim with a library entry. */
export interface LibraryMatchRow {
  claimId: string;
  entryId: string;
  score: number;
  strong: boolean;
}

/** A claim an entry matched, for the library screen. */
export type MatchedClaimRow = { entryId: string; claimId: string; articleId: string; text: string; score: number; strong: boolean };

const ENTRY_COLUMNS = Prisma.sql`e.id, e.origin, e.import_id AS "importId", e.verdict_id AS "verdictId", e.claim_id AS "claimId", e.claim, e.title, e.rating, e.rating_key AS "ratingKey",
  e.publisher, e.url, e.date, e.language, e.claimant, e.created_at AS "createdAt", i.file_name AS "fileName"`;

const ENTRY_TEXT_COLUMNS = Prisma.sql`e.id, e.claim_id AS "claimId", e.claim, e.title`;

export class LibraryRepository {
  createImport(tx: DbExecutor, data: { workspaceId: string; fileName: string; format: string; createdById: string; jobId: string | null }): Promise<LibraryImport> {
    return prismaOf(tx).libraryImport.create({ data });
  }

  /** The import's outcome; the report lists every record that was not imported. */
  async finishImport(
    tx: DbExecutor,
    workspaceId: string,
    id: string,
    outcome: { status: LibraryImportStatus; imported: number; skipped: number; report: Array<{ line: number; reason: string }>; error: string | null },
  ): Promise<void> {
    await prismaOf(tx).libraryImport.updateMany({ where: { id, workspaceId }, data: { ...outcome, finishedAt: new Date() } });
  }

  listImports(db: DbExecutor, workspaceId: string, take = 100) {
    return prismaOf(db).libraryImport.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take, omit: { report: true } });
  }

  findImport(db: DbExecutor, workspaceId: string, id: string): Promise<LibraryImport | null> {
    return prismaOf(db).libraryImport.findFirst({ where: { id, workspaceId } });
  }

  /** Removes an import with its entries (and their matches); call inside a transaction with bumpVersion. */
  async deleteImport(tx: Tx, workspaceId: string, id: string): Promise<number> {
    const entries = await execute(tx, Prisma.sql`DELETE FROM library_entries WHERE workspace_id = ${workspaceId}::uuid AND import_id = ${id}::uuid`);
    await execute(tx, Prisma.sql`DELETE FROM library_imports WHERE workspace_id = ${workspaceId}::uuid AND id = ${id}::uuid`);
    return entries;
  }

  /**
   * Inserts a batch of entries; one already in the library (same URL key and claim key) is left alone. Returns the
   * positions in `entries` that were inserted.
   */
  async insertEntries(tx: DbExecutor, workspaceId: string, entries: NewLibraryEntry[]): Promise<Set<number>> {
    if (!entries.length) return new Set();
    const rows = entries.map((e, i) => ({ ...e, i }));
    const inserted = await queryRows<{ urlKey: string; claimKey: string }>(
      tx,
      Prisma.sql`
      INSERT INTO library_entries (id, workspace_id, origin, import_id, verdict_id, claim_id, external_id, claim, title, rating, rating_key, publisher, url, date, language, claimant, url_key, claim_key)
      SELECT gen_random_uuid(), ${workspaceId}::uuid, x.origin, x."importId"::uuid, x."verdictId"::uuid, x."claimId"::uuid, x."externalId", x.claim, x.title, x.rating, x."ratingKey",
        x.publisher, x.url, x.date, x.language, x.claimant, x."urlKey", x."claimKey"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(i int, origin text, "importId" text, "verdictId" text, "claimId" text, "externalId" text, claim text, title text, rating text,
        "ratingKey" text, publisher text, url text, date text, language text, claimant text, "urlKey" text, "claimKey" text)
      ORDER BY x.i
      ON CONFLICT (workspace_id, url_key, claim_key) DO NOTHING
      RETURNING url_key AS "urlKey", claim_key AS "claimKey"`,
    );
    const keys = new Set(inserted.map((r) => `${r.urlKey}\n${r.claimKey}`));
    const positions = new Set<number>();
    entries.forEach((e, i) => {
      const key = `${e.urlKey}\n${e.claimKey}`;
      if (keys.delete(key)) positions.add(i);
    });
    return positions;
  }

  /** Removes the entry of a verdict (withdrawn); the number of entries removed. */
  removeVerdictEntry(tx: DbExecutor, workspaceId: string, verdictId: string): Promise<number> {
    return execute(tx, Prisma.sql`DELETE FROM library_entries WHERE workspace_id = ${workspaceId}::uuid AND verdict_id = ${verdictId}::uuid`);
  }

  /** The workspace's library version: a trigger moves it on whenever its entries change. */
  async version(db: DbExecutor, workspaceId: string): Promise<number> {
    const [row] = await queryRows<{ version: number }>(db, Prisma.sql`SELECT version FROM library_versions WHERE workspace_id = ${workspaceId}::uuid`);
    return row?.version ?? 0;
  }

  /** The words of every entry of the workspace, for its match index (oldest first, so ranks break ties the same way every time). */
  allEntryTexts(db: DbExecutor, workspaceId: string): Promise<LibraryEntryText[]> {
    return queryRows<LibraryEntryText>(db, Prisma.sql`SELECT ${ENTRY_TEXT_COLUMNS} FROM library_entries e WHERE e.workspace_id = ${workspaceId}::uuid ORDER BY e.created_at, e.id`);
  }

  /** The words of these entries, oldest first. */
  entryTextsByIds(db: DbExecutor, workspaceId: string, ids: string[]): Promise<LibraryEntryText[]> {
    if (!ids.length) return Promise.resolve([]);
    return queryRows<LibraryEntryText>(
      db,
      Prisma.sql`SELECT ${ENTRY_TEXT_COLUMNS} FROM library_entries e WHERE e.workspace_id = ${workspaceId}::uuid AND e.id = ANY(${ids}::uuid[]) ORDER BY e.created_at, e.id`,
    );
  }

  /** The ids of every entry of the workspace: what a match index compares with its own to apply a small change. */
  async entryIds(db: DbExecutor, workspaceId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(db, Prisma.sql`SELECT e.id FROM library_entries e WHERE e.workspace_id = ${workspaceId}::uuid`);
    return rows.map((r) => r.id);
  }

  /** These entries of the workspace, oldest first (as allEntries orders them). */
  entriesByIds(db: DbExecutor, workspaceId: string, ids: string[]): Promise<LibraryEntryRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return queryRows<LibraryEntryRow>(
      db,
      Prisma.sql`SELECT ${ENTRY_COLUMNS} FROM library_entries e LEFT JOIN library_imports i ON i.id = e.import_id WHERE e.workspace_id = ${workspaceId}::uuid AND e.id = ANY(${ids}::uuid[]) ORDER BY e.created_at, e.id`,
    );
  }

  /** A page of entries, newest first, optionally those whose claim, title or publisher contain the term. */
  listEntries(db: DbExecutor, workspaceId: string, options: { q?: string; importId?: string; offset: number; take: number }): Promise<LibraryEntryListRow[]> {
    const term = options.q ? '%' + options.q.replace(/[\\%_]/g, (m) => '\\' + m) + '%' : null;
    return queryRows<LibraryEntryListRow>(
      db,
      Prisma.sql`
      SELECT ${ENTRY_COLUMNS}, (SELECT count(*)::int FROM library_matches m WHERE m.entry_id = e.id) AS "matchedClaims"
      FROM library_entries e LEFT JOIN library_imports i ON i.id = e.import_id
      WHERE e.workspace_id = ${workspaceId}::uuid
        ${term ? Prisma.sql`AND (e.claim ILIKE ${term} OR e.title ILIKE ${term} OR e.publisher ILIKE ${term})` : Prisma.empty}
        ${options.importId ? Prisma.sql`AND e.import_id = ${options.importId}::uuid` : Prisma.empty}
      ORDER BY e.created_at DESC, e.id
      OFFSET ${options.offset} LIMIT ${options.take}`,
    );
  }

  async countEntries(db: DbExecutor, workspaceId: string, q?: string): Promise<number> {
    const term = q ? '%' + q.replace(/[\\%_]/g, (m) => '\\' + m) + '%' : null;
    const [row] = await queryRows<{ n: number }>(
      db,
      Prisma.sql`SELECT count(*)::int AS n FROM library_entries e WHERE e.workspace_id = ${workspaceId}::uuid
        ${term ? Prisma.sql`AND (e.claim ILIKE ${term} OR e.title ILIKE ${term} OR e.publisher ILIKE ${term})` : Prisma.empty}`,
    );
    return row.n;
  }

  /** The claims these entries matched (stored matches), best first. */
  matchedClaims(db: DbExecutor, workspaceId: string, entryIds: string[]): Promise<MatchedClaimRow[]> {
    if (!entryIds.length) return Promise.resolve([]);
    return queryRows<MatchedClaimRow>(
      db,
      Prisma.sql`
      SELECT m.entry_id AS "entryId", c.id AS "claimId", c.article_id AS "articleId", c.text, m.score, m.strong
      FROM library_matches m JOIN claims c ON c.id = m.claim_id
      WHERE m.workspace_id = ${workspaceId}::uuid AND m.entry_id = ANY(${entryIds}::uuid[])
      ORDER BY m.score DESC`,
    );
  }

  /** Replaces the stored matches of these claims with the given ones, in one statement pair. */
  async replaceMatches(tx: DbExecutor, workspaceId: string, claimIds: string[], matches: LibraryMatchRow[]): Promise<void> {
    if (!claimIds.length) return;
    await execute(tx, Prisma.sql`DELETE FROM library_matches WHERE workspace_id = ${workspaceId}::uuid AND claim_id = ANY(${claimIds}::uuid[])`);
    if (!matches.length) return;
    await execute(
      tx,
      Prisma.sql`
      INSERT INTO library_matches (workspace_id, claim_id, entry_id, score, strong)
      SELECT ${workspaceId}::uuid, x."claimId"::uuid, x."entryId"::uuid, x.score, x.strong
      FROM jsonb_to_recordset(${JSON.stringify(matches)}::jsonb) AS x("claimId" text, "entryId" text, score float8, strong boolean)
      JOIN library_entries e ON e.id = x."entryId"::uuid AND e.workspace_id = ${workspaceId}::uuid
      JOIN claims c ON c.id = x."claimId"::uuid AND c.workspace_id = ${workspaceId}::uuid
      ON CONFLICT (workspace_id, claim_id, entry_id) DO UPDATE SET score = EXCLUDED.score, strong = EXCLUDED.strong, matched_at = now()`,
    );
  }

  /** The check-worthy claims of live articles to match: one article's, these claims (those still check-worthy), or the whole workspace's. */
  claimsToMatch(
    db: DbExecutor,
    workspaceId: string,
    scope: { articleId?: string; claimIds?: string[] } = {},
    page: { after?: string; limit?: number } = {},
  ): Promise<Array<{ id: string; text: string }>> {
    const { articleId, claimIds } = scope;
    return queryRows<{ id: string; text: string }>(
      db,
      Prisma.sql`
      SELECT c.id, c.text FROM claims c JOIN articles a ON a.id = c.article_id AND a.deleted_at IS NULL
      WHERE c.workspace_id = ${workspaceId}::uuid AND c.check_worthy AND NOT c.orphaned ${articleId ? Prisma.sql`AND c.article_id = ${articleId}::uuid` : Prisma.empty}
        ${claimIds ? Prisma.sql`AND c.id = ANY(${claimIds}::uuid[])` : Prisma.empty}
        ${page.after ? Prisma.sql`AND c.id > ${page.after}::uuid` : Prisma.empty}
      ORDER BY c.id ${page.limit ? Prisma.sql`LIMIT ${page.limit}` : Prisma.empty}`,
    );
  }

  /** Claims with a stored match to an entry of this import (read before the import is removed: its matches go with it). */
  async claimsMatchedByImport(db: DbExecutor, workspaceId: string, importId: string): Promise<string[]> {
    const rows = await queryRows<{ claimId: string }>(
      db,
      Prisma.sql`
      SELECT DISTINCT m.claim_id AS "claimId" FROM library_matches m
      JOIN library_entries e ON e.workspace_id = m.workspace_id AND e.id = m.entry_id
      WHERE m.workspace_id = ${workspaceId}::uuid AND e.import_id = ${importId}::uuid
      ORDER BY 1`,
    );
    return rows.map((r) => r.claimId);
  }

  /** What an approved verdict's library entry is made of: its claim, rating, claimant, the workspace's organisation and when it was decided. */
  async verdictForEntry(
    db: DbExecutor,
    workspaceId: string,
    verdictId: string,
  ): Promise<{ claimId: string; claim: string; ratingKey: string; claimant: string | null; publisher: string; decidedAt: Date | null } | null> {
    const [row] = await queryRows<{ claimId: string; claim: string; ratingKey: string; claimant: string | null; publisher: string; decidedAt: Date | null }>(
      db,
      Prisma.sql`
      SELECT c.id AS "claimId", c.text AS claim, v.rating_key AS "ratingKey", k.name AS claimant, w.organisation AS publisher, v.decided_at AS "decidedAt"
      FROM verdicts v JOIN claims c ON c.id = v.claim_id JOIN workspaces w ON w.id = v.workspace_id LEFT JOIN claimants k ON k.id = c.claimant_id
      WHERE v.workspace_id = ${workspaceId}::uuid AND v.id = ${verdictId}::uuid`,
    );
    return row ?? null;
  }

  findEntry(db: DbExecutor, workspaceId: string, id: string): Promise<LibraryEntry | null> {
    return prismaOf(db).libraryEntry.findFirst({ where: { id, workspaceId } });
  }

  async setImportJob(db: DbExecutor, workspaceId: string, id: string, jobId: string): Promise<void> {
    await prismaOf(db).libraryImport.updateMany({ where: { id, workspaceId }, data: { jobId } });
  }

  /** Which of these claims have a stored strong match (checked before), as the claims list reads it. */
  async checkedBeforeOf(db: DbExecutor, workspaceId: string, claimIds: string[]): Promise<Set<string>> {
    if (!claimIds.length) return new Set();
    const rows = await queryRows<{ claimId: string }>(
      db,
      Prisma.sql`SELECT DISTINCT claim_id AS "claimId" FROM library_matches WHERE workspace_id = ${workspaceId}::uuid AND claim_id = ANY(${claimIds}::uuid[]) AND strong`,
    );
    return new Set(rows.map((r) => r.claimId));
  }

  /** A strong library match is stored for the claim: it has been checked before. */
  async checkedBefore(db: DbExecutor, workspaceId: string, claimId: string): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(db, Prisma.sql`SELECT 1 AS one FROM library_matches WHERE workspace_id = ${workspaceId}::uuid AND claim_id = ${claimId}::uuid AND strong LIMIT 1`);
    return rows.length > 0;
  }
}

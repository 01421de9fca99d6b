// Logical backup of one workspace (gzipped JSON lines, one row per line) and its restore in one transaction.
import fs from 'node:fs';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { Client } from 'pg';

/** Tables in foreign-key order; sessions are left out on purpose (a restore signs everyone out). */
export const BACKUP_TABLES = [
  'workspaces',
  'users',
  'memberships',
  'rating_scales',
  'articles',
  'article_revisions',
  'claimants',
  'claims',
  'sources',
  'claim_sources',
  'snapshots',
  'excerpt_quotes',
  'link_checks',
  'feeds',
  'feed_items',
  'verdicts',
  'verdict_history',
  'reviews',
  'comments',
  'comment_mentions',
  'feed_watchers',
  'notifications',
  'webhook_endpoints',
  'library_imports',
  'library_entries',
  'library_matches',
  'reports',
  'report_files',
  'public_pages',
  'public_feeds',
  'correction_notices',
  'api_tokens',
  'audit_events',
] as const;

/**
 * Per-workspace tables a backup leaves out on purpose: sign-in sessions (everyone signs in again after a restore),
 * pending invitations (one-time secrets, re-sent after a restore) and what a background job wrote about itself (job
 * ids mean nothing on another server), and webhook deliveries with their attempts (a log of what this server sent; a
 * restore must not send it again), the library's version counter (a trigger writes it again when the restored
 * entries are inserted), and the report files background jobs laid out for download (a day's cache of drafts, named by
 * job ids).
 */
export const NOT_BACKED_UP = ['sessions', 'invitations', 'job_results', 'webhook_deliveries', 'webhook_attempts', 'library_versions', 'report_renders'] as const;

const FORMAT = 'claimdesk-backup';
/** Version 2 ends with a manifest: row counts per table and the SHA-256 of every row line, checked on restore. */
const VERSION = 2;
const MANIFEST = '$manifest';

function selectFor(table: string): string {
  if (table === 'workspaces') return `SELECT row_to_json(t) AS row FROM workspaces t WHERE id = $1`;
  if (table === 'users') return `SELECT row_to_json(t) AS row FROM users t WHERE id IN (SELECT user_id FROM memberships WHERE workspace_id = $1)`;
  return `SELECT row_to_json(t) AS row FROM ${table} t WHERE workspace_id = $1 ORDER BY ${table === 'audit_events' ? 'id' : 'ctid'}`;
}

export interface BackupSummary {
  workspace: string;
  rows: Record<string, number>;
}

export async function backupWorkspace(databaseUrl: string, slug: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  try {
    // One snapshot for every table, so the backup is consistent while people keep working.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const ws = await client.query<{ id: string }>('SELECT id FROM workspaces WHERE slug = $1', [slug]);
    if (ws.rowCount === 0) throw new Error(`no workspace "${slug}"`);
    const workspaceId = ws.rows[0].id;
    await write({ format: FORMAT, version: VERSION, workspace: slug, createdAt: new Date().toISOString() });
    const rows: Record<string, number> = {};
    const hash = createHash('sha256');
    for (const table of BACKUP_TABLES) {
      const result = await client.query<{ row: unknown }>(selectFor(table), [workspaceId]);
      rows[table] = result.rowCount ?? 0;
      for (const r of result.rows) {
        const line = { t: table, r: r.row };
        hash.update(`${JSON.stringify(line)}\n`);
        await write(line);
      }
    }
    await write({ t: MANIFEST, rows, sha256: hash.digest('hex') });
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'finish');
    return { workspace: slug, rows };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** Restores a backup into a database that does not hold that workspace yet; all or nothing. */
export async function restoreWorkspace(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const columns = new Map<string, string>();
    for (const table of BACKUP_TABLES) {
      const cols = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' AND column_name <> $2 ORDER BY ordinal_position`,
        [table, table === 'audit_events' ? 'id' : ''],
      );
      columns.set(table, cols.rows.map((c) => `"${c.column_name}"`).join(', '));
    }
    // Created only now: readline starts reading at once, and lines read before the loop below would be lost.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header: { format?: string; version?: number; workspace?: string } | null = null;
    const rows: Record<string, number> = {};
    const hash = createHash('sha256');
    const refuse = (why: string) => new Error(`${file} cannot be restored: ${why}; nothing was restored`);
    // The archive's own workspace (its first row) and its users: every other row must belong to them.
    let workspaceId: string | null = null;
    const userIds = new Set<string>();
    let manifest: { rows?: Record<string, number>; sha256?: string } | null = null;
    for await (const line of lines) {
      if (!line.trim()) continue;
      const item = JSON.parse(line);
      if (!header) {
        header = item;
        if (item.format !== FORMAT || item.version !== VERSION) throw new Error(`${file} is not a ClaimDesk backup (version ${VERSION})`);
        continue;
      }
      if (manifest) throw refuse('rows after its manifest');
      if (item.t === MANIFEST) {
        manifest = item;
        continue;
      }
      hash.update(`${line}\n`);
      const table = item.t as (typeof BACKUP_TABLES)[number];
      if (!columns.has(table)) throw new Error(`unknown table "${table}" in backup`);
      const row = (item.r ?? {}) as Record<string, unknown>;
      if (table === 'workspaces') {
        if (workspaceId || row.slug !== header.workspace || typeof row.id !== 'string') throw refuse(`its workspace row is not the one workspace "${header.workspace}"`);
        workspaceId = row.id;
      } else if (!workspaceId) {
        throw refuse('it does not start with its workspace');
      } else if (table === 'users') {
        if (typeof row.id !== 'string') throw refuse('a user without an id');
        userIds.add(row.id);
      } else {
        if (row.workspace_id !== workspaceId) throw refuse(`a ${table} row belongs to another workspace`);
        if ('user_id' in row && !userIds.has(row.user_id as string)) throw refuse(`a ${table} row names a user who is not in the backup`);
      }
      if (table === 'users') {
        const existing = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [row.email]);
        if (existing.rowCount) {
          if (existing.rows[0].id !== row.id) throw new Error(`user ${String(row.email)} already exists here with another id; restore into an empty database`);
          rows[table] = (rows[table] ?? 0) + 1;
          continue;
        }
      }
      const cols = columns.get(table)!;
      // Audit events get new ids (in their original order); their content is restored exactly.
      await client.query(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_record(NULL::${table}, $1::json)`, [JSON.stringify(row)]);
      rows[table] = (rows[table] ?? 0) + 1;
    }
    if (header && !manifest) throw refuse('it has no manifest (truncated?)');
    if (manifest && manifest.sha256 !== hash.digest('hex')) throw refuse('its rows do not match its manifest (changed or damaged)');
    if (manifest && BACKUP_TABLES.some((t) => (manifest!.rows?.[t] ?? 0) !== (rows[t] ?? 0))) throw refuse('its row counts do not match its manifest');
    if (!header) throw new Error(`${file} is empty`);
    await client.query('COMMIT');
    return { workspace: header.workspace!, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '23505')
      throw new Error(`the workspace in this backup, or part of it, already exists in this database; nothing was restored (${(error as Error).message})`, { cause: error });
    throw error;
  } finally {
    await client.end();
  }
}

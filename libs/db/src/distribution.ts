// How the schema spreads over a Citus cluster (docs/scaling.md, step 3): every table of the public schema is either
// distributed by `workspace_id`, co-located with the others, or a reference table copied to every node. A test reads
// the catalog of a migrated database and checks the rules Citus sets for this (libs/db/test/citus-schema.int-spec.ts).

/** The column every distributed table is sharded by; all rows of one workspace live on one node. */
export const DISTRIBUTION_COLUMN = 'workspace_id';

/** Per-workspace tables, distributed by `workspace_id` and co-located with `articles`. */
export const DISTRIBUTED_TABLES = [
  'memberships',
  'articles',
  'article_revisions',
  'claims',
  'claimants',
  'sources',
  'claim_sources',
  'verdicts',
  'verdict_history',
  'reviews',
  'comments',
  'comment_mentions',
  'audit_events',
  'reports',
  'report_files',
  'report_renders',
  'rating_scales',
  'job_results',
  'snapshots',
  'excerpt_quotes',
  'link_checks',
  'feeds',
  'feed_items',
  'feed_watchers',
  'notifications',
  'webhook_endpoints',
  'webhook_deliveries',
  'webhook_attempts',
  'public_pages',
  'correction_notices',
  'library_imports',
  'library_entries',
  'library_matches',
  'library_versions',
] as const;

/**
 * Tables that are not per workspace, or are found by a secret without knowing the workspace: small, written rarely
 * (sign-in, invitation, publishing a feed), copied to every node so each lookup stays on one node.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  workspaces: 'the tenants themselves; every distributed table points at them',
  users: 'a person may belong to several workspaces; email is unique across all of them',
  sessions: 'found by the hash of the cookie token on every request, before the workspace is known',
  api_tokens: 'found by the hash of the bearer token on every request, before the workspace is known',
  invitations: 'found by the hash of the invitation secret by someone who is not yet a member',
  public_feeds: 'found by the public feed token, without a signed-in workspace',
  login_throttle: 'counts sign-in attempts per account and address, before any workspace is chosen',
};

/** Tables that stay on the coordinator only: bookkeeping, not application data. */
export const LOCAL_TABLES: Record<string, string> = {
  _prisma_migrations: 'the migrator’s record of applied migrations',
};

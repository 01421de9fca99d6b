-- Faster similar-claim lookup and workspace-wide listing at a million claims (measured in docs/benchmarks.md).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Nearest-first trigram search inside one workspace (ORDER BY text <-> $1 LIMIT n) instead of a GIN scan with rechecks.
DROP INDEX IF EXISTS "claims_text_idx";
CREATE INDEX "claims_workspace_id_text_idx" ON "claims" USING GIST ("workspace_id" gist_uuid_ops, "text" gist_trgm_ops(siglen=256));

-- The claims table filtered by status and sorted by last change, the queue a desk works from.
CREATE INDEX "claims_workspace_id_status_updated_at_id_idx" ON "claims"("workspace_id", "status", "updated_at", "id");

-- Faster similar-claim lookup and workspace-wide listing at a million claims (measured in docs/benchmarks.md).

-- Similar claims now take their candidates from the full-text index and rank them with similarity();
-- the trigram GIN index was only used by the old `text % $1` lookup, which read most of it at scale.
DROP INDEX IF EXISTS "claims_text_idx";

-- The claims table filtered by status and sorted by last change, the queue a desk works from.
CREATE INDEX "claims_workspace_id_status_updated_at_id_idx" ON "claims"("workspace_id", "status", "updated_at", "id");

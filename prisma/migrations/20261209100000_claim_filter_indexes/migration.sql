-- Claims at a million per workspace (docs/benchmarks.md, section 5): every filter of the claims table is checked inside
-- the index a listing walks, not on the table row. Each sort and filter index keeps its leading columns (so it yields
-- the same order) and carries the table's filter columns after them as key columns: a B-tree tests conditions on any
-- of its key columns while it walks, so "kind = EVENT and hedged" along (workspace_id, updated_at, id) skips the
-- claims that do not match without reading them, and only a page of rows is fetched from the table.

DROP INDEX IF EXISTS "claims_workspace_id_updated_at_id_idx";
DROP INDEX IF EXISTS "claims_workspace_id_created_at_id_idx";
DROP INDEX IF EXISTS "claims_workspace_id_status_updated_at_id_idx";
DROP INDEX IF EXISTS "claims_workspace_id_assignee_id_updated_at_id_idx";
DROP INDEX IF EXISTS "claims_workspace_id_rating_updated_at_id_idx";

-- The two workspace-wide sorts (last change, creation), with every filter column.
CREATE INDEX "claims_workspace_id_updated_at_id_filters_idx" ON "claims"("workspace_id", "updated_at", "id", "status", "kind", "hedged", "attributed", "check_worthy", "rating", "assignee_id");
CREATE INDEX "claims_workspace_id_created_at_id_filters_idx" ON "claims"("workspace_id", "created_at", "id", "status", "kind", "hedged", "attributed", "check_worthy", "rating", "assignee_id");

-- The selective filters (one status, an assignee or none, one rating), newest change first, with the other filters:
-- a combination that few or no claims match reads only the claims of that status, assignee or rating.
CREATE INDEX "claims_workspace_id_status_updated_at_id_filters_idx" ON "claims"("workspace_id", "status", "updated_at", "id", "kind", "hedged", "attributed", "check_worthy", "rating", "assignee_id");
CREATE INDEX "claims_workspace_id_assignee_id_updated_at_id_filters_idx" ON "claims"("workspace_id", "assignee_id", "updated_at", "id", "status", "kind", "hedged", "attributed", "check_worthy", "rating");
CREATE INDEX "claims_workspace_id_rating_updated_at_id_filters_idx" ON "claims"("workspace_id", "rating", "updated_at", "id", "status", "kind", "hedged", "attributed", "check_worthy", "assignee_id");
-- A rating by creation too: a rating is set on verified claims only, so a rating with another status matches nothing,
-- and the planner (which cannot know that) would otherwise walk the whole creation index to find so.
CREATE INDEX "claims_workspace_id_rating_created_at_id_filters_idx" ON "claims"("workspace_id", "rating", "created_at", "id", "status", "kind", "hedged", "attributed", "check_worthy", "assignee_id");

-- Joint frequencies of every low-cardinality filter, rating and check-worthiness included, so the planner sees that
-- a combination such as one rating with a status it never has is empty, and reads the rating's index for it.
DROP STATISTICS IF EXISTS "claims_filter_stats";
CREATE STATISTICS "claims_filter_stats" (mcv) ON "status", "kind", "hedged", "attributed", "check_worthy", "rating" FROM "claims";
ANALYZE "claims";

-- Claims at a million per workspace (docs/benchmarks.md, section 5): the sorts the API serves across a workspace
-- (last change, creation) walk an index in order, filters with an index of their own keep that order, and search
-- matches titles, sources and verdicts through GIN indexes instead of parsing each row's text.

-- Prefixes of the (…, updated_at, id) indexes below: the longer index serves both.
DROP INDEX IF EXISTS "claims_workspace_id_status_idx";
DROP INDEX IF EXISTS "claims_workspace_id_assignee_id_idx";
DROP INDEX IF EXISTS "claims_workspace_id_rating_idx";

-- The default workspace-wide sort, last change first (creation has (workspace_id, created_at, id) already).
CREATE INDEX "claims_workspace_id_updated_at_id_idx" ON "claims"("workspace_id", "updated_at", "id");

-- "Assigned to me" and one rating, newest change first, without sorting their matches.
CREATE INDEX "claims_workspace_id_assignee_id_updated_at_id_idx" ON "claims"("workspace_id", "assignee_id", "updated_at", "id");
CREATE INDEX "claims_workspace_id_rating_updated_at_id_idx" ON "claims"("workspace_id", "rating", "updated_at", "id");

-- Search: the same expressions ClaimsRepository.list matches, so each is looked up once per query.
CREATE INDEX "articles_title_search_idx" ON "articles" USING GIN (to_tsvector('english', "title"));
CREATE INDEX "sources_title_search_idx" ON "sources" USING GIN (to_tsvector('english', "title"));
CREATE INDEX "verdicts_text_search_idx" ON "verdicts" USING GIN (to_tsvector('english', "rationale" || ' ' || coalesce("correction", '')));

-- The planner estimates combined filters (status, kind, hedged, attributed) from their joint frequencies rather than
-- assuming independence, so a rare combination is fetched and sorted instead of walking the whole sort index.
CREATE STATISTICS "claims_filter_stats" (mcv) ON "status", "kind", "hedged", "attributed" FROM "claims";

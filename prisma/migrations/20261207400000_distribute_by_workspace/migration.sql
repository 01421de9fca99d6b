-- Distribute by workspace (docs/scaling.md, step 3): every per-workspace table gets `workspace_id` first in its
-- primary key and in every unique index, and every foreign key between two of them pairs `workspace_id` with
-- `workspace_id`, as Citus requires of co-located distributed tables. Ids stay as they are (UUIDs, unique anyway).
-- Composite foreign keys do not cascade updates (Citus refuses ON UPDATE CASCADE on the distribution column; ids never
-- change), and ON DELETE SET NULL clears only the id column, never `workspace_id`.
-- libs/db/src/distribution.ts lists the distributed and reference tables; libs/db/test/citus-schema.int-spec.ts checks this.

-- 1. Foreign keys between per-workspace tables, dropped first: they depend on the primary keys replaced below.
ALTER TABLE "article_revisions" DROP CONSTRAINT "article_revisions_article_id_fkey";
ALTER TABLE "claim_sources" DROP CONSTRAINT "claim_sources_claim_id_fkey";
ALTER TABLE "claim_sources" DROP CONSTRAINT "claim_sources_source_id_fkey";
ALTER TABLE "claims" DROP CONSTRAINT "claims_article_id_fkey";
ALTER TABLE "claims" DROP CONSTRAINT "claims_revision_id_fkey";
ALTER TABLE "claims" DROP CONSTRAINT "claims_claimant_id_fkey";
ALTER TABLE "comment_mentions" DROP CONSTRAINT "comment_mentions_comment_id_fkey";
ALTER TABLE "comments" DROP CONSTRAINT "comments_claim_id_fkey";
ALTER TABLE "comments" DROP CONSTRAINT "comments_parent_id_fkey";
ALTER TABLE "correction_notices" DROP CONSTRAINT "correction_notices_verdict_id_fkey";
ALTER TABLE "excerpt_quotes" DROP CONSTRAINT "excerpt_quotes_claim_source_id_fkey";
ALTER TABLE "excerpt_quotes" DROP CONSTRAINT "excerpt_quotes_snapshot_id_fkey";
ALTER TABLE "feed_items" DROP CONSTRAINT "feed_items_article_id_fkey";
ALTER TABLE "feed_items" DROP CONSTRAINT "feed_items_feed_id_fkey";
ALTER TABLE "feed_watchers" DROP CONSTRAINT "feed_watchers_feed_id_fkey";
ALTER TABLE "library_entries" DROP CONSTRAINT "library_entries_import_id_fkey";
ALTER TABLE "library_entries" DROP CONSTRAINT "library_entries_verdict_id_fkey";
ALTER TABLE "library_matches" DROP CONSTRAINT "library_matches_claim_id_fkey";
ALTER TABLE "library_matches" DROP CONSTRAINT "library_matches_entry_id_fkey";
ALTER TABLE "link_checks" DROP CONSTRAINT "link_checks_snapshot_id_fkey";
ALTER TABLE "link_checks" DROP CONSTRAINT "link_checks_source_id_fkey";
ALTER TABLE "public_pages" DROP CONSTRAINT "public_pages_report_id_fkey";
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_report_id_fkey";
ALTER TABLE "reports" DROP CONSTRAINT "reports_article_id_fkey";
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_verdict_id_fkey";
ALTER TABLE "snapshots" DROP CONSTRAINT "snapshots_source_id_fkey";
ALTER TABLE "verdict_history" DROP CONSTRAINT "verdict_history_verdict_id_fkey";
ALTER TABLE "verdicts" DROP CONSTRAINT "verdicts_claim_id_fkey";
ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_delivery_id_fkey";
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_endpoint_id_fkey";

-- 2. Primary keys led by workspace_id.
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey", ADD CONSTRAINT "memberships_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "articles" DROP CONSTRAINT "articles_pkey", ADD CONSTRAINT "articles_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "article_revisions" DROP CONSTRAINT "article_revisions_pkey", ADD CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "claims" DROP CONSTRAINT "claims_pkey", ADD CONSTRAINT "claims_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "claimants" DROP CONSTRAINT "claimants_pkey", ADD CONSTRAINT "claimants_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "sources" DROP CONSTRAINT "sources_pkey", ADD CONSTRAINT "sources_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "claim_sources" DROP CONSTRAINT "claim_sources_pkey", ADD CONSTRAINT "claim_sources_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "verdicts" DROP CONSTRAINT "verdicts_pkey", ADD CONSTRAINT "verdicts_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "verdict_history" DROP CONSTRAINT "verdict_history_pkey", ADD CONSTRAINT "verdict_history_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_pkey", ADD CONSTRAINT "reviews_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "comments" DROP CONSTRAINT "comments_pkey", ADD CONSTRAINT "comments_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey", ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "reports" DROP CONSTRAINT "reports_pkey", ADD CONSTRAINT "reports_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "report_files" DROP CONSTRAINT "report_files_pkey", ADD CONSTRAINT "report_files_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "rating_scales" DROP CONSTRAINT "rating_scales_pkey", ADD CONSTRAINT "rating_scales_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "snapshots" DROP CONSTRAINT "snapshots_pkey", ADD CONSTRAINT "snapshots_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "link_checks" DROP CONSTRAINT "link_checks_pkey", ADD CONSTRAINT "link_checks_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "feeds" DROP CONSTRAINT "feeds_pkey", ADD CONSTRAINT "feeds_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "feed_items" DROP CONSTRAINT "feed_items_pkey", ADD CONSTRAINT "feed_items_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey", ADD CONSTRAINT "notifications_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "webhook_endpoints_pkey", ADD CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_pkey", ADD CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "webhook_attempts" DROP CONSTRAINT "webhook_attempts_pkey", ADD CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "correction_notices" DROP CONSTRAINT "correction_notices_pkey", ADD CONSTRAINT "correction_notices_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "library_imports" DROP CONSTRAINT "library_imports_pkey", ADD CONSTRAINT "library_imports_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "library_entries" DROP CONSTRAINT "library_entries_pkey", ADD CONSTRAINT "library_entries_pkey" PRIMARY KEY ("workspace_id", "id");
ALTER TABLE "excerpt_quotes" DROP CONSTRAINT "excerpt_quotes_pkey", ADD CONSTRAINT "excerpt_quotes_pkey" PRIMARY KEY ("workspace_id", "claim_source_id");
ALTER TABLE "comment_mentions" DROP CONSTRAINT "comment_mentions_pkey", ADD CONSTRAINT "comment_mentions_pkey" PRIMARY KEY ("workspace_id", "comment_id", "user_id");
ALTER TABLE "feed_watchers" DROP CONSTRAINT "feed_watchers_pkey", ADD CONSTRAINT "feed_watchers_pkey" PRIMARY KEY ("workspace_id", "feed_id", "user_id");
ALTER TABLE "public_pages" DROP CONSTRAINT "public_pages_pkey", ADD CONSTRAINT "public_pages_pkey" PRIMARY KEY ("workspace_id", "report_id");
ALTER TABLE "library_matches" DROP CONSTRAINT "library_matches_pkey", ADD CONSTRAINT "library_matches_pkey" PRIMARY KEY ("workspace_id", "claim_id", "entry_id");

-- 3. Unique indexes led by workspace_id.
DROP INDEX "article_revisions_article_id_number_key";
CREATE UNIQUE INDEX "article_revisions_workspace_id_article_id_number_key" ON "article_revisions"("workspace_id", "article_id", "number");
DROP INDEX "claim_sources_claim_id_source_id_key";
CREATE UNIQUE INDEX "claim_sources_workspace_id_claim_id_source_id_key" ON "claim_sources"("workspace_id", "claim_id", "source_id");
DROP INDEX "correction_notices_verdict_id_version_key";
CREATE UNIQUE INDEX "correction_notices_workspace_id_verdict_id_version_key" ON "correction_notices"("workspace_id", "verdict_id", "version");
DROP INDEX "feed_items_feed_id_guid_key";
CREATE UNIQUE INDEX "feed_items_workspace_id_feed_id_guid_key" ON "feed_items"("workspace_id", "feed_id", "guid");
DROP INDEX "library_entries_verdict_id_key";
CREATE UNIQUE INDEX "library_entries_workspace_id_verdict_id_key" ON "library_entries"("workspace_id", "verdict_id");
DROP INDEX "public_pages_token_key";
CREATE UNIQUE INDEX "public_pages_workspace_id_token_key" ON "public_pages"("workspace_id", "token");
DROP INDEX "report_files_report_id_format_key";
CREATE UNIQUE INDEX "report_files_workspace_id_report_id_format_key" ON "report_files"("workspace_id", "report_id", "format");
DROP INDEX "verdict_history_verdict_id_version_key";
CREATE UNIQUE INDEX "verdict_history_workspace_id_verdict_id_version_key" ON "verdict_history"("workspace_id", "verdict_id", "version");

-- 4. The foreign keys again, through workspace_id.
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_workspace_id_article_id_fkey" FOREIGN KEY ("workspace_id", "article_id") REFERENCES "articles"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_workspace_id_claim_id_fkey" FOREIGN KEY ("workspace_id", "claim_id") REFERENCES "claims"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_workspace_id_source_id_fkey" FOREIGN KEY ("workspace_id", "source_id") REFERENCES "sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "claims" ADD CONSTRAINT "claims_workspace_id_article_id_fkey" FOREIGN KEY ("workspace_id", "article_id") REFERENCES "articles"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "claims" ADD CONSTRAINT "claims_workspace_id_revision_id_fkey" FOREIGN KEY ("workspace_id", "revision_id") REFERENCES "article_revisions"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "claims" ADD CONSTRAINT "claims_workspace_id_claimant_id_fkey" FOREIGN KEY ("workspace_id", "claimant_id") REFERENCES "claimants"("workspace_id", "id") ON DELETE SET NULL ("claimant_id") ON UPDATE NO ACTION;
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_workspace_id_comment_id_fkey" FOREIGN KEY ("workspace_id", "comment_id") REFERENCES "comments"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "comments" ADD CONSTRAINT "comments_workspace_id_claim_id_fkey" FOREIGN KEY ("workspace_id", "claim_id") REFERENCES "claims"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "comments" ADD CONSTRAINT "comments_workspace_id_parent_id_fkey" FOREIGN KEY ("workspace_id", "parent_id") REFERENCES "comments"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "correction_notices" ADD CONSTRAINT "correction_notices_workspace_id_verdict_id_fkey" FOREIGN KEY ("workspace_id", "verdict_id") REFERENCES "verdicts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "excerpt_quotes" ADD CONSTRAINT "excerpt_quotes_workspace_id_claim_source_id_fkey" FOREIGN KEY ("workspace_id", "claim_source_id") REFERENCES "claim_sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "excerpt_quotes" ADD CONSTRAINT "excerpt_quotes_workspace_id_snapshot_id_fkey" FOREIGN KEY ("workspace_id", "snapshot_id") REFERENCES "snapshots"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_workspace_id_article_id_fkey" FOREIGN KEY ("workspace_id", "article_id") REFERENCES "articles"("workspace_id", "id") ON DELETE SET NULL ("article_id") ON UPDATE NO ACTION;
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_workspace_id_feed_id_fkey" FOREIGN KEY ("workspace_id", "feed_id") REFERENCES "feeds"("workspace_id", "id") ON DELETE SET NULL ("feed_id") ON UPDATE NO ACTION;
ALTER TABLE "feed_watchers" ADD CONSTRAINT "feed_watchers_workspace_id_feed_id_fkey" FOREIGN KEY ("workspace_id", "feed_id") REFERENCES "feeds"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_workspace_id_import_id_fkey" FOREIGN KEY ("workspace_id", "import_id") REFERENCES "library_imports"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_workspace_id_verdict_id_fkey" FOREIGN KEY ("workspace_id", "verdict_id") REFERENCES "verdicts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "library_matches" ADD CONSTRAINT "library_matches_workspace_id_claim_id_fkey" FOREIGN KEY ("workspace_id", "claim_id") REFERENCES "claims"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "library_matches" ADD CONSTRAINT "library_matches_workspace_id_entry_id_fkey" FOREIGN KEY ("workspace_id", "entry_id") REFERENCES "library_entries"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_workspace_id_snapshot_id_fkey" FOREIGN KEY ("workspace_id", "snapshot_id") REFERENCES "snapshots"("workspace_id", "id") ON DELETE SET NULL ("snapshot_id") ON UPDATE NO ACTION;
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_workspace_id_source_id_fkey" FOREIGN KEY ("workspace_id", "source_id") REFERENCES "sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_workspace_id_report_id_fkey" FOREIGN KEY ("workspace_id", "report_id") REFERENCES "reports"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_workspace_id_report_id_fkey" FOREIGN KEY ("workspace_id", "report_id") REFERENCES "reports"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "reports" ADD CONSTRAINT "reports_workspace_id_article_id_fkey" FOREIGN KEY ("workspace_id", "article_id") REFERENCES "articles"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_workspace_id_verdict_id_fkey" FOREIGN KEY ("workspace_id", "verdict_id") REFERENCES "verdicts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_workspace_id_source_id_fkey" FOREIGN KEY ("workspace_id", "source_id") REFERENCES "sources"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "verdict_history" ADD CONSTRAINT "verdict_history_workspace_id_verdict_id_fkey" FOREIGN KEY ("workspace_id", "verdict_id") REFERENCES "verdicts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_workspace_id_claim_id_fkey" FOREIGN KEY ("workspace_id", "claim_id") REFERENCES "claims"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_workspace_id_delivery_id_fkey" FOREIGN KEY ("workspace_id", "delivery_id") REFERENCES "webhook_deliveries"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_endpoint_id_fkey" FOREIGN KEY ("workspace_id", "endpoint_id") REFERENCES "webhook_endpoints"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Evidence that stays: captured snapshots of sources, excerpts quoted into them, link checks, and the feeds a desk watches.

CREATE TABLE "snapshots" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "requested_url" TEXT NOT NULL,
    "final_url" TEXT NOT NULL,
    "http_status" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "text" TEXT NOT NULL,
    "text_sha256" TEXT NOT NULL,
    "title" TEXT,
    "byline" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "captured_by_id" UUID,
    "captured_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "snapshots_workspace_id_source_id_captured_at_idx" ON "snapshots"("workspace_id", "source_id", "captured_at");
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- The bytes are stored gzipped by ClaimDesk; PostgreSQL should not try to compress them again.
ALTER TABLE "snapshots" ALTER COLUMN "content" SET STORAGE EXTERNAL;

CREATE TABLE "excerpt_quotes" (
    "claim_source_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "excerpt_quotes_pkey" PRIMARY KEY ("claim_source_id")
);
CREATE INDEX "excerpt_quotes_workspace_id_idx" ON "excerpt_quotes"("workspace_id");
CREATE INDEX "excerpt_quotes_snapshot_id_idx" ON "excerpt_quotes"("snapshot_id");
ALTER TABLE "excerpt_quotes" ADD CONSTRAINT "excerpt_quotes_claim_source_id_fkey" FOREIGN KEY ("claim_source_id") REFERENCES "claim_sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "excerpt_quotes" ADD CONSTRAINT "excerpt_quotes_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "link_checks" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "snapshot_id" UUID,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "detail" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "link_checks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "link_checks_outcome_check" CHECK ("outcome" IN ('UNCHANGED', 'CHANGED', 'GONE', 'FAILED'))
);
CREATE INDEX "link_checks_workspace_id_source_id_checked_at_idx" ON "link_checks"("workspace_id", "source_id", "checked_at");
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "link_checks" ADD CONSTRAINT "link_checks_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "feeds" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "items_imported" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "feeds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feeds_interval_minutes_check" CHECK ("interval_minutes" BETWEEN 5 AND 10080)
);
CREATE UNIQUE INDEX "feeds_workspace_id_url_key" ON "feeds"("workspace_id", "url");
CREATE INDEX "feeds_last_polled_at_idx" ON "feeds"("last_polled_at");
ALTER TABLE "feeds" ADD CONSTRAINT "feeds_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "feed_items" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "feed_id" UUID,
    "guid" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "article_id" UUID,
    "item_updated_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "imported_at" TIMESTAMPTZ(3),
    CONSTRAINT "feed_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "feed_items_feed_id_guid_key" ON "feed_items"("feed_id", "guid");
CREATE INDEX "feed_items_workspace_id_url_idx" ON "feed_items"("workspace_id", "url");
CREATE INDEX "feed_items_workspace_id_article_id_idx" ON "feed_items"("workspace_id", "article_id");
-- Removing a feed keeps its items (with no feed), so the articles it brought in are still known to come from a feed.
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "feeds"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

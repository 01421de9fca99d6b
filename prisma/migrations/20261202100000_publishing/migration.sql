-- Publishing: public pages of published report versions, the workspace's public feed token, and correction notices worded by editors.

CREATE TABLE "public_pages" (
    "report_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" UUID,
    CONSTRAINT "public_pages_pkey" PRIMARY KEY ("report_id")
);
CREATE UNIQUE INDEX "public_pages_token_key" ON "public_pages"("token");
CREATE INDEX "public_pages_workspace_id_idx" ON "public_pages"("workspace_id");
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "public_feeds" (
    "workspace_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "public_feeds_pkey" PRIMARY KEY ("workspace_id")
);
CREATE UNIQUE INDEX "public_feeds_token_key" ON "public_feeds"("token");
ALTER TABLE "public_feeds" ADD CONSTRAINT "public_feeds_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "correction_notices" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "edited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "correction_notices_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "correction_notices_verdict_id_version_key" ON "correction_notices"("verdict_id", "version");
CREATE INDEX "correction_notices_workspace_id_idx" ON "correction_notices"("workspace_id");
ALTER TABLE "correction_notices" ADD CONSTRAINT "correction_notices_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

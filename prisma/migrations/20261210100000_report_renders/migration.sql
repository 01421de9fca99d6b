-- Report files rendered by a background job (the PDF of a large draft report): the job's id is the row's, and a
-- render is kept for a day for the desk to download, then removed by the next render of the workspace.
CREATE TABLE "report_renders" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "entries" INTEGER NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_renders_pkey" PRIMARY KEY ("workspace_id", "id")
);
CREATE INDEX "report_renders_workspace_id_created_at_idx" ON "report_renders"("workspace_id", "created_at");
ALTER TABLE "report_renders" ADD CONSTRAINT "report_renders_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_renders" ADD CONSTRAINT "report_renders_workspace_id_article_id_fkey" FOREIGN KEY ("workspace_id", "article_id") REFERENCES "articles"("workspace_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

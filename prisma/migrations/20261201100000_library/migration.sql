-- The fact-check library: imported library files, their entries (and the workspace's approved verdicts), the claims' best matches.
CREATE TYPE "LibraryImportStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

CREATE TABLE "library_imports" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" "LibraryImportStatus" NOT NULL DEFAULT 'RUNNING',
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "job_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "library_imports_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "library_imports_workspace_id_created_at_idx" ON "library_imports"("workspace_id", "created_at");
ALTER TABLE "library_imports" ADD CONSTRAINT "library_imports_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "library_entries" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "import_id" UUID,
    "verdict_id" UUID,
    "claim_id" UUID,
    "external_id" TEXT,
    "claim" TEXT NOT NULL,
    "title" TEXT,
    "rating" TEXT,
    "rating_key" TEXT,
    "publisher" TEXT,
    "url" TEXT,
    "date" TEXT,
    "language" TEXT,
    "claimant" TEXT,
    "url_key" TEXT NOT NULL,
    "claim_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "library_entries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "library_entries_verdict_id_key" ON "library_entries"("verdict_id");
CREATE UNIQUE INDEX "library_entries_workspace_id_url_key_claim_key_key" ON "library_entries"("workspace_id", "url_key", "claim_key");
CREATE INDEX "library_entries_workspace_id_created_at_id_idx" ON "library_entries"("workspace_id", "created_at", "id");
CREATE INDEX "library_entries_import_id_idx" ON "library_entries"("import_id");
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "library_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- An approved verdict's entry goes with its verdict.
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "library_matches" (
    "workspace_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "entry_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "strong" BOOLEAN NOT NULL,
    "matched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "library_matches_pkey" PRIMARY KEY ("claim_id", "entry_id")
);
CREATE INDEX "library_matches_entry_id_idx" ON "library_matches"("entry_id");
CREATE INDEX "library_matches_workspace_id_strong_idx" ON "library_matches"("workspace_id", "strong");
ALTER TABLE "library_matches" ADD CONSTRAINT "library_matches_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "library_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "library_matches" ADD CONSTRAINT "library_matches_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "library_matches" ADD CONSTRAINT "library_matches_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "library_versions" (
    "workspace_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "library_versions_pkey" PRIMARY KEY ("workspace_id")
);
ALTER TABLE "library_versions" ADD CONSTRAINT "library_versions_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change to a workspace's entries (including those cascaded from a removed import, verdict or workspace) moves
-- its library version on, so in-memory match indexes know to rebuild.
CREATE FUNCTION "library_bump_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO library_versions (workspace_id, version)
      SELECT DISTINCT o.workspace_id, 1 FROM old_rows o WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id)
      ON CONFLICT (workspace_id) DO UPDATE SET version = library_versions.version + 1;
  ELSE
    INSERT INTO library_versions (workspace_id, version)
      SELECT DISTINCT n.workspace_id, 1 FROM new_rows n
      ON CONFLICT (workspace_id) DO UPDATE SET version = library_versions.version + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "library_entries_inserted" AFTER INSERT ON "library_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "library_bump_version"();
CREATE TRIGGER "library_entries_deleted" AFTER DELETE ON "library_entries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "library_bump_version"();

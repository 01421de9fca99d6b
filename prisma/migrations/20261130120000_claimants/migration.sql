-- Claimants: who makes each claim (the attributed source, else the article's author or publication), one per workspace and merge key.
CREATE TABLE "claimants" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "unnamed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claimants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "claimants_workspace_id_key_key" ON "claimants"("workspace_id", "key");
ALTER TABLE "claimants" ADD CONSTRAINT "claimants_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each claim points at its claimant; a source without a name ("officials", "people familiar with …") is marked.
ALTER TABLE "claims" ADD COLUMN "claimant_id" UUID;
ALTER TABLE "claims" ADD COLUMN "unnamed_source" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "claims_claimant_id_idx" ON "claims"("claimant_id");
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "claimants"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ClaimDesk initial schema: the whole domain of the product brief.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'FACT_CHECKER', 'VIEWER');
CREATE TYPE "ClaimStatus" AS ENUM ('DETECTED', 'FLAGGED', 'IN_RESEARCH', 'IN_REVIEW', 'VERIFIED', 'DISMISSED');
CREATE TYPE "ClaimKind" AS ENUM ('STATISTICAL', 'EVENT', 'CAUSAL', 'ATTRIBUTED', 'PREDICTION', 'OPINION', 'OTHER');
CREATE TYPE "DismissReason" AS ENUM ('NOT_CHECK_WORTHY', 'OPINION', 'DUPLICATE');
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'REFUTES', 'CONTEXT');
CREATE TYPE "VerdictState" AS ENUM ('DRAFT', 'PROPOSED', 'APPROVED', 'CHANGES_REQUESTED', 'WITHDRAWN');
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');
CREATE TYPE "SourceKind" AS ENUM ('WEB', 'DOCUMENT', 'DATASET', 'INTERVIEW', 'OTHER');

CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "memberships_workspace_id_user_id_key" ON "memberships"("workspace_id", "user_id");
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_workspace_id_idx" ON "sessions"("workspace_id");

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_workspace_id_idx" ON "api_tokens"("workspace_id");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

CREATE TABLE "articles" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "url" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "import_key" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "articles_workspace_id_import_key_key" ON "articles"("workspace_id", "import_key");
CREATE INDEX "articles_workspace_id_created_at_idx" ON "articles"("workspace_id", "created_at");

CREATE TABLE "article_revisions" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "article_revisions_article_id_number_key" ON "article_revisions"("article_id", "number");
CREATE INDEX "article_revisions_workspace_id_idx" ON "article_revisions"("workspace_id");

CREATE TABLE "claims" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "quote_exact" TEXT NOT NULL,
    "quote_prefix" TEXT NOT NULL,
    "quote_suffix" TEXT NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "check_worthy" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "cues" JSONB NOT NULL,
    "attribution" TEXT,
    "numbers" JSONB NOT NULL,
    "dates" JSONB NOT NULL,
    "entities" JSONB NOT NULL,
    "hedged" BOOLEAN NOT NULL,
    "attributed" BOOLEAN NOT NULL,
    "orphaned" BOOLEAN NOT NULL DEFAULT false,
    "origin" TEXT NOT NULL DEFAULT 'DETECTED',
    "status" "ClaimStatus" NOT NULL DEFAULT 'DETECTED',
    "rating" TEXT,
    "dismiss_reason" "DismissReason",
    "assignee_id" UUID,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED,
    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "claims_workspace_id_article_id_start_offset_idx" ON "claims"("workspace_id", "article_id", "start_offset");
CREATE INDEX "claims_workspace_id_status_idx" ON "claims"("workspace_id", "status");
CREATE INDEX "claims_workspace_id_assignee_id_idx" ON "claims"("workspace_id", "assignee_id");
CREATE INDEX "claims_workspace_id_created_at_id_idx" ON "claims"("workspace_id", "created_at", "id");
CREATE INDEX "claims_workspace_id_rating_idx" ON "claims"("workspace_id", "rating");
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");
CREATE INDEX "claims_text_idx" ON "claims" USING GIN ("text" gin_trgm_ops);

CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "accessed_at" TIMESTAMPTZ(3),
    "archive_url" TEXT,
    "kind" "SourceKind" NOT NULL DEFAULT 'WEB',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sources_workspace_id_created_at_idx" ON "sources"("workspace_id", "created_at");

CREATE TABLE "claim_sources" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "stance" "Stance" NOT NULL,
    "excerpt" TEXT,
    "note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_sources_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "claim_sources_claim_id_source_id_key" ON "claim_sources"("claim_id", "source_id");
CREATE INDEX "claim_sources_workspace_id_idx" ON "claim_sources"("workspace_id");
CREATE INDEX "claim_sources_source_id_idx" ON "claim_sources"("source_id");

CREATE TABLE "verdicts" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "rating_key" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "correction" TEXT,
    "state" "VerdictState" NOT NULL DEFAULT 'DRAFT',
    "author_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "proposed_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verdicts_workspace_id_state_proposed_at_idx" ON "verdicts"("workspace_id", "state", "proposed_at");
CREATE INDEX "verdicts_claim_id_idx" ON "verdicts"("claim_id");

CREATE TABLE "verdict_history" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "rating_key" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "correction" TEXT,
    "state" "VerdictState" NOT NULL,
    "actor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verdict_history_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "verdict_history_verdict_id_version_key" ON "verdict_history"("verdict_id", "version");
CREATE INDEX "verdict_history_workspace_id_idx" ON "verdict_history"("workspace_id");

CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "reviews_workspace_id_idx" ON "reviews"("workspace_id");
CREATE INDEX "reviews_verdict_id_idx" ON "reviews"("verdict_id");

CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "comments_workspace_id_idx" ON "comments"("workspace_id");
CREATE INDEX "comments_claim_id_created_at_idx" ON "comments"("claim_id", "created_at");

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "workspace_id" UUID NOT NULL,
    "actor_id" UUID,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_events_workspace_id_entity_entity_id_idx" ON "audit_events"("workspace_id", "entity", "entity_id");
CREATE INDEX "audit_events_workspace_id_created_at_idx" ON "audit_events"("workspace_id", "created_at");

-- History cannot be rewritten, not even by a bug: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

CREATE TABLE "reports" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "article_id" UUID,
    "scope_key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "reports_workspace_id_scope_key_version_key" ON "reports"("workspace_id", "scope_key", "version");
CREATE INDEX "reports_article_id_idx" ON "reports"("article_id");

CREATE TABLE "report_files" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    CONSTRAINT "report_files_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_files_report_id_format_key" ON "report_files"("report_id", "format");
CREATE INDEX "report_files_workspace_id_idx" ON "report_files"("workspace_id");

CREATE TABLE "rating_scales" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "ratings" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rating_scales_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "rating_scales_workspace_id_key" ON "rating_scales"("workspace_id");

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "articles" ADD CONSTRAINT "articles_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "article_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sources" ADD CONSTRAINT "sources_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_sources" ADD CONSTRAINT "claim_sources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "verdict_history" ADD CONSTRAINT "verdict_history_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "rating_scales" ADD CONSTRAINT "rating_scales_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

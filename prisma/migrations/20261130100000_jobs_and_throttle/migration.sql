-- Background jobs run by pg-boss (its own schema "pgboss", created by pg-boss itself) record what they wrote here,
-- in the same transaction as their rows, so a job retried after a crash completes exactly once.
CREATE TABLE "job_results" (
    "workspace_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_results_pkey" PRIMARY KEY ("workspace_id","job_id")
);

-- Sign-in throttle shared by every API process: attempts per key ("account:<email>", "address:<ip>") in a fixed window.
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "login_throttle_window_start_idx" ON "login_throttle"("window_start");

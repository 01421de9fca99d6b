// A worker process for load tests, as `claimdesk worker` runs: the application without HTTP, running jobs and schedules.
// Env: BENCH_DATABASE_URL. Answers {port: 0} once running.
import { configFromEnv, createAppContext } from '@claimdesk/server';

async function main() {
  const app = await createAppContext(configFromEnv(process.env, { databaseUrl: process.env.BENCH_DATABASE_URL!, workers: true }));
  process.on('message', async (m: { stop?: boolean } | null) => {
    if (m?.stop) {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ port: 0 });
}

main().catch((error) => {
  process.send?.({ error: String(error?.stack ?? error) });
  process.exit(1);
});

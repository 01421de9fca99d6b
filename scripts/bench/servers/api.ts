// The real API (NestJS on Express) in its own process, for load tests. Env: BENCH_DATABASE_URL, BENCH_POOL_SIZE, BENCH_WEB_DIR (a built web app to serve at /).
import { createApp } from '@claimdesk/server';

async function main() {
  const app = await createApp({
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    logLevel: 'silent',
    poolSize: process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : undefined,
    webDir: process.env.BENCH_WEB_DIR || null,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.on('message', async (m: { stop?: boolean } | null) => {
    if (m?.stop) {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ port });
}

main().catch((error) => {
  process.send?.({ error: String(error?.stack ?? error) });
  process.exit(1);
});

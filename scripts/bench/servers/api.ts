// The real API (NestJS on Express) in its own process, for load tests. Env: BENCH_DATABASE_URL, BENCH_POOL_SIZE, BENCH_WEB_DIR (a built web app to serve at /).
// Over IPC it also reports its event loop's delay and its garbage collection between a `{ loop: 'reset' }` and a `{ loop: 'read' }`.
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createApp } from '@claimdesk/server';
import type { LoopStats } from '../common';

function watchLoop() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let gc = { ms: 0, pauses: 0, longest: 0, majorMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.ms += entry.duration;
      gc.pauses++;
      gc.longest = Math.max(gc.longest, entry.duration);
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMs += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  let since = Date.now();
  let cpu = process.cpuUsage();
  return {
    reset() {
      delay.reset();
      gc = { ms: 0, pauses: 0, longest: 0, majorMs: 0 };
      since = Date.now();
      cpu = process.cpuUsage();
    },
    read(): LoopStats {
      const used = process.cpuUsage(cpu);
      const ms = (ns: number) => Math.round(ns / 1e4) / 100;
      return {
        seconds: (Date.now() - since) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
        delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
        gc: { ms: Math.round(gc.ms), majorMs: Math.round(gc.majorMs), pauses: gc.pauses, longest: Math.round(gc.longest) },
        heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
      };
    },
  };
}

async function main() {
  const loop = watchLoop();
  const app = await createApp({
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    logLevel: 'silent',
    poolSize: process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : undefined,
    webDir: process.env.BENCH_WEB_DIR || null,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.on('message', async (m: { stop?: boolean; loop?: 'reset' | 'read' } | null) => {
    if (m?.loop === 'reset') loop.reset();
    if (m?.loop === 'read') process.send!({ loop: loop.read() });
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

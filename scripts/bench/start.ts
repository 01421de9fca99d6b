// Start: `node bin/claimdesk.js serve` (what `npm start` runs) with a brand-new CLAIMDESK_DATA_DIR, timed until GET /api/health
// answers 200; then a second start on the same data directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { log, ROOT, round, tmpDir, type SectionResult } from './common';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startOnce(dataDir: string): Promise<{ ms: number; printedMs: number | null; output: string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/claimdesk.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, CLAIMDESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let printedMs: number | null = null;
  child.stdout.on('data', (d) => {
    output += d;
    if (printedMs === null && /is running at/.test(output)) printedMs = performance.now() - started;
  });
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`claimdesk serve exited before answering: ${output.slice(-500)}`);
      if (performance.now() - started > 120_000) throw new Error(`no healthy answer after 120 s: ${output.slice(-500)}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.status === 200) return { ms: performance.now() - started, printedMs, output };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (!exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
  }
}

export async function benchStart(): Promise<SectionResult> {
  const webBuilt = fs.existsSync(path.join(ROOT, 'dist/web/index.html'));
  const dir = tmpDir('start');
  fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root: it must enter the parent
  try {
    const cold = await startOnce(path.join(dir, 'data'));
    log(`start: cold ${round(cold.ms, 0)} ms`);
    const warm = await startOnce(path.join(dir, 'data'));
    log(`start: second ${round(warm.ms, 0)} ms`);
    return {
      measures: [
        {
          section: 'start',
          name: 'Cold start (new data dir: initdb, migrate, listen) to /api/health 200',
          value: round(cold.ms / 1000),
          unit: 's',
          goal: 'recorded (no goal set)',
          met: null,
          note: webBuilt ? '' : 'dist/web was missing: includes the first web build',
        },
        { section: 'start', name: 'Second start (same data dir) to /api/health 200', value: round(warm.ms / 1000), unit: 's', goal: 'recorded (no goal set)', met: null },
      ],
      details: `\`node bin/claimdesk.js serve --port <free> --host 127.0.0.1\` with CLAIMDESK_DATA_DIR under the system temp directory, polled every 20 ms; the server is stopped with SIGINT after each run and the directory removed. "is running at" printed after ${round((cold.printedMs ?? NaN) / 1000)} s (cold) and ${round((warm.printedMs ?? NaN) / 1000)} s (second).`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

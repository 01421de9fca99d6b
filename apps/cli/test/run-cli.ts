// Runs the real `claimdesk` command as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Every server a test started, so a failing test still leaves none behind. */
const started = new Set<ChildProcess>();

export function stopAllServers(): void {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      if (child.spawnargs && (child as ChildProcess & { detachedGroup?: boolean }).detachedGroup) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  started.clear();
}

const BIN = path.resolve(__dirname, '../../../bin/claimdesk.js');

/** Runs a command; `input` is written to its standard input. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `claimdesk serve` and resolves with its URL once it prints it. */
export function startServer(env: NodeJS.ProcessEnv, options: { detached?: boolean } = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    // detached: its own process group, so a test can kill the server and its PostgreSQL together, like a power cut.
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached,
    });
    started.add(child);
    if (options.detached) (child as ChildProcess & { detachedGroup?: boolean }).detachedGroup = true;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d;
      const match = /running at (http:\/\/localhost:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', options: { group?: boolean } = {}): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    if (options.group) process.kill(-child.pid!, signal);
    else child.kill(signal);
  });
}

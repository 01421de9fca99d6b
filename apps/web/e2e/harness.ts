// Starts the real ClaimDesk server on a free port with a throw-away data directory, and a headless Chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/web when it is missing or older than the web app's sources. */
function ensureWebBuild(): void {
  const index = path.join(ROOT, 'dist/web/index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'apps/web/src')), newestMtime(path.join(ROOT, 'libs/domain/src')));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
  fs.chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as its own user and must traverse this directory
  // The clock's jobs stay off: tests poll feeds when they say so. Every draft PDF is laid out by a background job, as a
  // large report's is, so the page's way of following that job is what the tests drive.
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMDESK_DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLAIMDESK_SCHEDULES: '0', CLAIMDESK_PDF_JOB_ENTRIES: '0' };
  delete env.DATABASE_URL;
  delete env.PORT;
  const child: ChildProcess = spawn(process.execPath, ['bin/claimdesk.js', 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /ClaimDesk is running at (http:\/\/[^\s/]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace('localhost', '127.0.0.1'));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** `enforceCsp`: the page keeps the server's Content-Security-Policy (and then axe-core cannot be injected). */
interface PageOptions {
  enforceCsp?: boolean;
}

async function newPage(browser: Browser, baseURL: string, options: PageOptions = {}): Promise<Page> {
  // bypassCSP lets axe-core be injected; it also means the hostile-content test proves the rendering is safe, not the CSP.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL, bypassCSP: !options.enforceCsp });
  return context.newPage();
}

/** The built app on its own embedded PostgreSQL and a Chromium, for one test file; both stopped after it. */
export function useServerAndBrowser(): { newPage(options?: PageOptions): Promise<Page>; readonly server: RunningServer } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    newPage: (options?: PageOptions) => newPage(browser!, server!.url, options),
    get server() {
      return server!;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Runs axe-core on the current page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; html: string }> }> }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)}`)
            .join(', ')}`,
      );
  });
  return violations;
}

/** First-run setup through the setup page: a new workspace and its first admin, signed in on `page`. */
export async function setUpWorkspace(page: Page, admin: { workspace: string; name: string; email: string; password: string }): Promise<void> {
  await page.goto('/setup');
  await page.getByLabel('Workspace name').fill(admin.workspace);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(admin.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * An admin on Settings (`admin`) invites `member` with `role`; the person opens the one-time link in a browser page of
 * their own (`invited`), chooses their own password and joins. Returns with the member listed on the admin's page.
 */
export async function inviteMember(admin: Page, invited: Page, member: { name: string; email: string; password: string }, role: 'ADMIN' | 'EDITOR' | 'FACT_CHECKER' | 'VIEWER'): Promise<void> {
  const form = admin.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email').fill(member.email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  const link = new URL((await form.getByTestId('invitation-link').textContent())!);
  await invited.goto(link.pathname + link.hash);
  await invited.getByLabel('Your name').fill(member.name);
  await invited.getByLabel('Choose a password').fill(member.password);
  await invited.getByRole('button', { name: 'Create my account and join' }).click();
  await invited.getByRole('navigation', { name: 'Main' }).waitFor();
  await admin.reload();
  await admin.getByRole('cell', { name: member.email }).waitFor();
}

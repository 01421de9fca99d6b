// The claimdesk command line: help, argument errors, migrate and user create against a real database.
import { createMigratedDatabase } from '@claimdesk/db';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { Client } from 'pg';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli';

// The sample article as a file, for the commands that read one.
let sampleDir = '';
let SAMPLE_PATH = '';
beforeAll(() => {
  sampleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-sample-'));
  SAMPLE_PATH = path.join(sampleDir, 'havana-pivot-east.txt');
  fs.writeFileSync(SAMPLE_PATH, SAMPLE_ARTICLE.text);
});
afterAll(() => {
  if (sampleDir) fs.rmSync(sampleDir, { recursive: true, force: true });
});

describe('claimdesk command line', () => {
  let databaseUrl: string;
  beforeAll(async () => (databaseUrl = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!)));

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['user', 'create', '--help'], ['extract', '--help'], ['import', '--help'], ['report', 'export', '--help']]) {
      const result = await runCli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 0 });
      expect(result.stdout).toContain('Usage: claimdesk');
    }
  });

  it('exits non-zero with a clear message on bad arguments', async () => {
    const badRole = await runCli(['user', 'create', '--email', 'a@example.org', '--role', 'boss'], { DATABASE_URL: databaseUrl, CLAIMDESK_PASSWORD: 'long enough pw' });
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('role must be one of admin, editor, fact_checker, viewer');
    const missing = await runCli(['user', 'create', '--email', 'a@example.org'], { DATABASE_URL: databaseUrl });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/required option '--role/);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
  });

  it('migrates idempotently', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('database is up to date');
  });

  it('never takes a password on the command line, where the process list shows it', async () => {
    const inArgs = await runCli(['user', 'create', '--email', 'argv@example.org', '--password', 'long enough pw', '--role', 'admin', '--workspace', 'argv'], { DATABASE_URL: databaseUrl });
    expect(inArgs.code).not.toBe(0);
    expect(inArgs.stderr).toContain("unknown option '--password'");
    const none = await runCli(['user', 'create', '--email', 'argv@example.org', '--role', 'admin', '--workspace', 'argv'], { DATABASE_URL: databaseUrl, CLAIMDESK_PASSWORD: '' });
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('--password-stdin, or in CLAIMDESK_PASSWORD');
    const short = await runCli(['user', 'create', '--email', 'argv@example.org', '--role', 'admin', '--workspace', 'argv', '--password-stdin'], { DATABASE_URL: databaseUrl }, 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('password at least 10 characters');
  });

  it('creates the first admin with a workspace, then members of it', async () => {
    const admin = await runCli(['user', 'create', '--email', 'chief@example.org', '--role', 'admin', '--workspace', 'planet'], { DATABASE_URL: databaseUrl, CLAIMDESK_PASSWORD: 'long enough pw' });
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('created admin chief@example.org and workspace "planet"');
    const checker = await runCli(['user', 'create', '--email', 'checker@example.org', '--role', 'fact_checker', '--password-stdin'], { DATABASE_URL: databaseUrl }, 'stdin secret pw\n');
    expect(checker.stdout).toContain('created fact_checker checker@example.org in workspace "planet"');
    const again = await runCli(['user', 'create', '--email', 'checker@example.org', '--role', 'viewer'], { DATABASE_URL: databaseUrl, CLAIMDESK_PASSWORD: 'long enough pw' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const rows = (await pg.query(`SELECT u.email, m.role FROM users u JOIN memberships m ON m.user_id = u.id ORDER BY u.email`)).rows;
    await pg.end();
    expect(rows).toEqual([
      { email: 'checker@example.org', role: 'FACT_CHECKER' },
      { email: 'chief@example.org', role: 'ADMIN' },
    ]);
  });

  it('extracts claims from a file as JSON in the stable shape', async () => {
    const result = await runCli(['extract', SAMPLE_PATH, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['text', 'claims']);
    const castro = json.claims.find((c: { text: string }) => c.text.includes('Fidel Castro in November 2022'));
    expect(Object.keys(castro)).toEqual(['text', 'start', 'end', 'paragraph', 'kind', 'score', 'checkWorthy', 'reasons', 'cues', 'attribution', 'numbers', 'dates', 'entities', 'claimant']);
    expect(json.text.slice(castro.start, castro.end)).toBe(castro.text);
    expect(castro.claimant).toBeNull();
    const byAuthor = JSON.parse((await runCli(['extract', SAMPLE_PATH, '--format', 'json', '--author', 'Ana Lucía Ferrer'])).stdout);
    const claimantOf = (words: string) => byAuthor.claims.find((c: { text: string }) => c.text.includes(words)).claimant;
    expect(claimantOf('Fidel Castro in November 2022')).toBe('Ana Lucía Ferrer');
    expect(claimantOf('Chinese state banks lent Cuba')).toBe('Boston University Global Development Policy Center');
    const table = await runCli(['extract', SAMPLE_PATH]);
    expect(table.stdout).toContain('allegedly');
    const missing = await runCli(['extract', 'no-such-file.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });

  it('ends quietly, with status 0, when the command reading its output stops early (`| head`)', () => {
    // Twenty sample articles: far more JSON than a pipe holds, so the command is still writing when head leaves.
    const long = path.join(sampleDir, 'long.txt');
    fs.writeFileSync(long, Array.from({ length: 20 }, () => SAMPLE_ARTICLE.text).join('\n\n'));
    const bin = path.resolve(__dirname, '../../../bin/claimdesk.js');
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" extract "${long}" --format json | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(piped.stderr).not.toContain('EPIPE');
    expect(piped.stderr.trim()).toBe('status 0');
  });

  it('imports an article and exports its report', async () => {
    const imported = await runCli(['import', SAMPLE_PATH, '--title', 'From the command line', '--workspace', 'planet'], { DATABASE_URL: databaseUrl });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/imported "From the command line" \(([0-9a-f-]{36})\): \d+ claims/);
    const articleId = /\(([0-9a-f-]{36})\)/.exec(imported.stdout)![1];
    const again = await runCli(['import', SAMPLE_PATH, '--workspace', 'planet'], { DATABASE_URL: databaseUrl });
    expect(again.stdout).toContain(articleId);
    const notPublished = await runCli(['report', 'export', '--article', articleId, '--format', 'md'], { DATABASE_URL: databaseUrl });
    expect(notPublished.code).toBe(1);
    expect(notPublished.stderr).toContain('no published report yet');
    const draft = await runCli(['report', 'export', '--article', articleId, '--format', 'json', '--draft'], { DATABASE_URL: databaseUrl });
    expect(draft.code).toBe(0);
    expect(JSON.parse(draft.stdout)).toMatchObject({ schemaVersion: 1, summary: { claimsChecked: 0 } });
    const badFormat = await runCli(['report', 'export', '--article', articleId, '--format', 'docx'], { DATABASE_URL: databaseUrl });
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toContain('format must be one of md, html, pdf, csv, json, jsonld');
  });

  it('imports a library file and prints its per-line report; an unreadable file fails with the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-library-'));
    try {
      const admin = await runCli(['user', 'create', '--email', 'shelf@example.org', '--role', 'admin', '--workspace', 'shelf'], { DATABASE_URL: databaseUrl, CLAIMDESK_PASSWORD: 'long enough pw' });
      expect(admin.code).toBe(0);
      const csv = path.join(dir, 'checks.csv');
      fs.writeFileSync(
        csv,
        'claim,rating,url,publisher\n"Miguel Díaz-Canel came to power in Cuba in 2016.",False,https://checks.example/a,Island Checks\n,True,https://checks.example/b,Island Checks\n"Miguel Díaz-Canel came to power in Cuba in 2016.",False,https://checks.example/a,Island Checks\n',
      );
      const imported = await runCli(['library', 'import', csv, '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/imported 1 entries from checks\.csv \([0-9a-f-]{36}\), 2 skipped/);
      expect(imported.stdout).toContain('line 3: skipped, no claim text');
      expect(imported.stdout).toContain('line 4: skipped, duplicate of line 2');
      const again = await runCli(['library', 'import', csv, '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
      expect(again.stdout).toMatch(/imported 0 entries .*, 3 skipped/);
      expect(again.stdout).toContain('line 2: skipped, already in the library');
      // The sample article's claims are matched at import; with the stored matches gone (as after a model that ranked
      // differently), `library rematch` stores them again.
      const article = await runCli(['import', SAMPLE_PATH, '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
      expect(article.code).toBe(0);
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const stored = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM library_matches WHERE strong')).rows[0].n);
        expect(await stored()).toBeGreaterThan(0);
        const before = await stored();
        await db.query('DELETE FROM library_matches');
        const rematched = await runCli(['library', 'rematch', '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
        expect(rematched.stderr).toBe('');
        expect(rematched.stdout).toMatch(/^matched \d+ claims again against the library: [1-9]\d* checked before/);
        expect(await stored()).toBe(before);
      } finally {
        await db.end();
      }
      const bad = path.join(dir, 'feed.json');
      fs.writeFileSync(bad, 'claim,rating\n');
      const refused = await runCli(['library', 'import', bad, '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/cannot import feed\.json: .*json/i);
      const missing = await runCli(['library', 'import', path.join(dir, 'missing.csv'), '--workspace', 'shelf'], { DATABASE_URL: databaseUrl });
      expect(missing.stderr).toContain('no such file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('imports the sample article into a workspace with demo, and says what is missing', async () => {
    const own = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!);
    const help = await runCli(['demo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: claimdesk demo');
    const noWorkspace = await runCli(['demo'], { DATABASE_URL: own });
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toContain('no workspace yet');

    await runCli(['user', 'create', '--email', 'desk@example.org', '--role', 'admin', '--workspace', 'desk'], { DATABASE_URL: own, CLAIMDESK_PASSWORD: 'long enough pw' });
    const wrongWorkspace = await runCli(['demo', '--workspace', 'elsewhere'], { DATABASE_URL: own });
    expect(wrongWorkspace.code).toBe(1);
    expect(wrongWorkspace.stderr).toContain('no workspace "elsewhere"');
    const stranger = await runCli(['demo', '--as', 'stranger@example.org'], { DATABASE_URL: own });
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('stranger@example.org is not a member of "desk"');

    const demo = await runCli(['demo', '--workspace', 'desk', '--as', 'desk@example.org'], { DATABASE_URL: own, CLAIMDESK_PUBLIC_URL: 'https://claims.example.org' });
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const [, articleId, detected] = /imported ".+" \(([0-9a-f-]{36})\): (\d+) claims/.exec(demo.stdout)!;
    expect(demo.stdout).toContain(`https://claims.example.org/articles/${articleId}`);

    const pg = new Client({ connectionString: own });
    await pg.connect();
    const article = (await pg.query(`SELECT a.title, a.author, a.url, u.email FROM articles a JOIN users u ON u.id = a.created_by_id WHERE a.id = $1`, [articleId])).rows[0];
    const claims = (await pg.query(`SELECT count(*)::int AS n FROM claims WHERE article_id = $1`, [articleId])).rows[0].n;
    await pg.end();
    expect(article).toEqual({ title: SAMPLE_ARTICLE.title, author: SAMPLE_ARTICLE.author, url: SAMPLE_ARTICLE.url, email: 'desk@example.org' });
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBe(Number(detected));
  });
});

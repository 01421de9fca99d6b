// Integration-test harness: a real API on a real port against the run's embedded PostgreSQL, and HTTP clients per role.
import type { INestApplication } from '@nestjs/common';
import { MembersRepository, createMigratedDatabase, createPrismaClient, type Db } from '@claimdesk/db';
import { SAMPLE_ARTICLE, type JobDto, type MeDto, type Role } from '@claimdesk/domain';
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { AppConfig, createApp, hashPassword, newSecret, sha256 } from '@claimdesk/server';
import { ContractChecker, type OpenApiDocument } from './contract';

/** The sample article: an opinion piece with hedged, attributed and wrong claims. */
export const SAMPLE = SAMPLE_ARTICLE.text;

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;

export interface TestApi {
  baseUrl: string;
  db: Db;
  app: INestApplication;
  /** The API's OpenAPI document, which every response a Client receives is checked against. */
  contract: ContractChecker;
  close(): Promise<void>;
}

const contracts = new Map<string, ContractChecker>();

/** An API on the run's shared database, or on a database of its own (for first-run setup tests). */
export async function startApi(options: { ownDatabase?: boolean } = {}): Promise<TestApi> {
  const shared = process.env.CLAIMDESK_TEST_DATABASE_URL;
  if (!shared) throw new Error('integration tests need the jest int preset (CLAIMDESK_TEST_DATABASE_URL)');
  const databaseUrl = options.ownDatabase ? await createMigratedDatabase(shared) : shared;
  const app = await createApp({ databaseUrl, logLevel: 'silent' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const db = createPrismaClient(databaseUrl, { max: 4 });
  const baseUrl = `http://127.0.0.1:${port}`;
  const contract = new ContractChecker(await apiDocument(port, app.get(AppConfig).allowedHosts[0]));
  contracts.set(baseUrl, contract);
  return {
    baseUrl,
    db,
    app,
    contract,
    async close() {
      contracts.delete(baseUrl);
      await db.$disconnect();
      await app.close();
    },
  };
}

/** The API's own OpenAPI document, asked for under a host the API accepts (with CLAIMDESK_ALLOWED_HOSTS set, 127.0.0.1 is refused). */
function apiDocument(port: number, host: string | undefined): Promise<OpenApiDocument> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/docs-json', headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET /api/docs-json answered ${res.statusCode}`));
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OpenApiDocument);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in (or anonymous) user talking HTTP to the API, with cookie and CSRF header like the web app. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  me: MeDto | null = null;

  constructor(
    readonly baseUrl: string,
    readonly email?: string,
  ) {}

  // Integration tests read response bodies freely (`res.body.items[0].id`); a test that wants a checked shape passes T.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') h['content-type'] = 'application/json';
    if (typeof body === 'string') h['content-type'] ??= 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    // Readers' pages live outside the API prefix, at /public/...
    const url = path.startsWith('/public/') ? path : `/api${path}`;
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : body instanceof FormData || typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('claimdesk_session=')) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    const breach = contracts.get(this.baseUrl)?.check(method, url, response.status, response.headers.get('content-type'), parsed);
    if (breach) throw new Error(`response breaks the API document: ${breach}\n${text.slice(0, 2000)}`);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /* eslint-disable @typescript-eslint/no-explicit-any -- as for request() */
  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {});
  /* eslint-enable @typescript-eslint/no-explicit-any */
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path);

  async login(password = PASSWORD): Promise<this> {
    const result = await this.post<MeDto>('/auth/login', { email: this.email, password });
    if (result.status !== 200) throw new Error(`login failed for ${this.email}: ${result.status} ${JSON.stringify(result.body)}`);
    this.me = result.body;
    this.csrf = result.body.csrfToken;
    return this;
  }
}

export interface TestWorkspace {
  id: string;
  slug: string;
  admin: Client;
  editor: Client;
  factChecker: Client;
  viewer: Client;
  anonymous: Client;
  users: Record<'admin' | 'editor' | 'factChecker' | 'viewer', { id: string; email: string }>;
}

/** A fresh workspace with one signed-in member of each role, so tests never share state. */
export async function makeWorkspace(api: TestApi, label = 'ws'): Promise<TestWorkspace> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const slug = `${label}-${tag}`.toLowerCase().slice(0, 40);
  const users = {} as TestWorkspace['users'];
  const { workspace, user } = await api.db.$transaction((tx) =>
    new MembersRepository().createWorkspaceWithAdmin(tx, { email: `admin-${tag}@example.org`, name: `Admin ${tag}`, passwordHash: hash, workspaceName: `Newsroom ${tag}`, slug }),
  );
  users.admin = { id: user.id, email: user.email };
  const roles: Array<[keyof TestWorkspace['users'], Role]> = [
    ['editor', 'EDITOR'],
    ['factChecker', 'FACT_CHECKER'],
    ['viewer', 'VIEWER'],
  ];
  for (const [key, role] of roles) {
    const email = `${key.toLowerCase()}-${tag}@example.org`;
    const created = await api.db.user.create({ data: { email, name: `${key} ${tag}`, passwordHash: hash } });
    await api.db.membership.create({ data: { workspaceId: workspace.id, userId: created.id, role } });
    users[key] = { id: created.id, email };
  }
  const client = (key: keyof TestWorkspace['users']) => signedInClient(api, users[key].email, workspace.id);
  const [admin, editor, factChecker, viewer] = await Promise.all([client('admin'), client('editor'), client('factChecker'), client('viewer')]);
  return { id: workspace.id, slug, admin, editor, factChecker, viewer, anonymous: new Client(api.baseUrl), users };
}

/** A session made directly in the database (as sign-in would), so test setup does not count against the sign-in throttle. */
async function signedInClient(api: TestApi, email: string, workspaceId: string): Promise<Client> {
  const user = await api.db.user.findUniqueOrThrow({ where: { email } });
  const token = newSecret();
  const csrfToken = newSecret(24);
  await api.db.session.create({ data: { userId: user.id, workspaceId, tokenHash: sha256(token), csrfToken, expiresAt: new Date(Date.now() + 3600_000) } });
  const client = new Client(api.baseUrl, email);
  client.cookie = `claimdesk_session=${token}`;
  client.csrf = csrfToken;
  const me = await client.get<MeDto>('/auth/me');
  if (me.status !== 200) throw new Error(`session for ${email} does not work: ${me.status}`);
  client.me = me.body;
  return client;
}

/** A background job once it has ended (completed or failed), polled through the API as a client would. */
export async function jobFinished(client: Client, jobId: string): Promise<JobDto> {
  for (let i = 0; i < 1200; i++) {
    const job = await client.get<JobDto>(`/jobs/${jobId}`);
    if (job.status !== 200) throw new Error(`job ${jobId}: ${job.status} ${JSON.stringify(job.body)}`);
    if (job.body.state === 'completed' || job.body.state === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

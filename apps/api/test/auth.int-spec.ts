// Accounts and access: first-run setup, sign-in, sessions, CSRF, roles and workspace isolation.
import { Client, PASSWORD, makeWorkspace, startApi, type TestApi } from './harness';

describe('first-run setup', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi({ ownDatabase: true })));
  afterAll(() => api.close());

  it('creates the first admin and workspace once, then refuses', async () => {
    const visitor = new Client(api.baseUrl);
    expect((await visitor.get('/setup')).body).toEqual({ needsSetup: true });
    const body = { email: 'Editor-In-Chief@Example.org', name: 'Ada', password: 'a long enough secret', workspaceName: 'Daily Planet' };
    const first = await visitor.post('/setup', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ role: 'ADMIN', user: { email: 'editor-in-chief@example.org' }, workspace: { slug: 'daily-planet', name: 'Daily Planet' } });
    expect(first.headers.get('set-cookie')).toMatch(/claimdesk_session=.+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax/);
    expect((await visitor.get('/auth/me')).status).toBe(200);

    const second = await new Client(api.baseUrl).post('/setup', { ...body, email: 'intruder@example.org' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('SETUP_DONE');
    expect(await api.db.user.count()).toBe(1);
    expect((await visitor.get('/setup')).body).toEqual({ needsSetup: false });
    const stored = await api.db.user.findFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('names the field of a bad setup request', async () => {
    const result = await new Client(api.baseUrl).post('/setup', { email: 'not-an-email', name: 'x', password: 'short', workspaceName: 'W', extra: 1 });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const paths = result.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });
});

describe('sign-in and access', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('answers 401 to a wrong password without saying which part was wrong', async () => {
    const ws = await makeWorkspace(api, 'login');
    const wrongPassword = await new Client(api.baseUrl).post('/auth/login', { email: ws.users.editor.email, password: 'not the password' });
    const unknownEmail = await new Client(api.baseUrl).post('/auth/login', { email: 'nobody@example.org', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.message).toBe(unknownEmail.body.message);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });
});

describe('sign-in throttle', () => {
  let api: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    api = await startApi();
    second = await startApi();
  });
  afterAll(() => Promise.all([api.close(), second.close()]));
  // Every test signs in from 127.0.0.1: each starts with the address's count at zero and leaves it there for later tests.
  const clearAddresses = () => api.db.$executeRaw`DELETE FROM login_throttle WHERE key LIKE 'address:%'`;
  beforeEach(clearAddresses);
  afterEach(clearAddresses);

  it('answers 429 after 10 failures in a minute', async () => {
    const ws = await makeWorkspace(api, 'throttle');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await new Client(api.baseUrl).post('/auth/login', { email: ws.users.viewer.email, password: `wrong ${i}` })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const rightPassword = await new Client(api.baseUrl).post('/auth/login', { email: ws.users.viewer.email, password: PASSWORD });
    expect(rightPassword.status).toBe(429);
  });

  it('counts failures across API processes on the same database', async () => {
    const ws = await makeWorkspace(api, 'throttle2');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const process = i % 2 === 0 ? api : second;
      statuses.push((await new Client(process.baseUrl).post('/auth/login', { email: ws.users.editor.email, password: `wrong ${i}` })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    expect((await new Client(second.baseUrl).post('/auth/login', { email: ws.users.editor.email, password: PASSWORD })).status).toBe(429);
  });

  it('refuses simultaneous guesses past the limit, the right password among them', async () => {
    const ws = await makeWorkspace(api, 'throttle3');
    const guesses = Array.from({ length: 150 }, (_, i) => (i === 99 ? PASSWORD : `wrong guess ${i}`));
    const statuses = await Promise.all(guesses.map((password) => new Client(api.baseUrl).post('/auth/login', { email: ws.users.factChecker.email, password }).then((r) => r.status)));
    // Exactly the first ten attempts counted get an answer about the password; every other one is refused unchecked.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(140);
    expect(statuses.filter((s) => s !== 429 && s !== 401 && s !== 200)).toEqual([]);
  });

  it('lets the account sign in again after a success, without resetting the address', async () => {
    const ws = await makeWorkspace(api, 'throttle4');
    for (let i = 0; i < 9; i++) expect((await new Client(api.baseUrl).post('/auth/login', { email: ws.users.viewer.email, password: `wrong ${i}` })).status).toBe(401);
    expect((await new Client(api.baseUrl).post('/auth/login', { email: ws.users.viewer.email, password: PASSWORD })).status).toBe(200);
    expect((await new Client(api.baseUrl).post('/auth/login', { email: ws.users.viewer.email, password: 'wrong again' })).status).toBe(401);
    // The address has nine failures; one more is its tenth, the next is refused for any account.
    expect((await new Client(api.baseUrl).post('/auth/login', { email: ws.users.editor.email, password: 'wrong' })).status).toBe(429);
  });
});

describe('sessions and roles', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('answers 401 without a session', async () => {
    const anonymous = new Client(api.baseUrl);
    expect((await anonymous.get('/auth/me')).status).toBe(401);
    expect((await anonymous.get('/members')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers 403 to a viewer calling an admin route, and changes nothing', async () => {
    const ws = await makeWorkspace(api, 'roles');
    const result = await ws.viewer.post('/invitations', { email: 'new@example.org', role: 'EDITOR' });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('FORBIDDEN');
    expect(await api.db.invitation.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('answers 404 for another workspace’s data', async () => {
    const mine = await makeWorkspace(api, 'mine');
    const theirs = await makeWorkspace(api, 'theirs');
    const result = await mine.admin.patch(`/members/${theirs.users.editor.id}`, { role: 'VIEWER' });
    expect(result.status).toBe(404);
    const list = await mine.admin.get('/members');
    expect(list.body.map((m: { email: string }) => m.email)).not.toContain(theirs.users.editor.email);
    expect((await api.db.membership.findFirstOrThrow({ where: { userId: theirs.users.editor.id } })).role).toBe('EDITOR');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const ws = await makeWorkspace(api, 'csrf');
    const result = await ws.admin.request('POST', '/invitations', { email: 'x@example.org', role: 'VIEWER' }, { 'x-csrf-token': 'forged' });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('CSRF_FAILED');
  });

  it('lets an invited person set their own password and then sign in with the role they were invited with', async () => {
    const ws = await makeWorkspace(api, 'add');
    const invited = await ws.admin.post('/invitations', { email: 'Reporter@Example.org', role: 'FACT_CHECKER' });
    expect(invited.status).toBe(201);
    const accepted = await new Client(api.baseUrl).post('/invitations/accept', { token: invited.body.token, account: 'new', name: 'Rita', password: 'long enough pw' });
    expect(accepted.status).toBe(200);
    const rita = await new Client(api.baseUrl, 'reporter@example.org').login('long enough pw');
    expect(rita.me).toMatchObject({ role: 'FACT_CHECKER', workspace: { id: ws.id } });
    const audit = await api.db.auditEvent.findMany({ where: { workspaceId: ws.id, entity: 'membership', entityId: rita.me!.user.id } });
    expect(audit).toHaveLength(1);
  });

  it('ends a session at logout', async () => {
    const ws = await makeWorkspace(api, 'logout');
    expect((await ws.editor.post('/auth/logout')).status).toBe(204);
    expect((await ws.editor.get('/auth/me')).status).toBe(401);
  });

  it('sets security headers', async () => {
    const result = await new Client(api.baseUrl).get('/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', database: { reachable: true }, migrations: { pending: [] } });
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

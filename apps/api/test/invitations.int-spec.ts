// Members join by invitation: no admin ever sets or learns another person's password, and inviting an email says
// nothing about an existing account (the cross-workspace account takeover of the security review).
import { Client, PASSWORD, makeWorkspace, startApi, type TestApi } from './harness';

describe('invitations', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('no longer lets an admin create an account with a password of their choosing', async () => {
    const ws = await makeWorkspace(api, 'no-password');
    const result = await ws.admin.post('/members', { email: 'victim@example.org', name: 'V', password: 'chosen by admin', role: 'VIEWER' });
    expect(result.status).toBe(404);
    const invite = await ws.admin.post('/invitations', { email: 'victim2@example.org', role: 'VIEWER', password: 'chosen by admin' });
    expect(invite.status).toBe(400);
    expect(invite.body.details).toEqual([{ path: 'password', message: 'unknown field: password' }]);
    expect(await api.db.user.count({ where: { email: { in: ['victim@example.org', 'victim2@example.org'] } } })).toBe(0);
  });

  it('answers an invitation for an existing account exactly as for a new email', async () => {
    const a = await makeWorkspace(api, 'reveal-a');
    const b = await makeWorkspace(api, 'reveal-b');
    const existing = await b.admin.post('/invitations', { email: a.users.editor.email, role: 'VIEWER' });
    const fresh = await b.admin.post('/invitations', { email: `nobody-${Date.now()}@example.org`, role: 'VIEWER' });
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(201);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    const account = await api.db.user.findUniqueOrThrow({ where: { email: a.users.editor.email } });
    expect(JSON.stringify(existing.body)).not.toContain(account.name);
    expect(JSON.stringify(existing.body)).not.toContain(account.id);
    const listed = await b.admin.get('/invitations');
    expect(listed.body.map((i: { email: string }) => i.email)).toEqual(expect.arrayContaining([a.users.editor.email]));
    expect(JSON.stringify(listed.body)).not.toContain('token');
    const preview = await new Client(api.baseUrl).post('/invitations/preview', { token: existing.body.token });
    expect(preview.status).toBe(200);
    expect(Object.keys(preview.body).sort()).toEqual(['email', 'expiresAt', 'role', 'workspace']);
    expect(preview.body.workspace.name).toBe(b.admin.me!.workspace.name);
  });

  it('lets a new person set their own password, once', async () => {
    const ws = await makeWorkspace(api, 'new-account');
    const email = `new-${Date.now()}@example.org`;
    const invited = await ws.admin.post('/invitations', { email, role: 'EDITOR' });
    const stored = await api.db.invitation.findUniqueOrThrow({ where: { id: invited.body.id } });
    expect(stored.tokenHash).not.toContain(invited.body.token);
    const newcomer = new Client(api.baseUrl, email);
    const accepted = await newcomer.post('/invitations/accept', { token: invited.body.token, account: 'new', name: 'Nia', password: 'my own secret' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { email, name: 'Nia' }, role: 'EDITOR', workspace: { id: ws.id } });
    expect((await newcomer.get('/auth/me')).status).toBe(200);
    const again = await new Client(api.baseUrl).post('/invitations/accept', { token: invited.body.token, account: 'new', name: 'Mallory', password: 'mallory secret' });
    expect(again.status).toBe(404);
    await new Client(api.baseUrl, email).login('my own secret');
    expect((await ws.admin.get('/invitations')).body.map((i: { id: string }) => i.id)).not.toContain(invited.body.id);
  });

  it('joins an existing account only with its own password, so another workspace’s admin cannot take it over', async () => {
    const a = await makeWorkspace(api, 'takeover-a');
    const b = await makeWorkspace(api, 'takeover-b');
    const invited = await b.admin.post('/invitations', { email: a.users.editor.email, role: 'FACT_CHECKER' });
    const anyone = new Client(api.baseUrl);
    const asNew = await anyone.post('/invitations/accept', { token: invited.body.token, account: 'new', name: 'Impostor', password: 'chosen by admin' });
    expect(asNew.status).toBe(409);
    const wrong = await anyone.post('/invitations/accept', { token: invited.body.token, account: 'existing', password: 'chosen by admin' });
    expect(wrong.status).toBe(401);
    expect((await new Client(api.baseUrl, a.users.editor.email).post('/auth/login', { email: a.users.editor.email, password: 'chosen by admin' })).status).toBe(401);
    const owner = new Client(api.baseUrl, a.users.editor.email);
    const accepted = await owner.post('/invitations/accept', { token: invited.body.token, account: 'existing', password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'FACT_CHECKER', workspace: { id: b.id } });
    const login = await new Client(api.baseUrl, a.users.editor.email).post('/auth/login', { email: a.users.editor.email, password: PASSWORD, workspace: b.slug });
    expect(login.body).toMatchObject({ role: 'FACT_CHECKER', workspace: { id: b.id } });
  });

  it('lets a signed-in person accept an invitation for their own email, and no one else', async () => {
    const a = await makeWorkspace(api, 'join-a');
    const b = await makeWorkspace(api, 'join-b');
    const invited = await b.admin.post('/invitations', { email: a.users.viewer.email, role: 'EDITOR' });
    const stranger = await a.editor.post('/invitations/join', { token: invited.body.token });
    expect(stranger.status).toBe(403);
    const joined = await a.viewer.post('/invitations/join', { token: invited.body.token });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ role: 'EDITOR', workspace: { id: b.id } });
    a.viewer.csrf = joined.body.csrfToken;
    expect((await a.viewer.get('/auth/me')).body).toMatchObject({ role: 'EDITOR', workspace: { id: b.id } });
  });

  it('refuses expired and revoked links, and lets only one of many simultaneous accepts through', async () => {
    const ws = await makeWorkspace(api, 'expiry');
    const expired = await ws.admin.post('/invitations', { email: `late-${Date.now()}@example.org`, role: 'VIEWER' });
    await api.db.invitation.update({ where: { id: expired.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await new Client(api.baseUrl).post('/invitations/accept', { token: expired.body.token, account: 'new', name: 'L', password: 'long enough pw' })).status).toBe(404);
    const revoked = await ws.admin.post('/invitations', { email: `revoked-${Date.now()}@example.org`, role: 'VIEWER' });
    expect((await ws.admin.delete(`/invitations/${revoked.body.id}`)).status).toBe(204);
    expect((await new Client(api.baseUrl).post('/invitations/preview', { token: revoked.body.token })).status).toBe(404);
    const raced = await ws.admin.post('/invitations', { email: `race-${Date.now()}@example.org`, role: 'VIEWER' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new Client(api.baseUrl).post('/invitations/accept', { token: raced.body.token, account: 'new', name: `R${i}`, password: 'long enough pw' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.every((r) => r.status < 500)).toBe(true);
    expect(await api.db.membership.count({ where: { workspaceId: ws.id, user: { email: raced.body.email } } })).toBe(1);
  });

  it('refuses to invite someone who is already a member', async () => {
    const ws = await makeWorkspace(api, 'dup');
    const result = await ws.admin.post('/invitations', { email: ws.users.viewer.email, role: 'ADMIN' });
    expect(result.status).toBe(409);
    expect(result.body.details).toEqual([{ path: 'email', message: 'already a member' }]);
  });
});

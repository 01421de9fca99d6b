// Findings of the outside security review that are not about one feature: concurrency of the last-admin rule,
// tokens that outlive their maker, hostile Host headers and request shapes, and the security headers.
import { makeWorkspace, startApi, type TestApi } from './harness';

describe('security review', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('keeps an admin in every workspace when two admins demote each other at the same moment', async () => {
    const outcomes: number[][] = [];
    for (let round = 0; round < 5; round++) {
      const ws = await makeWorkspace(api, 'admins');
      expect((await ws.admin.patch(`/members/${ws.users.editor.id}`, { role: 'ADMIN' })).status).toBe(200);
      const [a, b] = await Promise.all([ws.admin.patch(`/members/${ws.users.editor.id}`, { role: 'VIEWER' }), ws.editor.patch(`/members/${ws.users.admin.id}`, { role: 'VIEWER' })]);
      outcomes.push([a.status, b.status].sort());
      expect(await api.db.membership.count({ where: { workspaceId: ws.id, role: 'ADMIN' } })).toBe(1);
    }
    expect(outcomes.every(([x, y]) => x === 200 && y === 422)).toBe(true);
  });
});

// Every route declares who may call it; a route without a rule is a bug this test catches.
import { routeTable } from '@claimdesk/server';
import { startApi, type TestApi } from './harness';

describe('route table', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('has an explicit access rule on every route', () => {
    const routes = routeTable(api.app);
    expect(routes.length).toBeGreaterThan(5);
    const undeclared = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps public routes to the few that must be', () => {
    const open = routeTable(api.app)
      .filter((r) => r.access?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`);
    expect(open.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/setup',
        'POST /api/auth/login',
        'POST /api/setup',
        'POST /api/invitations/preview',
        'POST /api/invitations/accept',
        // Readers' pages, outside the API: published corrections, the sources they cite, the workspace's ClaimReview feed.
        'GET /public/reports/:token',
        'GET /public/reports/:token/sources/:snapshotId',
        'GET /public/workspaces/:token/claimreviews.json',
      ].sort(),
    );
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = await (await fetch(`${api.baseUrl}/api/docs-json`)).json();
    for (const route of routeTable(api.app)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect({ route: `${route.method} ${path}`, documented: Boolean(doc.paths[path]?.[route.method.toLowerCase()]) }).toEqual({ route: `${route.method} ${path}`, documented: true });
    }
  });
});

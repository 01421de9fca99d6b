// Authorisation matrix, generated from the application's own route table: every route × every kind of caller.
// A route added without an entry here fails the first test, so it cannot be forgotten.
import type { Role } from '@claimdesk/domain';
import { routeTable, type RouteInfo } from '@claimdesk/server';
import { Client, SAMPLE, jobFinished, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

/** Who may call each route, written down independently of the controllers: changing a route's rule means changing this table. */
const POLICY: Record<string, 'public' | 'member' | 'writer' | 'reviewer' | 'admin'> = {
  'GET /api/health': 'public',
  'GET /api/setup': 'public',
  'POST /api/setup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'member',
  'GET /api/auth/me': 'member',
  'GET /api/members': 'member',
  'PATCH /api/members/:userId': 'admin',
  'DELETE /api/members/:userId': 'admin',
  'GET /api/invitations': 'admin',
  'POST /api/invitations': 'admin',
  'DELETE /api/invitations/:id': 'admin',
  'POST /api/invitations/preview': 'public',
  'POST /api/invitations/accept': 'public',
  'POST /api/invitations/join': 'member',
  'GET /api/articles': 'member',
  'POST /api/articles': 'writer',
  'POST /api/articles/upload': 'writer',
  'POST /api/articles/sample': 'writer',
  'GET /api/articles/:id': 'member',
  'DELETE /api/articles/:id': 'admin',
  'GET /api/articles/:id/history': 'member',
  'GET /api/articles/:id/claims': 'member',
  'GET /api/articles/:id/report/preview': 'member',
  'GET /api/articles/:id/report': 'member',
  'POST /api/articles/:id/reports': 'reviewer',
  'GET /api/articles/:id/reports': 'member',
  'GET /api/claims': 'member',
  'POST /api/claims': 'writer',
  'POST /api/claims/bulk': 'writer',
  'GET /api/claims/:id': 'member',
  'PATCH /api/claims/:id': 'writer',
  'POST /api/claims/:id/transition': 'writer',
  'GET /api/claims/:id/history': 'member',
  'GET /api/claims/:id/matches': 'member',
  'GET /api/claims/:id/look-alikes': 'member',
  'POST /api/claims/:id/matches/same': 'writer',
  'POST /api/claims/:id/sources': 'writer',
  'DELETE /api/claims/:id/sources/:linkId': 'writer',
  'POST /api/claims/:id/verdicts': 'writer',
  'GET /api/claims/:id/comments': 'member',
  'POST /api/claims/:id/comments': 'writer',
  'GET /api/sources': 'member',
  'POST /api/sources': 'writer',
  'PATCH /api/sources/:id': 'writer',
  'GET /api/claimants': 'member',
  'GET /api/claimants/:id': 'member',
  'GET /api/reviews/queue': 'reviewer',
  'GET /api/verdicts/:id': 'member',
  'PUT /api/verdicts/:id': 'writer',
  'POST /api/verdicts/:id/reviews': 'reviewer',
  'POST /api/verdicts/:id/withdraw': 'writer',
  'GET /api/rating-scale': 'member',
  'PUT /api/rating-scale': 'admin',
  'GET /api/tokens': 'member',
  'POST /api/tokens': 'member',
  'DELETE /api/tokens/:id': 'member',
  'GET /api/dashboard': 'member',
  'GET /api/dashboard/my-work': 'member',
  'GET /api/events': 'member',
  'GET /api/reports/range': 'member',
  'GET /api/reports/:id/:format': 'member',
  'GET /api/report-renders/:id': 'member',
  'GET /api/reports/feed': 'member',
  'GET /api/reports/:id/snippet': 'member',
  'POST /api/reports/:id/withdraw': 'admin',
  'GET /public/reports/:token': 'public',
  'GET /public/reports/:token/sources/:snapshotId': 'public',
  'GET /public/workspaces/:token/claimreviews.json': 'public',
  'GET /api/sources/:id/snapshots': 'member',
  'POST /api/sources/:id/snapshots': 'writer',
  'GET /api/sources/:id/snapshots/:snapshotId': 'member',
  'GET /api/sources/:id/snapshots/:snapshotId/content': 'member',
  'PUT /api/claims/:id/sources/:linkId/excerpt': 'writer',
  'POST /api/sources/:id/link-check': 'writer',
  'POST /api/sources/link-checks': 'reviewer',
  'GET /api/feeds': 'member',
  'POST /api/feeds': 'reviewer',
  'GET /api/feeds/:id': 'member',
  'PATCH /api/feeds/:id': 'reviewer',
  'DELETE /api/feeds/:id': 'reviewer',
  'POST /api/feeds/:id/poll': 'reviewer',
  'GET /api/jobs/:id': 'member',
  'GET /api/audit': 'admin',
  'GET /api/audit/export': 'admin',
  'GET /api/metrics': 'admin',
  'GET /api/notifications': 'member',
  'GET /api/notifications/unread-count': 'member',
  'POST /api/notifications/read-all': 'member',
  'POST /api/notifications/:id/read': 'member',
  'GET /api/notifications/feeds': 'member',
  'PUT /api/notifications/feeds/:id': 'member',
  'GET /api/webhooks': 'admin',
  'POST /api/webhooks': 'admin',
  'GET /api/webhooks/:id': 'admin',
  'PATCH /api/webhooks/:id': 'admin',
  'DELETE /api/webhooks/:id': 'admin',
  'GET /api/webhooks/:id/deliveries': 'admin',
  'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': 'admin',
  'POST /api/library/imports': 'reviewer',
  'GET /api/library/imports': 'member',
  'GET /api/library/imports/:id': 'member',
  'DELETE /api/library/imports/:id': 'reviewer',
  'GET /api/library/entries': 'member',
};
const POLICY_ROLES: Record<string, Role[]> = {
  member: ['ADMIN', 'EDITOR', 'FACT_CHECKER', 'VIEWER'],
  writer: ['ADMIN', 'EDITOR', 'FACT_CHECKER'],
  reviewer: ['ADMIN', 'EDITOR'],
  admin: ['ADMIN'],
};

/** Routes where the role is not enough: only the owner (here, the verdict's author, the fact-checker) may act. */
const OWNER_ONLY: Record<string, Persona> = { 'PUT /api/verdicts/:id': 'factChecker' };

type Persona = 'anonymous' | 'viewer' | 'factChecker' | 'editor' | 'admin' | 'otherAdmin';
const ROLE_OF: Record<Exclude<Persona, 'anonymous' | 'otherAdmin'>, Role> = { viewer: 'VIEWER', factChecker: 'FACT_CHECKER', editor: 'EDITOR', admin: 'ADMIN' };

interface Fixtures {
  articleId: string;
  claimId: string;
  claimVersion: number;
  linkId: string;
  sourceId: string;
  claimantId: string;
  verdictId: string;
  reportId: string;
  tokenId: string;
  spareUserId: string;
  invitationId: string;
  revisionId: string;
  feedId: string;
  snapshotId: string;
  jobId: string;
  notificationId: string;
  webhookId: string;
  deliveryId: string;
  publicToken: string;
  feedToken: string;
  libraryImportId: string;
  libraryEntryId: string;
  renderId: string;
}

/** A well-formed invitation secret that no invitation has (accepting answers 404 to everyone). */
const UNKNOWN_INVITATION = 'x'.repeat(43);

/** A valid request for each route (so an outsider's 404 is about the id, not a 400 about the body). */
function requestFor(route: RouteInfo, f: Fixtures): { path: string; body?: unknown; skip?: string } {
  const key = `${route.method} ${route.path}`;
  const sub = (p: string) =>
    p
      .replace('/members/:userId', `/members/${f.spareUserId}`)
      .replace('/articles/:id', `/articles/${f.articleId}`)
      .replace('/claims/:id/sources/:linkId', `/claims/${f.claimId}/sources/${f.linkId}`)
      .replace('/claims/:id', `/claims/${f.claimId}`)
      .replace('/sources/:id/snapshots/:snapshotId', `/sources/${f.sourceId}/snapshots/${f.snapshotId}`)
      .replace('/sources/:id', `/sources/${f.sourceId}`)
      .replace('/claimants/:id', `/claimants/${f.claimantId}`)
      .replace('/notifications/feeds/:id', `/notifications/feeds/${f.feedId}`)
      .replace('/notifications/:id', `/notifications/${f.notificationId}`)
      .replace('/webhooks/:id/deliveries/:deliveryId', `/webhooks/${f.webhookId}/deliveries/${f.deliveryId}`)
      .replace('/webhooks/:id', `/webhooks/${f.webhookId}`)
      .replace('/feeds/:id', `/feeds/${f.feedId}`)
      .replace('/verdicts/:id', `/verdicts/${f.verdictId}`)
      .replace('/public/reports/:token/sources/:snapshotId', `/public/reports/${f.publicToken}/sources/${f.snapshotId}`)
      .replace('/public/reports/:token', `/public/reports/${f.publicToken}`)
      .replace('/public/workspaces/:token', `/public/workspaces/${f.feedToken}`)
      .replace('/reports/:id/:format', `/reports/${f.reportId}/md`)
      .replace('/reports/:id/', `/reports/${f.reportId}/`)
      .replace('/tokens/:id', `/tokens/${f.tokenId}`)
      .replace('/jobs/:id', `/jobs/${f.jobId}`)
      .replace('/invitations/:id', `/invitations/${f.invitationId}`)
      .replace('/library/imports/:id', `/library/imports/${f.libraryImportId}`)
      .replace('/report-renders/:id', `/report-renders/${f.renderId}`)
      .replace(/^\/api/, '');
  const bodies: Record<string, unknown> = {
    'POST /api/setup': { email: 'x@example.org', name: 'X', password: 'long enough pw', workspaceName: 'X' },
    'POST /api/auth/login': { email: 'nobody@example.org', password: 'whatever pw' },
    'POST /api/auth/logout': {},
    'POST /api/invitations': { email: `m-${Math.random().toString(36).slice(2)}@example.org`, role: 'VIEWER' },
    'POST /api/invitations/preview': { token: UNKNOWN_INVITATION },
    'POST /api/invitations/accept': { token: UNKNOWN_INVITATION, account: 'new', name: 'M', password: 'long enough pw' },
    'POST /api/invitations/join': { token: UNKNOWN_INVITATION },
    'PATCH /api/members/:userId': { role: 'VIEWER' },
    'POST /api/articles': { format: 'text', content: 'The ministry said 12 people were hurt on Monday.' },
    'POST /api/articles/upload': {},
    'POST /api/articles/sample': {},
    'POST /api/articles/:id/reports': {},
    'POST /api/claims': { revisionId: f.revisionId, start: 0, end: 40 },
    'POST /api/claims/bulk': { action: 'flag', claimIds: [f.claimId] },
    'PATCH /api/claims/:id': { version: f.claimVersion, priority: 1 },
    'POST /api/claims/:id/transition': { version: f.claimVersion, action: 'flag' },
    'POST /api/claims/:id/sources': { sourceId: f.sourceId, stance: 'CONTEXT' },
    'POST /api/claims/:id/verdicts': { ratingKey: 'true', rationale: 'Checked.' },
    'POST /api/claims/:id/comments': { body: 'A comment.' },
    'POST /api/sources': { title: 'A source', url: 'https://example.org/' },
    'PATCH /api/sources/:id': { version: 1, title: 'Renamed' },
    'PUT /api/verdicts/:id': { ratingKey: 'false', rationale: 'Edited.', correction: 'Fixed.', version: 1 },
    'POST /api/verdicts/:id/reviews': { decision: 'APPROVED', version: 1 },
    'POST /api/verdicts/:id/withdraw': { version: 1 },
    'PUT /api/rating-scale': {
      ratings: [
        { key: 'true', label: 'True', ratingValue: 2, needsCorrection: false },
        { key: 'false', label: 'False', ratingValue: 1, needsCorrection: true },
      ],
      version: 1,
    },
    'POST /api/tokens': { name: 'script', scopes: ['read'] },
    'POST /api/sources/:id/snapshots': {},
    'PUT /api/claims/:id/sources/:linkId/excerpt': { snapshotId: f.snapshotId, start: 0, end: 5 },
    'POST /api/sources/:id/link-check': {},
    'POST /api/sources/link-checks': {},
    'POST /api/feeds': { url: `https://example.org/feed-${Math.random().toString(36).slice(2)}.xml` },
    'PATCH /api/feeds/:id': { version: 1, paused: true },
    'POST /api/feeds/:id/poll': {},
    'POST /api/notifications/read-all': {},
    'POST /api/notifications/:id/read': {},
    'PUT /api/notifications/feeds/:id': { watching: true },
    // A public address literal (registration needs no name lookup), paused: nothing is ever sent to it.
    'POST /api/webhooks': { url: 'https://93.184.215.14/hook', events: ['verdict.changes_requested'], active: false },
    'PATCH /api/webhooks/:id': { events: ['claim.flagged', 'report.published'] },
    'POST /api/webhooks/:id/deliveries/:deliveryId/redeliver': {},
    'POST /api/reports/:id/withdraw': {},
    'POST /api/library/imports': {},
    'POST /api/claims/:id/matches/same': { entryId: f.libraryEntryId, stance: 'CONTEXT' },
  };
  const query: Record<string, string> = {
    'GET /api/articles/:id/report': '?format=md',
    'GET /api/reports/range': `?from=2020-01-01&to=2099-01-01&format=csv`,
    'GET /api/reports/:id/snippet': '?format=text',
  };
  if (route.method !== 'GET' && route.method !== 'DELETE' && !(key in bodies)) return { path: '', skip: `no request body defined for ${key}` };
  return { path: sub(route.path) + (query[key] ?? ''), body: bodies[key] };
}

describe('authorisation matrix', () => {
  let api: TestApi;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let f: Fixtures;
  let clients: Record<Persona, Client>;
  let routes: RouteInfo[];

  beforeAll(async () => {
    api = await startApi();
    ws = await makeWorkspace(api, 'matrix');
    other = await makeWorkspace(api, 'matrix-other');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE, title: 'Matrix', author: 'Matrix Author' });
    const claims = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items;
    const castro = claims.find((c: { text: string }) => c.text.includes('Fidel Castro in November 2022'));
    await ws.factChecker.post(`/claims/${castro.id}/transition`, { version: castro.version, action: 'flag' });
    const link = await ws.factChecker.post(`/claims/${castro.id}/sources`, { source: { title: 'Obituary', url: 'https://example.org/obit' }, stance: 'REFUTES' });
    const verdict = await ws.factChecker.post(`/claims/${castro.id}/verdicts`, { ratingKey: 'false', rationale: 'Died 2016.', correction: 'Miguel Díaz-Canel', propose: true });
    await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version });
    const report = await ws.editor.post(`/articles/${imported.body.article.id}/reports`);
    const token = await ws.admin.post('/tokens', { name: 'matrix', scopes: ['read'] });
    const spare = await api.db.user.create({ data: { email: `spare-${Date.now()}@example.org`, name: 'Spare', passwordHash: 'not a hash' } });
    await api.db.membership.create({ data: { workspaceId: ws.id, userId: spare.id, role: 'VIEWER' } });
    const invitation = await ws.admin.post('/invitations', { email: `invited-${Date.now()}@example.org`, role: 'VIEWER' });
    const target = claims.find((c: { id: string }) => c.id !== castro.id);
    // No page is fetched here (the addresses do not resolve): routes with a snapshot id get one that does not exist.
    const feed = await ws.admin.post('/feeds', { url: 'https://example.org/matrix-feed.xml' });
    const job = await ws.factChecker.post('/articles', { format: 'text', content: `${SAMPLE}\n\n`.repeat(23), title: 'Matrix, long' });
    const feedUrl = (await ws.viewer.get('/reports/feed')).body.url as string;
    const form = new FormData();
    form.append('file', new Blob(['claim,rating\n"Fidel Castro met a delegation in 2022.",False\n']), 'matrix.csv');
    const libraryImport = await ws.editor.request('POST', '/library/imports', form);
    await jobFinished(ws.editor, libraryImport.body.jobId);
    // The approved verdict above is an entry of the library.
    const entries = await ws.viewer.get('/library/entries');
    f = {
      articleId: imported.body.article.id,
      claimId: target.id,
      claimVersion: target.version,
      linkId: link.body.id,
      sourceId: link.body.source.id,
      // The article has an author, so every claim has a claimant (the attributed source or the author).
      claimantId: castro.claimantId,
      verdictId: verdict.body.id,
      reportId: report.body.id,
      tokenId: token.body.id,
      spareUserId: spare.id,
      invitationId: invitation.body.id,
      revisionId: imported.body.revisionId,
      feedId: feed.body.id,
      snapshotId: '00000000-0000-4000-8000-000000000000',
      jobId: job.body.jobId,
      notificationId: '',
      webhookId: '',
      deliveryId: '',
      publicToken: (report.body.publicUrl as string).split('/').pop()!,
      feedToken: feedUrl.split('/').at(-2)!,
      libraryImportId: libraryImport.body.importId,
      libraryEntryId: entries.body.items.find((i: { entry: { origin: string } }) => i.entry.origin === 'verdict').entry.id,
      // A file a report-render job stored, written as the job would (a draft this small is answered in the request).
      renderId: (
        await api.db.reportRender.create({
          data: {
            workspaceId: ws.id,
            id: crypto.randomUUID(),
            articleId: imported.body.article.id,
            format: 'pdf',
            contentType: 'application/pdf',
            fileName: 'matrix-draft.pdf',
            sha256: '0'.repeat(64),
            bytes: Buffer.from('%PDF-1.7 matrix'),
            entries: 1,
            createdById: ws.users.editor.id,
          },
        })
      ).id,
    };
    // The fact-checker's notification (their verdict was approved); a paused webhook (so redelivery is refused and nothing
    // is sent) and a delivery of it, written as the API would.
    const notification = await api.db.notification.findFirstOrThrow({ where: { workspaceId: ws.id, recipientId: ws.users.factChecker.id } });
    const webhook = await api.db.webhookEndpoint.create({
      data: { workspaceId: ws.id, url: 'https://example.org/hook', events: ['report.published'], secret: 'whsec_matrix', active: false, createdById: ws.users.admin.id },
    });
    const delivery = await api.db.webhookDelivery.create({ data: { workspaceId: ws.id, endpointId: webhook.id, event: 'report.published', payload: {}, status: 'failed' } });
    f.notificationId = notification.id;
    f.webhookId = webhook.id;
    f.deliveryId = delivery.id;
    clients = { anonymous: ws.anonymous, viewer: ws.viewer, factChecker: ws.factChecker, editor: ws.editor, admin: ws.admin, otherAdmin: other.admin };
    // Destructive routes last, so they do not remove what the others need.
    routes = routeTable(api.app).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  });
  afterAll(() => api.close());

  it('declares on every route exactly the rule of the policy table', () => {
    const declared = Object.fromEntries(routes.map((r) => [`${r.method} ${r.path}`, r.access?.kind === 'public' ? 'public' : [...(r.access?.roles ?? [])].sort().join(',')]));
    const expected = Object.fromEntries(Object.entries(POLICY).map(([k, v]) => [k, v === 'public' ? 'public' : [...POLICY_ROLES[v]].sort().join(',')]));
    expect(declared).toEqual(expected);
  });

  it('has a request for every route', () => {
    const missing = routes.map((r) => requestFor(r, f).skip).filter(Boolean);
    expect(missing).toEqual([]);
  });

  it('gives every caller the outcome its role allows', async () => {
    const outcomes: string[] = [];
    const failures: string[] = [];
    const personas: Persona[] = ['anonymous', 'otherAdmin', 'viewer', 'factChecker', 'editor', 'admin'];
    for (const route of routes) {
      if (route.path === '/api/auth/logout' || route.path === '/api/setup' || route.path === '/api/auth/login') continue; // session-changing routes: covered in auth.int-spec
      const { path, body } = requestFor(route, f);
      const hasId = /:\w+/.test(route.path);
      for (const persona of personas) {
        const status = route.path === '/api/events' ? await sseStatus(clients[persona]) : (await clients[persona].request(route.method, path, body)).status;
        const access = route.access!;
        let expected: string;
        if (access.kind === 'public') expected = 'not 401/403';
        else if (persona === 'anonymous') expected = '401';
        else if (persona === 'otherAdmin') expected = hasId ? '404' : 'not 401/403';
        else if (!access.roles.includes(ROLE_OF[persona])) expected = '403';
        else expected = OWNER_ONLY[`${route.method} ${route.path}`] && OWNER_ONLY[`${route.method} ${route.path}`] !== persona ? '403' : 'not 401/403';
        const ok = status < 500 && (expected === 'not 401/403' ? status !== 401 && status !== 403 : String(status) === expected);
        outcomes.push(`${route.method} ${route.path} ${persona}: ${status}`);
        if (!ok) failures.push(`${route.method} ${route.path} as ${persona}: got ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(200);
  });
});

async function sseStatus(client: Client): Promise<number> {
  const controller = new AbortController();
  const headers: Record<string, string> = client.cookie ? { cookie: client.cookie } : {};
  const response = await fetch(`${client.baseUrl}/api/events`, { headers, signal: controller.signal });
  controller.abort();
  return response.status;
}

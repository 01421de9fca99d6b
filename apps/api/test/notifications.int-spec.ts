// Notifications over HTTP: each kind (assigned, review waiting, approved, sent back, mentioned, new claims from a watched
// feed), written with the change that causes them, only ever read by their recipient; unread count, read, read all, and
// the named `notification` event on the live stream.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedPollDto, NotificationDto, Page } from '@claimdesk/domain';
import { SAMPLE, jobFinished, makeWorkspace, startApi, type Client, type TestApi, type TestWorkspace } from './harness';
import { openEventStream } from './sse';

const CASTRO = 'Fidel Castro in November 2022';

async function inbox(client: Client, query = ''): Promise<NotificationDto[]> {
  const res = await client.get<Page<NotificationDto>>(`/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function unread(client: Client): Promise<number> {
  const res = await client.get<{ unread: number }>('/notifications/unread-count');
  expect(res.status).toBe(200);
  return res.body.unread;
}

async function claimWith(ws: TestWorkspace, words: string) {
  const imported = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content: SAMPLE });
  const claims = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items as Array<{ id: string; text: string; version: number; articleId: string }>;
  return claims.find((c) => c.text.includes(words))!;
}

/** A claim flagged, sourced and proposed as false by the fact-checker: the verdict. */
async function proposed(ws: TestWorkspace) {
  const claim = await claimWith(ws, CASTRO);
  await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
  await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Obituary', url: 'https://example.org/obit' }, stance: 'REFUTES' });
  const verdict = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'false', rationale: 'Died 2016.', correction: 'Miguel Díaz-Canel met Xi Jinping', propose: true });
  expect(verdict.status).toBe(201);
  return { claim, verdict: verdict.body as { id: string; version: number } };
}

describe('notifications', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('tells a member a claim was assigned to them by someone else, and nobody when they take it themselves', async () => {
    const ws = await makeWorkspace(api, 'assign');
    const claim = await claimWith(ws, CASTRO);
    const assigned = await ws.editor.patch(`/claims/${claim.id}`, { version: claim.version, assigneeId: ws.users.factChecker.id });
    expect(assigned.status).toBe(200);
    const items = await inbox(ws.factChecker);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'assigned', claimId: claim.id, articleId: claim.articleId, actor: { id: ws.users.editor.id }, readAt: null });
    expect(items[0].title).toBe(`${ws.editor.me!.user.name} assigned a claim to you`);
    expect(items[0].body).toContain('Fidel Castro');
    // The same assignee again is no news; taking a claim oneself is not either.
    await ws.editor.patch(`/claims/${claim.id}`, { version: assigned.body.version, assigneeId: ws.users.factChecker.id, priority: 2 });
    const other = await claimWith(ws, 'allegedly built a listening station');
    await ws.editor.patch(`/claims/${other.id}`, { version: other.version, assigneeId: ws.users.editor.id });
    expect(await inbox(ws.factChecker)).toHaveLength(1);
    expect(await inbox(ws.editor)).toHaveLength(0);
  });

  it('asks the editors (never the author) to review a proposed verdict, and tells the author it was approved', async () => {
    const ws = await makeWorkspace(api, 'review');
    const { claim, verdict } = await proposed(ws);
    for (const reviewer of [ws.editor, ws.admin]) {
      const items = await inbox(reviewer);
      expect(items.map((n) => n.type)).toEqual(['review_requested']);
      expect(items[0]).toMatchObject({ verdictId: verdict.id, claimId: claim.id, actor: { id: ws.users.factChecker.id } });
    }
    expect((await inbox(ws.factChecker)).filter((n) => n.type === 'review_requested')).toEqual([]);
    expect(await inbox(ws.viewer)).toEqual([]);

    const approved = await ws.editor.post(`/verdicts/${verdict.id}/reviews`, { decision: 'APPROVED', comment: 'Checked.', version: verdict.version });
    expect(approved.status).toBe(201);
    const mine = await inbox(ws.factChecker);
    expect(mine[0]).toMatchObject({ type: 'verdict_approved', verdictId: verdict.id, claimId: claim.id, actor: { id: ws.users.editor.id }, body: 'Checked.' });
  });

  it('tells the author when their verdict is sent back, with the reviewer’s words', async () => {
    const ws = await makeWorkspace(api, 'sentback');
    const { verdict } = await proposed(ws);
    const back = await ws.admin.post(`/verdicts/${verdict.id}/reviews`, { decision: 'CHANGES_REQUESTED', comment: 'Cite the death certificate.', version: verdict.version });
    expect(back.status).toBe(201);
    const [latest] = await inbox(ws.factChecker);
    expect(latest).toMatchObject({ type: 'verdict_changes_requested', verdictId: verdict.id, body: 'Cite the death certificate.', actor: { id: ws.users.admin.id } });
    expect(latest.title).toContain('sent your verdict back');
  });

  it('stores @mentions of members and tells each mentioned member once; unknown names and the author are not told', async () => {
    const ws = await makeWorkspace(api, 'mention');
    const claim = await claimWith(ws, CASTRO);
    const handle = ws.users.factChecker.email.split('@')[0];
    const viewerName = ws.viewer.me!.user.name.replace(/\s+/g, '');
    const comment = await ws.editor.post(`/claims/${claim.id}/comments`, {
      body: `@${handle} can you look? @${viewerName} FYI, @${handle} again, @nobody, and me @${ws.users.editor.email.split('@')[0]}`,
    });
    expect(comment.status).toBe(201);
    const mentions = await api.db.commentMention.findMany({ where: { commentId: comment.body.id } });
    expect(mentions.map((m) => m.userId).sort()).toEqual([ws.users.factChecker.id, ws.users.viewer.id, ws.users.editor.id].sort());
    for (const client of [ws.factChecker, ws.viewer]) {
      const items = await inbox(client);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'mention', claimId: claim.id, commentId: comment.body.id, actor: { id: ws.users.editor.id } });
      expect(items[0].body).toContain('can you look?');
    }
    expect(await inbox(ws.editor)).toEqual([]);
    expect(await inbox(ws.admin)).toEqual([]);
  });

  it('keeps each member’s notifications their own: listing, reading and marking all read', async () => {
    const ws = await makeWorkspace(api, 'own');
    const other = await makeWorkspace(api, 'own-other');
    const claim = await claimWith(ws, CASTRO);
    let version = claim.version;
    // Three assignments to the fact-checker (away and back in between), one to the viewer.
    for (const assignee of [ws.users.factChecker.id, ws.users.admin.id, ws.users.factChecker.id, ws.users.viewer.id, ws.users.factChecker.id]) {
      const res = await ws.editor.patch(`/claims/${claim.id}`, { version, assigneeId: assignee });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    expect(await unread(ws.factChecker)).toBe(3);
    expect(await unread(ws.viewer)).toBe(1);
    const items = await inbox(ws.factChecker);
    expect(items).toHaveLength(3);
    expect(items.map((n) => n.createdAt)).toEqual([...items.map((n) => n.createdAt)].sort().reverse());

    // Paging: two, then one.
    const first = await ws.factChecker.get<Page<NotificationDto>>('/notifications?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await ws.factChecker.get<Page<NotificationDto>>(`/notifications?limit=2&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(second.body.items.map((n) => n.id)).toEqual([items[2].id]);
    expect(second.body.nextCursor).toBeNull();
    expect((await ws.factChecker.get('/notifications?cursor=nonsense')).status).toBe(400);

    // Someone else's notification: 404 to them, from this workspace or another; nothing changes.
    for (const stranger of [ws.viewer, ws.admin, other.admin]) expect((await stranger.post(`/notifications/${items[0].id}/read`)).status).toBe(404);
    expect(await unread(ws.factChecker)).toBe(3);
    expect(await inbox(other.admin)).toEqual([]);

    const read = await ws.factChecker.post<NotificationDto>(`/notifications/${items[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(await unread(ws.factChecker)).toBe(2);
    expect((await inbox(ws.factChecker, '?unread=true')).map((n) => n.id)).toEqual([items[1].id, items[2].id]);

    const all = await ws.factChecker.post('/notifications/read-all');
    expect(all.body).toEqual({ unread: 0 });
    expect(await inbox(ws.factChecker, '?unread=true')).toEqual([]);
    expect(await unread(ws.viewer)).toBe(1);
  });

  it('sends the recipient, and only them, a named notification event on the live stream', async () => {
    const ws = await makeWorkspace(api, 'live');
    const claim = await claimWith(ws, CASTRO);
    const mine = await openEventStream(api.baseUrl, { cookie: ws.factChecker.cookie! });
    const theirs = await openEventStream(api.baseUrl, { cookie: ws.viewer.cookie! });
    try {
      await ws.editor.patch(`/claims/${claim.id}`, { version: claim.version, assigneeId: ws.users.factChecker.id });
      const [n] = await inbox(ws.factChecker);
      await mine.waitFor(`event: notification`);
      await mine.waitFor(n.id);
      // The viewer's stream hears the claim change but not the fact-checker's notification.
      await theirs.waitFor(`"id":"${claim.id}"`);
      expect(theirs.text()).not.toContain('event: notification');
      expect(mine.text()).not.toContain('Fidel Castro');
    } finally {
      mine.close();
      theirs.close();
    }
  });

  describe('feeds', () => {
    let server: http.Server;
    let base = '';
    const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    beforeAll(async () => {
      process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
      server = http.createServer((req, res) => {
        if (req.url === '/rss.xml')
          return res
            .writeHead(200, { 'content-type': 'application/rss+xml' })
            .end(
              `<?xml version="1.0"?><rss version="2.0"><channel><title>The Ledger</title><link>${base}/</link>` +
                ['one', 'two'].map((g) => `<item><title>Story ${g}</title><link>${base}/story/${g}</link><guid isPermaLink="false">${g}</guid></item>`).join('') +
                '</channel></rss>',
            );
        const which = req.url?.endsWith('one')
          ? 'North Korea allegedly shipped 3 million artillery rounds to Russia in 2024, according to the US Pentagon.'
          : 'Officials said the army bought 1,000 drones in May 2024 for 40 million dollars.';
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><html><head><title>Story</title></head><body><article><h1>Story</h1><p>${which}</p></article></body></html>`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
      else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('tells the members who watch a feed once per poll that imported check-worthy claims', async () => {
      const ws = await makeWorkspace(api, 'watch');
      const feed = await ws.editor.post('/feeds', { url: `${base}/rss.xml` });
      expect(feed.status).toBe(201);
      expect((await ws.viewer.put(`/notifications/feeds/${feed.body.id}`, { watching: true })).body).toEqual({ feedId: feed.body.id, watching: true });
      await ws.factChecker.put(`/notifications/feeds/${feed.body.id}`, { watching: true });
      await ws.factChecker.put(`/notifications/feeds/${feed.body.id}`, { watching: false });
      expect((await ws.viewer.get('/notifications/feeds')).body).toEqual([{ feedId: feed.body.id, watching: true }]);
      expect((await ws.factChecker.get('/notifications/feeds')).body).toEqual([]);
      expect((await ws.viewer.put('/notifications/feeds/00000000-0000-4000-8000-000000000000', { watching: true })).status).toBe(404);
      expect((await ws.viewer.put(`/notifications/feeds/${feed.body.id}`, { watching: 'yes' })).body.details[0].path).toBe('watching');

      const accepted = await ws.editor.post(`/feeds/${feed.body.id}/poll`);
      const job = await jobFinished(ws.editor, accepted.body.jobId);
      expect((job.result as FeedPollDto).imported).toBe(2);
      const claims = (await ws.viewer.get('/claims?checkWorthy=true&status=DETECTED&limit=500')).body.items.length;
      expect(claims).toBeGreaterThan(0);
      const items = await inbox(ws.viewer);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ type: 'feed_claims', feedId: feed.body.id, actor: null, body: '2 articles imported' });
      expect(items[0].title).toBe(`${claims} new check-worthy claim${claims === 1 ? '' : 's'} from The Ledger`);
      expect(await inbox(ws.factChecker)).toEqual([]);

      // A poll that imports nothing new tells nobody.
      await jobFinished(ws.editor, (await ws.editor.post(`/feeds/${feed.body.id}/poll`)).body.jobId);
      expect(await inbox(ws.viewer)).toHaveLength(1);
    });
  });
});

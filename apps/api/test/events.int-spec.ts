// Live events travel through PostgreSQL: a change made through one API process reaches the clients of another, and a stream
// ends once its session or token stops signing the member in.
import { Database, NotificationsRepository } from '@claimdesk/db';
import { SAMPLE, makeWorkspace, startApi, type TestApi } from './harness';
import { openEventStream } from './sse';

describe('live events', () => {
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    a = await startApi();
    b = await startApi();
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('tells the clients of one API process about a change made through another, and only in its workspace', async () => {
    const ws = await makeWorkspace(a, 'ssepair');
    const other = await makeWorkspace(a, 'ssepair-other');
    const stream = await openEventStream(b.baseUrl, { cookie: ws.viewer.cookie! });
    expect(stream.status).toBe(200);
    try {
      const elsewhere = await other.factChecker.post('/articles', { format: 'text', content: 'Elsewhere, 3 ministers resigned on Friday.' });
      const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
      expect(imported.status).toBe(201);
      await stream.waitFor(`"id":"${imported.body.article.id}"`);
      expect(stream.text()).not.toContain(elsewhere.body.article.id);
    } finally {
      stream.close();
    }
  });

  it('delivers a burst of changes published at once to another process, each event once and in order', async () => {
    const ws = await makeWorkspace(a, 'sseburst');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const listed = await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=12`);
    const ids: string[] = listed.body.items.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    const stream = await openEventStream(b.baseUrl, { cookie: ws.viewer.cookie! });
    try {
      // One request flags every claim: its events are published in one turn of the event loop and sent together.
      const flagged = await ws.factChecker.post('/claims/bulk', { action: 'flag', claimIds: ids });
      expect(flagged.body.updated).toEqual(ids);
      await stream.waitFor(`"id":"${ids[ids.length - 1]}","action":"flag"`);
      const positions = ids.map((id) => stream.text().indexOf(`"id":"${id}","action":"flag"`));
      expect(positions.every((at) => at >= 0)).toBe(true);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      for (const id of ids) expect(stream.text().split(`"id":"${id}","action":"flag"`)).toHaveLength(2);
    } finally {
      stream.close();
    }
  });

  it('delivers the events of many concurrent changes each once, those published while others are being sent among them', async () => {
    const ws = await makeWorkspace(a, 'sseconcurrent');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    const listed = await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=20`);
    const ids: string[] = listed.body.items.map((c: { id: string }) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(16);
    const stream = await openEventStream(b.baseUrl, { cookie: ws.viewer.cookie! });
    try {
      // One request per claim, all at once: they finish over several turns of the event loop.
      const flagged = await Promise.all(ids.map((id) => ws.factChecker.post('/claims/bulk', { action: 'flag', claimIds: [id] })));
      expect(flagged.map((r) => r.status)).toEqual(ids.map(() => 200));
      await Promise.all(ids.map((id) => stream.waitFor(`"id":"${id}","action":"flag"`)));
      for (const id of ids) expect(stream.text().split(`"id":"${id}","action":"flag"`)).toHaveLength(2);
    } finally {
      stream.close();
    }
  });

  it('sends a notification without changing how the connection commits afterwards', async () => {
    const db = new Database(process.env.CLAIMDESK_TEST_DATABASE_URL!, { max: 1 });
    const notifications = new NotificationsRepository();
    const heard: string[] = [];
    const listener = await notifications.listen(db, (payload) => heard.push(payload));
    try {
      await notifications.notify(db, ['{"probe":1}', '{"probe":2}']);
      // The pool's one connection sent the notification; its later transactions still wait for the disk.
      expect((await db.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
      for (let waited = 0; heard.length < 2 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual(['{"probe":1}', '{"probe":2}']);
    } finally {
      await listener.close();
      await db.close();
    }
  });

  it('ends the stream of a session that logged out', async () => {
    const ws = await makeWorkspace(a, 'sselogout');
    const stream = await openEventStream(a.baseUrl, { cookie: ws.editor.cookie! });
    expect(stream.status).toBe(200);
    expect((await ws.editor.post('/auth/logout')).status).toBe(204);
    await stream.ended();
  });

  it('ends the streams of a member who was removed, on every process', async () => {
    const ws = await makeWorkspace(a, 'sseremoved');
    const onA = await openEventStream(a.baseUrl, { cookie: ws.factChecker.cookie! });
    const onB = await openEventStream(b.baseUrl, { cookie: ws.factChecker.cookie! });
    const admins = await openEventStream(b.baseUrl, { cookie: ws.admin.cookie! });
    try {
      expect((await ws.admin.delete(`/members/${ws.users.factChecker.id}`)).status).toBe(204);
      await Promise.all([onA.ended(), onB.ended()]);
      // Everyone else's stays open and keeps hearing changes.
      const imported = await ws.editor.post('/articles', { format: 'text', content: 'The council said 12 buses were added in May.' });
      await admins.waitFor(imported.body.article.id);
    } finally {
      admins.close();
    }
  });

  it('ends the stream of a revoked API token', async () => {
    const ws = await makeWorkspace(a, 'ssetoken');
    const created = await ws.viewer.post('/tokens', { name: 'feed', scopes: ['read'] });
    const stream = await openEventStream(b.baseUrl, { authorization: `Bearer ${created.body.token}` });
    expect(stream.status).toBe(200);
    expect((await ws.viewer.delete(`/tokens/${created.body.id}`)).status).toBe(204);
    await stream.ended();
  });
});

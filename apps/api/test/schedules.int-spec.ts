// The clock's jobs: the feed schedule polls due feeds without anyone asking, at most one poll per feed at a time across
// processes, and the schedules are registered in the queue where jobs run. Each test has a database of its own, since a
// schedule tick looks at every workspace.
import { startTestServer, type Handler, type TestServer } from '@claimdesk/fetcher/src/testing/test-server';
import type { FeedDto, FeedPollDto } from '@claimdesk/domain';
import { AppConfig, FeedsService, JobQueue, LinkCheckService, createApp } from '@claimdesk/server';
import type { INestApplication } from '@nestjs/common';
import { createMigratedDatabase } from '@claimdesk/db';
import { jobFinished, makeWorkspace, startApi, type Client, type TestApi } from './harness';
import { openEventStream } from './sse';

const page = (title: string, body: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
const rss = (base: string, items: Array<{ guid: string; path: string; title: string }>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Wire</title><link>${base}/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid isPermaLink="false">${i.guid}</guid></item>`)
    .join('')}</channel></rss>`;

/** Waits, reading through the API as a client would, until the feed has been polled. */
async function polledFeed(client: Client, feedId: string, after: string | null = null): Promise<FeedDto> {
  for (let i = 0; i < 600; i++) {
    const feed = await client.get<FeedDto>(`/feeds/${feedId}`);
    if (feed.status !== 200) throw new Error(`feed ${feedId}: ${feed.status}`);
    if (feed.body.lastPolledAt && feed.body.lastPolledAt !== after) return feed.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`feed ${feedId} was never polled`);
}

async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('scheduled jobs', () => {
  let web: TestServer;
  const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    web = await startTestServer({
      '/claims/shells': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(page('Shells for the front', 'North Korea allegedly shipped 3 million artillery rounds to Russia in 2024, according to the US Pentagon.')),
      '/figures': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Figures', 'Unemployment fell to 4.1 percent in October, the statistics office said.')),
      '/claims/drones': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('Drones', 'Officials said the army bought 1,000 drones in May 2024 for 40 million dollars.')),
    });
  });
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
    await web.close();
  });

  it('registers the feed schedule and the daily link check where jobs run, and none when schedules are off', async () => {
    const shared = process.env.CLAIMDESK_TEST_DATABASE_URL!;
    const on = await createApp({ databaseUrl: await createMigratedDatabase(shared), logLevel: 'silent', schedules: true, linkCheckCron: '30 2 * * *' });
    const off = await createApp({ databaseUrl: await createMigratedDatabase(shared), logLevel: 'silent', schedules: false });
    try {
      await Promise.all([on.init(), off.init()]);
      const scheduled = await on.get(JobQueue).scheduled();
      expect(scheduled.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { name: 'feeds-due', cron: '* * * * *' },
        { name: 'link-checks-due', cron: '30 2 * * *' },
      ]);
      expect(await off.get(JobQueue).scheduled()).toEqual([]);
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });

  describe('the feed schedule', () => {
    let api: TestApi;
    let second: INestApplication;

    beforeAll(async () => {
      api = await startApi({ ownDatabase: true });
      // A second process on the same database, also running jobs.
      second = await createApp({ databaseUrl: api.app.get(AppConfig).databaseUrl, logLevel: 'silent' });
      await second.init();
    });
    afterAll(async () => {
      await second.close();
      await api.close();
    });

    it('polls a due feed without anyone asking, tells what it brought, and leaves feeds that are not due', async () => {
      const ws = await makeWorkspace(api, 'schedule');
      const base = web.url('');
      web.route('/due.xml', (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          rss(base, [
            { guid: 'wire-1', path: '/claims/shells', title: 'Shells for the front' },
            { guid: 'wire-2', path: '/claims/drones', title: 'Drones' },
          ]),
        ),
      );
      web.route('/paused.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, [])));
      const due = (await ws.editor.post<FeedDto>('/feeds', { url: web.url('/due.xml'), intervalMinutes: 30 })).body;
      const paused = (await ws.editor.post<FeedDto>('/feeds', { url: web.url('/paused.xml'), intervalMinutes: 30 })).body;
      expect((await ws.editor.patch(`/feeds/${paused.id}`, { paused: true, version: paused.version })).status).toBe(200);

      const feeds = api.app.get(FeedsService);
      const heard: FeedPollDto[] = [];
      // Polls run in whichever of the two processes takes the job; each tells its own listeners.
      const subscriptions = [feeds, second.get(FeedsService)].map((f) => f.polled.subscribe((p) => p.workspaceId === ws.id && heard.push(p.result)));
      const stream = await openEventStream(api.baseUrl, { cookie: ws.viewer.cookie! });
      try {
        // The tick the `feeds-due` cron job runs every minute.
        expect(await feeds.queueDue()).toEqual([due.id]);
        const polled = await polledFeed(ws.viewer, due.id);
        expect(polled).toMatchObject({ itemsImported: 2, lastError: null });
        expect((await ws.viewer.get<FeedDto>(`/feeds/${paused.id}`)).body.lastPolledAt).toBeNull();

        // What the poll brought: the new check-worthy claims of its articles, as the claims table's feed filter shows them.
        await until('the poll is announced', () => heard.length > 0);
        const since = new Date(Date.parse(polled.lastPolledAt!) - 3600_000).toISOString();
        const listed = await ws.viewer.get<{ items: Array<{ articleId: string }> }>(`/claims?fromFeedsSince=${encodeURIComponent(since)}&checkWorthy=true&limit=200`);
        expect(listed.status).toBe(200);
        expect(listed.body.items.length).toBeGreaterThan(0);
        expect(heard).toEqual([
          expect.objectContaining({
            feedId: due.id,
            outcome: 'polled',
            imported: 2,
            checkWorthy: { claims: listed.body.items.length, articleIds: [...new Set(listed.body.items.map((c) => c.articleId))].sort() },
          }),
        ]);
        await stream.waitFor(`"type":"feed","id":"${due.id}","action":"polled"`, 10_000);

        // Polled just now, so not due again until its interval has passed.
        expect(await feeds.queueDue()).toEqual([]);
        expect(await feeds.queueDue(new Date(Date.now() + 31 * 60_000))).toEqual([due.id]);
        await polledFeed(ws.viewer, due.id, polled.lastPolledAt);
      } finally {
        subscriptions.forEach((s) => s.unsubscribe());
        stream.close();
      }
    });

    it('never polls one feed twice at once, however many processes tick or ask', async () => {
      const ws = await makeWorkspace(api, 'singleton');
      let inFlight = 0;
      let most = 0;
      let requests = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const slow: Handler = (_req, res) => {
        requests++;
        inFlight++;
        most = Math.max(most, inFlight);
        res.once('finish', () => inFlight--);
        void gate.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(web.url(''), [])));
      };
      web.route('/slow.xml', slow);
      const feed = (await ws.editor.post<FeedDto>('/feeds', { url: web.url('/slow.xml'), intervalMinutes: 5 })).body;

      const [one, two] = [api.app.get(FeedsService), second.get(FeedsService)];
      const ticks = await Promise.all([one.queueDue(), two.queueDue(), one.queueDue(), two.queueDue()]);
      expect(ticks.flat()).toEqual([feed.id]);
      await until('the poll is running', () => inFlight === 1);
      const running = await api.app.get(JobQueue).openJob('feed-poll', `feed:${feed.id}`);
      expect(running).not.toBeNull();

      // While it runs: the other process's tick queues nothing, and "poll now" answers with the running poll.
      expect(await two.queueDue(new Date(Date.now() + 10 * 60_000))).toEqual([]);
      const asked = await ws.editor.post<{ jobId: string }>(`/feeds/${feed.id}/poll`);
      expect(asked.status).toBe(202);
      expect(asked.body.jobId).toBe(running);

      // Even a poll queued behind the queue's back waits: two processes run workers, and neither starts it while one runs.
      const queue = second.get(JobQueue);
      const waiting = await queue.send('feed-poll', { workspaceId: ws.id, userId: ws.users.editor.id, role: 'EDITOR', feedId: feed.id }, { singletonKey: `feed:${feed.id}` });
      await expect(queue.send('feed-poll', { workspaceId: ws.id, userId: ws.users.editor.id, role: 'EDITOR', feedId: feed.id }, { singletonKey: `feed:${feed.id}` })).rejects.toThrow(/already queued/);
      for (let look = 0; look < 10; look++) {
        // Several rounds of both processes' workers (they look every half second).
        await new Promise((r) => setTimeout(r, 300));
        expect((await ws.editor.get<{ state: string }>(`/jobs/${waiting}`)).body.state).toBe('created');
      }
      expect(requests).toBe(1);

      release();
      await until('both polls ran', async () => (await ws.editor.get<{ state: string }>(`/jobs/${waiting}`)).body.state === 'completed');
      expect(requests).toBe(2);
      expect(most).toBe(1);
    });

    it('queues the link check of each workspace with captured sources, for its longest-standing admin', async () => {
      const ws = await makeWorkspace(api, 'links');
      const other = await makeWorkspace(api, 'nolinks');
      const source = await ws.factChecker.post<{ id: string }>('/sources', { title: 'Figures', url: web.url('/figures') });
      const capture = await ws.factChecker.post<{ jobId: string }>(`/sources/${source.body.id}/snapshots`);
      expect(capture.status).toBe(202);
      expect((await jobFinished(ws.factChecker, capture.body.jobId)).state).toBe('completed');

      // The tick the `link-checks-due` cron job runs (daily by default).
      const jobIds = await api.app.get(LinkCheckService).queueWorkspaceChecks();
      expect(jobIds).toHaveLength(1);
      expect((await other.admin.get(`/jobs/${jobIds[0]}`)).status).toBe(404);
      const job = await jobFinished(ws.admin, jobIds[0]);
      expect(job).toMatchObject({ state: 'completed', result: { checked: 1, outcomes: { UNCHANGED: 1 } } });
    });
  });
});

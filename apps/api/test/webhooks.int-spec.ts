// Webhooks over HTTP against a local receiver (node:http on 127.0.0.1): registration with the address rules, signed
// deliveries written with the change and sent by the job queue, a retry after a 500 with every attempt logged, re-sending,
// Slack's payload, and nothing lost when the server stops mid-delivery.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookDeliveryDto } from '@claimdesk/domain';
import { Client, SAMPLE, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver whose answers the test sets per path: a status, or 'hold' to keep the request open. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers = new Map<string, Array<number | 'hold'>>();
  readonly held: http.ServerResponse[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const queue = this.answers.get(path) ?? [];
      const answer = queue.length > 1 ? queue.shift()! : (queue[0] ?? 200);
      if (answer === 'hold') return void this.held.push(res);
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  base = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Waits (bounded) until `check` holds, polling. */
async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, tries = 600): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await probe();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)}`);
}

function verify(secret: string, header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return Boolean(parts.t && /^\d+$/.test(parts.t) && parts.v1 === expected);
}

async function flagClaim(ws: TestWorkspace, words = 'Fidel Castro in November 2022') {
  const imported = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content: SAMPLE });
  const claims = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items as Array<{ id: string; text: string; version: number }>;
  const claim = claims.find((c) => c.text.includes(words))!;
  const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
  expect(flagged.status).toBe(200);
  return claim;
}

const deliveries = (client: Client, endpointId: string) => client.get<WebhookDeliveryDto[]>(`/webhooks/${endpointId}/deliveries`).then((r) => r.body);

describe('webhooks', () => {
  let api: TestApi;
  let receiver: Receiver;
  const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    receiver = await new Receiver().start();
    api = await startApi();
  });
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
    for (const res of receiver.held) res.destroy();
    await receiver.close();
    await api.close();
  });

  it('registers endpoints for admins, shows the secret once, and validates what it is given', async () => {
    const ws = await makeWorkspace(api, 'hooks');
    const created = await ws.admin.post('/webhooks', { url: `${receiver.base}/register`, events: ['claim.flagged', 'verdict.approved', 'claim.flagged'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: `${receiver.base}/register`, events: ['claim.flagged', 'verdict.approved'], format: 'json', active: true });
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const listed = await ws.admin.get('/webhooks');
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(JSON.stringify((await ws.admin.get(`/webhooks/${created.body.id}`)).body)).not.toContain(created.body.secret);

    expect((await ws.admin.post('/webhooks', { url: 'ftp://example.org/x', events: ['claim.flagged'] })).body.details[0].path).toBe('url');
    expect((await ws.admin.post('/webhooks', { url: `${receiver.base}/x`, events: [] })).body.details[0].path).toBe('events');
    expect((await ws.admin.post('/webhooks', { url: `${receiver.base}/x`, events: ['claim.deleted'] })).body.details[0].path).toMatch(/^events/);
    expect((await ws.admin.post('/webhooks', { url: `${receiver.base}/x`, events: ['claim.flagged'], format: 'xml' })).body.details[0].path).toBe('format');
    expect((await ws.editor.post('/webhooks', { url: `${receiver.base}/x`, events: ['claim.flagged'] })).status).toBe(403);

    const paused = await ws.admin.patch(`/webhooks/${created.body.id}`, { active: false, format: 'slack' });
    expect(paused.body).toMatchObject({ active: false, format: 'slack' });
    expect((await ws.admin.delete(`/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await ws.admin.get(`/webhooks/${created.body.id}`)).status).toBe(404);
    const audit = await api.db.auditEvent.findMany({ where: { workspaceId: ws.id, entity: 'webhook' }, orderBy: { id: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.stringify(audit.map((e) => [e.before, e.after]))).not.toContain(created.body.secret);
  });

  it('refuses loopback and private addresses when private fetching is off, at registration and when sending', async () => {
    const ws = await makeWorkspace(api, 'hooks-ssrf');
    const endpoint = await ws.admin.post('/webhooks', { url: `${receiver.base}/ssrf`, events: ['claim.flagged'] });
    expect(endpoint.status).toBe(201);
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '0';
    try {
      for (const url of [`${receiver.base}/x`, 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://10.0.0.8/hook', 'https://169.254.169.254/latest', 'https://localhost/hook']) {
        const refused = await ws.admin.post('/webhooks', { url, events: ['claim.flagged'] });
        expect(refused.status).toBe(400);
        expect(refused.body.details[0].path).toBe('url');
      }
      // The endpoint registered while private addresses were allowed is refused at connect time, and not tried again.
      await flagClaim(ws);
      const [delivery] = await until(
        'delivery refused',
        () => deliveries(ws.admin, endpoint.body.id),
        (d) => d[0]?.status === 'failed',
      );
      expect(delivery.attempts).toHaveLength(1);
      expect(delivery.attempts[0]).toMatchObject({ statusCode: null });
      expect(delivery.attempts[0].error).toMatch(/loopback/);
      expect(receiver.at('/ssrf')).toEqual([]);
    } finally {
      process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    }
  });

  it('signs each delivery, retries after a 500 with both attempts logged, and re-sends on request', async () => {
    const ws = await makeWorkspace(api, 'hooks-send');
    receiver.answers.set('/flaky', [500, 200]);
    const endpoint = await ws.admin.post('/webhooks', { url: `${receiver.base}/flaky`, events: ['claim.flagged'] });
    const other = await ws.admin.post('/webhooks', { url: `${receiver.base}/approvals`, events: ['verdict.approved'] });
    const claim = await flagClaim(ws);

    const [delivery] = await until(
      'delivered after a retry',
      () => deliveries(ws.admin, endpoint.body.id),
      (d) => d[0]?.status === 'delivered',
    );
    expect(delivery.attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [500, 'HTTP 500'],
      [200, null],
    ]);
    expect(delivery.attempts.every((a) => a.responseMs >= 0)).toBe(true);
    expect(delivery.deliveredAt).not.toBeNull();
    expect(await deliveries(ws.admin, other.body.id)).toEqual([]);

    const got = receiver.at('/flaky');
    expect(got).toHaveLength(2);
    for (const r of got) {
      expect(r.headers['claimdesk-event']).toBe('claim.flagged');
      expect(r.headers['claimdesk-delivery']).toBe(delivery.id);
      expect(r.headers['content-type']).toBe('application/json');
      expect(verify(endpoint.body.secret, r.headers['claimdesk-signature'] as string, r.body)).toBe(true);
      expect(verify('whsec_not-the-secret', r.headers['claimdesk-signature'] as string, r.body)).toBe(false);
    }
    const body = JSON.parse(got[1].body);
    expect(body).toMatchObject({ id: delivery.id, event: 'claim.flagged', workspaceId: ws.id, actor: { id: ws.users.factChecker.id }, data: { claim: { id: claim.id } } });
    expect(body.data.claim.text).toContain('Fidel Castro');

    const again = await ws.admin.post<WebhookDeliveryDto>(`/webhooks/${endpoint.body.id}/deliveries/${delivery.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ event: 'claim.flagged', status: 'pending', attempts: [] });
    expect(again.body.id).not.toBe(delivery.id);
    await until(
      're-sent',
      () => deliveries(ws.admin, endpoint.body.id),
      (d) => d.find((x) => x.id === again.body.id)?.status === 'delivered',
    );
    const resent = receiver.at('/flaky').at(-1)!;
    expect(resent.headers['claimdesk-delivery']).toBe(again.body.id);
    expect(JSON.parse(resent.body)).toMatchObject({ ...body, id: again.body.id });
    expect((await ws.editor.post(`/webhooks/${endpoint.body.id}/deliveries/${delivery.id}/redeliver`)).status).toBe(403);
    expect((await ws.admin.post(`/webhooks/${other.body.id}/deliveries/${delivery.id}/redeliver`)).status).toBe(404);
  });

  it('sends Slack-compatible text and blocks to a Slack endpoint', async () => {
    const ws = await makeWorkspace(api, 'hooks-slack');
    const endpoint = await ws.admin.post('/webhooks', { url: `${receiver.base}/slack`, events: ['claim.flagged'], format: 'slack' });
    await flagClaim(ws);
    await until(
      'slack delivery',
      () => deliveries(ws.admin, endpoint.body.id),
      (d) => d[0]?.status === 'delivered',
    );
    const [got] = receiver.at('/slack');
    const body = JSON.parse(got.body);
    expect(body.text).toContain('Claim flagged for checking');
    expect(body.text).toContain('Fidel Castro');
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: body.text } });
    expect(verify(endpoint.body.secret, got.headers['claimdesk-signature'] as string, got.body)).toBe(true);
  });

  it('loses nothing when the server stops mid-delivery or before a delivery was queued', async () => {
    const ws = await makeWorkspace(api, 'hooks-restart');
    receiver.answers.set('/restart', ['hold', 200]);
    const endpoint = await ws.admin.post('/webhooks', { url: `${receiver.base}/restart`, events: ['claim.flagged'] });
    await flagClaim(ws);
    await until(
      'first request arrives',
      async () => receiver.at('/restart').length,
      (n) => n === 1,
    );
    const [pending] = await deliveries(ws.admin, endpoint.body.id);
    expect(pending.status).toBe('pending');
    // A delivery whose job was never queued (the process stopped right after the commit), written a minute ago.
    const orphan = await api.db.webhookDelivery.create({
      data: { workspaceId: ws.id, endpointId: endpoint.body.id, event: 'claim.flagged', payload: { event: 'claim.flagged', data: { orphan: true } }, createdAt: new Date(Date.now() - 60_000) },
    });

    await api.close();
    for (const res of receiver.held.splice(0)) res.destroy();
    api = await startApi();
    const admin = Object.assign(new Client(api.baseUrl, ws.admin.email), { cookie: ws.admin.cookie, csrf: ws.admin.csrf });

    const done = await until(
      'both delivered after the restart',
      () => deliveries(admin, endpoint.body.id),
      (d) => d.length === 2 && d.every((x) => x.status === 'delivered'),
    );
    expect(done.map((d) => d.id).sort()).toEqual([pending.id, orphan.id].sort());
    const got = receiver.at('/restart');
    expect(got.filter((r) => r.headers['claimdesk-delivery'] === pending.id).length).toBeGreaterThanOrEqual(2);
    expect(got.filter((r) => r.headers['claimdesk-delivery'] === orphan.id)).toHaveLength(1);
    for (const r of got) expect(verify(endpoint.body.secret, r.headers['claimdesk-signature'] as string, r.body)).toBe(true);
  });
});

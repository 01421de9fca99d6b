// The morning triage in a real browser: a feed served from a local HTTP server is polled, its check-worthy claims show on
// the dashboard, and "See all" opens the claims table filtered to claims from feeds since the same time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenshot, seriousA11yViolations, setUpWorkspace, useServerAndBrowser } from './harness';

// The server this file starts reads feeds from this machine's loopback address.
process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
const env = useServerAndBrowser();

const page = (title: string, body: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

/** A newsroom's site on this machine: two article pages and the RSS feed listing them. */
let web: http.Server;
const url = (path: string) => `http://127.0.0.1:${(web.address() as AddressInfo).port}${path}`;
const pages: Record<string, () => [string, string]> = {
  '/world/shells': () => ['text/html', page('Shells for the front', 'North Korea allegedly shipped 3 million artillery rounds to Russia in 2024, according to the US Pentagon.')],
  '/world/drones': () => ['text/html', page('Drones for the border', 'Officials said the army bought 1,000 drones in May 2024 for 40 million dollars.')],
  '/wire.xml': () => [
    'application/rss+xml',
    `<?xml version="1.0"?><rss version="2.0"><channel><title>The Wire</title><link>${url('/')}</link>` +
      `<item><title>Shells for the front</title><link>${url('/world/shells')}</link><guid>wire-1</guid></item>` +
      `<item><title>Drones for the border</title><link>${url('/world/drones')}</link><guid>wire-2</guid></item></channel></rss>`,
  ],
};
beforeAll(async () => {
  web = http.createServer((req, res) => {
    const found = pages[req.url ?? ''];
    if (!found) return res.writeHead(404).end();
    const [type, body] = found();
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => web.close(() => resolve())));

test('new check-worthy claims from a feed lead the dashboard, and "See all" opens them in the claims table', async () => {
  const p = await env.newPage();
  await setUpWorkspace(p, { workspace: 'Morning desk', name: 'Mo Admin', email: 'mo@morning.example', password: 'correct horse 9' });
  await p.goto('/settings?tab=feeds');
  await p.getByLabel('RSS or Atom address').fill(url('/wire.xml'));
  await p.getByRole('button', { name: 'Add feed' }).click();
  await p.getByRole('button', { name: /^Poll .* now$/ }).click();
  await p
    .getByRole('status')
    .filter({ hasText: /2 new, 0 updated, 0 already seen\. \d+ new check-worthy claims?\./ })
    .waitFor({ timeout: 60_000 });

  await p.goto('/dashboard');
  const triage = p.getByRole('region', { name: /New check-worthy claims from feeds since/ });
  await triage.getByRole('link', { name: /North Korea allegedly shipped 3 million artillery rounds/ }).waitFor();
  await triage.getByRole('link', { name: 'Shells for the front' }).first().waitFor();
  await screenshot(p, 'dashboard-feed-triage');
  await expect(seriousA11yViolations(p)).resolves.toEqual([]);

  // The claim opens in the reader.
  await triage.getByRole('link', { name: /North Korea allegedly shipped/ }).click();
  await p.waitForURL(/\/articles\/[0-9a-f-]{36}\?claim=[0-9a-f-]{36}$/);
  await p.goBack();

  await p.getByRole('link', { name: 'See all' }).click();
  await p.waitForURL(/\/claims\?.*fromFeedsSince=/);
  const since = new URL(p.url()).searchParams.get('fromFeedsSince')!;
  await expect(p.getByRole('checkbox', { name: 'From feeds since' }).isChecked()).resolves.toBe(true);
  const picker = p.getByLabel('From feeds since (date and time)');
  await expect(picker.inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const table = p.getByRole('table', { name: 'Claims' });
  await table.getByRole('link', { name: /North Korea allegedly shipped/ }).waitFor();
  await screenshot(p, 'claims-from-feeds');
  await expect(seriousA11yViolations(p)).resolves.toEqual([]);

  // Moving the time past the poll empties the view; switching the filter off shows every claim again, and on again starts a day back.
  const later = new Date(Date.now() + 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await picker.fill(`${later.getFullYear()}-${pad(later.getMonth() + 1)}-${pad(later.getDate())}T${pad(later.getHours())}:${pad(later.getMinutes())}`);
  await p.getByText('No claims match these filters.').waitFor();
  expect(new URL(p.url()).searchParams.get('fromFeedsSince')).not.toBe(since);
  // (The box follows the address, which changes a moment after the click: click, then wait for the address.)
  await p.getByRole('checkbox', { name: 'From feeds since' }).click();
  await p.waitForURL((u) => !u.searchParams.has('fromFeedsSince'));
  await p.locator('input[type=datetime-local][disabled]').waitFor();
  await p.getByRole('checkbox', { name: 'From feeds since' }).click();
  await p.waitForURL((u) => u.searchParams.has('fromFeedsSince'));
  const restarted = Date.parse(new URL(p.url()).searchParams.get('fromFeedsSince')!);
  expect(Math.abs(restarted - (Date.now() - 24 * 3600_000))).toBeLessThan(10 * 60_000);
  await table.getByRole('link', { name: /North Korea allegedly shipped/ }).waitFor();
}, 180_000);

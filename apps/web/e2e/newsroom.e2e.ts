// The newsroom around the desk: a member hears in the header bell, live, that a colleague mentioned them and assigned them
// a claim, opens the inbox and the claim; an admin registers a webhook endpoint in Settings and sees its deliveries.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { inviteMember, screenshot, seriousA11yViolations, setUpWorkspace, useServerAndBrowser } from './harness';

// The webhook receiver below runs on this machine's loopback address, which the server refuses unless told otherwise.
process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
const env = useServerAndBrowser();
const ADMIN = { workspace: 'Newsroom desk', name: 'Ada Admin', email: 'ada@newsroom.example', password: 'correct horse 8' };
const CHECKER = { name: 'Lena Fischer', email: 'lena@newsroom.example', password: 'correct horse 9' };

let receiver: http.Server;
const received: string[] = [];
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(String(req.headers['claimdesk-event']));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

/** A call to the API with the page's session, as the web app makes it (CSRF header included). */
async function apiCall(page: Page, method: string, path: string, data?: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.fetch(`/api${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.json();
}

test('a member hears of a mention and an assignment in the bell, and an admin watches webhook deliveries', async () => {
  const admin = await env.newPage();
  await setUpWorkspace(admin, ADMIN);
  await admin.goto('/settings');
  const checker = await env.newPage();
  await inviteMember(admin, checker, CHECKER, 'FACT_CHECKER');

  // Settings → Webhooks: an endpoint for flagged claims; its secret is shown once.
  await admin.getByRole('tab', { name: 'Webhooks' }).click();
  const form = admin.getByRole('form', { name: 'Add a webhook endpoint' });
  await form.getByLabel('HTTPS address').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/claimdesk`);
  await form.getByLabel('Claim flagged').check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(admin.getByTestId('new-webhook-secret').textContent()).resolves.toMatch(/^whsec_/);

  // The admin imports the sample, flags a claim, assigns it to Lena and mentions her in a comment.
  const imported = await apiCall(admin, 'POST', '/articles/sample');
  const claims = (await apiCall(admin, 'GET', `/claims?articleId=${imported.article.id}&limit=500`)).items as Array<{ id: string; version: number; text: string }>;
  const claim = claims.find((c) => c.text.includes('Fidel Castro'))!;
  const flagged = await apiCall(admin, 'POST', `/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });

  await checker.goto('/my-work');
  const bell = checker.getByRole('button', { name: /^Notifications/ });
  await expect(bell.getAttribute('aria-label')).resolves.toBe('Notifications');
  const lena = (await apiCall(admin, 'GET', '/members')).find((m: { email: string }) => m.email === CHECKER.email);
  await apiCall(admin, 'PATCH', `/claims/${claim.id}`, { version: flagged.version, assigneeId: lena.userId });
  await apiCall(admin, 'POST', `/claims/${claim.id}/comments`, { body: '@lena can you take this one? The date looks wrong.' });
  // Live: the count arrives on Lena's open page without a reload.
  await checker.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor({ timeout: 15_000 });
  await screenshot(checker, 'notifications-bell');

  await checker.getByRole('button', { name: 'Notifications, 2 unread' }).click();
  const inbox = checker.getByRole('list', { name: 'Notifications' });
  await inbox.getByRole('button', { name: /^Unread: Ada Admin mentioned you in a comment/ }).waitFor();
  await inbox.getByRole('button', { name: /^Unread: Ada Admin assigned a claim to you/ }).waitFor();
  await screenshot(checker, 'notifications-inbox');
  await expect(seriousA11yViolations(checker)).resolves.toEqual([]);

  await inbox.getByRole('button', { name: /^Unread: Ada Admin mentioned you in a comment/ }).click();
  await checker.waitForURL(`**/articles/${imported.article.id}?claim=${claim.id}`);
  // The claim opens beside its article, with the comment that mentioned her.
  await checker.getByText('@lena can you take this one? The date looks wrong.').waitFor();
  await checker.getByRole('button', { name: 'Close the claim panel' }).click();
  await checker.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  await checker.getByRole('button', { name: 'Mark all read' }).click();
  await checker.getByRole('button', { name: 'Notifications', exact: true }).waitFor();

  // The delivery of the flagged claim reached the receiver; the admin sees it with its attempt.
  await admin.getByRole('button', { name: 'Deliveries' }).click();
  await admin.getByRole('group', { name: 'Delivery of claim.flagged' }).getByText('delivered').waitFor({ timeout: 30_000 });
  expect(received).toContain('claim.flagged');
  await screenshot(admin, 'settings-webhooks');
  await expect(seriousA11yViolations(admin)).resolves.toEqual([]);

  // Settings → Feeds: Lena watches a feed (she will hear when a poll brings in check-worthy claims).
  await apiCall(admin, 'POST', '/feeds', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/feed.xml`, intervalMinutes: 10080 });
  await checker.goto('/settings?tab=feeds');
  const watch = checker.getByRole('switch', { name: /^Watch / });
  await expect(watch.isChecked()).resolves.toBe(false);
  const saved = checker.waitForResponse((r) => r.url().includes('/api/notifications/feeds/') && r.request().method() === 'PUT');
  await watch.click();
  await expect(saved.then((r) => r.status())).resolves.toBe(200);
  await checker.getByRole('switch', { name: /^Watch /, checked: true }).waitFor();
  await checker.reload();
  // The switch is disabled until the watched feeds have loaded; once enabled it shows what the server kept.
  await expect(checker.getByRole('switch', { name: /^Watch /, disabled: false }).isChecked()).resolves.toBe(true);
  await screenshot(checker, 'settings-feeds-watch');
});

// Hostile strings in an article and a source stay text: no script runs, no javascript: link navigates.
import { setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();

const HOSTILE = [
  'Officials allegedly said that <script>alert(1)</script> was found in the report on 3 March 2024.',
  '',
  'According to the ministry, <img src=x onerror=alert(1)> appeared 12 times in 2023, and javascript:alert(1) was printed.',
].join('\n');

test('script, img and javascript: URLs do nothing when shown or clicked', async () => {
  const page = await env.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await setUpWorkspace(page, { workspace: 'Hostile desk', name: '<img src=x onerror=alert(1)>', email: 'admin@hostile.example', password: 'correct horse 9' });

  await page.goto('/articles');
  await page.getByRole('button', { name: 'Import article' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import an article' });
  await dialog.getByLabel('Title').fill('<script>alert(1)</script> title');
  await dialog.getByLabel('Article text').fill(HOSTILE);
  await dialog.getByRole('button', { name: 'Import and find claims' }).click();
  await dialog.getByRole('button', { name: 'Open the article' }).click();
  const text = page.getByTestId('article-text');
  await text.waitFor();
  await expect(text.textContent()).resolves.toContain('<script>alert(1)</script>');
  await expect(text.textContent()).resolves.toContain('<img src=x onerror=alert(1)>');
  await expect(page.locator('main img, main script').count()).resolves.toBe(0);
  await page.getByRole('heading', { name: '<script>alert(1)</script> title' }).waitFor();

  // A javascript: source URL is refused by the form, and the server refuses it too.
  const claim = text.locator('[data-claims]').first();
  await claim.click();
  const panel = page.getByRole('dialog').filter({ hasText: 'In context' });
  await panel.getByRole('button', { name: 'Attach a source' }).click();
  const form = panel.getByRole('form', { name: 'Attach a source' });
  await form.getByLabel('Address (URL)').fill('javascript:alert(1)');
  await form.getByLabel('Title').fill('<b>Evil</b> source');
  await form.getByRole('button', { name: 'Attach source' }).click();
  await form.getByText('must start with http:// or https://').waitFor();
  const claimId = await claim.getAttribute('data-claims').then((ids) => ids!.split(' ')[0]);
  const refused = await page.evaluate(async (id) => {
    const me = await (await fetch('/api/auth/me')).json();
    const res = await fetch(`/api/claims/${id}/sources`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify({ source: { url: 'javascript:alert(1)', title: 'Evil' }, stance: 'REFUTES' }),
    });
    return res.status;
  }, claimId);
  expect(refused).toBe(400);

  // An http source whose title and excerpt carry markup renders as text; clicking the text in the article does not navigate.
  await form.getByLabel('Address (URL)').fill('https://example.org/evidence');
  await form.getByLabel('Excerpt').fill('<img src=x onerror=alert(1)>');
  await form.getByLabel('Context').check();
  await form.getByRole('button', { name: 'Attach source' }).click();
  await panel.getByRole('link', { name: '<b>Evil</b> source' }).waitFor();
  await expect(panel.locator('section[aria-label="Sources"]').locator('img, script, b').count()).resolves.toBe(0);
  await panel.getByRole('region', { name: 'Sources' }).getByText('<img src=x onerror=alert(1)>').waitFor();
  await expect(page.locator('a[href^="javascript"]').count()).resolves.toBe(0);
  await page.keyboard.press('Escape');
  const before = page.url();
  await text.getByText('javascript:alert(1)', { exact: false }).click();
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
  expect(dialogs).toEqual([]);
});

// Unverified look-alikes in the claim panel: a follow-up article repeats one of the sample article's claims in other
// words; opening it lists the sample's claim below the (empty) library matches, from a call of its own made after them.
import { screenshot, setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();

test('lists unverified look-alikes of the workspace below the library matches, loaded after them', async () => {
  const page = await env.newPage();
  await setUpWorkspace(page, { workspace: 'Look-alike desk', name: 'Lou Admin', email: 'lou@lookalike.example', password: 'correct horse 8' });
  await page.goto('/articles');
  await page.getByRole('button', { name: 'Try the sample article' }).click();
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  await page.getByTestId('article-text').waitFor();

  // A follow-up article repeats one of the sample's claims in other words.
  await page.goto('/articles');
  await page.getByRole('button', { name: 'Import article' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import an article' });
  await dialog.getByLabel('Title').fill('Follow-up');
  await dialog
    .getByLabel('Article text')
    .fill('Analysts say the surprise meeting between a Chinese delegation and Fidel Castro in November 2022 raised questions about Havana’s plans.\n\nNothing else happened.');
  await dialog.getByRole('button', { name: 'Import and find claims' }).click();
  await dialog.getByRole('button', { name: 'Open the article' }).click();
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  const lookAlikes = page.waitForResponse((r) => /\/api\/claims\/[0-9a-f-]{36}\/look-alikes/.test(r.url()));
  await page.getByTestId('article-text').locator('[data-claims]', { hasText: 'Fidel Castro in November 2022' }).first().click();
  const panel = page.getByRole('dialog').filter({ hasText: 'In context' });
  await panel.getByText('Nothing in the library matches this claim.').waitFor();
  expect((await lookAlikes).status()).toBe(200);
  await panel.getByText('Unverified look-alikes in this workspace').waitFor();
  const link = panel.getByRole('link', { name: /Fidel Castro in November 2022/ }).first();
  await expect(link.getAttribute('href')).resolves.toMatch(/^\/articles\/[0-9a-f-]{36}\?claim=[0-9a-f-]{36}$/);
  await link.scrollIntoViewIfNeeded();
  await screenshot(page, 'claim-panel-look-alikes');
});

// A new workspace's first look: the empty Articles page offers the sample article, which opens in the reader with its claims.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { seriousA11yViolations, setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();

test('"Try the sample article" imports the sample and opens it with its traps highlighted', async () => {
  const page = await env.newPage();
  await setUpWorkspace(page, { workspace: 'First look desk', name: 'Sam Admin', email: 'sam@firstlook.example', password: 'correct horse 7' });

  await page.goto('/articles');
  await page.getByText('No articles yet').waitFor();
  await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  await page.getByRole('button', { name: 'Try the sample article' }).click();

  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: SAMPLE_ARTICLE.title }).waitFor();
  const text = page.getByTestId('article-text');
  await expect(text.textContent()).resolves.toContain('Fidel Castro in November 2022');
  // The dated meeting with a man who died in 2016 is a claim of its own, and the hedge is marked in the text.
  await text.locator('[data-claims]', { hasText: 'Fidel Castro in November 2022' }).first().waitFor();
  await expect(text.getByText('allegedly', { exact: true }).count()).resolves.toBeGreaterThan(0);

  // Back on the list, the article is there; the empty state is gone.
  await page.goto('/articles');
  await page.getByRole('link', { name: SAMPLE_ARTICLE.title }).waitFor();
  await expect(page.getByText('No articles yet').count()).resolves.toBe(0);
});

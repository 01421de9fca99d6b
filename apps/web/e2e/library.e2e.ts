// The fact-check library: an admin imports a ClaimReview file on the Library screen (progress, then the per-line
// report); the sample article's claim that a fact-check covers is marked "checked before" in the reader, its match is in
// the claim panel with rating and publisher, and the claims table filters on it.
import path from 'node:path';
import { screenshot, seriousA11yViolations, setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();
const FIXTURE = path.resolve(__dirname, '../../api/test/fixtures/checks.claimreview.json');

test('imports a library file and marks the sample article’s claim as checked before, with its match in the panel', async () => {
  const page = await env.newPage();
  await setUpWorkspace(page, { workspace: 'Library desk', name: 'Lia Admin', email: 'lia@library.example', password: 'correct horse 7' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByText('The library is empty').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Library file').click();
  await (await chooser).setFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('2 entries imported from checks.claimreview.json').waitFor({ timeout: 60_000 });
  const report = page.getByLabel('Import report');
  await report.getByText('line 3: skipped, duplicate of line 1 (same URL)').waitFor();
  await page.getByRole('table', { name: 'Library entries' }).getByText('Miguel Díaz-Canel came to power in Cuba in 2016.').waitFor();
  await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  await screenshot(page, 'library-import');

  await page.goto('/articles');
  await page.getByRole('button', { name: 'Try the sample article' }).click();
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  await page.getByLabel('Claims checked before').waitFor();
  const text = page.getByTestId('article-text');
  await text.locator('[data-claims]', { hasText: 'Miguel Díaz-Canel came to power in 2016' }).first().click();
  const panel = page.getByRole('dialog');
  await panel.getByText('Checked before', { exact: true }).first().waitFor();
  const match = panel.getByLabel('Library match 1');
  await match.getByText('Miguel Díaz-Canel came to power in Cuba in 2016.').waitFor();
  await match.getByText(/Island Checks · 2023-04-19/).waitFor();
  await match.getByText('False', { exact: true }).waitFor();
  await match.scrollIntoViewIfNeeded();
  await screenshot(page, 'library-claim-panel');

  // "Same claim": the fact-check becomes a source that contradicts the claim; its rating fills the verdict form.
  await panel.getByRole('button', { name: 'Flag' }).click();
  await match.getByRole('button', { name: 'Same claim' }).click();
  await match.getByText('Contradicts it').click();
  await match.getByRole('button', { name: 'Add as source' }).click();
  await panel
    .getByRole('region', { name: 'Sources' })
    .getByText(/Island Checks: /)
    .first()
    .waitFor();
  await expect(panel.getByLabel('Rating').inputValue()).resolves.toBe('false');

  await page.goto('/claims?checkedBefore=yes');
  await page.getByText('Miguel Díaz-Canel came to power in 2016', { exact: false }).first().waitFor();
  await expect(page.getByLabel('Checked before').inputValue()).resolves.toBe('yes');
  await screenshot(page, 'library-claims-filter');
});

// An admin reads the workspace audit log in Settings, narrows it by record type and gets the CSV export link.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { screenshot, seriousA11yViolations, setUpWorkspace, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();

test('an admin reads and filters the audit log', async () => {
  const page = await env.newPage();
  await setUpWorkspace(page, { workspace: 'Audit desk', name: 'Ada Admin', email: 'ada@audit.example', password: 'correct horse 8' });
  await page.goto('/articles');
  await page.getByRole('button', { name: 'Try the sample article' }).click();
  await page.getByRole('heading', { name: SAMPLE_ARTICLE.title }).waitFor();

  await page.goto('/settings');
  await page.getByRole('tab', { name: 'Audit log' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await log.getByRole('row').filter({ hasText: 'article import' }).waitFor();
  await log.getByRole('row').filter({ hasText: 'workspace create' }).first().waitFor();
  await expect(log.getByRole('row').filter({ hasText: 'Ada Admin' }).count()).resolves.toBeGreaterThan(1);
  await screenshot(page, 'settings-audit-log');
  await expect(seriousA11yViolations(page)).resolves.toEqual([]);

  await page.getByLabel('Record type').selectOption('article');
  await log.getByRole('row').filter({ hasText: 'workspace create' }).first().waitFor({ state: 'detached' });
  await log.getByRole('row').filter({ hasText: 'article import' }).waitFor();
  await expect(log.getByRole('row').filter({ hasText: 'workspace create' }).count()).resolves.toBe(0);
  await expect(log.getByRole('row').filter({ hasText: 'article import' }).count()).resolves.toBe(1);
  await expect(page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).resolves.toBe('/api/audit/export?entity=article');
});

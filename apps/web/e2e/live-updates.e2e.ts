// Two people on one desk: a change made on one screen appears on a colleague's open screen without a reload.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { setUpWorkspace, signIn, useServerAndBrowser } from './harness';

const env = useServerAndBrowser();
const ADMIN = { email: 'lee@live.example', password: 'correct horse 8' };

test('a claim flagged in the reader shows as flagged in a colleague’s open claims table', async () => {
  const reader = await env.newPage();
  await setUpWorkspace(reader, { workspace: 'Live desk', name: 'Lee Admin', email: ADMIN.email, password: ADMIN.password });
  await reader.goto('/articles');
  await reader.getByRole('button', { name: 'Try the sample article' }).click();
  await reader.getByRole('heading', { name: SAMPLE_ARTICLE.title }).waitFor();

  // The colleague has the claims table open, in another browser session.
  const table = await env.newPage();
  await signIn(table, ADMIN.email, ADMIN.password);
  await table.goto('/claims');
  const claims = table.getByRole('table', { name: 'Claims' });
  await claims.getByText('Detected', { exact: true }).first().waitFor();
  await expect(claims.getByText('Flagged', { exact: true }).count()).resolves.toBe(0);

  // The first claim is flagged from the keyboard in the reader; the table follows without a reload.
  await reader.getByTestId('article-text').locator('[data-claims]').first().waitFor();
  await reader.keyboard.press('j');
  await reader.keyboard.press('f');
  await claims.getByText('Flagged', { exact: true }).first().waitFor({ timeout: 15_000 });
});

// The newsroom's path through ClaimDesk in a real browser: set up, import, flag, source, propose, approve, report.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations, signIn, useServerAndBrowser } from './harness';

const ADMIN = { name: 'Ada Admin', email: 'ada@desk.example', password: 'correct horse 1' };
const EDITOR = { name: 'Eddie Editor', email: 'eddie@desk.example', password: 'correct horse 2' };
const CHECKER = { name: 'Fran Checker', email: 'fran@desk.example', password: 'correct horse 3' };
const CORRECTION = 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022';

const env = useServerAndBrowser();
const a11y: Record<string, string[]> = {};

async function checkA11y(page: Page, screen: string) {
  a11y[screen] = await seriousA11yViolations(page);
}

// Longer than the suite's default: two invited people open their links and choose passwords in browsers of their own.
test('a fact-checker corrects the Fidel Castro meeting and an editor approves it into the report', async () => {
  // The admin sets up the workspace and invites an editor and a fact-checker.
  const admin = await env.newPage();
  await admin.goto('/');
  await admin.waitForURL(/\/setup$/);
  await checkA11y(admin, 'setup');
  await admin.getByLabel('Workspace name').fill('Daily Planet standards desk');
  await admin.getByLabel('Your name').fill(ADMIN.name);
  await admin.getByLabel('Email').fill(ADMIN.email);
  await admin
    .getByLabel(/^Password/)
    .first()
    .fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Create workspace' }).click();
  await admin.getByRole('navigation', { name: 'Main' }).waitFor();
  await admin.goto('/settings');
  for (const [member, role] of [
    [EDITOR, 'EDITOR'],
    [CHECKER, 'FACT_CHECKER'],
  ] as const) {
    const form = admin.getByRole('form', { name: 'Invite a member' });
    await form.getByLabel('Email').fill(member.email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const link = (await form.getByTestId('invitation-link').textContent())!;
    if (role === 'EDITOR') await screenshot(admin, 'settings-invitation');
    // The person opens the link and chooses their own password; the admin never knows it.
    const invited = await env.newPage();
    await invited.goto(new URL(link).pathname + new URL(link).hash);
    await invited.getByLabel('Your name').fill(member.name);
    await invited.getByLabel('Choose a password').fill(member.password);
    if (role === 'EDITOR') {
      await screenshot(invited, 'accept-invitation');
      await checkA11y(invited, 'accept-invitation');
    }
    await invited.getByRole('button', { name: 'Create my account and join' }).click();
    await invited.getByRole('navigation', { name: 'Main' }).waitFor();
    await invited.close();
    await admin.reload();
    await admin.getByRole('cell', { name: member.email }).waitFor();
  }
  await screenshot(admin, 'settings');
  await checkA11y(admin, 'settings');

  // The fact-checker imports the sample article.
  const checker = await env.newPage();
  const dialogs: string[] = [];
  checker.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(checker, CHECKER.email, CHECKER.password);
  await checker.goto('/articles');
  await checker.getByRole('button', { name: 'Import article' }).first().click();
  const importDialog = checker.getByRole('dialog', { name: 'Import an article' });
  await importDialog.getByLabel('Title').fill(SAMPLE_ARTICLE.title);
  await importDialog.getByLabel('Author').fill(SAMPLE_ARTICLE.author);
  await importDialog.getByLabel('Article text').fill(SAMPLE_ARTICLE.text);
  await importDialog.getByRole('button', { name: 'Import and find claims' }).click();
  await importDialog.getByText(/^Found \d+ claims in the article/).waitFor();
  await importDialog.getByRole('button', { name: 'Open the article' }).click();
  await checker.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  const articleId = /\/articles\/([0-9a-f-]{36})/.exec(checker.url())![1];

  // The hedged claims are highlighted with hedge marks.
  const text = checker.getByTestId('article-text');
  await text.waitFor();
  const hedges = await text.locator('.cd-cue-hedge').allTextContents();
  expect(hedges).toEqual(expect.arrayContaining(['allegedly', 'unconfirmed sources claim']));
  for (const cue of ['allegedly', 'unconfirmed sources claim']) {
    const span = text.locator('span.cd-cue-hedge', { hasText: cue }).first();
    await expect(span.getAttribute('data-claims')).resolves.toBeTruthy();
    await expect(span.getAttribute('class')).resolves.toMatch(/cd-claim/);
  }
  await checker.getByRole('link', { name: 'Articles' }).first().waitFor();
  await screenshot(checker, 'reader');
  await checkA11y(checker, 'reader');

  // Flag the claim about the meeting, attach a refuting source, propose "False" with the correction.
  await text.locator('[data-claims]', { hasText: 'Fidel Castro in November 2022' }).first().click();
  const panel = checker.getByRole('dialog').filter({ hasText: 'In context' });
  await panel.getByText('Why it was detected').waitFor();
  await panel.getByRole('button', { name: 'Flag', exact: true }).click();
  await panel.getByText('Flagged', { exact: true }).first().waitFor();
  await panel.getByRole('button', { name: 'Attach a source' }).click();
  const sourceForm = panel.getByRole('form', { name: 'Attach a source' });
  await sourceForm.getByLabel('Address (URL)').fill('https://www.reuters.com/world/china/xi-diaz-canel-2022-11-25/');
  await sourceForm.getByLabel('Title').fill('Xi Jinping hosts Cuba’s Díaz-Canel in Beijing');
  await sourceForm.getByLabel('Publisher').fill('Reuters');
  await sourceForm.getByLabel('Refutes').check();
  await sourceForm.getByLabel('Excerpt').fill('Chinese President Xi Jinping met Cuban President Miguel Díaz-Canel in Beijing on 25 November 2022.');
  await sourceForm.getByRole('button', { name: 'Attach source' }).click();
  await panel.getByRole('link', { name: 'Xi Jinping hosts Cuba’s Díaz-Canel in Beijing' }).waitFor();
  const link = panel.getByRole('link', { name: 'Xi Jinping hosts Cuba’s Díaz-Canel in Beijing' });
  await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
  const verdict = panel.getByRole('form', { name: 'Verdict' });
  await verdict.getByLabel('Rating').selectOption('false');
  await verdict.getByLabel('Rationale').fill('Fidel Castro died in November 2016. In November 2022 it was President Miguel Díaz-Canel who met Xi Jinping, in Beijing.');
  await verdict.getByRole('button', { name: 'Propose verdict' }).click();
  await verdict.getByText(/verdict needs a correction/).waitFor();
  await verdict.getByLabel(/^Correction/).fill(CORRECTION);
  await verdict.getByRole('button', { name: 'Propose verdict' }).click();
  await panel.getByText('Waiting for an editor to review your verdict.').waitFor();
  await panel.getByText('In review', { exact: true }).first().waitFor();
  await panel.getByRole('region', { name: 'In context' }).scrollIntoViewIfNeeded();
  await screenshot(checker, 'claim-panel');
  await checkA11y(checker, 'claim-panel');
  await checker.keyboard.press('Escape');

  await checker.goto('/claims');
  await checker.getByRole('row').nth(3).waitFor();
  await screenshot(checker, 'claims');
  await checkA11y(checker, 'claims');
  // Across the workspace the table sorts by last change; the other sort headers say where their order is offered.
  await expect(checker.getByRole('button', { name: 'Score' }).getAttribute('aria-disabled')).resolves.toBe('true');
  await checker.getByRole('button', { name: 'Score' }).hover();
  await checker
    .getByRole('tooltip')
    .getByText(/sorts by last change/)
    .waitFor();
  await screenshot(checker, 'claims-sort-hint');
  await checker.goto('/articles');
  await checker.getByRole('link', { name: SAMPLE_ARTICLE.title }).waitFor();
  await screenshot(checker, 'articles');
  await checkA11y(checker, 'articles');

  // The editor approves it from the review queue with the keyboard.
  const editor = await env.newPage();
  await signIn(editor, EDITOR.email, EDITOR.password);
  await editor.goto('/review');
  const item = editor.getByRole('article').filter({ hasText: CORRECTION });
  await item.waitFor();
  await expect(item.getByRole('button', { name: 'Approve' }).isVisible()).resolves.toBe(true);
  await item.getByText('Xi Jinping hosts Cuba’s Díaz-Canel in Beijing').waitFor();
  await screenshot(editor, 'review');
  await checkA11y(editor, 'review');
  await editor.keyboard.press('a');
  await editor.getByText('Nothing to review').waitFor();

  // The report preview lists the correction.
  await editor.goto(`/reports?article=${articleId}`);
  const report = editor.frameLocator('iframe[title="Corrections report preview"]');
  await report.getByText(CORRECTION).first().waitFor();
  await screenshot(editor, 'report');
  await checkA11y(editor, 'report');

  await editor.goto('/dashboard');
  await editor.getByText('Claims by status').waitFor();
  await screenshot(editor, 'dashboard');
  await checkA11y(editor, 'dashboard');

  expect(dialogs).toEqual([]);
  expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
}, 300_000);

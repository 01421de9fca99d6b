// Two people side by side on one desk, with no reload between steps: a fact-checker proposes, an editor sends back,
// the fact-checker finds it on "My work" and re-proposes, and the editor words the correction notice and approves from the
// keyboard; the published version's public page carries the ClaimReview markup, and its PDF prints the notice in every script.
import fs from 'node:fs';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { extractPdfText, flatten } from '@claimdesk/reports/src/testing/pdf-text';
import type { Page } from 'playwright-core';
import { inviteMember, screenshot, setUpWorkspace, signIn, useServerAndBrowser } from './harness';

const ADMIN = { name: 'Ada Admin', email: 'ada@loop.example', password: 'correct horse 1' };
const EDITOR = { name: 'Eddie Editor', email: 'eddie@loop.example', password: 'correct horse 2' };
const CHECKER = { name: 'Fran Checker', email: 'fran@loop.example', password: 'correct horse 3' };
const CASTRO = 'Fidel Castro in November 2022';
const CORRECTION = 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022';
const SEND_BACK = 'Say who met Xi, and when.';
// The editor's wording of the notice readers see, naming people and places in Korean and Cyrillic.
const NOTICE = 'Correction: Miguel Díaz-Canel, not Fidel Castro, met Xi Jinping in November 2022; 김정은 was not there, and the Кремль was not consulted.';

const env = useServerAndBrowser();

async function addMembers(admin: Page) {
  await admin.goto('/settings');
  for (const [member, role] of [
    [EDITOR, 'EDITOR'],
    [CHECKER, 'FACT_CHECKER'],
  ] as const) {
    const invited = await env.newPage();
    await inviteMember(admin, invited, member, role);
    await invited.close();
  }
}

// The whole desk story, publishing included, takes longer than the default test timeout on a busy machine.
test('a send-back and a re-proposal travel between a fact-checker and an editor without a reload', async () => {
  const admin = await env.newPage();
  await setUpWorkspace(admin, { workspace: 'Loop desk', ...ADMIN });
  await addMembers(admin);
  await admin.goto('/articles');
  await admin.getByRole('button', { name: 'Try the sample article' }).click();
  await admin.getByRole('heading', { name: SAMPLE_ARTICLE.title }).waitFor();

  // Both sign in and land on "My work"; after this, neither page is reloaded.
  const checker = await env.newPage();
  await signIn(checker, CHECKER.email, CHECKER.password);
  await checker.getByRole('heading', { name: 'My work' }).waitFor();
  const editor = await env.newPage();
  await signIn(editor, EDITOR.email, EDITOR.password);
  await editor.getByRole('heading', { name: 'My work' }).waitFor();
  await editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
  await editor.getByText('Nothing to review').waitFor();

  // The fact-checker flags the claim (it becomes theirs), attaches a refuting source and proposes False.
  await checker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await checker.getByRole('link', { name: SAMPLE_ARTICLE.title }).click();
  const text = checker.getByTestId('article-text');
  const claim = text.locator('[data-claims]', { hasText: CASTRO }).first();
  await claim.click();
  const panel = checker.getByRole('dialog').filter({ hasText: 'In context' });
  await panel.getByRole('button', { name: 'Flag', exact: true }).click();
  await panel.getByText('Flagged', { exact: true }).first().waitFor();
  await panel.getByRole('button', { name: 'Attach a source' }).click();
  const sourceForm = panel.getByRole('form', { name: 'Attach a source' });
  await sourceForm.getByLabel('Address (URL)').fill('https://www.reuters.com/world/china/xi-diaz-canel-2022-11-25/');
  await sourceForm.getByLabel('Title').fill('Xi Jinping hosts Cuba’s Díaz-Canel in Beijing');
  await sourceForm.getByLabel('Refutes').check();
  await sourceForm.getByRole('button', { name: 'Attach source' }).click();
  await panel.getByRole('link', { name: 'Xi Jinping hosts Cuba’s Díaz-Canel in Beijing' }).waitFor();
  const verdictForm = panel.getByRole('form', { name: 'Verdict' });
  await verdictForm.getByLabel('Rating').selectOption('false');
  await verdictForm.getByLabel('Rationale').fill('Fidel Castro died in 2016.');
  await verdictForm.getByLabel(/^Correction/).fill(CORRECTION);
  await verdictForm.getByRole('button', { name: 'Propose verdict' }).click();
  await panel.getByText('Waiting for an editor to review your verdict.').waitFor();

  // The editor's open queue shows the proposal; the editor sends it back with a comment.
  const item = editor.getByRole('article').filter({ hasText: CORRECTION });
  await item.waitFor({ timeout: 15_000 });
  await item.getByRole('button', { name: 'Request changes' }).click();
  await item.getByLabel('What needs to change').fill(SEND_BACK);
  await item.getByRole('button', { name: 'Send back with comment' }).click();
  await editor.getByText('Nothing to review').waitFor();

  // The fact-checker's open reader follows (the claim is back in research), and "My work" lists the send-back.
  await checker.keyboard.press('Escape');
  await text.locator('.cd-tone-research', { hasText: CASTRO }).first().waitFor({ timeout: 15_000 });
  await checker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
  const sentBack = checker.getByRole('region', { name: 'Sent back to me' });
  await sentBack.getByText(SEND_BACK).waitFor();
  await expect(checker.getByRole('region', { name: 'Assigned to me' }).getByText(CASTRO).count()).resolves.toBeGreaterThan(0);
  await screenshot(checker, 'my-work');

  // From there the fact-checker revises and proposes again.
  await sentBack.getByRole('link', { name: new RegExp(CASTRO) }).click();
  const revise = checker.getByRole('dialog').filter({ hasText: 'In context' });
  await revise.getByText('Revise the verdict').waitFor();
  const again = revise.getByRole('form', { name: 'Verdict' });
  await again.getByLabel('Rationale').fill('Fidel Castro died in November 2016; Miguel Díaz-Canel met Xi Jinping on 25 November 2022.');
  await again.getByRole('button', { name: 'Propose verdict' }).click();
  await revise.getByText('Waiting for an editor to review your verdict.').waitFor();

  // The editor's queue shows it again with what changed since the send-back; `a` approves after an undo window.
  const back = editor.getByRole('article').filter({ hasText: CORRECTION });
  await back.waitFor({ timeout: 15_000 });
  const diff = back.getByLabel('Changes since it was sent back');
  await diff.locator('ins', { hasText: 'Miguel' }).first().waitFor();
  await screenshot(editor, 'review-diff');
  await editor.keyboard.press('a');
  await back.getByRole('button', { name: 'Undo' }).click();
  // The undo brings the buttons back once the queue has re-read the claim.
  await back.getByRole('button', { name: 'Approve' }).waitFor();
  // The correction notice is prefilled from the verdict; the editor words it before approving.
  const notice = back.getByLabel('Correction notice');
  await expect(notice.inputValue()).resolves.toBe(CORRECTION);
  await notice.fill(NOTICE);
  await diff.click();
  await editor.keyboard.press('a');
  await back.getByText('Approving in 5 seconds').waitFor();
  await editor.getByText('Nothing to review').waitFor({ timeout: 20_000 });

  // The fact-checker's open claim panel shows it verified.
  await revise.getByText('Verified', { exact: true }).first().waitFor({ timeout: 15_000 });

  // The editor publishes the report: the draft says DRAFT, publishing asks first and says what it makes.
  await editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  const preview = editor.frameLocator('iframe[title="Corrections report preview"]');
  await preview.getByText(/^DRAFT: not published/).waitFor();
  await editor.getByRole('button', { name: 'Publish version 1' }).click();
  const confirm = editor.getByRole('dialog', { name: 'Publish version 1?' });
  await confirm.getByText(/1 entry, 1 correction/).waitFor();
  await screenshot(editor, 'publish-confirm');
  await confirm.getByRole('button', { name: 'Publish version 1' }).click();
  // The dialog closes (its button would otherwise be a second "Publish version 2" while it fades out).
  await editor.getByRole('dialog').waitFor({ state: 'hidden' });
  await editor.getByRole('region', { name: 'Published versions' }).getByText('v1', { exact: true }).waitFor();
  await editor.getByText('Nothing changed since version 1; the published report stands.').waitFor();
  await expect(editor.getByRole('button', { name: 'Publish version 2' }).isDisabled()).resolves.toBe(true);
  // The preview refreshes: it is now the draft of a version 2.
  await preview
    .getByText(/would be version 2/)
    .first()
    .waitFor();
  await screenshot(editor, 'report-published');

  // The version's public page: anyone can read it without signing in, and it carries the ClaimReview markup.
  const versions = editor.getByRole('region', { name: 'Published versions' });
  const publicUrl = (await versions.getByRole('link', { name: /Public page/ }).getAttribute('href'))!;
  expect(publicUrl).toMatch(/\/public\/reports\/[A-Za-z0-9_-]{22}$/);
  const reader = await env.newPage();
  const response = await reader.goto(publicUrl);
  expect(response?.status()).toBe(200);
  await reader.getByText(NOTICE).waitFor();
  const markup = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  const review = markup['@graph'][0];
  expect(review['@type']).toBe('ClaimReview');
  expect(review.claimReviewed).toContain('Fidel Castro');
  expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'False' });
  expect(typeof review.reviewRating.ratingValue).toBe('number');
  await screenshot(reader, 'public-page');

  // The snippet for the CMS, in the editor's wording.
  const cms = editor.getByRole('region', { name: 'Copy for CMS' });
  await expect(cms.getByLabel('HTML snippet').inputValue()).resolves.toContain('Díaz-Canel, not Fidel Castro');
  await cms.getByText('Plain text').click();
  await expect(cms.getByLabel('Plain-text snippet').inputValue()).resolves.toContain(NOTICE);
  await screenshot(editor, 'reports-snippet');

  // The published PDF prints the Korean and Cyrillic names: they are in its text layer.
  const pdfHref = (await versions.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href'))!;
  const pdf = await editor.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  const pdfText = flatten((await extractPdfText(Buffer.from(await pdf.body()))).text);
  expect(pdfText).toContain('김정은');
  expect(pdfText).toContain('Кремль');

  // The draft's PDF of a large report is laid out by a background job (this server treats every report as large): the page
  // shows the job's progress, then the file downloads.
  const drafts = editor.getByRole('region', { name: 'Download the draft' });
  const downloaded = editor.waitForEvent('download');
  await drafts.getByRole('button', { name: 'PDF', exact: true }).click();
  await screenshot(editor, 'report-draft-pdf');
  const draftPdf = await downloaded;
  expect(draftPdf.suggestedFilename()).toMatch(/-draft\.pdf$/);
  const draftText = flatten((await extractPdfText(fs.readFileSync((await draftPdf.path())!))).text);
  expect(draftText).toContain('DRAFT');
  expect(draftText).toContain('Кремль');
  await expect(drafts.getByRole('progressbar').count()).resolves.toBe(0);

  // Only an admin may withdraw the public page (the editor has no such button); it asks first, then the page answers 410.
  await expect(versions.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
  await admin.goto('/reports');
  const adminVersions = admin.getByRole('region', { name: 'Published versions' });
  await adminVersions.getByRole('button', { name: 'Withdraw' }).click();
  const withdraw = admin.getByRole('dialog', { name: 'Withdraw the public page of version 1?' });
  await withdraw.getByText(/410/).waitFor();
  await screenshot(admin, 'withdraw-confirm');
  await withdraw.getByRole('button', { name: 'Withdraw public page' }).click();
  await adminVersions.getByText('Public page withdrawn').waitFor();
  expect((await reader.goto(publicUrl))?.status()).toBe(410);
  await reader.getByText('This corrections page has been withdrawn').waitFor();

  // The dashboard's bars open the claims table filtered, and the filter is in the address.
  await editor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await editor.getByRole('link', { name: /^Verified\s*1$/ }).click();
  await editor.waitForURL(/\/claims\?status=VERIFIED$/);
  await editor.getByRole('table', { name: 'Claims' }).getByText(CASTRO, { exact: false }).waitFor();
  await editor.getByText('1 claim', { exact: true }).waitFor();
  await editor.goBack();
  await editor.getByText('Claims by status').waitFor();
  await editor.goForward();
  await editor.getByText('1 claim', { exact: true }).waitFor();
}, 300_000);

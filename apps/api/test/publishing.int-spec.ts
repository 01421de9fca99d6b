// Publishing for readers: each published version gets a public page (no sign-in) with its ClaimReview markup, the workspace
// feed lists every live review, admins withdraw pages (410), editors word the correction notice, and reports cite the
// capture of each source (date, SHA-256, archived text reachable only for sources the version cites).
// Source pages come from a local HTTP server, so private addresses are allowed here.
import { serve, startTestServer, type TestServer } from '@claimdesk/fetcher/src/testing/test-server';
import { extractPdfText, flatten } from '@claimdesk/reports/src/testing/pdf-text';
import { SAMPLE_ARTICLE, type ClaimDto, type ImportResultDto, type Page, type ReportVersionDto, type VerdictDto } from '@claimdesk/domain';
import { SAMPLE, jobFinished, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

const CASTRO = 'meeting between a Chinese trade delegation and Fidel Castro in November 2022';
const CORRECTION = 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022';
const NOTICE = 'Correction: the delegation met Miguel Díaz-Canel, not Fidel Castro, who died in 2016. Also corrected: 김정은 did not attend, and the Кремль was not consulted.';

const OBITUARY = `<!DOCTYPE html><html><head><title>Fidel Castro dies at 90</title></head><body><article><h1>Fidel Castro dies at 90</h1>
<p>Fidel Castro, the revolutionary who ruled Cuba for nearly five decades, died on 25 November 2016 in Havana, his brother Raúl announced.</p>
<p>He had handed power to Raúl in 2008 after falling ill, and had rarely been seen in public in his final years.</p></article></body></html>`;
const UNCITED = `<!DOCTYPE html><html><head><title>Internal notes</title></head><body><article><h1>Internal notes</h1>
<p>These are the desk's private research notes about a claim that was never published, and nobody outside should read them.</p>
<p>They are captured like any other source, but no published report cites them, so no public address may serve them.</p></article></body></html>`;

interface ClaimReview {
  '@type': string;
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { '@type': string; name: string };
  reviewRating: { '@type': string; ratingValue?: number; bestRating?: number; worstRating?: number; alternateName: string };
  itemReviewed: { '@type': string; author?: { name: string }; datePublished?: string; appearance?: { url?: string } };
}

function ldJson(html: string): unknown[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
  return blocks.flatMap((b) => (b['@graph'] as unknown[]) ?? [b]);
}

describe('publishing: public pages, feed, worded corrections, cited captures', () => {
  let api: TestApi;
  let web: TestServer;
  let ws: TestWorkspace;
  let articleId: string;
  let castro: ClaimDto;
  let citedSnapshot: string;
  let uncitedSnapshot: string;
  let version: ReportVersionDto;
  const allowPrivate = process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;

  beforeAll(async () => {
    process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = '1';
    api = await startApi();
    web = await startTestServer({ '/obituary': serve('text/html; charset=utf-8', Buffer.from(OBITUARY)), '/notes': serve('text/html; charset=utf-8', Buffer.from(UNCITED)) });
    ws = await makeWorkspace(api, 'publishing');
    const imported = await ws.factChecker.post<ImportResultDto>('/articles', { title: SAMPLE_ARTICLE.title, format: 'text', content: SAMPLE, url: SAMPLE_ARTICLE.url, author: SAMPLE_ARTICLE.author });
    articleId = imported.body.article.id;
    const claims = (await ws.factChecker.get<Page<ClaimDto>>(`/claims?articleId=${articleId}&limit=500`)).body.items;
    castro = claims.find((c) => c.text.includes(CASTRO))!;
    await ws.factChecker.post(`/claims/${castro.id}/transition`, { version: castro.version, action: 'flag' });
    const cited = await ws.factChecker.post(`/claims/${castro.id}/sources`, { source: { title: 'Fidel Castro dies at 90', url: web.url('/obituary') }, stance: 'REFUTES' });
    expect((await jobFinished(ws.factChecker, cited.body.captureJobId)).state).toBe('completed');
    citedSnapshot = (await ws.viewer.get(`/claims/${castro.id}`)).body.sources[0].source.capture.id;
    // A capture of the same workspace that no published report cites.
    const other = claims.find((c) => c.id !== castro.id)!;
    const uncited = await ws.factChecker.post(`/claims/${other.id}/sources`, { source: { title: 'Internal notes', url: web.url('/notes') }, stance: 'CONTEXT' });
    expect((await jobFinished(ws.factChecker, uncited.body.captureJobId)).state).toBe('completed');
    uncitedSnapshot = (await ws.viewer.get(`/claims/${other.id}`)).body.sources[0].source.capture.id;

    const verdict = await ws.factChecker.post<VerdictDto>(`/claims/${castro.id}/verdicts`, { ratingKey: 'false', rationale: 'Castro died in 2016.', correction: CORRECTION, propose: true });
    const approved = await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version, correctionNotice: NOTICE });
    expect(approved.status).toBe(201);
  });
  afterAll(async () => {
    if (allowPrivate === undefined) delete process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE;
    else process.env.CLAIMDESK_FETCH_ALLOW_PRIVATE = allowPrivate;
    await web.close();
    await api.close();
  });

  it('gives a draft no public address and no archived links', async () => {
    expect((await ws.viewer.get(`/articles/${articleId}/reports`)).body).toEqual([]);
    const preview = await ws.viewer.get(`/articles/${articleId}/report/preview`);
    expect(preview.body.html).not.toContain('/public/reports/');
    const source = preview.body.model.corrections[0].sources[0];
    expect(source.capture).toMatchObject({ snapshotId: citedSnapshot, archivedUrl: null });
    expect(source.capture.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes a public page anyone can read, with the ClaimReview markup and a strict CSP', async () => {
    const published = await ws.editor.post<ReportVersionDto>(`/articles/${articleId}/reports`);
    expect(published.status).toBe(201);
    version = published.body;
    expect(version.publicUrl).toMatch(new RegExp(`^${api.baseUrl.replace(/[.]/g, '\\.')}/public/reports/[A-Za-z0-9_-]{22}$`));
    expect(version.withdrawnAt).toBeNull();
    expect((await ws.viewer.get<ReportVersionDto[]>(`/articles/${articleId}/reports`)).body[0].publicUrl).toBe(version.publicUrl);

    const response = await fetch(version.publicUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    // Cached copies are revalidated, so a withdrawal is seen at once.
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src/);
    const html = await response.text();
    expect(html).toContain(NOTICE);
    expect(html).not.toContain(CORRECTION);

    const reviews = ldJson(html) as ClaimReview[];
    expect(reviews).toHaveLength(1);
    const review = reviews[0];
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url).toBe(`${version.publicUrl}#claim-${castro.id}`);
    expect(review.claimReviewed).toContain('Fidel Castro');
    expect(review.reviewRating).toMatchObject({ '@type': 'Rating', alternateName: 'False', ratingValue: expect.any(Number), bestRating: expect.any(Number), worstRating: expect.any(Number) });
    expect(review.reviewRating.bestRating!).toBeGreaterThan(review.reviewRating.worstRating!);
    expect(review.itemReviewed['@type']).toBe('Claim');
    // The claim's claimant (the article has an author, so every claim has one).
    expect(castro.claimant).toBeTruthy();
    expect(review.itemReviewed.author?.name).toBe(castro.claimant);
    expect(review.itemReviewed.appearance?.url).toBe(SAMPLE_ARTICLE.url);
    const organisation = (await ws.viewer.get(`/articles/${articleId}/report/preview`)).body.model.workspace.organisation;
    expect(review.author).toMatchObject({ '@type': 'Organization', name: organisation });
    expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect((await fetch(`${api.baseUrl}/public/reports/${'A'.repeat(22)}`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/public/reports/not-a-token`)).status).toBe(404);
  });

  it('cites each source with its capture date and hash, and serves only the archived text the version cites', async () => {
    const html = await (await fetch(version.publicUrl!)).text();
    const capture = (await ws.viewer.get(`/sources/${(await ws.viewer.get(`/claims/${castro.id}`)).body.sources[0].source.id}/snapshots/${citedSnapshot}`)).body;
    expect(html).toContain(`SHA-256 ${capture.sha256}`);
    expect(html).toContain(`${version.publicUrl}/sources/${citedSnapshot}`);
    expect(html).toContain(web.url('/obituary'));

    const archived = await fetch(`${version.publicUrl}/sources/${citedSnapshot}`);
    expect(archived.status).toBe(200);
    expect(archived.headers.get('content-type')).toContain('text/plain');
    const text = await archived.text();
    expect(text).toContain('died on 25 November 2016 in Havana');
    expect(text).toContain(capture.sha256);

    expect((await fetch(`${version.publicUrl}/sources/${uncitedSnapshot}`)).status).toBe(404);
    expect((await fetch(`${version.publicUrl}/sources/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    const md = await (await fetch(`${api.baseUrl}${version.downloads.md}`, { headers: { cookie: ws.viewer.cookie! } })).text();
    expect(md).toContain(capture.sha256);
    const json = JSON.parse(await (await fetch(`${api.baseUrl}${version.downloads.json}`, { headers: { cookie: ws.viewer.cookie! } })).text());
    expect(json.corrections[0].sources[0].capture).toEqual({
      snapshotId: citedSnapshot,
      capturedAt: capture.capturedAt,
      sha256: capture.sha256,
      archivedUrl: `${version.publicUrl}/sources/${citedSnapshot}`,
    });
    const pdf = Buffer.from(await (await fetch(`${api.baseUrl}${version.downloads.pdf}`, { headers: { cookie: ws.viewer.cookie! } })).arrayBuffer());
    const pdfText = flatten((await extractPdfText(pdf)).text);
    expect(pdfText).toContain(capture.sha256.slice(0, 16));
    expect(pdfText).toContain('김정은');
    expect(pdfText).toContain('Кремль');
  });

  it('offers the corrections as HTML and plain-text snippets for the CMS, in the editor’s wording', async () => {
    const html = await fetch(`${api.baseUrl}/api/reports/${version.id}/snippet?format=html`, { headers: { cookie: ws.viewer.cookie! } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    const htmlBody = await html.text();
    expect(htmlBody).toContain('Díaz-Canel, not Fidel Castro');
    expect(htmlBody).toContain(`href="${version.publicUrl}"`);
    const text = await fetch(`${api.baseUrl}/api/reports/${version.id}/snippet?format=text`, { headers: { cookie: ws.viewer.cookie! } });
    expect(text.headers.get('content-type')).toContain('text/plain');
    const textBody = await text.text();
    expect(textBody).toContain(NOTICE);
    expect(textBody).not.toContain('<');
    // The editor's wording is a recorded version of the notice, audited with the verdict's own correction beside it.
    const worded = (await ws.admin.get(`/audit?entity=verdict&action=wordCorrection`)).body.items;
    expect(worded).toHaveLength(1);
    expect(worded[0]).toMatchObject({ before: { correction: CORRECTION }, after: { correctionNotice: NOTICE, noticeVersion: 1 } });
    const bad = await ws.viewer.get(`/reports/${version.id}/snippet?format=docx`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('format');
  });

  it('lists every live public review in the workspace DataFeed, at an unguessable address', async () => {
    const feed = await ws.viewer.get('/reports/feed');
    expect(feed.body.url).toMatch(/\/public\/workspaces\/[A-Za-z0-9_-]{22}\/claimreviews\.json$/);
    expect(feed.body.url).not.toContain(ws.slug);
    const data = await (await fetch(feed.body.url)).json();
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'DataFeed' });
    expect(data.dataFeedElement).toHaveLength(1);
    expect(data.dataFeedElement[0].item[0]).toMatchObject({ '@type': 'ClaimReview', url: `${version.publicUrl}#claim-${castro.id}` });
    expect((await fetch(`${api.baseUrl}/public/workspaces/${ws.slug}/claimreviews.json`)).status).toBe(404);
  });

  it('lets an admin, and only an admin, withdraw a public page: then it answers 410', async () => {
    expect((await ws.editor.post(`/reports/${version.id}/withdraw`)).status).toBe(403);
    const withdrawn = await ws.admin.post(`/reports/${version.id}/withdraw`);
    expect(withdrawn.status).toBe(204);
    const page = await fetch(version.publicUrl!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('withdrawn');
    expect((await fetch(`${version.publicUrl}/sources/${citedSnapshot}`)).status).toBe(410);
    const listed = (await ws.viewer.get<ReportVersionDto[]>(`/articles/${articleId}/reports`)).body[0];
    expect(listed.publicUrl).toBeNull();
    expect(listed.withdrawnAt).not.toBeNull();
    const feed = await (await fetch((await ws.viewer.get('/reports/feed')).body.url)).json();
    expect(feed.dataFeedElement).toEqual([]);
    expect((await ws.admin.post(`/reports/${version.id}/withdraw`)).status).toBe(422);
    const audit = await ws.admin.get(`/audit?entity=report`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('withdrawPublicPage');
  });
});

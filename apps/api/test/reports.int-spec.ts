// The corrections report of the sample article, from approved verdicts in the database, in every format; publishing and versions.
import { parse } from 'csv-parse/sync';
import { extractPdfText, flatten } from '@claimdesk/reports/src/testing/pdf-text';
import { SAMPLE_ARTICLE, type ApiErrorBody, type ClaimDto, type ImportResultDto, type JobAcceptedDto, type Page, type ReportFormat, type ReportVersionDto, type VerdictDto } from '@claimdesk/domain';
import { DocumentParser } from '@claimdesk/server';
import { SAMPLE, jobFinished, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

/** The parts of a schema.org ClaimReview (the JSON-LD report) the test reads. */
interface ClaimReview {
  '@type': string;
  claimReviewed: string;
  reviewRating: Record<string, unknown>;
  url: string;
  itemReviewed: { appearance: { url: string } };
}

const CASTRO = 'meeting between a Chinese trade delegation and Fidel Castro in November 2022';
const CORRECTION = 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022';

async function approvedSample(ws: TestWorkspace) {
  const imported = await ws.factChecker.post<ImportResultDto>('/articles', { title: SAMPLE_ARTICLE.title, format: 'text', content: SAMPLE, url: SAMPLE_ARTICLE.url, author: SAMPLE_ARTICLE.author });
  const claims = (await ws.factChecker.get<Page<ClaimDto>>(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items;
  const approve = async (words: string, ratingKey: string, correction: string | null, source: { title: string; url: string; stance: string }) => {
    const claim = claims.find((c) => c.text.includes(words))!;
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: source.title, url: source.url, publisher: 'Reuters' }, stance: source.stance, excerpt: 'Quoted passage.' });
    const verdict = await ws.factChecker.post<VerdictDto>(`/claims/${claim.id}/verdicts`, { ratingKey, rationale: `Rationale for ${words}.`, correction, propose: true });
    expect(verdict.status).toBe(201);
    const review = await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version });
    expect(review.status).toBe(201);
    return claim;
  };
  const castro = await approve(CASTRO, 'false', CORRECTION, {
    title: 'Xi Jinping hosts Cuba’s Díaz-Canel in Beijing',
    url: 'https://www.reuters.com/world/china/xi-diaz-canel-2022-11-25/',
    stance: 'REFUTES',
  });
  return { articleId: imported.body.article.id, claims, castro, approve };
}

describe('corrections report', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('carries the Fidel Castro correction and its source in every format', async () => {
    const ws = await makeWorkspace(api, 'report');
    const { articleId } = await approvedSample(ws);
    const get = (format: string) => fetch(`${api.baseUrl}/api/articles/${articleId}/report?format=${format}`, { headers: { cookie: ws.viewer.cookie! } });

    for (const format of ['md', 'html', 'json', 'jsonld']) {
      const text = await (await get(format)).text();
      expect({ format, castro: text.includes(CASTRO) || format === 'jsonld', correction: text.includes(CORRECTION) || format === 'jsonld' }).toEqual({ format, castro: true, correction: true });
      if (format !== 'jsonld') expect(text).toContain('Xi Jinping hosts Cuba’s Díaz-Canel in Beijing');
    }

    const pdf = Buffer.from(await (await get('pdf')).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = flatten((await extractPdfText(pdf)).text);
    expect(pdfText).toContain(CORRECTION);
    expect(pdfText).toContain('Fidel Castro in November 2022');

    const csvBytes = Buffer.from(await (await get('csv')).arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csvBytes.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toContain(CASTRO);
    expect(rows[0].correction).toBe(CORRECTION);
    expect(rows[0].sources).toContain('REFUTES');

    const jsonld = JSON.parse(await (await get('jsonld')).text());
    const reviews = (Array.isArray(jsonld) ? jsonld : (jsonld['@graph'] ?? [jsonld])) as ClaimReview[];
    expect(reviews).toHaveLength(1);
    const review = reviews[0];
    expect(review['@type']).toBe('ClaimReview');
    expect(review.claimReviewed.length).toBeLessThanOrEqual(75);
    expect(review.claimReviewed).not.toMatch(/\bfalse\b/i);
    expect(review.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1, bestRating: 6, worstRating: 1 });
    expect(review.url).toMatch(/^http/);
    expect(review.itemReviewed.appearance.url).toBe(SAMPLE_ARTICLE.url);
  });

  it('publishes immutable versions: identical bytes on every download, a new version only when something changed', async () => {
    const ws = await makeWorkspace(api, 'publish');
    const { articleId, approve } = await approvedSample(ws);
    expect((await ws.factChecker.post(`/articles/${articleId}/reports`)).status).toBe(403);
    const v1 = await ws.editor.post<ReportVersionDto>(`/articles/${articleId}/reports`);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, changesSinceLastVersion: null, summary: { claimsChecked: 1, correctionsNeeded: 1 } });
    const download = async (url: string) => Buffer.from(await (await fetch(`${api.baseUrl}${url}`, { headers: { cookie: ws.viewer.cookie! } })).arrayBuffer());
    for (const format of ['pdf', 'csv', 'md', 'html', 'json', 'jsonld'] satisfies ReportFormat[]) {
      const first = await download(v1.body.downloads[format]);
      const second = await download(v1.body.downloads[format]);
      expect({ format, same: first.equals(second), size: first.length > 100 }).toEqual({ format, same: true, size: true });
    }
    const unchanged = await ws.editor.post(`/articles/${articleId}/reports`);
    expect(unchanged.status).toBe(422);

    const accurate = await approve('Chinese state banks lent Cuba', 'mostly-true', null, {
      title: 'Chinese Loans to Latin America and the Caribbean Database',
      url: 'https://www.bu.edu/gdp/chinese-loans-to-latin-america-and-the-caribbean-database/',
      stance: 'SUPPORTS',
    });
    const v2 = await ws.editor.post(`/articles/${articleId}/reports`);
    expect(v2.body).toMatchObject({ version: 2, changesSinceLastVersion: { previousVersion: 1, added: [accurate.id] } });
    const versions = await ws.viewer.get<ReportVersionDto[]>(`/articles/${articleId}/reports`);
    expect(versions.body.map((v) => v.version)).toEqual([2, 1]);
    expect((await download(v1.body.downloads.md)).toString()).not.toContain('Chinese state banks lent Cuba');
  });

  it('marks the draft DRAFT with a -draft file name, and names published files by the article and version', async () => {
    const ws = await makeWorkspace(api, 'draftname');
    const { articleId, approve } = await approvedSample(ws);
    const draft = await fetch(`${api.baseUrl}/api/articles/${articleId}/report?format=md`, { headers: { cookie: ws.viewer.cookie! } });
    expect(draft.headers.get('content-disposition')).toBe(`attachment; filename="corrections-${ws.slug}-havanas-pivot-east-what-cubas-new-friendships-cost-draft.md"`);
    const draftText = await draft.text();
    expect(draftText).toContain('DRAFT: not published.');
    expect(draftText).not.toContain('Published by');

    const v1 = await ws.editor.post<ReportVersionDto>(`/articles/${articleId}/reports`);
    const published = await fetch(`${api.baseUrl}${v1.body.downloads.pdf}`, { headers: { cookie: ws.viewer.cookie! } });
    expect(published.headers.get('content-disposition')).toContain(`filename="corrections-${ws.slug}-havanas-pivot-east-what-cubas-new-friendships-cost-v1.pdf"`);
    const pdfText = flatten((await extractPdfText(Buffer.from(await published.arrayBuffer()))).text);
    expect(pdfText).not.toContain('DRAFT');
    expect(pdfText).toContain('Published by');

    await approve('Chinese state banks lent Cuba', 'mostly-true', null, { title: 'BU database', url: 'https://www.bu.edu/gdp/', stance: 'SUPPORTS' });
    const v2 = await ws.editor.post<ReportVersionDto>(`/articles/${articleId}/reports`);
    const md = await (await fetch(`${api.baseUrl}${v2.body.downloads.md}`, { headers: { cookie: ws.viewer.cookie! } })).text();
    const added = md.split('\n').find((line) => line.startsWith('- Added:'))!;
    expect(added).toMatch(/^- Added: \[paragraph \d+, “Chinese state banks lent Cuba/);
    expect(added.replace(/\(#claim-[^)]*\)/, '')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('prints Korean and Cyrillic corrections in the published PDF', async () => {
    const ws = await makeWorkspace(api, 'report-scripts');
    const { articleId, approve } = await approvedSample(ws);
    const korean = '김정은 위원장은 크렘린이 아니라 보스토치니에서 푸틴을 만났다; Кремль подтвердил встречу';
    await approve('Chinese state banks lent Cuba', 'mixed', korean, { title: 'Встреча в Восточном', url: 'https://tass.ru/politika/18733221', stance: 'REFUTES' });
    const published = await ws.editor.post<ReportVersionDto>(`/articles/${articleId}/reports`, {});
    expect(published.status).toBe(201);
    const res = await fetch(`${api.baseUrl}${published.body.downloads.pdf}`, { headers: { cookie: ws.viewer.cookie! } });
    const text = flatten((await extractPdfText(Buffer.from(await res.arrayBuffer()))).text);
    expect(text).toContain('김정은');
    expect(text).toContain('Кремль');
    expect(text).toContain(`Correction: ${korean}`);
    expect(text).toContain('Встреча в Восточном');
  });

  it('streams a workspace-wide report for a date range', async () => {
    const ws = await makeWorkspace(api, 'range');
    await approvedSample(ws);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const res = await fetch(`${api.baseUrl}/api/reports/range?from=${from}&to=${to}&format=csv`, { headers: { cookie: ws.viewer.cookie! } });
    expect(res.status).toBe(200);
    const rows = parse(
      Buffer.from(await res.arrayBuffer())
        .subarray(3)
        .toString('utf8'),
      { columns: true },
    ) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0].correction).toBe(CORRECTION);
    const bad = await ws.viewer.get<ApiErrorBody>(`/reports/range?from=yesterday&to=${to}&format=csv`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('from');
  });
});

describe('a large draft PDF', () => {
  // A process whose draft PDFs above one entry are laid out by a job, so two approved verdicts make a "large" report.
  let api: TestApi;
  beforeAll(async () => {
    process.env.CLAIMDESK_PDF_JOB_ENTRIES = '1';
    try {
      api = await startApi();
    } finally {
      delete process.env.CLAIMDESK_PDF_JOB_ENTRIES;
    }
  });
  afterAll(() => api.close());

  it('is laid out by a background job in a worker thread, answered 202, and downloaded from where the job says', async () => {
    const ws = await makeWorkspace(api, 'large-pdf');
    const { articleId, approve } = await approvedSample(ws);
    // One entry: still answered in the request, laid out in a document worker thread.
    const parser = api.app.get(DocumentParser);
    const rendered = parser.answered.render;
    const small = await fetch(`${api.baseUrl}/api/articles/${articleId}/report?format=pdf`, { headers: { cookie: ws.viewer.cookie! } });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-type')).toBe('application/pdf');
    expect(parser.answered.render).toBe(rendered + 1);

    await approve('Chinese state banks lent Cuba', 'mostly-true', null, { title: 'BU database', url: 'https://www.bu.edu/gdp/', stance: 'SUPPORTS' });
    const accepted = await ws.viewer.get<JobAcceptedDto>(`/articles/${articleId}/report?format=pdf`);
    expect(accepted.status).toBe(202);
    // Other formats of the same draft are still answered at once.
    expect((await fetch(`${api.baseUrl}/api/articles/${articleId}/report?format=md`, { headers: { cookie: ws.viewer.cookie! } })).status).toBe(200);

    const job = await jobFinished(ws.viewer, accepted.body.jobId);
    expect(job).toMatchObject({ name: 'report-render', state: 'completed', progress: { percent: 100 } });
    const result = job.result as { renderId: string; download: string; fileName: string; bytes: number; entries: number };
    expect(result).toMatchObject({ renderId: accepted.body.jobId, download: `/api/report-renders/${accepted.body.jobId}`, entries: 2 });
    expect(result.fileName).toMatch(/-draft\.pdf$/);

    const file = await fetch(`${api.baseUrl}${result.download}`, { headers: { cookie: ws.viewer.cookie! } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${result.fileName}"`);
    const pdf = Buffer.from(await file.arrayBuffer());
    expect(pdf.length).toBe(result.bytes);
    const text = flatten((await extractPdfText(pdf)).text);
    expect(text).toContain(CORRECTION);
    expect(text).toContain('Chinese state banks lent Cuba');
    expect(text).toContain('DRAFT');

    // Another workspace neither reads the job nor downloads its file.
    const other = await makeWorkspace(api, 'large-pdf-other');
    expect((await other.viewer.get(`/jobs/${accepted.body.jobId}`)).status).toBe(404);
    expect((await other.viewer.get(`/report-renders/${accepted.body.jobId}`)).status).toBe(404);
    expect((await ws.viewer.get<ApiErrorBody>('/report-renders/not-an-id')).status).toBe(400);
  });
});

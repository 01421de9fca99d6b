// Claimants: every claim has one, the same source is one claimant across articles, and its page lists its claims with verdicts.
import { makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

interface Claim {
  id: string;
  text: string;
  version: number;
  claimant: string | null;
  claimantId: string | null;
  unnamedSource: boolean;
  triage: number;
  checkWorthy: boolean;
}

describe('claimants', () => {
  let api: TestApi;
  let ws: TestWorkspace;
  beforeAll(async () => {
    api = await startApi();
    ws = await makeWorkspace(api, 'claimants');
  });
  afterAll(() => api.close());

  const importArticle = async (content: string, extra: Record<string, string> = {}): Promise<Claim[]> => {
    const imported = await ws.factChecker.post('/articles', { format: 'text', content, ...extra });
    expect(imported.status).toBe(201);
    return (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items;
  };

  it('gives every claim a claimant, merges the same source across articles and lists its claims with verdicts', async () => {
    const first = await importArticle(
      'Prices of fuel rose 14 percent in March, according to the US Pentagon.\n\nThe harbour was closed for two weeks in April.\n\nOfficials familiar with the talks said the draft collapsed on Friday.',
      { title: 'Harbour news', author: 'Maria Kowalska' },
    );
    const second = await importArticle('The Pentagon said 3,000 troops left the base in 2023.', { title: 'Base news', url: 'https://news.example.org/base' });

    const pentagon1 = first.find((c) => c.text.includes('Prices of fuel')) as Claim;
    const pentagon2 = second.find((c) => c.text.includes('3,000 troops')) as Claim;
    expect(pentagon1.claimant).toBe('US Pentagon');
    expect(pentagon1.claimantId).toBe(pentagon2.claimantId);
    const harbour = first.find((c) => c.text.includes('harbour was closed')) as Claim;
    expect(harbour.claimant).toBe('Maria Kowalska');
    const talks = first.find((c) => c.text.includes('draft collapsed')) as Claim;
    expect(talks.claimant).toBe('Officials familiar with the talks');
    expect(talks.unnamedSource).toBe(true);
    expect(talks.triage).toBe(1);
    for (const c of [...first, ...second]) expect(c.claimantId).not.toBeNull();

    // A verdict on one of the Pentagon's claims shows on the claimant's page.
    await ws.factChecker.post(`/claims/${pentagon2.id}/transition`, { version: pentagon2.version, action: 'flag' });
    const verdict = await ws.factChecker.post(`/claims/${pentagon2.id}/verdicts`, {
      ratingKey: 'false',
      rationale: 'The base records say 300.',
      correction: 'About 300 troops left the base in 2023.',
      propose: true,
    });
    expect(verdict.status).toBe(201);
    await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version });

    const search = await ws.viewer.get('/claimants?q=pentagon');
    expect(search.status).toBe(200);
    expect(search.body).toEqual([expect.objectContaining({ id: pentagon1.claimantId, name: 'US Pentagon', claims: 2, unnamed: false })]);

    const page = await ws.viewer.get(`/claimants/${pentagon1.claimantId}`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: pentagon2.id, articleTitle: 'Base news', rating: 'false' }),
        expect.objectContaining({ id: pentagon1.id, articleTitle: 'Harbour news', rating: null }),
      ]),
    );
  });

  it('keeps claimants to their workspace and rejects bad input by field', async () => {
    const other = await makeWorkspace(api, 'claimants-other');
    const mine = (await ws.viewer.get('/claimants')).body as Array<{ id: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect((await other.viewer.get(`/claimants/${mine[0].id}`)).status).toBe(404);
    expect((await other.viewer.get('/claimants')).body).toEqual([]);
    const bad = await ws.viewer.get('/claimants?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('limit');
  });
});

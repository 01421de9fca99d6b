// The fact-check workflow end to end over HTTP: import, claims, sources, verdicts, reviews, comments, audit.
import { SAMPLE, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';
const CASTRO = 'Fidel Castro in November 2022';

async function importSample(ws: TestWorkspace, content = SAMPLE, extra: Record<string, unknown> = {}) {
  const result = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content, ...extra });
  expect(result.status).toBe(201);
  return result.body;
}

async function claimsOf(ws: TestWorkspace, articleId: string) {
  const result = await ws.factChecker.get(`/claims?articleId=${articleId}&limit=500`);
  expect(result.status).toBe(200);
  return result.body.items as Array<{
    id: string;
    text: string;
    version: number;
    status: string;
    cues: Array<{ type: string; text: string }>;
    attribution: string | null;
    checkWorthy: boolean;
    orphaned: boolean;
    start: number;
    end: number;
    revisionId: string;
  }>;
}

describe('fact-check workflow', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('imports the sample article with its claims, cues and attribution, in one revision', async () => {
    const ws = await makeWorkspace(api, 'import');
    const result = await importSample(ws);
    expect(result).toMatchObject({ created: true, revision: 1, article: { title: 'Havana’s Pivot East' } });
    expect(result.claims.detected).toBeGreaterThan(10);
    const claims = await claimsOf(ws, result.article.id);
    expect(claims).toHaveLength(result.claims.detected);
    const find = (words: string) => claims.find((c) => c.text.includes(words));
    expect(find('allegedly built a listening station')?.cues).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'hedge', text: 'allegedly' })]));
    expect(find('unconfirmed sources claim')?.cues.some((c) => c.type === 'hedge')).toBe(true);
    expect(find('Chinese state banks lent Cuba')?.attribution).toMatch(/Boston University Global Development Policy Center/);
    expect(find(CASTRO)?.checkWorthy).toBe(true);
    const article = await ws.viewer.get(`/articles/${result.article.id}`);
    expect(article.body.text.slice(claims[0].start, claims[0].end)).toBe(claims[0].text);
    const audit = await api.db.auditEvent.findMany({ where: { workspaceId: ws.id, entity: 'article' } });
    expect(audit).toHaveLength(1);
  });

  it('imports the same text once when asked twice at the same time', async () => {
    const ws = await makeWorkspace(api, 'twice');
    const [a, b] = await Promise.all([ws.factChecker.post('/articles', { format: 'text', content: SAMPLE }), ws.editor.post('/articles', { format: 'text', content: SAMPLE })]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.article.id).toBe(b.body.article.id);
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it('starts a claim marked by hand as flagged and assigned to the person who marked it', async () => {
    const ws = await makeWorkspace(api, 'manual');
    const imported = await importSample(ws);
    const text = SAMPLE.slice(0, SAMPLE.indexOf(','));
    const created = await ws.factChecker.post('/claims', { revisionId: imported.revisionId, start: 0, end: text.length });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ text, status: 'FLAGGED', assigneeId: ws.users.factChecker.id });
    const history = await ws.viewer.get(`/claims/${created.body.id}/history`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'flag']));
    const mine = await ws.factChecker.get(`/claims?assigneeId=me&status=FLAGGED`);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it('takes a claim from flag to an approved verdict, with the claim status following', async () => {
    const ws = await makeWorkspace(api, 'verdict');
    const imported = await importSample(ws);
    const claim = (await claimsOf(ws, imported.article.id)).find((c) => c.text.includes(CASTRO))!;

    const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', version: claim.version + 1 });

    const source = await ws.factChecker.post(`/claims/${claim.id}/sources`, {
      source: { title: 'Fidel Castro, Cuba’s revolutionary leader, dies at 90', publisher: 'BBC News', url: 'https://www.bbc.co.uk/news/world-latin-america-38114953' },
      stance: 'REFUTES',
      excerpt: 'Fidel Castro died on 25 November 2016.',
    });
    expect(source.status).toBe(201);
    expect(source.body).toMatchObject({ stance: 'REFUTES', source: { publisher: 'BBC News' } });

    const noCorrection = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'false', rationale: 'He died in 2016.', propose: true });
    expect(noCorrection.status).toBe(400);
    expect(noCorrection.body.details[0].path).toBe('correction');

    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, {
      ratingKey: 'false',
      rationale: 'Fidel Castro died in November 2016; in November 2022 Miguel Díaz-Canel met Xi Jinping in Beijing.',
      correction: 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022',
      propose: true,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.state).toBe('PROPOSED');
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body.status).toBe('IN_REVIEW');

    const queue = await ws.editor.get('/reviews/queue');
    expect(queue.body.map((i: { verdict: { id: string } }) => i.verdict.id)).toContain(proposed.body.id);
    const item = queue.body.find((i: { verdict: { id: string } }) => i.verdict.id === proposed.body.id);
    expect(item.paragraph).toContain(CASTRO);
    expect(item.sources).toHaveLength(1);

    expect((await ws.factChecker.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', version: proposed.body.version })).status).toBe(403);
    const approved = await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', comment: 'Checked.', version: proposed.body.version });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ state: 'APPROVED', decidedBy: { id: ws.users.editor.id } });
    const detail = (await ws.viewer.get(`/claims/${claim.id}`)).body;
    expect(detail).toMatchObject({ status: 'VERIFIED', rating: 'false' });
    expect(detail.verdicts[0].history.map((h: { state: string }) => h.state)).toEqual(['PROPOSED', 'APPROVED']);
    expect(detail.verdicts[0].reviews).toHaveLength(1);

    const history = await ws.viewer.get(`/claims/${claim.id}/history`);
    const actions = history.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['flag', 'startResearch', 'attach', 'propose', 'submitForReview', 'approve']));
  });

  it('refuses self-approval with 422 and an editor’s request for changes sends the claim back to research', async () => {
    const ws = await makeWorkspace(api, 'self');
    const imported = await importSample(ws);
    const claims = await claimsOf(ws, imported.article.id);
    const claim = claims.find((c) => c.text.includes('allegedly built a listening station'))!;
    await ws.editor.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    const verdict = await ws.editor.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'unproven', rationale: 'No public evidence either way.', propose: true });
    const self = await ws.editor.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'APPROVED', version: verdict.body.version });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('SELF_APPROVAL');
    const noComment = await ws.admin.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'CHANGES_REQUESTED', version: verdict.body.version });
    expect(noComment.status).toBe(400);
    expect(noComment.body.details[0].path).toBe('comment');
    const back = await ws.admin.post(`/verdicts/${verdict.body.id}/reviews`, { decision: 'CHANGES_REQUESTED', comment: 'Cite the IAEA report.', version: verdict.body.version });
    expect(back.body.state).toBe('CHANGES_REQUESTED');
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body.status).toBe('IN_RESEARCH');
    const edited = await ws.editor.put(`/verdicts/${verdict.body.id}`, { ratingKey: 'unproven', rationale: 'No public evidence; IAEA 2021 report silent.', propose: true, version: back.body.version });
    expect(edited.body).toMatchObject({ state: 'PROPOSED' });
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body.status).toBe('IN_REVIEW');
  });

  it('answers a stale version with 409 and the current claim, writing nothing', async () => {
    const ws = await makeWorkspace(api, 'stale');
    const imported = await importSample(ws);
    const [claim] = await claimsOf(ws, imported.article.id);
    expect((await ws.editor.patch(`/claims/${claim.id}`, { version: claim.version, priority: 2 })).status).toBe(200);
    const before = await api.db.auditEvent.count({ where: { workspaceId: ws.id } });
    const stale = await ws.factChecker.patch(`/claims/${claim.id}`, { version: claim.version, priority: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', current: { id: claim.id, priority: 2, version: claim.version + 1, updatedBy: expect.stringContaining('editor') } });
    expect(stale.body.message).toContain('editor');
    expect(await api.db.auditEvent.count({ where: { workspaceId: ws.id } })).toBe(before);
    expect((await api.db.claim.findFirstOrThrow({ where: { id: claim.id } })).priority).toBe(2);
  });

  it('refuses an illegal transition with 422 and a viewer’s write with 403', async () => {
    const ws = await makeWorkspace(api, 'illegal');
    const imported = await importSample(ws);
    const [claim] = await claimsOf(ws, imported.article.id);
    const illegal = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'startResearch' });
    expect(illegal.status).toBe(422);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await ws.viewer.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' })).status).toBe(403);
    const noReason = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'dismiss' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].path).toBe('reason');
  });

  it('writes exactly one audit event per mutation, and the database refuses to rewrite them', async () => {
    const ws = await makeWorkspace(api, 'audit');
    const imported = await importSample(ws);
    const [claim] = await claimsOf(ws, imported.article.id);
    const count = () => api.db.auditEvent.count({ where: { workspaceId: ws.id } });
    let n = await count();
    await ws.factChecker.patch(`/claims/${claim.id}`, { version: claim.version, priority: 1 });
    expect(await count()).toBe(++n);
    await ws.factChecker.post(`/claims/${claim.id}/comments`, { body: 'Looking into it.' });
    expect(await count()).toBe(++n);
    await ws.factChecker.post('/sources', { title: 'IAEA report', url: 'https://www.iaea.org/' });
    expect(await count()).toBe(++n);
    await expect(api.db.$executeRawUnsafe(`UPDATE audit_events SET action = 'forged' WHERE workspace_id = '${ws.id}'`)).rejects.toThrow(/append-only/);
    await expect(api.db.$executeRawUnsafe(`DELETE FROM audit_events WHERE workspace_id = '${ws.id}'`)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(n);
  });

  it('bulk-flags and bulk-dismisses with a reason, reporting what it skipped', async () => {
    const ws = await makeWorkspace(api, 'bulk');
    const imported = await importSample(ws);
    const claims = await claimsOf(ws, imported.article.id);
    const ids = claims.slice(0, 4).map((c) => c.id);
    const flagged = await ws.factChecker.post('/claims/bulk', { action: 'flag', claimIds: ids.slice(0, 2) });
    expect(flagged.body.updated).toHaveLength(2);
    const dismissed = await ws.factChecker.post('/claims/bulk', { action: 'dismiss', claimIds: ids, reason: 'OPINION' });
    expect(dismissed.body.updated).toHaveLength(4);
    const again = await ws.factChecker.post('/claims/bulk', { action: 'flag', claimIds: [ids[0]] });
    expect(again.body.skipped[0]).toMatchObject({ id: ids[0] });
    const list = await ws.viewer.get(`/claims?articleId=${imported.article.id}&status=DISMISSED`);
    expect(list.body.items).toHaveLength(4);
  });

  it('re-imports an edited article: edited claim re-anchored with its work, deleted one orphaned and kept', async () => {
    const ws = await makeWorkspace(api, 'reimport');
    const imported = await importSample(ws);
    const claims = await claimsOf(ws, imported.article.id);
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    const loans = claims.find((c) => c.text.includes('Chinese state banks lent Cuba'))!;
    await ws.factChecker.post(`/claims/${castro.id}/transition`, { version: castro.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${castro.id}/sources`, { source: { title: 'Obituary', url: 'https://example.org/obit' }, stance: 'REFUTES' });
    await ws.factChecker.post(`/claims/${loans.id}/transition`, { version: loans.version, action: 'flag' });
    const v = await ws.factChecker.post(`/claims/${loans.id}/verdicts`, { ratingKey: 'mostly-true', rationale: 'Boston University database, 2021 edition.' });
    expect(v.status).toBe(201);

    const edited = SAMPLE.replace('Fidel Castro in November 2022', 'Fidel Castro in mid-November 2022').replace(loans.text, '');
    expect(edited).not.toBe(SAMPLE);
    const second = await ws.factChecker.post('/articles', { format: 'text', content: edited, articleId: imported.article.id });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ created: false, revision: 2 });
    expect(second.body.claims.orphaned).toBeGreaterThanOrEqual(1);

    const after = await claimsOf(ws, imported.article.id);
    const castroAfter = after.find((c) => c.id === castro.id)!;
    expect(castroAfter).toMatchObject({ orphaned: false, status: 'IN_RESEARCH', revisionId: second.body.revisionId });
    expect(castroAfter.text).toContain('mid-November 2022');
    const text = (await ws.viewer.get(`/articles/${imported.article.id}`)).body.text;
    expect(text.slice(castroAfter.start, castroAfter.end)).toBe(castroAfter.text);
    expect((await ws.viewer.get(`/claims/${castro.id}`)).body.sources).toHaveLength(1);

    const orphan = after.find((c) => c.id === loans.id)!;
    expect(orphan.orphaned).toBe(true);
    const orphanDetail = (await ws.viewer.get(`/claims/${loans.id}`)).body;
    expect(orphanDetail.verdicts).toHaveLength(1);
    expect((await ws.viewer.get(`/claims?articleId=${imported.article.id}&orphaned=true`)).body.items.map((c: { id: string }) => c.id)).toEqual([loans.id]);
  });

  it('finds claims by full text and lists unverified look-alikes', async () => {
    const ws = await makeWorkspace(api, 'search');
    const first = await importSample(ws);
    const claims = await claimsOf(ws, first.article.id);
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    const hits = await ws.viewer.get(`/claims?q=${encodeURIComponent('listening station')}`);
    expect(hits.body.items.length).toBeGreaterThan(0);
    expect(hits.body.items.every((c: { text: string }) => /listening/i.test(c.text))).toBe(true);
    const other = await ws.factChecker.post('/articles', {
      title: 'Follow-up',
      format: 'text',
      content: 'Analysts say the surprise meeting between a Chinese delegation and Fidel Castro in November 2022 raised questions about Havana’s plans.\n\nNothing else happened.',
    });
    const followUp = (await claimsOf(ws, other.body.article.id)).find((c) => c.text.includes(CASTRO))!;
    // Unverified look-alikes are their own call (the panel shows them below the library's matches), ranked by the same matcher.
    const similar = await ws.viewer.get(`/claims/${followUp.id}/look-alikes`);
    expect(similar.status).toBe(200);
    expect(similar.body.similar[0].claim.id).toBe(castro.id);
    expect(similar.body.similar.some((s: { claim: { id: string } }) => s.claim.id === followUp.id)).toBe(false);
    expect((await ws.viewer.get(`/claims/${followUp.id}/look-alikes?limit=0`)).status).toBe(400);
    const matches = await ws.viewer.get(`/claims/${followUp.id}/matches`);
    expect(matches.status).toBe(200);
    expect(matches.body).not.toHaveProperty('similar');
  });

  it('pages through claims with a cursor, in order, without repeats', async () => {
    const ws = await makeWorkspace(api, 'page');
    const imported = await importSample(ws);
    const all = await claimsOf(ws, imported.article.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await ws.viewer.get(`/claims?articleId=${imported.article.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((c) => c.id));
    const bad = await ws.viewer.get(`/claims?cursor=garbage`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('cursor');
  });

  it('lists the whole workspace newest change first, and refuses the sorts no index serves across it (400 naming sort)', async () => {
    const ws = await makeWorkspace(api, 'wide');
    const imported = await importSample(ws);
    const [first, second] = await claimsOf(ws, imported.article.id);
    await ws.factChecker.patch(`/claims/${second.id}`, { version: second.version, priority: 2 });
    await ws.factChecker.patch(`/claims/${first.id}`, { version: first.version, priority: 3 });
    const wide = await ws.viewer.get('/claims?limit=2');
    expect(wide.status).toBe(200);
    expect(wide.body.items.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    for (const sort of ['position', 'score', 'priority']) {
      const refused = await ws.viewer.get(`/claims?sort=${sort}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'sort', message: expect.stringContaining('articleId') }] });
      expect((await ws.viewer.get(`/claims?articleId=${imported.article.id}&sort=${sort}&limit=1`)).status).toBe(200);
    }
    expect((await ws.viewer.get('/claims?sort=created&order=asc&limit=1')).status).toBe(200);
  });

  it('keeps another workspace’s claims, articles and verdicts out of reach (404)', async () => {
    const mine = await makeWorkspace(api, 'mine');
    const theirs = await makeWorkspace(api, 'theirs');
    const imported = await importSample(theirs);
    const [claim] = await claimsOf(theirs, imported.article.id);
    expect((await mine.admin.get(`/articles/${imported.article.id}`)).status).toBe(404);
    expect((await mine.admin.get(`/claims/${claim.id}`)).status).toBe(404);
    expect((await mine.admin.patch(`/claims/${claim.id}`, { version: claim.version, priority: 3 })).status).toBe(404);
    expect((await mine.admin.post(`/claims/${claim.id}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await mine.admin.delete(`/articles/${imported.article.id}`)).status).toBe(404);
    expect((await mine.admin.get(`/claims?articleId=${imported.article.id}`)).body.items).toEqual([]);
  });
});

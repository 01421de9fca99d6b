// The fact-check workflow end to end over HTTP: import, claims, sources, verdicts, reviews, comments, audit.
import { SAMPLE, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';
const KIM = 'meeting with Kim Jong-Il in September 2023';

async function importSample(ws: TestWorkspace, content = SAMPLE, extra: Record<string, unknown> = {}) {
  const result = await ws.factChecker.post('/articles', { title: 'North Korea and Russia', format: 'text', content, ...extra });
  expect(result.status).toBe(201);
  return result.body;
}

async function claimsOf(ws: TestWorkspace, articleId: string) {
  const result = await ws.factChecker.get(`/claims?articleId=${articleId}&limit=500`);
  expect(result.status).toBe(200);
  return result.body.items as Array<{ id: string; text: string; version: number; status: string; cues: Array<{ type: string; text: string }>; attribution: string | null; checkWorthy: boolean; orphaned: boolean; start: number; end: number; revisionId: string }>;
}

describe('fact-check workflow', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('imports the sample article with its claims, cues and attribution, in one revision', async () => {
    const ws = await makeWorkspace(api, 'import');
    const result = await importSample(ws);
    expect(result).toMatchObject({ created: true, revision: 1, article: { title: 'North Korea and Russia' } });
    expect(result.claims.detected).toBeGreaterThan(10);
    const claims = await claimsOf(ws, result.article.id);
    expect(claims).toHaveLength(result.claims.detected);
    const find = (words: string) => claims.find((c) => c.text.includes(words));
    expect(find('allegedly cooperated in the nuclear field')?.cues).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'hedge', text: 'allegedly' })]));
    expect(find('unconfirmed sources claim')?.cues.some((c) => c.type === 'hedge')).toBe(true);
    expect(find('millions of artillery rounds')?.attribution).toMatch(/US Pentagon/);
    expect(find(KIM)?.checkWorthy).toBe(true);
    const article = await ws.viewer.get(`/articles/${result.article.id}`);
    expect(article.body.text.slice(claims[0].start, claims[0].end)).toBe(claims[0].text);
    const audit = await api.db.auditEvent.findMany({ where: { workspaceId: ws.id, entity: 'article' } });
    expect(audit).toHaveLength(1);
  });

  it('imports the same text once when asked twice at the same time', async () => {
    const ws = await makeWorkspace(api, 'twice');
    const [a, b] = await Promise.all([
      ws.factChecker.post('/articles', { format: 'text', content: SAMPLE }),
      ws.editor.post('/articles', { format: 'text', content: SAMPLE }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect(a.body.article.id).toBe(b.body.article.id);
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(1);
  });

  it('takes a claim from flag to an approved verdict, with the claim status following', async () => {
    const ws = await makeWorkspace(api, 'verdict');
    const imported = await importSample(ws);
    const claim = (await claimsOf(ws, imported.article.id)).find((c) => c.text.includes(KIM))!;

    const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', version: claim.version + 1 });

    const source = await ws.factChecker.post(`/claims/${claim.id}/sources`, {
      source: { title: 'Kim Jong-Il dies at 69', publisher: 'BBC News', url: 'https://www.bbc.co.uk/news/world-asia-16239693' },
      stance: 'REFUTES',
      excerpt: 'Kim Jong-il died on 17 December 2011.',
    });
    expect(source.status).toBe(201);
    expect(source.body).toMatchObject({ stance: 'REFUTES', source: { publisher: 'BBC News' } });

    const noCorrection = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'false', rationale: 'He died in 2011.', propose: true });
    expect(noCorrection.status).toBe(400);
    expect(noCorrection.body.details[0].path).toBe('correction');

    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, {
      ratingKey: 'false',
      rationale: 'Kim Jong-Il died in December 2011; Putin met Kim Jong-Un at Vostochny in September 2023.',
      correction: 'Putin met Kim Jong-Un in September 2023',
      propose: true,
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.state).toBe('PROPOSED');
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body.status).toBe('IN_REVIEW');

    const queue = await ws.editor.get('/reviews/queue');
    expect(queue.body.map((i: { verdict: { id: string } }) => i.verdict.id)).toContain(proposed.body.id);
    const item = queue.body.find((i: { verdict: { id: string } }) => i.verdict.id === proposed.body.id);
    expect(item.paragraph).toContain(KIM);
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
    const claim = claims.find((c) => c.text.includes('allegedly cooperated'))!;
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
    expect((await api.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).priority).toBe(2);
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
    const kim = claims.find((c) => c.text.includes(KIM))!;
    const pentagon = claims.find((c) => c.text.includes('millions of artillery rounds'))!;
    await ws.factChecker.post(`/claims/${kim.id}/transition`, { version: kim.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${kim.id}/sources`, { source: { title: 'Obituary', url: 'https://example.org/obit' }, stance: 'REFUTES' });
    await ws.factChecker.post(`/claims/${pentagon.id}/transition`, { version: pentagon.version, action: 'flag' });
    const v = await ws.factChecker.post(`/claims/${pentagon.id}/verdicts`, { ratingKey: 'mostly-true', rationale: 'Pentagon briefing, Feb 2024.' });
    expect(v.status).toBe(201);

    const edited = SAMPLE.replace('Kim Jong-Il in September 2023', 'Kim Jong-Il in mid-September 2023').replace(pentagon.text, '');
    expect(edited).not.toBe(SAMPLE);
    const second = await ws.factChecker.post('/articles', { format: 'text', content: edited, articleId: imported.article.id });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ created: false, revision: 2 });
    expect(second.body.claims.orphaned).toBeGreaterThanOrEqual(1);

    const after = await claimsOf(ws, imported.article.id);
    const kimAfter = after.find((c) => c.id === kim.id)!;
    expect(kimAfter).toMatchObject({ orphaned: false, status: 'IN_RESEARCH', revisionId: second.body.revisionId });
    expect(kimAfter.text).toContain('mid-September 2023');
    const text = (await ws.viewer.get(`/articles/${imported.article.id}`)).body.text;
    expect(text.slice(kimAfter.start, kimAfter.end)).toBe(kimAfter.text);
    expect((await ws.viewer.get(`/claims/${kim.id}`)).body.sources).toHaveLength(1);

    const orphan = after.find((c) => c.id === pentagon.id)!;
    expect(orphan.orphaned).toBe(true);
    const orphanDetail = (await ws.viewer.get(`/claims/${pentagon.id}`)).body;
    expect(orphanDetail.verdicts).toHaveLength(1);
    expect((await ws.viewer.get(`/claims?articleId=${imported.article.id}&orphaned=true`)).body.items.map((c: { id: string }) => c.id)).toEqual([pentagon.id]);
  });

  it('finds claims by full text and suggests similar claims checked before', async () => {
    const ws = await makeWorkspace(api, 'search');
    const first = await importSample(ws);
    const claims = await claimsOf(ws, first.article.id);
    const kim = claims.find((c) => c.text.includes(KIM))!;
    const hits = await ws.viewer.get(`/claims?q=${encodeURIComponent('artillery rounds')}`);
    expect(hits.body.items.length).toBeGreaterThan(0);
    expect(hits.body.items.every((c: { text: string }) => /artillery/i.test(c.text))).toBe(true);
    const other = await ws.factChecker.post('/articles', { title: 'Follow-up', format: 'text', content: 'Analysts say the unforeseen meeting with Kim Jong-Il in September 2023 raised doubts about President Putin’s intentions.\n\nNothing else happened.' });
    const followUp = (await claimsOf(ws, other.body.article.id)).find((c) => c.text.includes(KIM))!;
    const similar = await ws.viewer.get(`/claims/${followUp.id}/similar`);
    expect(similar.status).toBe(200);
    expect(similar.body[0].claim.id).toBe(kim.id);
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

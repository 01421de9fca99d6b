// The desk's daily loop between people: work finds its owner (flag, propose, send back), "My work" lists it, and an
// editor cannot approve a correction that has no source behind it.
import { SAMPLE, makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

const CASTRO = 'Fidel Castro in November 2022';

async function claimWith(ws: TestWorkspace, words: string) {
  const imported = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content: SAMPLE });
  expect(imported.status).toBe(201);
  const list = await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`);
  const claim = list.body.items.find((c: { text: string }) => c.text.includes(words));
  expect(claim).toBeDefined();
  return claim as { id: string; version: number; assigneeId: string | null };
}

const CORRECTION = { ratingKey: 'false', rationale: 'Fidel Castro died in November 2016.', correction: 'Miguel Díaz-Canel met Xi Jinping in November 2022' };

describe('the desk’s daily loop', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('gives a flagged claim to whoever flags it, keeps a proposal with the proposer and returns a sent-back one to them', async () => {
    const ws = await makeWorkspace(api, 'owner');
    const claim = await claimWith(ws, CASTRO);
    expect(claim.assigneeId).toBeNull();

    const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', assigneeId: ws.users.factChecker.id });

    // Someone else picks it up in between; proposing takes it back to the proposer.
    await ws.factChecker.patch(`/claims/${claim.id}`, { version: flagged.body.version, assigneeId: ws.users.admin.id });
    await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Castro obituary', url: 'https://example.org/castro' }, stance: 'REFUTES' });
    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ...CORRECTION, propose: true });
    expect(proposed.status).toBe(201);
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body).toMatchObject({ status: 'IN_REVIEW', assigneeId: ws.users.factChecker.id });

    const editorWork = await ws.editor.get('/dashboard/my-work');
    expect(editorWork.status).toBe(200);
    expect(editorWork.body.reviews.map((r: { verdict: { id: string } }) => r.verdict.id)).toEqual([proposed.body.id]);
    expect((await ws.factChecker.get('/dashboard/my-work')).body.reviews).toEqual([]);

    // The editor takes the claim while reviewing; sending back returns it to the proposer with the comment.
    const current = (await ws.viewer.get(`/claims/${claim.id}`)).body;
    await ws.editor.patch(`/claims/${claim.id}`, { version: current.version, assigneeId: ws.users.editor.id });
    const back = await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'CHANGES_REQUESTED', comment: 'Name the meeting’s date.', version: proposed.body.version });
    expect(back.status).toBe(201);
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body).toMatchObject({ status: 'IN_RESEARCH', assigneeId: ws.users.factChecker.id });

    const mine = await ws.factChecker.get('/dashboard/my-work');
    expect(mine.body.sentBack).toHaveLength(1);
    expect(mine.body.sentBack[0]).toMatchObject({
      verdict: { id: proposed.body.id, state: 'CHANGES_REQUESTED' },
      claim: { id: claim.id },
      article: { title: 'Havana’s Pivot East' },
      comment: 'Name the meeting’s date.',
      reviewer: { id: ws.users.editor.id },
    });
    expect(mine.body.assigned.map((c: { id: string }) => c.id)).toContain(claim.id);
    expect((await ws.editor.get('/dashboard/my-work')).body).toMatchObject({ sentBack: [], reviews: [] });
  });

  it('leaves an assigned claim with its assignee when someone else flags it', async () => {
    const ws = await makeWorkspace(api, 'keep');
    const claim = await claimWith(ws, CASTRO);
    const assigned = await ws.editor.patch(`/claims/${claim.id}`, { version: claim.version, assigneeId: ws.users.editor.id });
    const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: assigned.body.version, action: 'flag' });
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', assigneeId: ws.users.editor.id });
    const bulk = await claimWith(ws, 'allegedly built a listening station');
    await ws.factChecker.post('/claims/bulk', { action: 'flag', claimIds: [bulk.id] });
    expect((await ws.viewer.get(`/claims/${bulk.id}`)).body.assigneeId).toBe(ws.users.factChecker.id);
  });

  it('refuses to approve a correction with no source (422 naming the reason), and approves it once a source is attached', async () => {
    const ws = await makeWorkspace(api, 'evidence');
    const claim = await claimWith(ws, CASTRO);
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ...CORRECTION, propose: true });
    expect(proposed.status).toBe(201);

    const refused = await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', version: proposed.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'sources', message: 'a verdict rated False needs at least one source' }] });
    expect(refused.body.message).toContain('needs at least one source');
    expect((await ws.viewer.get(`/verdicts/${proposed.body.id}`)).body.state).toBe('PROPOSED');

    await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Castro obituary', url: 'https://example.org/castro' }, stance: 'REFUTES' });
    const approved = await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', version: proposed.body.version });
    expect(approved.status).toBe(201);
    expect(approved.body.state).toBe('APPROVED');
  });

  it('approves a rating that needs no correction without a source', async () => {
    const ws = await makeWorkspace(api, 'unproven');
    const claim = await claimWith(ws, 'allegedly built a listening station');
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'unproven', rationale: 'No public evidence either way.', propose: true });
    expect((await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', version: proposed.body.version })).status).toBe(201);
  });

  it('searches claim text, article titles, source titles and verdict text', async () => {
    const ws = await makeWorkspace(api, 'search');
    const claim = await claimWith(ws, CASTRO);
    const ids = async (q: string) => (await ws.viewer.get(`/claims?q=${encodeURIComponent(q)}&limit=500`)).body.items.map((c: { id: string }) => c.id) as string[];
    expect(await ids('Havana Pivot')).toContain(claim.id);
    expect(await ids('obituary')).toEqual([]);
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Castro obituary', url: 'https://example.org/castro' }, stance: 'REFUTES' });
    expect(await ids('obituary')).toEqual([claim.id]);
    expect(await ids('mausoleum')).toEqual([]);
    await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ...CORRECTION, rationale: 'He has lain in a mausoleum in Santiago since 2016.', propose: true });
    expect(await ids('mausoleum')).toEqual([claim.id]);
  });

  it('finds a hyphenated word by its compound, typed plainly, quoted or with other words', async () => {
    const ws = await makeWorkspace(api, 'hyphens');
    const imported = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content: SAMPLE });
    const all = (await ws.viewer.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items as Array<{ id: string; text: string }>;
    const ids = async (q: string) => ((await ws.viewer.get(`/claims?q=${encodeURIComponent(q)}&limit=500`)).body.items.map((c: { id: string }) => c.id) as string[]).sort();
    const having = (...words: string[]) =>
      all
        .filter((c) => words.every((w) => c.text.toLowerCase().includes(w.toLowerCase())))
        .map((c) => c.id)
        .sort();
    for (const word of ['Díaz-Canel', 'nuclear-powered', 'Sino-Soviet']) {
      expect(having(word).length).toBeGreaterThan(0);
      expect(await ids(word)).toEqual(having(word));
      expect(await ids(word.toUpperCase())).toEqual(having(word));
      expect(await ids(`"${word}"`)).toEqual(having(word));
    }
    expect(having('Díaz-Canel', 'continuity').length).toBeGreaterThan(0);
    expect(await ids('Díaz-Canel continuity')).toEqual(having('Díaz-Canel', 'continuity'));
    expect(await ids('Díaz-Canel -continuity')).toEqual(having('Díaz-Canel').filter((id) => !having('continuity').includes(id)));
    expect(await ids('nuclear-powered or Díaz-Canel')).toEqual([...new Set([...having('nuclear-powered'), ...having('Díaz-Canel')])].sort());
  });

  it('threads replies one level deep under a comment of the same claim', async () => {
    const ws = await makeWorkspace(api, 'threads');
    const claim = await claimWith(ws, CASTRO);
    const other = await claimWith(ws, 'allegedly built a listening station');
    const first = await ws.editor.post(`/claims/${claim.id}/comments`, { body: 'Which meeting is meant?' });
    expect(first.body).toMatchObject({ parentId: null });
    const reply = await ws.factChecker.post(`/claims/${claim.id}/comments`, { body: 'The November 2022 one in Beijing.', parentId: first.body.id });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: first.body.id, author: { id: ws.users.factChecker.id } });
    const nested = await ws.editor.post(`/claims/${claim.id}/comments`, { body: 'Thanks.', parentId: reply.body.id });
    expect(nested.status).toBe(422);
    expect(nested.body.details[0].path).toBe('parentId');
    const elsewhere = await ws.editor.post(`/claims/${other.id}/comments`, { body: 'Wrong thread.', parentId: first.body.id });
    expect(elsewhere.status).toBe(400);
    const list = await ws.viewer.get(`/claims/${claim.id}/comments`);
    expect(list.body.map((c: { body: string; parentId: string | null }) => [c.body, c.parentId])).toEqual([
      ['Which meeting is meant?', null],
      ['The November 2022 one in Beijing.', first.body.id],
    ]);
  });

  it('splits a claim from a selection of its words, flagged for whoever split it, with the parent’s sources when asked', async () => {
    const ws = await makeWorkspace(api, 'split');
    const imported = await ws.factChecker.post('/articles', { title: 'Havana’s Pivot East', format: 'text', content: SAMPLE });
    const claims = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=500`)).body.items as Array<{ id: string; text: string; start: number; end: number; version: number }>;
    const parent = claims.find((c) => c.text.includes(CASTRO))!;
    await ws.factChecker.post(`/claims/${parent.id}/transition`, { version: parent.version, action: 'flag' });
    await ws.factChecker.post(`/claims/${parent.id}/sources`, { source: { title: 'Castro obituary', url: 'https://example.org/castro' }, stance: 'REFUTES', excerpt: 'Died in 2016.' });
    const offset = parent.text.indexOf(CASTRO);
    const selection = { revisionId: imported.body.revisionId, start: parent.start + offset, end: parent.start + offset + CASTRO.length };

    const split = await ws.editor.post('/claims', { ...selection, splitFrom: parent.id, copySources: true });
    expect(split.status).toBe(201);
    expect(split.body).toMatchObject({ text: CASTRO, status: 'FLAGGED', assigneeId: ws.users.editor.id });
    const detail = (await ws.viewer.get(`/claims/${split.body.id}`)).body;
    expect(detail.sources).toEqual([expect.objectContaining({ stance: 'REFUTES', excerpt: 'Died in 2016.', source: expect.objectContaining({ title: 'Castro obituary' }) })]);
    const history = (await ws.viewer.get(`/claims/${split.body.id}/history`)).body.map((e: { action: string }) => e.action);
    expect(history).toEqual(expect.arrayContaining(['split', 'flag']));

    const bare = await ws.editor.post('/claims', { ...selection, start: selection.start + 1, splitFrom: parent.id });
    expect((await ws.viewer.get(`/claims/${bare.body.id}`)).body.sources).toEqual([]);
    const outside = await ws.editor.post('/claims', { revisionId: imported.body.revisionId, start: 0, end: 20, splitFrom: parent.id });
    expect(outside.status).toBe(422);
    expect(outside.body.details[0].path).toBe('splitFrom');
  });
});

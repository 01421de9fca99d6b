// The fact-check library: library files imported as background jobs (per-line reports, dedup, bad files, removal),
// approved verdicts entering and leaving it, matches for a claim with reasons, "checked before", and "Same claim".
import fs from 'node:fs';
import path from 'node:path';
import type { ClaimDto, ClaimMatchesDto, LibraryEntryPageDto, LibraryImportAcceptedDto, LibraryImportDetailDto, MyWorkDto, ReviewQueueItemDto } from '@claimdesk/domain';
import { Database, LibraryRepository } from '@claimdesk/db';
import { Matcher } from '@claimdesk/matching';
import { DocumentParser } from '@claimdesk/server';
import { jobFinished, makeWorkspace, startApi, type Client, type TestApi, type TestWorkspace } from './harness';
import { openEventStream } from './sse';

const FIXTURES = path.join(__dirname, 'fixtures');
const DIAZ_CANEL = 'Miguel Díaz-Canel came to power in 2016';
const CASTRO = 'The surprise meeting between a Chinese trade delegation and Fidel Castro';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

function upload(client: Client, name: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return client.request<LibraryImportAcceptedDto>('POST', '/library/imports', form);
}

/** Uploads a file, follows its job to the end and returns the import with its report. */
async function importFile(client: Client, name: string, content: Buffer | string = fs.readFileSync(path.join(FIXTURES, name))) {
  const accepted = await upload(client, name, content);
  expect(accepted.status).toBe(202);
  const job = await jobFinished(client, accepted.body.jobId);
  const detail = await client.get<LibraryImportDetailDto>(`/library/imports/${accepted.body.importId}`);
  expect(detail.status).toBe(200);
  return { job, detail: detail.body, importId: accepted.body.importId };
}

async function sampleClaims(ws: TestWorkspace): Promise<ClaimDto[]> {
  const imported = await ws.factChecker.post('/articles/sample');
  expect(imported.status).toBe(201);
  const claims = await ws.viewer.get(`/claims?articleId=${imported.body.article.id}&limit=200`);
  return claims.body.items;
}

describe('library imports', () => {
  it('imports a ClaimReview DataFeed and a CSV file, reporting every skipped line and keeping one copy of each entry', async () => {
    const ws = await makeWorkspace(api, 'lib-import');
    const json = await importFile(ws.editor, 'checks.claimreview.json');
    expect(json.job.state).toBe('completed');
    expect(json.detail).toMatchObject({ status: 'COMPLETED', format: 'claimreview', imported: 2, skipped: 2, error: null });
    expect(json.detail.report).toEqual([
      { line: 2, reason: 'rating "Pants on Fire" is not on the workspace\'s scale: kept as published, with no value', skipped: false },
      { line: 3, reason: 'duplicate of line 1 (same URL)', skipped: true },
      { line: 4, reason: 'item 4 has no claimReviewed', skipped: true },
    ]);
    const csv = await importFile(ws.admin, 'checks.csv');
    expect(csv.detail).toMatchObject({ status: 'COMPLETED', format: 'csv', imported: 3, skipped: 2 });
    expect(csv.detail.report.map((r) => r.line)).toEqual([5, 6]);

    // The same file again: every entry is already in the library.
    const again = await importFile(ws.editor, 'checks.csv');
    expect(again.detail).toMatchObject({ imported: 0, skipped: 5 });
    expect(again.detail.report.filter((r) => r.reason.startsWith('already in the library'))).toHaveLength(3);

    const entries = await ws.viewer.get<LibraryEntryPageDto>('/library/entries?limit=50');
    expect(entries.body.total).toBe(5);
    const diaz = entries.body.items.find((i) => i.entry.url === 'https://checks.example/diaz-canel-2016')!;
    expect(diaz.entry).toMatchObject({ origin: 'import', fileName: 'checks.claimreview.json', rating: 'False', ratingKey: 'false', publisher: 'Island Checks', date: '2023-04-19' });
    const castro = entries.body.items.find((i) => i.entry.url === 'https://checks.example/fidel-castro-delegation')!;
    expect(castro.entry).toMatchObject({ rating: 'Pants on Fire', ratingKey: null });
    const searched = await ws.viewer.get<LibraryEntryPageDto>('/library/entries?q=eiffel');
    expect(searched.body.items.map((i) => i.entry.url)).toEqual(['https://checks.example/eiffel']);

    const list = await ws.viewer.get('/library/imports');
    expect(list.body.map((i: { fileName: string }) => i.fileName).sort()).toEqual(['checks.claimreview.json', 'checks.csv', 'checks.csv']);
  });

  it('refuses bad files with a clear reason and imports nothing from them', async () => {
    const ws = await makeWorkspace(api, 'lib-bad');
    const wrongType = await upload(ws.editor, 'checks.pdf', '%PDF-1.4');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ details: [{ path: 'file' }] });
    const notJson = await importFile(ws.editor, 'feed.json', 'claim,rating\nx,False\n');
    expect(notJson.job.state).toBe('failed');
    expect(notJson.detail).toMatchObject({ status: 'FAILED', imported: 0 });
    expect(notJson.detail.error).toMatch(/json/i);
    const malformed = await importFile(ws.editor, 'broken.json', '[{"@type": "ClaimReview", "claimReviewed": "x",\n  "url": }]');
    expect(malformed.detail.status).toBe('FAILED');
    expect(malformed.detail.error).toMatch(/line 2/);
    const noClaimColumn = await importFile(ws.editor, 'ratings.csv', 'rating,url\nFalse,https://a.example\n');
    expect(noClaimColumn.detail).toMatchObject({ status: 'FAILED' });
    const binary = await importFile(ws.editor, 'checks.tsv', Buffer.from([0x63, 0x6c, 0, 1, 2, 0x0a]));
    expect(binary.detail.status).toBe('FAILED');
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(0);
    // Viewers and fact-checkers read the library; editors and admins change it.
    expect((await upload(ws.factChecker, 'checks.csv', 'claim\nx\n')).status).toBe(403);
  });

  it('imports a 50 MB file as a job while the API keeps answering, and numbers its report lines through the whole file', async () => {
    const ws = await makeWorkspace(api, 'lib-50mb');
    const filler = 'as the council said again in its statement '.repeat(48);
    const count = 25_000;
    const rows = ['claim,title,url,rating,publisher'];
    for (let i = 0; i < count; i++) rows.push(`"Claim ${i}: the city opened ${i} new schools ${filler}",Headline ${i},https://checks.example/big/${i},False,Big Checks`);
    rows.push(`"Claim 7 again ${filler}",Again,https://checks.example/big/7,False,Big Checks`);
    rows.push(',No claim here,https://checks.example/big/none,False,Big Checks');
    const content = `${rows.join('\n')}\n`;
    expect(Buffer.byteLength(content)).toBeGreaterThan(50 * 1024 * 1024);

    const accepted = await upload(ws.editor, 'big.csv', content);
    expect(accepted.status).toBe(202);
    // The upload is a job: the API answers other requests while it runs.
    expect((await ws.viewer.get('/health')).status).toBe(200);
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries?limit=1')).status).toBe(200);
    const job = await jobFinished(ws.editor, accepted.body.jobId);
    expect(job.state).toBe('completed');
    const detail = (await ws.editor.get<LibraryImportDetailDto>(`/library/imports/${accepted.body.importId}`)).body;
    expect(detail).toMatchObject({ status: 'COMPLETED', format: 'csv', imported: count, skipped: 2 });
    // Line 1 is the header: the duplicate is line count + 2, the row without a claim line count + 3.
    expect(detail.report.map((r) => [r.line, r.skipped])).toEqual([
      [count + 2, true],
      [count + 3, true],
    ]);
    expect(detail.report[0].reason).toMatch(/duplicate of line 9/);
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries?limit=1')).body.total).toBe(count);
  }, 180_000); // 50 MB is generated, uploaded and imported: minutes on a busy machine

  it('tells the workspace live when an import finished and when it was removed (ids only)', async () => {
    const ws = await makeWorkspace(api, 'lib-live');
    const stream = await openEventStream(api.baseUrl, { cookie: ws.viewer.cookie! });
    expect(stream.status).toBe(200);
    try {
      const { importId } = await importFile(ws.editor, 'checks.csv');
      await stream.waitFor(`"type":"library","id":"${importId}","action":"imported"`);
      expect((await ws.editor.delete(`/library/imports/${importId}`)).status).toBe(204);
      await stream.waitFor(`"type":"library","id":"${importId}","action":"import-removed"`);
    } finally {
      stream.close();
    }
  });

  it('removes an import with all its entries', async () => {
    const ws = await makeWorkspace(api, 'lib-delete');
    const first = await importFile(ws.editor, 'checks.csv');
    await importFile(ws.editor, 'checks.claimreview.json');
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(5);
    expect((await ws.factChecker.delete(`/library/imports/${first.importId}`)).status).toBe(403);
    expect((await ws.editor.delete(`/library/imports/${first.importId}`)).status).toBe(204);
    const left = await ws.viewer.get<LibraryEntryPageDto>('/library/entries');
    expect(left.body.total).toBe(2);
    expect(left.body.items.every((i) => i.entry.fileName === 'checks.claimreview.json')).toBe(true);
    expect((await ws.viewer.get(`/library/imports/${first.importId}`)).status).toBe(404);
    expect((await ws.editor.delete(`/library/imports/${first.importId}`)).status).toBe(404);
    // Another workspace sees none of it.
    const other = await makeWorkspace(api, 'lib-other');
    expect((await other.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(0);
  });
});

describe('matching claims against the library', () => {
  it('marks claims of a later article import as checked before, lists matches with reasons, and filters on it', async () => {
    const ws = await makeWorkspace(api, 'lib-match');
    await importFile(ws.editor, 'checks.claimreview.json');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    expect(diaz.checkedBefore).toBe(true);
    expect(castro.checkedBefore).toBe(true);

    const checked = await ws.viewer.get(`/claims?checkedBefore=true&limit=200`);
    const checkedIds = checked.body.items.map((c: ClaimDto) => c.id);
    expect(checkedIds).toEqual(expect.arrayContaining([diaz.id, castro.id]));
    expect(checked.body.items.every((c: ClaimDto) => c.checkedBefore)).toBe(true);
    expect(checkedIds.length).toBe(claims.filter((c) => c.checkedBefore).length);
    const unchecked = await ws.viewer.get(`/claims?checkedBefore=false&limit=200`);
    expect(unchecked.body.items.map((c: ClaimDto) => c.id)).not.toContain(diaz.id);
    expect(unchecked.body.items.length).toBe(claims.length - checkedIds.length);
    // A change to the claim answers with the claim as it now is, still checked before.
    const changed = await ws.editor.patch(`/claims/${diaz.id}`, { version: diaz.version, priority: 2 });
    expect(changed.status).toBe(200);
    expect(changed.body.checkedBefore).toBe(true);

    const matches = await ws.viewer.get<ClaimMatchesDto>(`/claims/${castro.id}/matches?limit=3`);
    expect(matches.status).toBe(200);
    const top = matches.body.matches[0];
    expect(top).toMatchObject({ rank: 1, strong: true, entry: { url: 'https://checks.example/fidel-castro-delegation', publisher: 'Island Checks', origin: 'import' } });
    expect(top.reasons.names).toEqual(expect.arrayContaining([expect.stringMatching(/castro/i)]));
    expect(top.reasons.dates.join(' ')).toMatch(/2022/);
    expect((await ws.viewer.get(`/claims/${castro.id}/matches?limit=0`)).status).toBe(400);
    // A claim of another workspace, or none at all, is not found: the claim is read within the caller's workspace.
    const stranger = await makeWorkspace(api, 'lib-match-other');
    const hidden = await stranger.viewer.get<{ message: string }>(`/claims/${castro.id}/matches`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).toMatch(/claim/);
    expect((await ws.viewer.get(`/claims/00000000-0000-4000-8000-000000000000/matches`)).status).toBe(404);

    // A conflict: the library says 2018, the claim says 2016.
    await importFile(ws.editor, 'conflict.csv', 'claim,rating,url,publisher\n"Miguel Díaz-Canel came to power in Cuba in 2018.",True,https://checks.example/diaz-canel-2018,Island Checks\n');
    const withConflict = await ws.viewer.get<ClaimMatchesDto>(`/claims/${diaz.id}/matches?limit=5`);
    const conflicting = withConflict.body.matches.find((m) => m.entry.url === 'https://checks.example/diaz-canel-2018')!;
    expect(conflicting.reasons.conflicts).toEqual([expect.objectContaining({ kind: 'date', message: expect.stringMatching(/2018.*2016/) })]);
    // A match that disagrees on the year is shown with its warning, but does not mark the claim.
    expect(conflicting.strong).toBe(false);
  });

  it('matches the existing claims of the workspace after a library import, and shows which claims an entry matched', async () => {
    const ws = await makeWorkspace(api, 'lib-after');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    expect(diaz.checkedBefore).toBe(false);
    const { importId } = await importFile(ws.editor, 'checks.claimreview.json');
    expect((await ws.viewer.get(`/claims/${diaz.id}`)).body.checkedBefore).toBe(true);
    expect((await ws.viewer.get(`/claims?checkedBefore=true`)).body.items.map((c: ClaimDto) => c.id)).toContain(diaz.id);
    const entries = await ws.viewer.get<LibraryEntryPageDto>('/library/entries');
    const entry = entries.body.items.find((i) => i.entry.url === 'https://checks.example/diaz-canel-2016')!;
    expect(entry.matchedClaims).toEqual([expect.objectContaining({ claimId: diaz.id, strong: true })]);
    // Removing the import takes the marks with it.
    await ws.editor.delete(`/library/imports/${importId}`);
    expect((await ws.viewer.get(`/claims?checkedBefore=true`)).body.items).toEqual([]);
  });

  it('never rebuilds the index inside a match request: after a large change it answers from the previous index, marked stale, and a later request sees the change', async () => {
    const ws = await makeWorkspace(api, 'lib-fresh');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    // A file large enough that removing it is no small change, plus the entry that checks the Díaz-Canel claim.
    const rows = Array.from({ length: 260 }, (_, i) => `"Harbour report ${i}: the ferry line number ${i} carried ${1000 + i} passengers in week ${i % 52}.",False,https://checks.example/ferry-${i}`);
    const csv = `claim,rating,url\n"Miguel Díaz-Canel came to power in 2016.",False,https://checks.example/diaz-2016\n${rows.join('\n')}\n`;
    const { importId } = await importFile(ws.editor, 'ferries.csv', csv);
    const before = await ws.viewer.get<ClaimMatchesDto>(`/claims/${diaz.id}/matches?limit=3`);
    expect(before.body.stale).toBe(false);
    expect(before.body.matches[0].entry.url).toBe('https://checks.example/diaz-2016');

    expect((await ws.editor.delete(`/library/imports/${importId}`)).status).toBe(204);
    // The next request does not wait for the new index: it is answered from the one it had, and says so.
    const during = await ws.viewer.get<ClaimMatchesDto>(`/claims/${diaz.id}/matches?limit=3`);
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ stale: true, libraryVersion: before.body.libraryVersion });
    // A later request sees the library as it now is.
    let after = during;
    for (let i = 0; i < 600 && after.body.stale; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await ws.viewer.get<ClaimMatchesDto>(`/claims/${diaz.id}/matches?limit=3`);
    }
    expect(after.body.stale).toBe(false);
    expect(after.body.libraryVersion).toBeGreaterThan(before.body.libraryVersion);
    expect(after.body.matches).toEqual([]);
  });

  it('removing an import unmarks the claims only its entries checked, and leaves the others checked before', async () => {
    const ws = await makeWorkspace(api, 'lib-unmark');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    // The two entries of the ClaimReview fixture, one file each.
    const feed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'checks.claimreview.json'), 'utf8'));
    const items: Array<{ url?: string }> = feed.dataFeedElement[0].item;
    const only = (url: string) => JSON.stringify({ ...feed, dataFeedElement: [{ ...feed.dataFeedElement[0], item: items.filter((i) => i.url === url) }] });
    const first = await importFile(ws.editor, 'diaz.json', only('https://checks.example/diaz-canel-2016'));
    await importFile(ws.editor, 'castro.json', only('https://checks.example/fidel-castro-delegation'));
    const checked = async () => (await ws.viewer.get(`/claims?checkedBefore=true&limit=200`)).body.items.map((c: ClaimDto) => c.id);
    expect(await checked()).toEqual(expect.arrayContaining([diaz.id, castro.id]));
    expect((await ws.editor.delete(`/library/imports/${first.importId}`)).status).toBe(204);
    const after = await checked();
    expect(after).toContain(castro.id);
    expect(after).not.toContain(diaz.id);
    expect((await ws.viewer.get(`/claims/${diaz.id}`)).body.checkedBefore).toBe(false);
  });

  it('after an import is removed, matches the claims it had matched again against what is left, in a background job', async () => {
    const ws = await makeWorkspace(api, 'lib-rematch');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    // The first file checks both claims in their very words (strong whatever the model's probability); the second holds
    // a paraphrase of the Díaz-Canel claim that ranks below the first file's entry (so it is not stored while that entry
    // is there) but checks the claim on its own.
    const field = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const first = await importFile(
      ws.editor,
      'island.csv',
      'claim,headline,rating,url\n' +
        `${field(diaz.text)},"No, Díaz-Canel did not come to power in 2016",False,https://checks.example/diaz-canel-2016\n` +
        `${field(castro.text)},"Fidel Castro died in 2016 and met no delegation in 2022",False,https://checks.example/castro-2022\n`,
    );
    const second = await importFile(
      ws.editor,
      'mainland.csv',
      'claim,headline,rating,url\n' +
        '"Miguel Díaz-Canel came to power in 2016.","Cuba’s president did not take power in 2016",False,https://other.example/diaz-since-2016\n' +
        '"Havana ferry carried 1000 passengers in 2019.","Ferry numbers",True,https://other.example/ferry-2019\n',
    );
    const matchedBy = async (url: string) => {
      const entries = await ws.viewer.get<LibraryEntryPageDto>('/library/entries?limit=100');
      return entries.body.items.find((i) => i.entry.url === url)?.matchedClaims.map((m) => m.claimId) ?? [];
    };
    const checked = async () => (await ws.viewer.get(`/claims?checkedBefore=true&limit=200`)).body.items.map((c: ClaimDto) => c.id);
    expect(await checked()).toEqual(expect.arrayContaining([diaz.id, castro.id]));
    expect(await matchedBy('https://checks.example/diaz-canel-2016')).toEqual([diaz.id]);
    expect(await matchedBy('https://other.example/diaz-since-2016')).not.toContain(diaz.id);
    expect(second.detail.imported).toBe(2);

    const stream = await openEventStream(api.baseUrl, { cookie: ws.viewer.cookie! });
    try {
      expect((await ws.editor.delete(`/library/imports/${first.importId}`)).status).toBe(204);
      // The removed entries' matches go at once; the claims they had matched are matched again by a job, which says when it is done.
      await stream.waitFor(`"type":"library","id":"${first.importId}","action":"rematched"`);
    } finally {
      stream.close();
    }
    // The Díaz-Canel claim is checked before again, now by the other file's entry; the Castro claim had only the removed entry.
    expect(await matchedBy('https://other.example/diaz-since-2016')).toContain(diaz.id);
    const after = await checked();
    expect(after).toContain(diaz.id);
    expect(after).not.toContain(castro.id);
    expect((await ws.viewer.get<ClaimDto>(`/claims/${diaz.id}`)).body.checkedBefore).toBe(true);
    expect((await ws.viewer.get<ClaimDto>(`/claims/${castro.id}`)).body.checkedBefore).toBe(false);
    expect((await ws.viewer.get(`/claims?checkedBefore=false&limit=200`)).body.items.map((c: ClaimDto) => c.id)).toContain(castro.id);
  });

  it('"Same claim" makes the entry a source with the stance asked for and offers its rating, approving nothing', async () => {
    const ws = await makeWorkspace(api, 'lib-same');
    await importFile(ws.editor, 'checks.claimreview.json');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    const matches = await ws.factChecker.get<ClaimMatchesDto>(`/claims/${diaz.id}/matches`);
    const entryId = matches.body.matches[0].entry.id;
    expect((await ws.viewer.post(`/claims/${diaz.id}/matches/same`, { entryId, stance: 'REFUTES' })).status).toBe(403);
    expect((await ws.factChecker.post(`/claims/${diaz.id}/matches/same`, { entryId, stance: 'DISAGREES' })).body.details[0].path).toBe('stance');
    const same = await ws.factChecker.post(`/claims/${diaz.id}/matches/same`, { entryId, stance: 'REFUTES' });
    expect(same.status).toBe(201);
    expect(same.body).toMatchObject({ ratingKey: 'false', source: { stance: 'REFUTES', source: { publisher: 'Island Checks', url: 'https://checks.example/diaz-canel-2016' } } });
    expect(same.body.source.source.title).toMatch(/^Island Checks: /);
    const detail = await ws.viewer.get(`/claims/${diaz.id}`);
    expect(detail.body.rating).toBeNull();
    expect(detail.body.verdicts).toEqual([]);
    expect(detail.body.sources.map((s: { source: { url: string } }) => s.source.url)).toEqual(['https://checks.example/diaz-canel-2016']);
  });
});

describe('a large library', () => {
  it('builds its match index in a document worker thread, ranking exactly as an index built on the event loop', async () => {
    const ws = await makeWorkspace(api, 'lib-worker');
    const claims = (await sampleClaims(ws)).slice(0, 25);
    const parser = api.app.get(DocumentParser);
    const built = parser.answered.index;
    // 2,500 entries (a worker thread builds from 2,000 on), some of them close to the sample article's claims.
    const words = 'Cuba Havana China Beijing Castro delegation economy sugar debt rice solar tourism protests prison island sanctions bank loan percent billion'.split(' ');
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const pick = (k: number) => words[(i * 7 + k * 13) % words.length];
      return `"${pick(1)} ${pick(2)} report ${i}: ${pick(3)} and ${pick(4)} in ${1990 + (i % 35)} cost ${i % 97} ${pick(5)}",Check ${i} on ${pick(6)},https://checks.example/large/${i},False`;
    });
    rows.push('"Miguel Díaz-Canel came to power in Cuba in 2016.",No he did not,https://checks.example/large/diaz,False');
    await importFile(ws.editor, 'large.csv', `claim,title,url,rating\n${rows.join('\n')}\n`);
    // The import matched the workspace's claims: its index was built, in a worker thread.
    expect(parser.answered.index).toBeGreaterThan(built);

    const entries = await api.app.get(LibraryRepository).allEntryTexts(api.app.get(Database), ws.id);
    expect(entries).toHaveLength(2501);
    const here = new Matcher(entries);
    for (const claim of claims) {
      const answer = await ws.viewer.get<ClaimMatchesDto>(`/claims/${claim.id}/matches?limit=5`);
      expect(answer.body.stale).toBe(false);
      const expected = here.match(claim.text, { top: 5 }).map((m) => [m.entry.id, Math.round(m.score * 1000) / 1000]);
      expect(expected.length).toBeGreaterThan(0);
      expect(answer.body.matches.map((m) => [m.entry.id, m.score])).toEqual(expected);
    }
  });
});

describe('a workspace of many claims', () => {
  it('matches every check-worthy claim after a library import, page after page of claims', async () => {
    const ws = await makeWorkspace(api, 'lib-pages');
    // More check-worthy claims than one page of matching (500), and an entry checking each of them in its very words
    // (among such near-twins only the same words make a match strong: the model's probability stays under its line).
    const sentences = Array.from({ length: 540 }, (_, i) => `Harbour report ${i}: the ferry line number ${i} carried ${1000 + i} passengers in week ${i % 52} of ${1990 + (i % 30)}.`);
    const article = await ws.factChecker.post('/articles', { format: 'text', title: 'Ferry traffic', content: sentences.join('\n\n') });
    expect(article.status).toBe(201);
    const claims: ClaimDto[] = [];
    for (let cursor: string | null = ''; cursor !== null;) {
      const page: { body: { items: ClaimDto[]; nextCursor: string | null } } = await ws.viewer.get(`/claims?articleId=${article.body.article.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      claims.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    const checkWorthy = claims.filter((c) => c.checkWorthy);
    expect(checkWorthy.length).toBeGreaterThan(500);
    const rows = sentences.map((s, i) => `"${s}",False,https://checks.example/harbour-${i}`);
    const { job } = await importFile(ws.editor, 'harbour.csv', `claim,rating,url\n${rows.join('\n')}\n`);
    expect(job.state).toBe('completed');
    const marked = await api.app.get(LibraryRepository).checkedBeforeOf(
      api.app.get(Database),
      ws.id,
      claims.map((c) => c.id),
    );
    // Every check-worthy claim, on the first page of 500 by id and after it, is checked before; no other claim is.
    expect([...marked].sort()).toEqual(checkWorthy.map((c) => c.id).sort());
  }, 120_000);
});

describe('approved verdicts in the library', () => {
  it('adds a verdict to the library on approval and removes it when it goes back to review', async () => {
    const ws = await makeWorkspace(api, 'lib-verdict');
    const claims = await sampleClaims(ws);
    const castro = claims.find((c) => c.text.includes(CASTRO))!;
    expect((await ws.factChecker.post(`/claims/${castro.id}/transition`, { version: castro.version, action: 'flag' })).status).toBe(200);
    await ws.factChecker.post(`/claims/${castro.id}/sources`, {
      source: { title: 'Fidel Castro dies at 90', publisher: 'BBC News', url: 'https://www.bbc.co.uk/news/world-latin-america-38114953' },
      stance: 'REFUTES',
    });
    const proposed = await ws.factChecker.post(`/claims/${castro.id}/verdicts`, {
      ratingKey: 'false',
      rationale: 'Fidel Castro died in November 2016.',
      correction: 'Miguel Díaz-Canel met Xi Jinping in Beijing in November 2022',
      propose: true,
    });
    expect(proposed.status).toBe(201);
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(0);
    const approved = await ws.editor.post(`/verdicts/${proposed.body.id}/reviews`, { decision: 'APPROVED', version: proposed.body.version });
    expect(approved.status).toBe(201);
    const entries = await ws.viewer.get<LibraryEntryPageDto>('/library/entries');
    expect(entries.body.items.map((i) => i.entry)).toEqual([
      expect.objectContaining({ origin: 'verdict', verdictId: proposed.body.id, claimId: castro.id, claim: castro.text, rating: 'False', ratingKey: 'false', importId: null }),
    ]);
    // The claim does not match its own verdict; a re-import of the same sentence elsewhere would.
    const own = await ws.viewer.get<ClaimMatchesDto>(`/claims/${castro.id}/matches`);
    expect(own.body.matches.map((m) => m.entry.claimId)).not.toContain(castro.id);

    // Re-importing the article with the claim's words changed takes the verdict back to review: it leaves the library.
    const article = await ws.viewer.get(`/articles/${castro.articleId}`);
    const changed = article.body.text.replace('Fidel Castro in November 2022', 'Fidel Castro in November 2021');
    const reimport = await ws.factChecker.post('/articles', { articleId: castro.articleId, format: 'text', content: changed });
    expect(reimport.status).toBe(201);
    expect((await ws.viewer.get(`/verdicts/${proposed.body.id}`)).body.state).toBe('PROPOSED');
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(0);
  });

  it('shows in the review queue which claims were checked before', async () => {
    const ws = await makeWorkspace(api, 'lib-queue');
    await importFile(ws.editor, 'checks.claimreview.json');
    const claims = await sampleClaims(ws);
    const diaz = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    const other = claims.find((c) => !c.checkedBefore)!;
    expect(diaz.checkedBefore).toBe(true);
    for (const claim of [diaz, other]) {
      expect((await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' })).status).toBe(200);
      await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Official record', publisher: 'Gaceta Oficial', url: `https://gaceta.example/${claim.id}` }, stance: 'REFUTES' });
      const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, {
        ratingKey: 'false',
        rationale: 'The record says otherwise.',
        correction: 'The official record says otherwise.',
        propose: true,
      });
      expect(proposed.status).toBe(201);
    }
    const queue = await ws.editor.get<ReviewQueueItemDto[]>('/reviews/queue');
    expect(queue.status).toBe(200);
    const checked = new Map(queue.body.map((item) => [item.claim.id, item.claim.checkedBefore]));
    expect(checked.get(diaz.id)).toBe(true);
    expect(checked.get(other.id)).toBe(false);
    const work = await ws.editor.get<MyWorkDto>('/dashboard/my-work');
    expect(work.body.reviews.find((item) => item.claim.id === diaz.id)?.claim.checkedBefore).toBe(true);
  });

  it('never lists a withdrawn verdict', async () => {
    const ws = await makeWorkspace(api, 'lib-withdraw');
    const claims = await sampleClaims(ws);
    const claim = claims.find((c) => c.text.includes(DIAZ_CANEL))!;
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    const proposed = await ws.factChecker.post(`/claims/${claim.id}/verdicts`, { ratingKey: 'unproven', rationale: 'Cannot tell yet.', propose: true });
    expect(proposed.status).toBe(201);
    const withdrawn = await ws.factChecker.post(`/verdicts/${proposed.body.id}/withdraw`, { version: proposed.body.version });
    expect(withdrawn.status).toBe(200);
    expect((await ws.viewer.get<LibraryEntryPageDto>('/library/entries')).body.total).toBe(0);
  });
});

// The data layer: database errors become the same API errors whichever path raised them, the sample article imports
// like any text, and claim moves that belong to verdicts are refused on the claim route.
import { Database, Prisma, queryRows, toDomainError, withRetry } from '@claimdesk/db';
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { toErrorBody } from '@claimdesk/server';
import { makeWorkspace, startApi, type TestApi } from './harness';

describe('data layer', () => {
  let api: TestApi;
  let database: Database;
  beforeAll(async () => {
    api = await startApi();
    database = new Database(process.env.CLAIMDESK_TEST_DATABASE_URL!, { max: 2 });
  });
  afterAll(async () => {
    await database.close();
    await api.close();
  });

  const failure = (work: () => Promise<unknown>) =>
    work().then(
      () => null,
      (error: unknown) => error,
    );

  it('answers a unique violation with 409 whether it came from the pool, a transaction or a Prisma model call', async () => {
    const ws = await makeWorkspace(api, 'unique');
    const slug = (await api.db.workspace.findUniqueOrThrow({ where: { id: ws.id } })).slug;
    const insert = Prisma.sql`INSERT INTO workspaces (id, slug, name, organisation) VALUES (gen_random_uuid(), ${slug}, 'Copy', 'Copy') RETURNING id`;
    const viaPool = await failure(() => queryRows(database, insert));
    const viaTransaction = await failure(() => database.transaction((tx) => queryRows(tx, insert)));
    const viaModel = await failure(() => database.client.workspace.create({ data: { slug, name: 'Copy', organisation: 'Copy' } }));
    for (const error of [viaPool, viaTransaction, viaModel]) {
      expect(error).not.toBeNull();
      expect(toErrorBody(error)).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    }
  });

  it('answers malformed and out-of-range values that reach the database with 400', async () => {
    const badUuid = await failure(() => queryRows(database, Prisma.sql`SELECT ${'not-a-uuid'}::uuid AS id`));
    expect(toErrorBody(badUuid)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const badUuidInTx = await failure(() => database.transaction((tx) => queryRows(tx, Prisma.sql`SELECT ${'not-a-uuid'}::uuid AS id`)));
    expect(toErrorBody(badUuidInTx)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const tooBig = await failure(() => queryRows(database, Prisma.sql`SELECT ${String(2 ** 40)}::int AS n`));
    expect(toErrorBody(tooBig)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('runs a transaction again after a serialization failure, and answers 503 when it keeps failing', async () => {
    const serialization = Object.assign(new Error('could not serialize access'), { code: '40001', severity: 'ERROR' });
    let attempts = 0;
    expect(await withRetry(async () => (++attempts < 3 ? Promise.reject(serialization) : 'done'))).toBe('done');
    expect(attempts).toBe(3);
    const stuck = await failure(() => withRetry(() => Promise.reject(serialization)));
    expect(toDomainError(stuck)?.code).toBe('UNAVAILABLE');
    expect(toErrorBody(stuck).statusCode).toBe(503);
  });

  it('imports the sample article for writers, like a text import, and refuses viewers', async () => {
    const ws = await makeWorkspace(api, 'sample');
    const first = await ws.factChecker.post('/articles/sample');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, revision: 1, article: { title: SAMPLE_ARTICLE.title, author: SAMPLE_ARTICLE.author, url: SAMPLE_ARTICLE.url } });
    expect(first.body.claims.detected).toBeGreaterThan(0);
    const again = await ws.editor.post('/articles/sample');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: false, revision: 1, article: { id: first.body.article.id } });
    expect((await ws.viewer.post('/articles/sample')).status).toBe(403);
    const detail = await ws.viewer.get(`/articles/${first.body.article.id}`);
    expect(detail.body.format).toBe('text');
  });

  it('refuses claim moves that follow from verdicts on the claim route, and starts research when the first source is attached', async () => {
    const ws = await makeWorkspace(api, 'moves');
    const imported = await ws.factChecker.post('/articles/sample');
    const [claim] = (await ws.factChecker.get(`/claims?articleId=${imported.body.article.id}&limit=1`)).body.items;
    for (const action of ['submitForReview', 'approve', 'requestChanges', 'withdrawVerdict']) {
      const refused = await ws.editor.post(`/claims/${claim.id}/transition`, { version: claim.version, action });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('RULE_VIOLATION');
    }
    const flagged = await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    expect(flagged.body.status).toBe('FLAGGED');
    const attached = await ws.factChecker.post(`/claims/${claim.id}/sources`, { source: { title: 'Ministry figures', url: 'https://example.org/figures' }, stance: 'SUPPORTS' });
    expect(attached.status).toBe(201);
    expect((await ws.viewer.get(`/claims/${claim.id}`)).body.status).toBe('IN_RESEARCH');
  });
});

// Background jobs: a large import answers 202 and runs as a job whose status only its workspace can read.
import type { ImportResultDto, JobDto } from '@claimdesk/domain';
import { extractClaims } from '@claimdesk/extraction';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Database } from '@claimdesk/db';
import { DocumentParser, JobQueue } from '@claimdesk/server';
import { SAMPLE, jobFinished, makeWorkspace, startApi, type TestApi } from './harness';

/** About 160 KB of article: the sample's paragraphs, numbered so every sentence is new. */
export function largeArticle(tag: string, copies = 40): string {
  return Array.from({ length: copies }, (_, i) => SAMPLE.replace(/\d+/g, (n) => String(Number(n) + i)).replace(/^/, `Part ${i + 1} of ${tag}.\n\n`)).join('\n\n');
}

describe('background jobs', () => {
  let api: TestApi;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('imports a large article as a job: 202 with its id, then the article with its claims', async () => {
    const ws = await makeWorkspace(api, 'bigimport');
    const content = largeArticle(ws.slug);
    expect(Buffer.byteLength(content)).toBeGreaterThan(100 * 1024);
    const accepted = await ws.factChecker.post<{ jobId: string }>('/articles', { format: 'text', content, title: 'A long read' });
    expect(accepted.status).toBe(202);
    expect(Object.keys(accepted.body)).toEqual(['jobId']);
    const job = await jobFinished(ws.viewer, accepted.body.jobId);
    expect(job).toMatchObject({ state: 'completed', name: 'article-import', progress: { percent: 100 }, error: null });
    const result = job.result as Omit<ImportResultDto, 'article'> & { articleId: string };
    expect(result.created).toBe(true);
    const article = await ws.viewer.get(`/articles/${result.articleId}`);
    expect(article.status).toBe(200);
    expect(article.body.title).toBe('A long read');
    expect(article.body.claimTotal).toBe(result.claims.detected);
    expect(await api.db.claim.count({ where: { articleId: result.articleId } })).toBe(result.claims.detected);
    expect(result.claims.detected).toBeGreaterThan(100);
  });

  it('extracts a long article in chunks on the document threads and stores exactly the claims of one pass', async () => {
    const ws = await makeWorkspace(api, 'chunkedimport');
    const content = largeArticle(ws.slug, 45);
    const parser = api.app.get(DocumentParser);
    const before = parser.answered.extract;
    const accepted = await ws.factChecker.post<{ jobId: string }>('/articles', { format: 'text', content });
    expect(accepted.status).toBe(202);
    const job = await jobFinished(ws.viewer, accepted.body.jobId);
    expect(job.state).toBe('completed');
    expect(parser.answered.extract - before).toBeGreaterThan(1);
    // The document threads run below the event loop's priority (nice 10): background CPU work waits, requests do not.
    const nice = (task: string) => Number(fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const threads = fs.readdirSync('/proc/self/task');
    expect(threads.filter((t) => nice(t) === Math.max(os.getPriority(), 10)).length).toBeGreaterThanOrEqual(2);
    expect(nice(String(process.pid))).toBe(os.getPriority());
    const { articleId } = job.result as { articleId: string };
    const rows = await api.db.claim.findMany({ where: { articleId }, orderBy: { startOffset: 'asc' } });
    const expected = extractClaims(content).claims;
    const stored = rows.map((r) => ({
      text: r.text,
      start: r.startOffset,
      end: r.endOffset,
      paragraph: r.paragraph,
      score: r.score,
      checkWorthy: r.checkWorthy,
      reasons: r.reasons,
      entities: r.entities,
    }));
    expect(stored).toEqual(
      expected.map((c) => ({ text: c.text, start: c.start, end: c.end, paragraph: c.paragraph, score: c.score, checkWorthy: c.checkWorthy, reasons: c.reasons, entities: c.entities })),
    );
  });

  it('queues a job inside a transaction only when that transaction commits', async () => {
    const ws = await makeWorkspace(api, 'txjobs');
    const queue = api.app.get(JobQueue);
    const db = api.app.get(Database);
    const data = { workspaceId: ws.id, userId: ws.users.editor.id, role: 'EDITOR' as const, importId: randomUUID(), claimIds: [randomUUID()] };
    // Held back an hour, so the jobs stay queued while the test looks at them.
    let undone = '';
    await expect(
      db.transaction(async (tx) => {
        undone = await queue.send('library-rematch', data, { tx, startAfterSeconds: 3600 });
        throw new Error('the removal failed');
      }),
    ).rejects.toThrow('the removal failed');
    const kept = await db.transaction((tx) => queue.send('library-rematch', data, { tx, startAfterSeconds: 3600 }));
    expect(undone).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ws.editor.get(`/jobs/${undone}`)).status).toBe(404);
    const job = await ws.editor.get<JobDto>(`/jobs/${kept}`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: kept, name: 'library-rematch', state: 'created' });
  });

  it("answers 404 for another workspace's job and for an unknown id", async () => {
    const ws = await makeWorkspace(api, 'jobowner');
    const other = await makeWorkspace(api, 'jobother');
    const accepted = await ws.editor.post<{ jobId: string }>('/articles', { format: 'text', content: largeArticle(ws.slug, 30) });
    expect(accepted.status).toBe(202);
    expect((await other.admin.get(`/jobs/${accepted.body.jobId}`)).status).toBe(404);
    expect((await ws.viewer.get(`/jobs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await ws.anonymous.get(`/jobs/${accepted.body.jobId}`)).status).toBe(401);
    expect((await jobFinished(ws.viewer, accepted.body.jobId)).state).toBe('completed');
  });

  it('ends a job with the reason, without retrying, when the article cannot be read', async () => {
    const ws = await makeWorkspace(api, 'badjob');
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(150 * 1024, 0x41).fill('PK\x03\x04', 0)]), 'broken.docx');
    const accepted = await ws.factChecker.post<{ jobId: string }>('/articles/upload', form);
    expect(accepted.status).toBe(202);
    const job = await jobFinished(ws.factChecker, accepted.body.jobId);
    expect(job.state).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error?.message).toMatch(/docx|read|zip/i);
    expect(await api.db.article.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it('still answers a small import in the request', async () => {
    const ws = await makeWorkspace(api, 'smallimport');
    const imported = await ws.factChecker.post('/articles', { format: 'text', content: SAMPLE });
    expect(imported.status).toBe(201);
    expect(imported.body.article.id).toBeDefined();
  });
});

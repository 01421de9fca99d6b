// The workspace audit log for admins: filters, cursor paging, CSV export, and never another workspace's events.
import { parse } from 'csv-parse/sync';
import type { AuditEventDto, ClaimDto, ImportResultDto, Page } from '@claimdesk/domain';
import { makeWorkspace, startApi, type TestApi, type TestWorkspace } from './harness';

const ARTICLE = 'The ministry said 12 people were hurt on Monday. Officials allegedly hid the figures for a week. The mayor resigned on Friday.';

describe('audit log', () => {
  let api: TestApi;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let claim: ClaimDto;

  beforeAll(async () => {
    api = await startApi();
    ws = await makeWorkspace(api, 'audit');
    other = await makeWorkspace(api, 'audit-other');
    const imported = await ws.factChecker.post<ImportResultDto>('/articles', { format: 'text', content: ARTICLE, title: 'Audit' });
    const claims = (await ws.factChecker.get<Page<ClaimDto>>(`/claims?articleId=${imported.body.article.id}`)).body.items;
    claim = claims[0];
    await ws.factChecker.post(`/claims/${claim.id}/transition`, { version: claim.version, action: 'flag' });
    await ws.editor.post(`/claims/${claim.id}/comments`, { body: '=HYPERLINK("https://evil.example/","Click")' });
    await ws.factChecker.post('/sources', { title: 'Ministry statement', url: 'https://example.org/statement' });
    await other.admin.post('/articles', { format: 'text', content: ARTICLE, title: 'Elsewhere' });
  });
  afterAll(() => api.close());

  const all = async (client = ws.admin, query = '') => {
    const items: AuditEventDto[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page<AuditEventDto> } = await client.get<Page<AuditEventDto>>(`/audit?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  };

  it('lists the workspace’s changes newest first, with who made them', async () => {
    const res = await ws.admin.get<Page<AuditEventDto>>('/audit');
    expect(res.status).toBe(200);
    const actions = res.body.items.map((e) => `${e.entity}:${e.action}`);
    expect(actions).toEqual(expect.arrayContaining(['article:import', 'claim:flag', 'comment:create', 'source:create']));
    expect(res.body.items[0]).toMatchObject({ entity: 'source', action: 'create', actor: { id: ws.users.factChecker.id } });
    const ids = res.body.items.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    expect(res.body.nextCursor).toBeNull();
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const whole = (await ws.admin.get<Page<AuditEventDto>>('/audit?limit=500')).body.items;
    expect(whole.length).toBeGreaterThanOrEqual(4);
    const paged = await all();
    expect(paged.map((e) => e.id)).toEqual(whole.map((e) => e.id));
  });

  it('filters by actor, entity type, action and date range', async () => {
    const byEditor = await all(ws.admin, `&actor=${ws.users.editor.id}`);
    expect(byEditor.map((e) => `${e.entity}:${e.action}`)).toEqual(['comment:create']);
    const claimsOnly = await all(ws.admin, '&entity=claim');
    expect(claimsOnly.length).toBeGreaterThan(0);
    expect(claimsOnly.every((e) => e.entity === 'claim')).toBe(true);
    const flags = await all(ws.admin, '&entity=claim&action=flag');
    expect(flags.map((e) => e.entityId)).toEqual([claim.id]);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await all(ws.admin, `&from=${today}&to=${tomorrow}`)).length).toBe((await all()).length);
    expect(await all(ws.admin, `&from=${tomorrow}`)).toEqual([]);
    expect(await all(ws.admin, `&to=2020-01-01`)).toEqual([]);
  });

  it('never shows another workspace’s events', async () => {
    const mine = await all();
    const theirs = await all(other.admin);
    const kinds = theirs.map((e) => `${e.entity}:${e.action}`);
    expect(kinds).toContain('article:import');
    expect(kinds).not.toEqual(expect.arrayContaining(['claim:flag']));
    expect(kinds).not.toEqual(expect.arrayContaining(['comment:create']));
    expect(mine.some((e) => theirs.some((t) => t.id === e.id))).toBe(false);
    expect(await all(other.admin, `&actor=${ws.users.factChecker.id}`)).toEqual([]);
  });

  it('refuses bad filters, naming the field', async () => {
    for (const [query, field] of [
      ['actor=someone', 'actor'],
      ['cursor=abc', 'cursor'],
      ['from=yesterday', 'from'],
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['limit=0', 'limit'],
      ['colour=red', 'colour'],
    ]) {
      const res = await ws.admin.get(`/audit?${query}`);
      expect({ query, status: res.status, field: res.body.details?.[0]?.path }).toEqual({ query, status: 400, field });
    }
  });

  it('exports the filtered log as CSV, safe to open in a spreadsheet', async () => {
    const res = await fetch(`${api.baseUrl}/api/audit/export?entity=comment`, { headers: { cookie: ws.admin.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: 'comment', action: 'create', actorEmail: ws.users.editor.email });
    expect(JSON.parse(rows[0].after.replace(/^'/, ''))).toMatchObject({ body: expect.stringContaining('HYPERLINK') });
    const everything = parse((await (await fetch(`${api.baseUrl}/api/audit/export`, { headers: { cookie: ws.admin.cookie! } })).text()).replace(/^\uFEFF/, ''), { columns: true });
    expect(everything).toHaveLength((await all()).length);
  });
});

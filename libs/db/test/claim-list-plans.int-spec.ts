// Every workspace-wide listing the API accepts is ordered by an index: with sequential scans and sorts priced out of
// the planner's reach, the plan of each filter × sort combination (the statement ClaimsRepository.list sends) must
// read claims through an index that yields the requested order, and sort nothing. A sort or filter added without an
// index that serves it fails here, not at a million claims. No timing is asserted (speed is measured in benchmarks).
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CLAIM_SORTS, WORKSPACE_CLAIM_SORTS, listClaimsQuerySchema } from '@claimdesk/domain';
import { createPrismaClient } from '../src/client';
import { MembersRepository } from '../src/repositories/members.repository';
import { claimListSql, searchTsQuery } from '../src/repositories/claims.repository';
import { createMigratedDatabase } from '../src/testing';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Alias?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
/**
 * A sort is allowed only over the claims search reaches through a title, source or verdict match (a page per matched
 * article, or the matched claims): those reads are driven by the matches (the `t`, `s`, `v` reads in claimListSql).
 * A sort over any other read of claims is the full sort this test rules out.
 */
const drivenByMatches = (n: PlanNode) => nodes(n).some((m) => ['sources', 'claim_sources', 'verdicts'].includes(m['Relation Name'] ?? '') || (m['Relation Name'] === 'articles' && m.Alias === 't'));
const fullSorts = (plan: PlanNode[]) =>
  plan.filter((n) => (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') && nodes(n).some((m) => m['Relation Name'] === 'claims') && !drivenByMatches(n));

/** The indexes that yield claims in each workspace-wide order (the filter's own index, or the sort's). */
const ORDER_INDEXES: Record<(typeof WORKSPACE_CLAIM_SORTS)[number], string[]> = {
  updated: [
    'claims_workspace_id_updated_at_id_filters_idx',
    'claims_workspace_id_status_updated_at_id_filters_idx',
    'claims_workspace_id_assignee_id_updated_at_id_filters_idx',
    'claims_workspace_id_rating_updated_at_id_filters_idx',
  ],
  created: ['claims_workspace_id_created_at_id_filters_idx', 'claims_workspace_id_rating_created_at_id_filters_idx'],
};

let client: Client;
let workspaceId: string;
let userId: string;

beforeAll(async () => {
  const url = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!);
  const prisma = createPrismaClient(url, { max: 1 });
  try {
    const { user, workspace } = await prisma.$transaction((tx) =>
      new MembersRepository().createWorkspaceWithAdmin(tx, { email: 'ed@example.org', name: 'Ed', passwordHash: 'x', workspaceName: 'Desk', slug: 'desk' }),
    );
    [workspaceId, userId] = [workspace.id, user.id];
  } finally {
    await prisma.$disconnect();
  }
  client = new Client({ connectionString: url });
  await client.connect();
  // A few thousand claims over 40 articles with every status, kind, flag, some assignees and ratings.
  await client.query(
    `INSERT INTO articles (id, workspace_id, title, import_key, created_by_id, updated_at) SELECT gen_random_uuid(), $1, 'Article ' || g, 'k' || g, $2, now() FROM generate_series(1, 40) g`,
    [workspaceId, userId],
  );
  await client.query(
    `INSERT INTO article_revisions (id, workspace_id, article_id, number, text, content_hash, format, created_by_id)
     SELECT gen_random_uuid(), workspace_id, id, 1, 'text', md5(id::text), 'text', created_by_id FROM articles WHERE workspace_id = $1`,
    [workspaceId],
  );
  await client.query(
    `INSERT INTO claims (id, workspace_id, article_id, revision_id, text, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix, paragraph, kind, score,
       check_worthy, reasons, cues, numbers, dates, entities, hedged, attributed, orphaned, status, priority, assignee_id, rating, created_at, updated_at)
     SELECT gen_random_uuid(), $1, r.article_id, r.id, 'Claim ' || g || ' about harvests and sanctions', g * 10, g * 10 + 30, 'q', '', '', g / 4,
       (enum_range(NULL::"ClaimKind"))[1 + g % 7], (g % 100) / 100.0, g % 3 = 0, ARRAY['x'], '[]', '[]', '[]', '[]', g % 5 = 0, g % 4 = 0, g % 50 = 0,
       (enum_range(NULL::"ClaimStatus"))[1 + g % 6], g % 4, CASE WHEN g % 9 = 0 THEN $2::uuid END, CASE WHEN g % 11 = 0 THEN 'false' END,
       now() - (g || ' minutes')::interval, now() - ((g * 7) % 4000 || ' minutes')::interval
     FROM generate_series(1, 4000) g JOIN LATERAL (SELECT id, article_id FROM article_revisions WHERE workspace_id = $1 ORDER BY id OFFSET g % 40 LIMIT 1) r ON true`,
    [workspaceId, userId],
  );
  await client.query(`ANALYZE claims; ANALYZE articles`);
});
afterAll(() => client?.end());

async function planOf(raw: Record<string, string>): Promise<PlanNode> {
  const sql = claimListSql(workspaceId, userId, listClaimsQuerySchema.parse(raw));
  await client.query('BEGIN');
  try {
    // Priced out, not forbidden: if no index yields the order, the plan still has to sort, and the test sees it.
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('SET LOCAL enable_sort = off');
    await client.query('SET LOCAL enable_incremental_sort = off');
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
    return rows[0]['QUERY PLAN'][0].Plan as PlanNode;
  } finally {
    await client.query('ROLLBACK');
  }
}

const FILTERS: Array<Record<string, string>> = [
  {},
  { status: 'FLAGGED' },
  { status: 'IN_REVIEW,VERIFIED' },
  { kind: 'STATISTICAL' },
  { kind: 'STATISTICAL,EVENT' },
  { hedged: 'true' },
  { attributed: 'false' },
  { checkWorthy: 'true' },
  { orphaned: 'true' },
  { assigneeId: 'me' },
  { assigneeId: 'none' },
  { rating: 'false' },
  { fromFeedsSince: '2026-01-01T00:00:00.000Z' },
  { q: 'harvests' },
  { status: 'FLAGGED', hedged: 'true', kind: 'STATISTICAL' },
  { status: 'FLAGGED,IN_RESEARCH', assigneeId: 'me', q: 'sanctions' },
];

describe('the search box as a tsquery', () => {
  const tsquery = async (q: string) => {
    const sql = searchTsQuery(q);
    return (await client.query(`SELECT (${sql.text})::text AS q`, sql.values)).rows[0].q as string;
  };

  it('asks for a hyphenated word by its compound lexeme alone, so the planner uses the compound’s statistics', async () => {
    expect(await tsquery('nuclear-powered')).toBe(`'nuclear-pow'`);
    expect(await tsquery('Nuclear-Powered submarines Díaz-Canel')).toBe(`'submarin' & 'nuclear-pow' & 'díaz-canel'`);
    expect(await tsquery('state-of-the-art')).toBe(`'state-of-the-art'`);
  });

  it('passes quotes, "or", negations and other words as typed', async () => {
    expect(await tsquery('"nuclear-powered submarine"')).toBe(`'nuclear-pow' <-> 'nuclear' <-> 'power' <-> 'submarin'`);
    expect(await tsquery('nuclear-powered or diesel')).toBe(`'nuclear-pow' <-> 'nuclear' <-> 'power' | 'diesel'`);
    expect(await tsquery('nuclear-powered -diesel')).toBe(`'nuclear-pow' <-> 'nuclear' <-> 'power' & !'diesel'`);
    expect(await tsquery('covid-19 sanctions')).toBe(`'covid' <-> '-19' & 'sanction'`);
  });
});

describe('workspace-wide claim listings', () => {
  it('knows only sorts that exist', () => {
    for (const sort of WORKSPACE_CLAIM_SORTS) expect(CLAIM_SORTS).toContain(sort);
  });

  for (const sort of WORKSPACE_CLAIM_SORTS) {
    for (const order of ['asc', 'desc']) {
      for (const filter of FILTERS) {
        it(`reads claims in ${sort} ${order} order from an index, sorting nothing: ${JSON.stringify(filter)}`, async () => {
          const plan = nodes(await planOf({ ...filter, sort, order }));
          const claimScans = plan.filter((n) => n['Relation Name'] === 'claims');
          expect(claimScans.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
          expect(fullSorts(plan)).toEqual([]);
          // The top-level read of claims (the first claims scan in the plan's order) walks an index of this sort.
          const ordered = claimScans.find((n) => n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan');
          expect(ORDER_INDEXES[sort]).toContain(ordered?.['Index Name']);
        });
      }
    }
  }

  it('serves the same orderings after a cursor', async () => {
    for (const sort of WORKSPACE_CLAIM_SORTS) {
      const cursor = Buffer.from(JSON.stringify([sort, new Date().toISOString(), randomUUID()])).toString('base64url');
      const plan = nodes(await planOf({ sort, order: 'desc', cursor, status: 'FLAGGED' }));
      expect(fullSorts(plan)).toEqual([]);
      expect(plan.filter((n) => n['Relation Name'] === 'claims' && n['Node Type'] === 'Seq Scan')).toEqual([]);
    }
  });

  it('refuses the sorts no index serves across the workspace, naming the field, and keeps them within one article', () => {
    for (const sort of CLAIM_SORTS.filter((s) => !(WORKSPACE_CLAIM_SORTS as readonly string[]).includes(s))) {
      const result = listClaimsQuerySchema.safeParse({ sort });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['sort']);
      expect(listClaimsQuerySchema.safeParse({ sort, articleId: randomUUID() }).success).toBe(true);
    }
  });
});

// The migrated schema can be distributed by workspace on Citus: the rules Citus sets for co-located distributed tables,
// read from the catalog of a migrated database (no Citus here: what it would refuse is checked, not run).
import { Client } from 'pg';
import { DISTRIBUTED_TABLES, DISTRIBUTION_COLUMN, LOCAL_TABLES, REFERENCE_TABLES } from '../src/distribution';

type Kind = 'distributed' | 'reference' | 'local';
interface UniqueIndex {
  table: string;
  name: string;
  columns: string[];
}
interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  /** 'a' no action, 'r' restrict, 'c' cascade, 'n' set null, 'd' set default */
  onDelete: string;
  /** the same letters for ON UPDATE */
  onUpdate: string;
  /** The columns ON DELETE SET NULL (...) sets, when it names them (all referencing columns otherwise). */
  setNullColumns: string[] | null;
}

const kindOf = (table: string): Kind | undefined =>
  (DISTRIBUTED_TABLES as readonly string[]).includes(table) ? 'distributed' : table in REFERENCE_TABLES ? 'reference' : table in LOCAL_TABLES ? 'local' : undefined;

/** Every rule of docs/scaling.md (step 3) the schema breaks, one line each. */
function violations(tables: string[], notNull: Set<string>, primaryKeys: Map<string, string[]>, uniques: UniqueIndex[], foreignKeys: ForeignKey[]): string[] {
  const found: string[] = [];
  for (const table of tables) {
    const kind = kindOf(table);
    if (!kind) found.push(`${table}: not classified in libs/db/src/distribution.ts`);
    if (kind !== 'distributed') continue;
    if (!notNull.has(`${table}.${DISTRIBUTION_COLUMN}`)) found.push(`${table}: ${DISTRIBUTION_COLUMN} missing or nullable`);
    const pk = primaryKeys.get(table);
    if (!pk) found.push(`${table}: no primary key`);
    else if (!pk.includes(DISTRIBUTION_COLUMN)) found.push(`${table}: primary key (${pk.join(', ')}) lacks ${DISTRIBUTION_COLUMN}`);
  }
  for (const index of uniques) {
    if (kindOf(index.table) === 'distributed' && !index.columns.includes(DISTRIBUTION_COLUMN))
      found.push(`${index.table}: unique index ${index.name} (${index.columns.join(', ')}) lacks ${DISTRIBUTION_COLUMN}`);
  }
  for (const fk of foreignKeys) {
    const [from, to] = [kindOf(fk.table), kindOf(fk.target)];
    if (from !== 'distributed' && to === 'distributed') found.push(`${fk.table}: ${fk.name} points from a ${from ?? 'unclassified'} table at distributed ${fk.target}`);
    if (from !== 'distributed' || to !== 'distributed') continue;
    const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
    if (at < 0 || fk.targetColumns[at] !== DISTRIBUTION_COLUMN) {
      found.push(`${fk.table}: ${fk.name} (${fk.columns.join(', ')}) → ${fk.target} (${fk.targetColumns.join(', ')}) does not pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`);
    } else if (fk.onDelete === 'n' && (fk.setNullColumns ?? fk.columns).includes(DISTRIBUTION_COLUMN)) {
      found.push(`${fk.table}: ${fk.name} ON DELETE SET NULL would clear ${DISTRIBUTION_COLUMN}`);
    } else if (fk.onUpdate === 'c' || fk.onUpdate === 'n' || fk.onUpdate === 'd') {
      found.push(`${fk.table}: ${fk.name} ON UPDATE would change ${DISTRIBUTION_COLUMN}`);
    }
  }
  return found.sort();
}

describe('the schema distributed by workspace on Citus', () => {
  let client: Client;
  let tables: string[];
  let notNull: Set<string>;
  let primaryKeys: Map<string, string[]>;
  let uniques: UniqueIndex[];
  let foreignKeys: ForeignKey[];

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.CLAIMDESK_TEST_DATABASE_URL });
    await client.connect();
    const attnames = (rel: string, nums: string) =>
      `ARRAY(SELECT a.attname::text FROM unnest(${nums}) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.ord)`;
    tables = (await client.query<{ t: string }>(`SELECT c.relname AS t FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`)).rows.map((r) => r.t);
    notNull = new Set(
      (await client.query<{ c: string }>(`SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND is_nullable = 'NO'`)).rows.map((r) => r.c),
    );
    const pks = await client.query<{ t: string; cols: string[] }>(
      `SELECT c.conrelid::regclass::text AS t, ${attnames('c.conrelid', 'c.conkey')} AS cols FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND c.contype = 'p'`,
    );
    primaryKeys = new Map(pks.rows.map((r) => [r.t, r.cols]));
    // Unique indexes, whether declared as constraints or as CREATE UNIQUE INDEX (the primary key's included).
    uniques = (
      await client.query<{ table: string; name: string; columns: string[] }>(
        `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, ${attnames('i.indrelid', 'i.indkey::int2[]')} AS columns
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace AND i.indisunique`,
      )
    ).rows;
    foreignKeys = (
      await client.query<ForeignKey>(
        `SELECT c.conrelid::regclass::text AS table, c.conname AS name, ${attnames('c.conrelid', 'c.conkey')} AS columns, c.confrelid::regclass::text AS target,
                ${attnames('c.confrelid', 'c.confkey')} AS "targetColumns", c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate",
                CASE WHEN c.confdelsetcols IS NULL THEN NULL ELSE ${attnames('c.conrelid', 'c.confdelsetcols')} END AS "setNullColumns"
         FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace AND c.contype = 'f'`,
      )
    ).rows;
  });
  afterAll(() => client.end());

  it('reads a schema with tables, keys and foreign keys to check', () => {
    expect(tables).toEqual(expect.arrayContaining(['claims', 'workspaces', 'users']));
    expect(uniques.some((u) => u.table === 'claims')).toBe(true);
    expect(foreignKeys.some((f) => f.table === 'claims' && f.target === 'articles')).toBe(true);
  });

  it('classifies every table once, and only tables that exist', () => {
    const classified = [...DISTRIBUTED_TABLES, ...Object.keys(REFERENCE_TABLES), ...Object.keys(LOCAL_TABLES)];
    expect(classified.filter((t, i) => classified.indexOf(t) !== i)).toEqual([]);
    expect(classified.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('breaks none of the rules Citus sets for co-located distributed tables', () => {
    expect(violations(tables, notNull, primaryKeys, uniques, foreignKeys)).toEqual([]);
  });

  it('would report each kind of violation (checked on a made-up schema)', () => {
    const found = violations(
      ['a', 'claims', 'verdicts', 'users'],
      new Set(['verdicts.workspace_id']),
      new Map([
        ['claims', ['id']],
        ['verdicts', ['workspace_id', 'id']],
      ]),
      [
        { table: 'claims', name: 'claims_pkey', columns: ['id'] },
        { table: 'users', name: 'users_email_key', columns: ['email'] },
      ],
      [
        { table: 'verdicts', name: 'v_claim', columns: ['claim_id'], target: 'claims', targetColumns: ['id'], onDelete: 'c', onUpdate: 'a', setNullColumns: null },
        { table: 'verdicts', name: 'v_claim2', columns: ['workspace_id', 'claim_id'], target: 'claims', targetColumns: ['workspace_id', 'id'], onDelete: 'n', onUpdate: 'a', setNullColumns: null },
        {
          table: 'verdicts',
          name: 'v_claim3',
          columns: ['workspace_id', 'claim_id'],
          target: 'claims',
          targetColumns: ['workspace_id', 'id'],
          onDelete: 'n',
          onUpdate: 'a',
          setNullColumns: ['claim_id'],
        },
        { table: 'verdicts', name: 'v_claim4', columns: ['workspace_id', 'claim_id'], target: 'claims', targetColumns: ['workspace_id', 'id'], onDelete: 'c', onUpdate: 'c', setNullColumns: null },
        { table: 'verdicts', name: 'v_user', columns: ['author_id'], target: 'users', targetColumns: ['id'], onDelete: 'c', onUpdate: 'a', setNullColumns: null },
        { table: 'users', name: 'u_claim', columns: ['claim_id'], target: 'claims', targetColumns: ['id'], onDelete: 'c', onUpdate: 'a', setNullColumns: null },
      ],
    );
    expect(found).toEqual([
      'a: not classified in libs/db/src/distribution.ts',
      'claims: primary key (id) lacks workspace_id',
      'claims: unique index claims_pkey (id) lacks workspace_id',
      'claims: workspace_id missing or nullable',
      'users: u_claim points from a reference table at distributed claims',
      'verdicts: v_claim (claim_id) → claims (id) does not pair workspace_id with workspace_id',
      'verdicts: v_claim2 ON DELETE SET NULL would clear workspace_id',
      'verdicts: v_claim4 ON UPDATE would change workspace_id',
    ]);
  });
});

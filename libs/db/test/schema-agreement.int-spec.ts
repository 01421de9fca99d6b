// schema.prisma and the migrated database must agree: no Prisma engine checks this for us.
import { getSchema } from './schema-dmmf';
import { Client } from 'pg';

/** Columns the SQL keeps on purpose that Prisma cannot model (generated tsvector for full-text search). */
const DATABASE_ONLY_COLUMNS = new Set(['claims.search_vector']);

const PRISMA_TO_PG: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp with time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

describe('schema.prisma and the migrated database', () => {
  const dmmf = getSchema();
  let client: Client;
  let columns: Array<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>;
  let indexes: Array<{ tablename: string; indexname: string; indexdef: string }>;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.CLAIMDESK_TEST_DATABASE_URL });
    await client.connect();
    columns = (await client.query(`SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`)).rows;
    indexes = (await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`)).rows;
  });
  afterAll(() => client.end());

  it('has exactly the tables of the schema (plus Prisma’s migration table)', async () => {
    const tables = new Set(columns.map((c) => c.table_name));
    const expected = new Set([...dmmf.models.map((m) => m.dbName ?? m.name), '_prisma_migrations']);
    expect([...tables].sort()).toEqual([...expected].sort());
  });

  it('has every field with its type and nullability, and no extra columns', () => {
    for (const model of dmmf.models) {
      const table = model.dbName ?? model.name;
      const actual = columns.filter((c) => c.table_name === table);
      const scalarFields = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');
      for (const field of scalarFields) {
        const column = actual.find((c) => c.column_name === (field.dbName ?? field.name));
        expect({ table, field: field.name, exists: Boolean(column) }).toEqual({ table, field: field.name, exists: true });
        const expectedType = field.isList ? 'ARRAY' : field.kind === 'enum' ? 'USER-DEFINED' : field.nativeType?.[0] === 'Uuid' ? 'uuid' : PRISMA_TO_PG[field.type];
        expect({ table, field: field.name, type: column!.data_type }).toEqual({ table, field: field.name, type: expectedType });
        if (field.kind === 'enum') expect(column!.udt_name).toBe(field.type);
        // Prisma lists are never NULL in practice but are declared without NOT NULL; scalars must match exactly.
        if (!field.isList) expect({ table, field: field.name, nullable: column!.is_nullable === 'YES' }).toEqual({ table, field: field.name, nullable: !field.isRequired });
      }
      const known = new Set(scalarFields.map((f) => f.dbName ?? f.name));
      const extra = actual.map((c) => c.column_name).filter((c) => !known.has(c) && !DATABASE_ONLY_COLUMNS.has(`${table}.${c}`));
      expect({ table, extra }).toEqual({ table, extra: [] });
    }
  });

  it('has every unique constraint and index of the schema', () => {
    for (const index of dmmf.indexes) {
      const model = dmmf.models.find((m) => m.name === index.model)!;
      const table = model.dbName ?? model.name;
      const cols = index.fields.map((f) => {
        const field = model.fields.find((x) => x.name === f.name);
        return field?.dbName ?? (f.name === 'searchVector' ? 'search_vector' : f.name);
      });
      const match = indexes.find((i) => {
        if (i.tablename !== table) return false;
        const inner = /\((.*)\)\s*$/.exec(i.indexdef)?.[1] ?? '';
        const defCols = inner.split(',').map((c) => c.trim().split(/\s+/)[0].replace(/"/g, ''));
        const unique = /CREATE UNIQUE INDEX/.test(i.indexdef);
        const wantUnique = index.type === 'id' || index.type === 'unique';
        return unique === wantUnique && defCols.join(',') === cols.join(',');
      });
      expect({ table, type: index.type, cols, found: Boolean(match) }).toEqual({ table, type: index.type, cols, found: true });
    }
  });

  it('has every enum with the same values', async () => {
    const rows = (await client.query(`SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`)).rows;
    for (const enumDef of dmmf.enums) {
      expect({ enum: enumDef.name, values: rows.filter((r) => r.typname === enumDef.name).map((r) => r.enumlabel) }).toEqual({
        enum: enumDef.name,
        values: enumDef.values.map((v) => v.name),
      });
    }
  });
});

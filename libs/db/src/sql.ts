// Typed raw SQL: parameterised Prisma.sql, run on the shared pool outside a transaction or through the transaction inside one.
import { Prisma } from './generated/prisma/client';
import { Database, type DbExecutor } from './client';

/**
 * The rows of a parameterised query (values are never spliced into the text). Outside a transaction the statement goes
 * straight to the pool, skipping Prisma's result mapping on hot paths; inside one, it runs on the transaction's connection.
 * `T` is the row shape the SELECT list produces; build it from the model types in rows.ts.
 */
export async function queryRows<T>(db: DbExecutor, query: Prisma.Sql): Promise<T[]> {
  if (db instanceof Database) return (await db.pool.query<T & object>(query.text, query.values)).rows;
  return db.$queryRaw<T[]>(query);
}

/** A statement whose rows do not matter (locks, bulk updates); the number of rows it touched. */
export async function execute(db: DbExecutor, query: Prisma.Sql): Promise<number> {
  if (db instanceof Database) return (await db.pool.query(query.text, query.values)).rowCount ?? 0;
  return db.$executeRaw(query);
}

/** How a repository writes the fields it may set: each field's column and the SQL type its value is cast to. */
export type ColumnMap = Record<string, { column: string; cast: string }>;

/** The fields of `data` that are given (not undefined), in the map's order: each column's identifier and its typed value. */
export function typedFields<M extends ColumnMap>(map: M, data: { [K in keyof M]?: unknown }): Array<{ column: Prisma.Sql; value: Prisma.Sql }> {
  return (Object.keys(map) as Array<keyof M>)
    .filter((field) => data[field] !== undefined)
    .map((field) => ({ column: Prisma.raw(map[field].column), value: Prisma.sql`${data[field] ?? null}::${Prisma.raw(map[field].cast)}` }));
}

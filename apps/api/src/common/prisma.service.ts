// The Prisma client as a Nest provider, closed with the application.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createPrismaClient, type Db, type Prisma } from '@claimdesk/db';
import { Pool } from 'pg';
import { AppConfig } from './config';

@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly db: Db;
  /** A plain pg pool for the hottest read paths, where Prisma's result mapping costs more than the query itself. */
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.db = createPrismaClient(config.databaseUrl, { max: config.poolSize });
    this.pool = new Pool({ connectionString: config.databaseUrl, max: Math.max(2, Math.ceil(config.poolSize / 2)) });
  }

  /** The users behind a list of ids (duplicates and nulls ignored), by id: for author, reviewer and actor names. */
  async usersById(ids: Array<string | null | undefined>): Promise<Map<string, { id: string; email: string; name: string }>> {
    const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    if (unique.length === 0) return new Map();
    const rows = await this.db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } });
    return new Map(rows.map((u) => [u.id, u]));
  }

  /** Runs a parameterised Prisma.sql query straight on pg (values are never spliced into the text). */
  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return (await this.pool.query(query.text, query.values as unknown[])).rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.db.$disconnect(), this.pool.end()]);
  }
}

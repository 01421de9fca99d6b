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

  /** Runs a parameterised Prisma.sql query straight on pg (values are never spliced into the text). */
  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    return (await this.pool.query(query.text, query.values as unknown[])).rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.db.$disconnect(), this.pool.end()]);
  }
}

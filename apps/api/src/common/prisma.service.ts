// The process's database (one pg pool, Prisma on it) as a Nest provider, closed with the application.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Database, type Db } from '@claimdesk/db';
import { AppConfig } from './config';

@Injectable()
export class PrismaService extends Database implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(config.databaseUrl, { max: config.poolSize });
  }

  /** The Prisma client, for command-line code that still reaches for it directly; the API goes through repositories. */
  get db(): Db {
    return this.client;
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

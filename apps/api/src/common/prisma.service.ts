// The Prisma client as a Nest provider, closed with the application.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createPrismaClient, type Db } from '@claimdesk/db';
import { AppConfig } from './config';

@Injectable()
export class PrismaService implements OnModuleDestroy {
  readonly db: Db;

  constructor(config: AppConfig) {
    this.db = createPrismaClient(config.databaseUrl, { max: config.poolSize });
  }

  async onModuleDestroy(): Promise<void> {
    await this.db.$disconnect();
  }
}

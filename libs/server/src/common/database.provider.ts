// The process's database (one pg pool, Prisma on it) as the Nest provider of `Database`, closed with the application.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Database } from '@claimdesk/db';
import { AppConfig } from './config';

@Injectable()
export class AppDatabase extends Database implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(config.databaseUrl, { max: config.poolSize });
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }
}

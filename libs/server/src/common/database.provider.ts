// The process's database (one pg pool, Prisma on it) as the Nest provider of `Database`, closed with the application.
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Database } from '@claimdesk/db';
import { AppConfig } from './config';

@Injectable()
export class AppDatabase extends Database implements OnApplicationShutdown {
  constructor(config: AppConfig) {
    super(config.databaseUrl, { max: config.poolSize });
  }

  // Last of all: the job queue and the live-event listener stop first (in onModuleDestroy) and still need the pool to do so.
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

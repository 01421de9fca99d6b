// Opens the configured database for a command and always closes it, also on Ctrl-C.
import { migrate, openDatabase, type DatabaseHandle } from '@claimdesk/db';
import { AppConfig } from '@claimdesk/api/src/common/config';
import { PrismaService } from '@claimdesk/api/src/common/prisma.service';

export async function withDatabase<T>(work: (db: DatabaseHandle) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const db = await openDatabase(process.env);
  const stop = () => void db.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (options.migrate !== false) await migrate(db.url);
    return await work(db);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await db.stop();
  }
}

/** The API's own database access (Prisma client and pg pool) for commands that reuse its services. */
export function servicePrisma(url: string): PrismaService {
  return new PrismaService(new AppConfig(url, false, null, false, 2, 12, 'cli', null));
}

// Opens the configured database for a command and always closes it, also on Ctrl-C.
import { migrate, openDatabase, type DatabaseHandle } from '@claimdesk/db';

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

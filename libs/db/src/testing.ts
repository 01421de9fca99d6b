// A throwaway embedded PostgreSQL for a test run, under the system temp directory, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

export async function startTestDatabase(label = 'test'): Promise<EmbeddedDatabase & { remove(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-${label}-`));
  const db = await startEmbeddedPostgres({ dataDir: dir });
  return {
    ...db,
    async remove() {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

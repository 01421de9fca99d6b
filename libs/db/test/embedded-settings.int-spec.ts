// The embedded server's memory settings: sized to the machine, overridable, and in effect on the server the tests use
// (which is started by startEmbeddedPostgres, as `claimdesk serve` starts its own).
import { Client } from 'pg';
import { memoryFlags } from '../src/embedded';

const GB = 1024 ** 3;
const setting = (flags: string[], name: string) => flags.find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1);

describe('memoryFlags', () => {
  it('gives PostgreSQL a quarter of the memory as shared buffers, between 128 MB and 8 GB', () => {
    expect(setting(memoryFlags({}, 24 * GB), 'shared_buffers')).toBe('6144MB');
    expect(setting(memoryFlags({}, 0.25 * GB), 'shared_buffers')).toBe('128MB');
    expect(setting(memoryFlags({}, 256 * GB), 'shared_buffers')).toBe('8192MB');
    expect(setting(memoryFlags({}, 24 * GB), 'shared_preload_libraries')).toBe('pg_prewarm');
  });

  it('takes CLAIMDESK_DB_SHARED_BUFFERS in MB or GB, and names the variable when it cannot read it', () => {
    expect(setting(memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '512MB' }, 24 * GB), 'shared_buffers')).toBe('512MB');
    expect(setting(memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '2gb' }, 24 * GB), 'shared_buffers')).toBe('2048MB');
    expect(() => memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: 'lots' }, 24 * GB)).toThrow(/CLAIMDESK_DB_SHARED_BUFFERS must be a size such as 512MB or 2GB, not "lots"/);
    expect(() => memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '8MB' }, 24 * GB)).toThrow(/at least 16MB/);
  });

  it('is what the running embedded server was started with', async () => {
    const client = new Client({ connectionString: process.env.CLAIMDESK_TEST_DATABASE_URL });
    await client.connect();
    try {
      const show = async (name: string) => (await client.query(`SELECT setting, unit FROM pg_settings WHERE name = $1`, [name])).rows[0];
      expect((await show('shared_preload_libraries')).setting).toBe('pg_prewarm');
      expect((await show('effective_cache_size')).setting).toBe(String((256 * 1024) / 8)); // in 8 kB pages
      const buffers = await show('shared_buffers');
      expect(Number(buffers.setting) * 8 * 1024).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    } finally {
      await client.end();
    }
  });
});

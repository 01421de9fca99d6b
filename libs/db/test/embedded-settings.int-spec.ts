// The embedded server's memory settings: PostgreSQL's default buffers, overridable, and in effect on the server the tests use
// (which is started by startEmbeddedPostgres, as `claimdesk serve` starts its own).
import { Client } from 'pg';
import { memoryFlags } from '../src/embedded';

const setting = (flags: string[], name: string) => flags.find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1);

describe('memoryFlags', () => {
  it('keeps PostgreSQL’s default shared buffers, refilled after a restart by pg_prewarm', () => {
    expect(setting(memoryFlags({}), 'shared_buffers')).toBe('128MB');
    expect(setting(memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: ' ' }), 'shared_buffers')).toBe('128MB');
    expect(setting(memoryFlags({}), 'shared_preload_libraries')).toBe('pg_prewarm');
    expect(setting(memoryFlags({}), 'effective_cache_size')).toBe('256MB');
  });

  it('takes CLAIMDESK_DB_SHARED_BUFFERS in MB or GB, and names the variable when it cannot read it', () => {
    expect(setting(memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '512MB' }), 'shared_buffers')).toBe('512MB');
    expect(setting(memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '2gb' }), 'shared_buffers')).toBe('2048MB');
    expect(() => memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: 'lots' })).toThrow(/CLAIMDESK_DB_SHARED_BUFFERS must be a size such as 512MB or 2GB, not "lots"/);
    expect(() => memoryFlags({ CLAIMDESK_DB_SHARED_BUFFERS: '8MB' })).toThrow(/at least 16MB/);
  });

  it('is what the running embedded server was started with', async () => {
    const client = new Client({ connectionString: process.env.CLAIMDESK_TEST_DATABASE_URL });
    await client.connect();
    try {
      const show = async (name: string) => (await client.query(`SELECT setting, unit FROM pg_settings WHERE name = $1`, [name])).rows[0];
      expect((await show('shared_preload_libraries')).setting).toBe('pg_prewarm');
      expect((await show('effective_cache_size')).setting).toBe(String((256 * 1024) / 8)); // in 8 kB pages
      expect((await show('shared_buffers')).setting).toBe(String((128 * 1024) / 8));
    } finally {
      await client.end();
    }
  });
});

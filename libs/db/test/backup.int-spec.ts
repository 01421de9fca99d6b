// Restoring a backup trusts nothing in the file: one workspace, absent from the target, rows of that workspace only,
// users it brings along, and a manifest of row hashes that must match.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BACKUP_TABLES, NOT_BACKED_UP, backupWorkspace, restoreWorkspace } from '../src/backup';
import { createPrismaClient } from '../src/client';
import { MembersRepository } from '../src/repositories/members.repository';
import { createMigratedDatabase } from '../src/testing';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Line = Record<string, unknown>;
const read = (file: string): Line[] =>
  gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
/** Writes an archive from its lines, with a manifest that matches them (as a careful forger would). */
function forge(file: string, header: Line, rows: Line[]): void {
  const body = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.t as string] = (counts[r.t as string] ?? 0) + 1;
  const manifest = { t: '$manifest', rows: counts, sha256: createHash('sha256').update(body).digest('hex') };
  fs.writeFileSync(file, gzipSync(`${JSON.stringify(header)}\n${body}${JSON.stringify(manifest)}\n`));
}

describe('backup restore', () => {
  it('restores its own workspace, and refuses archives that are changed or reach into other workspaces', async () => {
    const [source, target] = await Promise.all([createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!), createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!)]);
    const [src, dst] = [createPrismaClient(source, { max: 2 }), createPrismaClient(target, { max: 2 })];
    try {
      const members = new MembersRepository();
      await src.$transaction((tx) => members.createWorkspaceWithAdmin(tx, { email: 'ed@example.org', name: 'Ed', passwordHash: 'x', workspaceName: 'Planet', slug: 'planet' }));
      const victim = await dst.$transaction((tx) => members.createWorkspaceWithAdmin(tx, { email: 'vic@example.org', name: 'Vic', passwordHash: 'x', workspaceName: 'Other', slug: 'other' }));
      const file = path.join(dir, 'planet.gz');
      await backupWorkspace(source, 'planet', file);
      const [header, ...rest] = read(file);
      const rows = rest.filter((r) => r.t !== '$manifest');
      const memberships = await dst.membership.count();

      // A row changed after the backup was made.
      const changed = path.join(dir, 'changed.gz');
      const lines = read(file).map((l) => (l.t === 'workspaces' ? { ...l, r: { ...(l.r as Line), name: 'Renamed' } } : l));
      fs.writeFileSync(changed, gzipSync(lines.map((l) => `${JSON.stringify(l)}\n`).join('')));
      await expect(restoreWorkspace(target, changed)).rejects.toThrow(/do not match its manifest/);

      // No workspace row: a new user made admin of the target's existing workspace.
      const intruder = randomUUID();
      const noWorkspace = path.join(dir, 'no-workspace.gz');
      forge(noWorkspace, header, [
        { t: 'users', r: { id: intruder, email: 'mallory@example.org', name: 'M', password_hash: 'x', created_at: new Date().toISOString() } },
        { t: 'memberships', r: { id: randomUUID(), workspace_id: victim.workspace.id, user_id: intruder, role: 'ADMIN', created_at: new Date().toISOString() } },
      ]);
      await expect(restoreWorkspace(target, noWorkspace)).rejects.toThrow(/does not start with its workspace/);

      // Its own workspace, plus a token planted for the other workspace's admin.
      const planted = path.join(dir, 'planted.gz');
      const token = {
        id: randomUUID(),
        workspace_id: victim.workspace.id,
        user_id: victim.user.id,
        name: 't',
        token_hash: 'h',
        prefix: 'cdk_',
        scopes: ['write'],
        created_at: new Date().toISOString(),
      };
      forge(planted, header, [...rows, { t: 'api_tokens', r: token }]);
      await expect(restoreWorkspace(target, planted)).rejects.toThrow(/belongs to another workspace/);

      expect(await dst.membership.count()).toBe(memberships);
      expect(await dst.user.count({ where: { email: 'mallory@example.org' } })).toBe(0);
      expect(await dst.apiToken.count()).toBe(0);

      const restored = await restoreWorkspace(target, file);
      expect(restored.workspace).toBe('planet');
      expect(await dst.workspace.count({ where: { slug: 'planet' } })).toBe(1);
    } finally {
      await Promise.all([src.$disconnect(), dst.$disconnect()]);
    }
  });
});

describe('backup coverage', () => {
  it('backs up every table that has a workspace_id, but those it leaves out on purpose', async () => {
    const url = await createMigratedDatabase(process.env.CLAIMDESK_TEST_DATABASE_URL!);
    const prisma = createPrismaClient(url);
    try {
      const rows = await prisma.$queryRawUnsafe<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`,
      );
      const covered = new Set<string>([...BACKUP_TABLES, ...NOT_BACKED_UP]);
      expect(rows.map((r) => r.table_name).filter((t) => !covered.has(t))).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });
});

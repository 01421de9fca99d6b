// One in-memory match index per workspace, built from its library entries and rebuilt when the workspace's library
// version (moved on by a trigger whenever entries change, in any process) differs from the one it was built at.
import { Injectable } from '@nestjs/common';
import { Database, LibraryRepository, type LibraryEntryRow } from '@claimdesk/db';
import { Matcher } from '@claimdesk/matching';

type IndexedEntry = LibraryEntryRow & { title: string | null };

interface BuiltIndex {
  version: number;
  matcher: Matcher<IndexedEntry>;
}

@Injectable()
export class LibraryIndex {
  private readonly built = new Map<string, BuiltIndex>();
  private readonly building = new Map<string, Promise<BuiltIndex>>();

  constructor(
    private readonly db: Database,
    private readonly library: LibraryRepository,
  ) {}

  /** The workspace's matcher, current as of this call: one cheap version read, a rebuild only when entries changed. */
  async matcher(workspaceId: string): Promise<Matcher<IndexedEntry>> {
    const version = await this.library.version(this.db, workspaceId);
    const current = this.built.get(workspaceId);
    if (current && current.version === version) return current.matcher;
    const key = `${workspaceId}:${version}`;
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.build(workspaceId, version).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return (await pending).matcher;
  }

  private async build(workspaceId: string, version: number): Promise<BuiltIndex> {
    const entries = await this.library.allEntries(this.db, workspaceId);
    const matcher = new Matcher<IndexedEntry>(entries);
    const built = { version, matcher };
    const current = this.built.get(workspaceId);
    if (!current || current.version <= version) this.built.set(workspaceId, built);
    return built;
  }
}

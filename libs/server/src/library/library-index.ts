// One in-memory match index per workspace, built from its library entries and brought up to date when the workspace's
// library version (moved on by a trigger whenever entries change, in any process) differs from the one it was built at.
// A request never waits for a build: a small change (an approved verdict entering or leaving, a small import) is
// applied to the index in place; a large one is built in the background while requests are answered from the previous
// index and told so (`stale`): from a few thousand entries on in a document worker thread (its typed arrays transferred
// back), below that on the event loop in slices that give it back between them.
import { Injectable, Logger } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Database, LibraryRepository, type LibraryEntryText } from '@claimdesk/db';
import { Matcher } from '@claimdesk/matching';
import { DocumentParser } from '../articles/document-parser';
import { eachInSlices } from '../common/slices';
import { indexTask } from './index.task';

// Only the entries' words and ids: the rest of a match's entry is read for the few entries a request returns, so a
// library of 100,000 entries keeps a few hundred thousand small objects on the heap instead of over a million.
type IndexedEntry = LibraryEntryText;

interface BuiltIndex {
  version: number;
  matcher: Matcher<IndexedEntry>;
  /** Ids of the entries the matcher returns. */
  ids: Set<string>;
}

/** What a request matches against: the newest index built, and whether the library has moved on since. */
export interface IndexForRequest {
  /** Null only while the workspace's first index is being built. */
  matcher: Matcher<IndexedEntry> | null;
  /** The library version the matcher reflects (0 before the first build). */
  version: number;
  /** True when the library changed and a newer index is being built: the matches may lag by one version for a few seconds. */
  stale: boolean;
}

/** Entries whose vectors are computed per turn once a build's entries are added. */
const PREPARE_SLICE = 2000;
/** A change of at most this many entries (or this share of the index) is applied in place instead of rebuilding. */
const SMALL_CHANGE = 200;
const SMALL_SHARE = 0.01;
/** From this many entries on, a build runs in a worker thread: below, a thread's round trip costs more than the slices. */
const WORKER_BUILD_ENTRIES = 2000;

@Injectable()
export class LibraryIndex {
  private readonly log = new Logger(LibraryIndex.name);
  private readonly built = new Map<string, BuiltIndex>();
  private readonly building = new Map<string, Promise<BuiltIndex>>();

  constructor(
    private readonly db: Database,
    private readonly library: LibraryRepository,
    private readonly parser: DocumentParser,
  ) {}

  /**
   * The index for a request: one cheap version read; a small change applied in place; otherwise the previous index
   * (stale) while the new one builds in the background. Never a full build in the request.
   */
  async forRequest(workspaceId: string): Promise<IndexForRequest> {
    const version = await this.library.version(this.db, workspaceId);
    const current = this.built.get(workspaceId);
    if (current && current.version === version) return { matcher: current.matcher, version, stale: false };
    if (current && !this.building.has(workspaceId) && (await this.applySmallChange(workspaceId, current, version)))
      return { matcher: current.matcher, version: current.version, stale: current.version !== version };
    this.refresh(workspaceId, version).catch((error: Error) => this.log.warn(`building the match index of workspace ${workspaceId} failed: ${error.message}`));
    return { matcher: current?.matcher ?? null, version: current?.version ?? 0, stale: true };
  }

  /** The index at the library's current version, waiting for a build if needed (background jobs and batch matching). */
  async current(workspaceId: string): Promise<Matcher<IndexedEntry>> {
    const version = await this.library.version(this.db, workspaceId);
    const current = this.built.get(workspaceId);
    if (current && current.version === version) return current.matcher;
    if (current && !this.building.has(workspaceId) && (await this.applySmallChange(workspaceId, current, version)) && current.version === version) return current.matcher;
    return (await this.refresh(workspaceId, version)).matcher;
  }

  /** One build per workspace at a time; a build for an older version is followed by one for the newer. */
  private refresh(workspaceId: string, version: number): Promise<BuiltIndex> {
    const pending = this.building.get(workspaceId);
    if (pending) return pending.then((done) => (done.version >= version ? done : this.refresh(workspaceId, version)));
    const started = this.build(workspaceId, version).finally(() => this.building.delete(workspaceId));
    this.building.set(workspaceId, started);
    return started;
  }

  /** Compares the entry ids with the index's; a small difference is applied in place (true), a large one is not (false). */
  private async applySmallChange(workspaceId: string, current: BuiltIndex, version: number): Promise<boolean> {
    const ids = await this.library.entryIds(this.db, workspaceId);
    const now = new Set(ids);
    const added = ids.filter((id) => !current.ids.has(id));
    const removed = [...current.ids].filter((id) => !now.has(id));
    const limit = Math.max(SMALL_CHANGE, Math.floor(current.ids.size * SMALL_SHARE));
    if (added.length + removed.length > limit || current.matcher.removedCount + removed.length > limit) return false;
    const rows = await this.library.entryTextsByIds(this.db, workspaceId, added);
    if (this.built.get(workspaceId) !== current || current.version > version) return true;
    for (const row of rows) {
      if (current.ids.has(row.id)) continue;
      current.matcher.add(row);
      current.ids.add(row.id);
    }
    for (const id of removed) {
      current.matcher.remove(id);
      current.ids.delete(id);
    }
    current.matcher.prepare(Number.MAX_SAFE_INTEGER);
    current.version = version;
    return true;
  }

  private async build(workspaceId: string, version: number): Promise<BuiltIndex> {
    const entries = await this.library.allEntryTexts(this.db, workspaceId);
    const matcher = entries.length >= WORKER_BUILD_ENTRIES ? await this.buildInWorker(workspaceId, entries) : await buildInSlices(entries);
    const built = { version, matcher, ids: new Set(entries.map((e) => e.id)) };
    const current = this.built.get(workspaceId);
    if (!current || current.version <= version) this.built.set(workspaceId, built);
    return built;
  }

  /** The index built in a worker thread; should the thread fail (it ran out of memory, the pool is closing), in slices here. */
  private async buildInWorker(workspaceId: string, entries: IndexedEntry[]): Promise<Matcher<IndexedEntry>> {
    try {
      return new Matcher(entries, { snapshot: await this.parser.buildIndex(indexTask(entries)) });
    } catch (error) {
      this.log.warn(`building the match index of workspace ${workspaceId} in a worker thread failed (${(error as Error).message}): building it here`);
      return buildInSlices(entries);
    }
  }
}

/** The index built on the event loop, in slices (common/slices.ts). */
async function buildInSlices(entries: IndexedEntry[]): Promise<Matcher<IndexedEntry>> {
  const matcher = new Matcher<IndexedEntry>([]);
  await eachInSlices(entries, (entry) => matcher.add(entry));
  while (!matcher.prepare(PREPARE_SLICE)) await nextTurn();
  return matcher;
}

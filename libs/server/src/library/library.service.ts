// The workspace's fact-check library: importing library files as background jobs, approved verdicts entering (and
// leaving) it, ranking its entries for a claim with @claimdesk/matching, and marking claims "checked before".
import { Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_RATING_SCALE,
  DomainError,
  ratingScaleSchema,
  type LibraryEntryPageDto,
  type LibraryImportAcceptedDto,
  type LibraryImportDetailDto,
  type LibraryImportDto,
  type LibraryImportLineDto,
  type Rating,
} from '@claimdesk/domain';
import { Database, JobsRepository, LibraryRepository, MembersRepository, type DbExecutor, type NewLibraryEntry, type Tx } from '@claimdesk/db';
import { Deduplicator, entryKeys, LibraryFileError, parseLibrary, type LibraryEntry } from '@claimdesk/matching';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Actor } from '../common/actor';
import { audit } from '../common/audit';
import { eachInSlices } from '../common/slices';
import { notFound } from '../common/version';
import { JobError, JobQueue, type JobContext } from '../jobs/job-queue.service';
import { EventsService } from '../events/events.service';
import { LibraryIndex } from './library-index';
import { checkedBefore, rankMatches, toEntryDto } from './library.mapper';

/** Library files are refused above this size. */
export const MAX_LIBRARY_BYTES = 100 * 1024 * 1024;
/** Entries written per statement inside the import's one transaction. */
const BATCH = 1000;
/** Strong matches kept per claim (the panel ranks live; the stored ones mark "checked before" and say which claims an entry matched). */
const STORED_MATCHES = 3;
/** Claims read, matched and committed together by matchClaims. */
const MATCH_PAGE = 500;
const LIBRARY_EXTENSIONS = /\.(json|jsonld|csv|tsv)$/i;

type ImportJobResult = { importId: string; imported: number; skipped: number };
type ReportLine = LibraryImportLineDto;

@Injectable()
export class LibraryService {
  private readonly log = new Logger('LibraryService');

  constructor(
    private readonly db: Database,
    private readonly library: LibraryRepository,
    private readonly members: MembersRepository,
    private readonly jobs: JobsRepository,
    private readonly queue: JobQueue,
    private readonly index: LibraryIndex,
    private readonly events: EventsService,
  ) {
    this.queue.work('library-import', (job) => this.runImportJob(job));
    this.queue.work('library-rematch', (job) => this.runRematchJob(job));
  }

  /** Accepts a library file: an import row now, the import itself as a background job. */
  async startImport(actor: Actor, fileName: string, content: Buffer): Promise<LibraryImportAcceptedDto> {
    const format = checkFile(fileName, content);
    const row = await this.library.createImport(this.db, { workspaceId: actor.workspaceId, fileName, format, createdById: actor.userId, jobId: null });
    const jobId = await this.queue.send('library-import', {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      role: actor.role,
      importId: row.id,
      fileName,
      gzipBase64: gzipSync(content).toString('base64'),
    });
    await this.library.setImportJob(this.db, actor.workspaceId, row.id, jobId);
    return { jobId, importId: row.id };
  }

  /** Imports a file now, in the caller's process (the command line): the same code path as the job. */
  async importNow(actor: Actor, fileName: string, content: Buffer): Promise<LibraryImportDetailDto> {
    const format = checkFile(fileName, content);
    const row = await this.library.createImport(this.db, { workspaceId: actor.workspaceId, fileName, format, createdById: actor.userId, jobId: null });
    try {
      await this.importFile(actor, row.id, fileName, content, null, async () => undefined);
    } catch (error) {
      if (!(error instanceof LibraryFileError)) throw error;
    }
    return this.getImport(actor, row.id);
  }

  private async runImportJob(job: JobContext<'library-import'>): Promise<ImportJobResult> {
    const { workspaceId, userId, role, importId, fileName } = job.data;
    const actor: Actor = { workspaceId, userId, role, via: 'session' };
    const content = gunzipSync(Buffer.from(job.data.gzipBase64, 'base64'));
    await job.progress(1, `reading ${fileName}`);
    try {
      return await this.importFile(actor, importId, fileName, content, job.id, (percent, message) => job.progress(percent, message));
    } catch (error) {
      // A file that cannot be read stays unreadable on a retry: the job ends at once with the reason.
      if (error instanceof LibraryFileError) throw new JobError(error.message, `LIBRARY_${error.code.toUpperCase()}`, false);
      throw error;
    }
  }

  /**
   * Streams the file through the library parsers and writes its entries in batches inside one transaction, with the
   * job's result: a failure leaves nothing half-imported, a retried job that did commit returns what it wrote.
   */
  private async importFile(
    actor: Actor,
    importId: string,
    fileName: string,
    content: Buffer,
    jobId: string | null,
    progress: (percent: number, message: string) => Promise<void>,
  ): Promise<ImportJobResult> {
    const scale = await this.scale(actor.workspaceId);
    let result: ImportJobResult & { repeated: boolean };
    try {
      result = await this.db.transaction(
        async (tx) => {
          if (jobId) {
            await this.jobs.lockJob(tx, jobId);
            const done = await this.jobs.findResult(tx, actor.workspaceId, jobId);
            if (done) return { ...(done.result as unknown as ImportJobResult), repeated: true };
          }
          if (!(await this.library.findImport(tx, actor.workspaceId, importId))) throw new JobError('the import was removed', 'NOT_FOUND', false);
          const report: ReportLine[] = [];
          const dedup = new Deduplicator();
          let imported = 0;
          let batch: Array<{ line: number; entry: NewLibraryEntry }> = [];
          const flush = async () => {
            const inserted = await this.library.insertEntries(
              tx,
              actor.workspaceId,
              batch.map((b) => b.entry),
            );
            batch.forEach((b, i) => {
              if (inserted.has(i)) imported++;
              else report.push({ line: b.line, reason: 'already in the library (same URL and claim)', skipped: true });
            });
            batch = [];
          };
          let read = 0;
          let lastPercent = 0;
          for await (const event of parseLibrary(
            chunks(content, (n) => (read = n)),
            { filename: fileName, maxBytes: MAX_LIBRARY_BYTES },
          )) {
            if (event.kind === 'skipped') {
              report.push({ line: event.line, reason: event.reason, skipped: true });
              continue;
            }
            const earlier = dedup.check(event.entry, event.line);
            if (earlier) {
              report.push({ line: event.line, reason: `duplicate of line ${earlier.line} (same ${earlier.by})`, skipped: true });
              continue;
            }
            const ratingKey = mapRating(scale, event.entry.rating);
            if (event.entry.rating && !ratingKey)
              report.push({ line: event.line, reason: `rating "${event.entry.rating}" is not on the workspace's scale: kept as published, with no value`, skipped: false });
            batch.push({ line: event.line, entry: toNewEntry(event.entry, importId, ratingKey) });
            if (batch.length >= BATCH) {
              await flush();
              const percent = Math.min(90, Math.round((read / content.length) * 90));
              if (percent > lastPercent) {
                lastPercent = percent;
                await progress(percent, `${imported} entries imported`);
              }
            }
          }
          await flush();
          report.sort((a, b) => a.line - b.line);
          const skipped = report.filter((r) => r.skipped).length;
          await this.library.finishImport(tx, actor.workspaceId, importId, { status: 'COMPLETED', imported, skipped, report, error: null });
          await audit(tx, actor, 'libraryImport', importId, 'import', null, { fileName, imported, skipped });
          const done = { importId, imported, skipped };
          if (jobId) await this.jobs.recordResult(tx, actor.workspaceId, jobId, 'library-import', done);
          return { ...done, repeated: false };
        },
        { timeout: 30 * 60_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (error instanceof LibraryFileError) {
        await this.library.finishImport(this.db, actor.workspaceId, importId, { status: 'FAILED', imported: 0, skipped: 0, report: [], error: error.message });
      }
      throw error;
    }
    if (!result.repeated) {
      await progress(92, 'matching the workspace’s claims');
      await this.matchClaims(actor.workspaceId);
    }
    if (!result.repeated) this.events.publish(actor.workspaceId, { type: 'library', id: importId, action: 'imported', actorId: actor.userId });
    await progress(100, `${result.imported} entries imported, ${result.skipped} skipped`);
    const { repeated: _repeated, ...stored } = result;
    return stored;
  }

  async listImports(actor: Actor): Promise<LibraryImportDto[]> {
    const rows = await this.library.listImports(this.db, actor.workspaceId);
    return rows.map((r) => toImportDto(r));
  }

  async getImport(actor: Actor, id: string): Promise<LibraryImportDetailDto> {
    const row = await this.library.findImport(this.db, actor.workspaceId, id);
    if (!row) throw notFound('library import');
    return { ...toImportDto(row), report: (row.report as unknown as ReportLine[]) ?? [] };
  }

  /**
   * Removes an import and every entry it brought in, in one transaction. Their stored matches go with them, so a claim
   * that was "checked before" only because of these entries is no longer marked at once; the claims that had such a
   * match are then matched again against what is left, in a `library-rematch` job (which may mark some again). The job is
   * queued in the same transaction: a process that dies right after the removal still leaves the rematch to be done.
   */
  async deleteImport(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.library.findImport(tx, actor.workspaceId, id);
      if (!row) throw notFound('library import');
      const claimIds = await this.library.claimsMatchedByImport(tx, actor.workspaceId, id);
      const entries = await this.library.deleteImport(tx, actor.workspaceId, id);
      await audit(tx, actor, 'libraryImport', id, 'delete', { fileName: row.fileName, imported: row.imported }, { entries });
      if (claimIds.length) {
        await this.queue.send('library-rematch', { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role, importId: id, claimIds }, { tx });
      }
    });
    this.events.publish(actor.workspaceId, { type: 'library', id, action: 'import-removed', actorId: actor.userId });
  }

  /** Matches the claims a removed import had matched against the library as it now is, then tells the workspace. */
  private async runRematchJob(job: JobContext<'library-rematch'>): Promise<{ claims: number; strong: number }> {
    const { workspaceId, userId, importId, claimIds } = job.data;
    await job.progress(1, `matching ${claimIds.length} claims again`);
    const result = await this.matchClaims(workspaceId, { claimIds });
    this.events.publish(workspaceId, { type: 'library', id: importId, action: 'rematched', actorId: userId });
    await job.progress(100, `${result.claims} claims matched again, ${result.strong} checked before`);
    return result;
  }

  async listEntries(actor: Actor, query: { q?: string; offset: number; limit: number }): Promise<LibraryEntryPageDto> {
    const [rows, total] = await Promise.all([
      this.library.listEntries(this.db, actor.workspaceId, { q: query.q, offset: query.offset, take: query.limit }),
      this.library.countEntries(this.db, actor.workspaceId, query.q),
    ]);
    const matched = await this.library.matchedClaims(
      this.db,
      actor.workspaceId,
      rows.filter((r) => r.matchedClaims > 0).map((r) => r.id),
    );
    return {
      items: rows.map((r) => ({
        entry: toEntryDto(r),
        matchedClaims: matched.filter((m) => m.entryId === r.id).map(({ entryId: _e, ...m }) => m),
      })),
      total,
      offset: query.offset,
    };
  }

  /** An approved verdict enters the library, in the approval's transaction. */
  async addVerdict(tx: Tx, workspaceId: string, verdictId: string): Promise<void> {
    const verdict = await this.library.verdictForEntry(tx, workspaceId, verdictId);
    if (!verdict) return;
    const scale = await this.scale(workspaceId, tx);
    const rating = scale.find((r) => r.key === verdict.ratingKey);
    await this.library.removeVerdictEntry(tx, workspaceId, verdictId);
    await this.library.insertEntries(tx, workspaceId, [
      {
        origin: 'verdict',
        verdictId,
        claimId: verdict.claimId,
        claim: verdict.claim,
        title: null,
        rating: rating?.label ?? verdict.ratingKey,
        ratingKey: verdict.ratingKey,
        publisher: verdict.publisher,
        url: null,
        date: (verdict.decidedAt ?? new Date()).toISOString().slice(0, 10),
        language: null,
        claimant: verdict.claimant,
        urlKey: `verdict:${verdictId}`,
        claimKey: entryKeys({ claim: verdict.claim, title: null, url: null }).text,
      },
    ]);
  }

  /** A verdict that is no longer approved leaves the library, in the same transaction. */
  async removeVerdict(tx: Tx, workspaceId: string, verdictId: string): Promise<void> {
    await this.library.removeVerdictEntry(tx, workspaceId, verdictId);
  }

  /**
   * Matches check-worthy claims (one article's, the ones named, or the whole workspace's) against the library and
   * stores their best matches: a strong one marks the claim "checked before". Claims are read and their matches
   * committed MATCH_PAGE at a time, and the ranking gives the event loop a turn every few milliseconds (a claim against
   * 100,000 entries takes about 5 ms), so a workspace of many claims never holds the API up.
   */
  async matchClaims(workspaceId: string, scope: { articleId?: string; claimIds?: string[] } = {}): Promise<{ claims: number; strong: number }> {
    let matcher: Awaited<ReturnType<LibraryIndex['current']>> | undefined;
    let claims = 0;
    let strong = 0;
    for (let after: string | undefined; ;) {
      const page = await this.library.claimsToMatch(this.db, workspaceId, scope, { after, limit: MATCH_PAGE });
      if (!page.length) break;
      matcher ??= await this.index.current(workspaceId);
      const found = matcher;
      const rows: Array<{ claimId: string; entryId: string; score: number; strong: boolean }> = [];
      if (found.size) {
        await eachInSlices(page, (c) => {
          for (const m of rankMatches(found, c.id, c.text, STORED_MATCHES)) if (checkedBefore(m)) rows.push({ claimId: c.id, entryId: m.entry.id, score: m.score, strong: true });
        });
      }
      strong += new Set(rows.filter((r) => r.strong).map((r) => r.claimId)).size;
      await this.db.transaction((tx) =>
        this.library.replaceMatches(
          tx,
          workspaceId,
          page.map((c) => c.id),
          rows,
        ),
      );
      claims += page.length;
      if (page.length < MATCH_PAGE) break;
      after = page[page.length - 1].id;
    }
    return { claims, strong };
  }

  /**
   * Matches every check-worthy claim of the workspace against its library again and replaces the stored matches, then
   * tells the workspace: after an upgrade whose matching model ranks differently (`claimdesk library rematch`).
   */
  async rematchWorkspace(actor: Actor): Promise<{ claims: number; strong: number }> {
    const result = await this.matchClaims(actor.workspaceId);
    this.events.publish(actor.workspaceId, { type: 'library', id: actor.workspaceId, action: 'rematched', actorId: actor.userId });
    return result;
  }

  /** Which of these claims have been checked before (a stored strong match): for lists built from other rows than the claims list's. */
  checkedBefore(workspaceId: string, claimIds: string[]): Promise<Set<string>> {
    return this.library.checkedBeforeOf(this.db, workspaceId, claimIds);
  }

  /** After an article import: its claims are matched; a failure here never fails the import. */
  async matchArticle(workspaceId: string, articleId: string): Promise<void> {
    try {
      await this.matchClaims(workspaceId, { articleId });
    } catch (error) {
      this.log.warn(`matching the claims of article ${articleId} failed: ${(error as Error).message}`);
    }
  }

  private async scale(workspaceId: string, db: DbExecutor = this.db): Promise<Rating[]> {
    const row = await this.members.findRatingScale(db, workspaceId);
    return row ? ratingScaleSchema.parse(row.ratings) : DEFAULT_RATING_SCALE;
  }
}

/** The format a file's extension names; a wrong or missing one is a 400 naming the field. */
function checkFile(fileName: string, content: Buffer): string {
  if (!LIBRARY_EXTENSIONS.test(fileName)) {
    throw new DomainError('VALIDATION_FAILED', `cannot read "${fileName}": use a ClaimReview .json (or .jsonld), .csv or .tsv file`, [{ path: 'file', message: 'unsupported file type' }]);
  }
  if (!content.length) throw new DomainError('VALIDATION_FAILED', `"${fileName}" is empty`, [{ path: 'file', message: 'is empty' }]);
  if (content.length > MAX_LIBRARY_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `"${fileName}" is larger than ${MAX_LIBRARY_BYTES} bytes`, [{ path: 'file', message: 'too large' }]);
  const ext = fileName.toLowerCase().replace(/^.*\./, '');
  return ext === 'csv' || ext === 'tsv' ? ext : 'claimreview';
}

/** The file in 1 MB chunks, telling how far it has been read. */
async function* chunks(content: Buffer, read: (n: number) => void): AsyncGenerator<Buffer> {
  for (let at = 0; at < content.length; at += 1 << 20) {
    const chunk = content.subarray(at, Math.min(content.length, at + (1 << 20)));
    read(at + chunk.length);
    yield chunk;
  }
}

/** The key of the workspace's rating whose key or label is the published rating, ignoring case and punctuation. */
function mapRating(scale: Rating[], published: string | null): string | null {
  if (!published) return null;
  const simple = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const wanted = simple(published);
  return scale.find((r) => simple(r.key) === wanted || simple(r.label) === wanted)?.key ?? null;
}

function toNewEntry(entry: LibraryEntry, importId: string, ratingKey: string | null): NewLibraryEntry {
  const keys = entryKeys(entry);
  return {
    origin: 'import',
    importId,
    externalId: entry.id,
    claim: entry.claim,
    title: entry.title,
    rating: entry.rating,
    ratingKey,
    publisher: entry.publisher,
    url: entry.url,
    date: entry.date,
    language: entry.language,
    claimant: entry.claimant,
    urlKey: keys.url,
    claimKey: keys.text,
  };
}

function toImportDto(row: {
  id: string;
  fileName: string;
  format: string;
  status: LibraryImportDto['status'];
  imported: number;
  skipped: number;
  error: string | null;
  jobId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}): LibraryImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    imported: row.imported,
    skipped: row.skipped,
    error: row.error,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

// Captures what a source's page says: the bytes (gzipped), their SHA-256, and the readable text excerpts quote into.
// A plain service method, so a request, a job handler or the command line can call it alike.
import { Injectable } from '@nestjs/common';
import { DomainError, type SnapshotDetailDto } from '@claimdesk/domain';
import { Database, JobsRepository, SnapshotsRepository, SourcesRepository } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { audit } from '../common/audit';
import { notFound } from '../common/version';
import { JobError, JobQueue } from '../jobs/job-queue.service';
import { toSnapshotDetailDto } from './evidence.mapper';
import { WebFetcher } from './web-fetcher';
import type { Actor } from '../common/actor';

/** Who asked for a capture: a member, or nobody (a scheduled job). */
export interface CaptureActor {
  workspaceId: string;
  userId: string | null;
}

@Injectable()
export class CaptureService {
  constructor(
    private readonly db: Database,
    private readonly sources: SourcesRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly web: WebFetcher,
    private readonly jobs: JobsRepository,
    private readonly queue: JobQueue,
  ) {
    this.queue.work('source-capture', async (job) => {
      const { workspaceId, userId, sourceId } = job.data;
      await job.progress(10, 'fetching the page');
      try {
        const snapshot = await this.capture({ workspaceId, userId }, sourceId, job.id);
        return { snapshotId: snapshot.id, sha256: snapshot.sha256 };
      } catch (error) {
        // A page that cannot be read says why, once; it is recorded on the source's history too.
        if (!(error instanceof DomainError)) throw error;
        await audit(this.db, { workspaceId, userId }, 'source', sourceId, 'capture-failed', null, { reason: error.message });
        throw new JobError(error.message, error.code, false);
      }
    });
  }

  /** Queues a capture of the source's page; answers with the job's id (the capture runs in the background). */
  async queueCapture(actor: CaptureActor & { userId: string; role: Actor['role'] }, sourceId: string): Promise<string> {
    const source = await this.sources.find(this.db, actor.workspaceId, sourceId);
    if (!source) throw notFound('source');
    if (!source.url) throw new DomainError('RULE_VIOLATION', 'this source has no web address to capture', [{ path: 'url', message: 'no URL' }]);
    return this.queue.send('source-capture', { workspaceId: actor.workspaceId, userId: actor.userId, role: actor.role, sourceId });
  }

  /** Fetches the source's URL now and stores a new snapshot (earlier ones are kept). A page that cannot be read is a 422 with the reason. */
  async capture(actor: CaptureActor, sourceId: string, jobId: string | null = null): Promise<SnapshotDetailDto> {
    const source = await this.sources.find(this.db, actor.workspaceId, sourceId);
    if (!source) throw notFound('source');
    if (!source.url) throw new DomainError('RULE_VIOLATION', 'this source has no web address to capture', [{ path: 'url', message: 'no URL' }]);
    const { page, document } = await this.web.read(source.url, 'url');
    const sha256 = createHash('sha256').update(page.bytes).digest('hex');
    const row = await this.db.transaction(async (tx) => {
      if (jobId) {
        // A retried job that already committed its snapshot returns it instead of capturing twice.
        await this.jobs.lockJob(tx, jobId);
        const done = await this.jobs.findResult(tx, actor.workspaceId, jobId);
        const earlier = done && (await this.snapshots.findWithText(tx, actor.workspaceId, sourceId, (done.result as { snapshotId: string }).snapshotId));
        if (earlier) return earlier;
      }
      const created = await this.snapshots.create(tx, {
        workspaceId: actor.workspaceId,
        sourceId,
        requestedUrl: source.url!,
        finalUrl: page.finalUrl,
        httpStatus: page.status,
        contentType: page.contentType,
        sha256,
        byteSize: page.bytes.length,
        content: gzipSync(page.bytes),
        text: document.text,
        textSha256: createHash('sha256').update(document.text).digest('hex'),
        title: document.title,
        byline: document.byline,
        publishedAt: document.publishedAt,
        capturedById: actor.userId,
        capturedAt: page.fetchedAt,
      });
      await audit(tx, actor, 'source', sourceId, 'capture', null, { snapshotId: created.id, sha256, finalUrl: page.finalUrl, capturedAt: page.fetchedAt.toISOString() });
      if (jobId) await this.jobs.recordResult(tx, actor.workspaceId, jobId, 'source-capture', { snapshotId: created.id, sha256 });
      return { ...created, text: document.text };
    });
    return toSnapshotDetailDto(row);
  }
}

// Captures what a source's page says: the bytes (gzipped), their SHA-256, and the readable text excerpts quote into.
// A plain service method, so a request, a job handler or the command line can call it alike.
import { Injectable } from '@nestjs/common';
import { DomainError, type SnapshotDetailDto } from '@claimdesk/domain';
import { Database, SnapshotsRepository, SourcesRepository } from '@claimdesk/db';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { audit } from '../common/audit';
import { notFound } from '../common/version';
import { toSnapshotDetailDto } from './evidence.mapper';
import { WebFetcher } from './web-fetcher';

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
  ) {}

  /** Fetches the source's URL now and stores a new snapshot (earlier ones are kept). A page that cannot be read is a 422 with the reason. */
  async capture(actor: CaptureActor, sourceId: string): Promise<SnapshotDetailDto> {
    const source = await this.sources.find(this.db, actor.workspaceId, sourceId);
    if (!source) throw notFound('source');
    if (!source.url) throw new DomainError('RULE_VIOLATION', 'this source has no web address to capture', [{ path: 'url', message: 'no URL' }]);
    const { page, document } = await this.web.read(source.url, 'url');
    const sha256 = createHash('sha256').update(page.bytes).digest('hex');
    const row = await this.db.transaction(async (tx) => {
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
      return created;
    });
    return toSnapshotDetailDto({ ...row, text: document.text });
  }
}

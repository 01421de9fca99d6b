// Parses untrusted documents (HTML, DOCX, Markdown, text) and extracts their claims in worker threads, with bounds, so
// a hostile upload never holds the event loop: other requests, /api/health included, keep answering meanwhile.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError, MAX_CLAIMS_PER_ARTICLE } from '@claimdesk/domain';
import type { DocumentFormat, ExtractedClaim } from '@claimdesk/extraction';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ParseOutcome, ParseTask } from './parse.task';

/** A document still being parsed after this long is refused (and its worker ended, so its memory returns). */
const PARSE_TIMEOUT_MS = 30_000;
/** Heap of one worker; a document needing more is refused rather than growing the server. */
const WORKER_HEAP_MB = 768;

export interface ParsedDocument {
  text: string;
  title: string | null;
  claims: ExtractedClaim[];
}

@Injectable()
export class DocumentParser implements OnModuleDestroy {
  private pool: Piscina<ParseTask, ParseOutcome> | null = null;

  async parse(content: string | Buffer, format: DocumentFormat): Promise<ParsedDocument> {
    this.pool ??= new Piscina<ParseTask, ParseOutcome>({
      filename: path.join(__dirname, 'parse.worker.js'),
      minThreads: 0,
      maxThreads: 2,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let outcome: ParseOutcome;
    try {
      outcome = await this.pool.run({ content, format }, { signal: AbortSignal.timeout(PARSE_TIMEOUT_MS) });
    } catch (error) {
      throw workerFailure(error);
    }
    if (!outcome.ok) {
      const status = outcome.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : outcome.code === 'TOO_COMPLEX' ? 'RULE_VIOLATION' : 'VALIDATION_FAILED';
      throw new DomainError(status, outcome.message, [{ path: 'content', message: outcome.message }]);
    }
    if (outcome.claims.length > MAX_CLAIMS_PER_ARTICLE) {
      const message = `the article has ${outcome.claims.length} claims; the limit is ${MAX_CLAIMS_PER_ARTICLE} per article (split it)`;
      throw new DomainError('PAYLOAD_TOO_LARGE', message, [{ path: 'content', message: 'too many claims' }]);
    }
    return outcome;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}

/** A worker that timed out or ran out of memory refuses the document; other failures stay server errors. */
function workerFailure(error: unknown): unknown {
  const e = error as { name?: string; code?: string; cause?: { name?: string } };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError') {
    return new DomainError('RULE_VIOLATION', `the document took longer than ${PARSE_TIMEOUT_MS / 1000} seconds to read; it is too complex to import`, [{ path: 'content', message: 'too complex' }]);
  }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new DomainError('PAYLOAD_TOO_LARGE', 'the document needs too much memory to read; it is too large to import', [{ path: 'content', message: 'too large' }]);
  }
  return error;
}

// Parses untrusted documents (HTML, DOCX, Markdown, text) and extracts their claims, and reads fetched web pages (Readability
// over a DOM, a PDF's text layer), in one bounded pool of worker threads, so a hostile upload or page never holds the event
// loop: other requests, /api/health included, keep answering meanwhile. The same threads build large library match
// indexes (`buildIndex`) and lay out PDF reports (`renderPdf`), CPU work of up to seconds that would otherwise run on the
// event loop.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DomainError, MAX_CLAIMS_PER_ARTICLE } from '@claimdesk/domain';
import { ExtractionInputError, mergeChunks, type ChunkResult, type DocumentFormat, type ExtractedClaim } from '@claimdesk/extraction';
import { FetchError, type FetchedPage, type ReadableDocument } from '@claimdesk/fetcher';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { IndexSnapshot } from '@claimdesk/matching';
import type { ReportModel } from '@claimdesk/reports';
import type { IndexTask } from '../library/index.task';
import type { RenderTask } from '../reports/render.task';
import type { ExtractTask } from './extract.task';
import type { ParseOutcome, ParseTask } from './parse.task';
import type { ReadOutcome, ReadTask } from './read.task';

/** A task still running after this long is refused (and its worker ended, so its memory returns). Counted from the task's start, not its wait. */
const TASK_TIMEOUT_MS = 30_000;
/** A library index build is trusted input but large: 100,000 entries take seconds of CPU, much longer on a busy machine. */
const INDEX_TIMEOUT_MS = 10 * 60_000;
/** Heap of one worker; a document needing more is refused rather than growing the server. */
const WORKER_HEAP_MB = 768;
/**
 * Worker threads, hence tasks running at once; more wait their turn in this process. They start with the first task and then
 * stay: a cold thread spends seconds of CPU compiling the code and loading the language model, which, paid when a burst
 * of feed polls begins, took the CPU from the requests the API was answering.
 */
const THREADS = 2;
/**
 * A text longer than this (characters, after normalising) is extracted in chunks on all threads at once, when the caller
 * asks (the article-import job). Below it one thread needs a fraction of a second of CPU (a megabyte takes 0.65–1.2 s),
 * so splitting saves little against each chunk's hand-over (a copy of the whole text to the thread; docs/extraction.md).
 */
const CHUNKED_ABOVE_CHARS = 150_000;
/** Chunks per thread: several, so a thread slowed by other work does not leave the other idle at the end. */
const CHUNKS_PER_THREAD = 4;

export interface ParsedDocument {
  text: string;
  title: string | null;
  claims: ExtractedClaim[];
}

type Task = { name: 'parse'; task: ParseTask } | { name: 'extract'; task: ExtractTask } | { name: 'read'; task: ReadTask } | { name: 'index'; task: IndexTask } | { name: 'render'; task: RenderTask };
type TaskInput = ParseTask | ExtractTask | ReadTask | IndexTask | RenderTask | null;
type TaskOutput = ParseOutcome | ChunkResult | ReadOutcome | IndexSnapshot | Uint8Array | boolean;

@Injectable()
export class DocumentParser implements OnModuleDestroy {
  private pool: Piscina<TaskInput, TaskOutput> | null = null;
  private started: Promise<unknown> | null = null;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Tasks the worker threads have answered, by name (for tests and diagnostics: proof that work ran off the event loop). */
  readonly answered = { parse: 0, extract: 0, read: 0, index: 0, render: 0 };

  /**
   * An imported document's text, title and claims. Bad input is a 4xx naming `content`. With `chunked` (the import job), a
   * long text is extracted in paragraph-aligned chunks on every thread at once and merged in order: the same claims as one pass.
   */
  async parse(content: string | Buffer, format: DocumentFormat, { chunked = false }: { chunked?: boolean } = {}): Promise<ParsedDocument> {
    let parsed: ParsedDocument;
    try {
      const task: ParseTask = { content, format, ...(chunked ? { chunked: { above: CHUNKED_ABOVE_CHARS, chunks: THREADS * CHUNKS_PER_THREAD } } : {}) };
      const outcome = (await this.run({ name: 'parse', task })) as ParseOutcome;
      if (!outcome.ok) {
        const status = outcome.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : outcome.code === 'TOO_COMPLEX' ? 'RULE_VIOLATION' : 'VALIDATION_FAILED';
        throw new DomainError(status, outcome.message, [{ path: 'content', message: outcome.message }]);
      }
      if ('plan' in outcome) {
        const { plan } = outcome;
        const results = await Promise.all(plan.chunks.map((chunk) => this.run({ name: 'extract', task: { text: plan.text, chunk } }) as Promise<ChunkResult>));
        parsed = { text: plan.text, title: outcome.title, claims: mergeChunks(plan, results).claims };
      } else parsed = outcome;
    } catch (error) {
      throw workerFailure(error);
    }
    if (parsed.claims.length > MAX_CLAIMS_PER_ARTICLE) {
      const message = `the article has ${parsed.claims.length} claims; the limit is ${MAX_CLAIMS_PER_ARTICLE} per article (split it)`;
      throw new DomainError('PAYLOAD_TOO_LARGE', message, [{ path: 'content', message: 'too many claims' }]);
    }
    return parsed;
  }

  /**
   * `readDocument` of @claimdesk/fetcher, run in a worker thread: the same answer, and the same errors (FetchError,
   * ExtractionInputError). A page that takes too long or too much memory to read is a FetchError UNREADABLE.
   */
  async read(page: Pick<FetchedPage, 'bytes' | 'charset' | 'kind'>): Promise<ReadableDocument> {
    let outcome: ReadOutcome;
    try {
      outcome = (await this.run({ name: 'read', task: { bytes: page.bytes, charset: page.charset, kind: page.kind } })) as ReadOutcome;
    } catch (error) {
      throw readFailure(error);
    }
    if (outcome.ok) return outcome.document;
    if (outcome.error === 'fetch') throw new FetchError(outcome.code, outcome.message, outcome.status);
    throw new ExtractionInputError(outcome.code, outcome.message);
  }

  /**
   * A library's match index, built in a worker thread from its entries' texts (see index.task.ts) and handed back with its
   * typed arrays transferred: `new Matcher(entries, { snapshot })` in this thread ranks as a Matcher built here would.
   */
  async buildIndex(task: IndexTask): Promise<IndexSnapshot> {
    return (await this.run({ name: 'index', task })) as IndexSnapshot;
  }

  /** A report as PDF, laid out in a worker thread (the same bytes as `renderPdf` with the report fonts here). */
  async renderPdf(model: ReportModel): Promise<Buffer> {
    const bytes = (await this.run({ name: 'render', task: { model } })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Runs one task when a thread is free; its time limit starts then, so a queue of quick tasks never times out the last one. */
  private async run({ name, task }: Task): Promise<TaskOutput> {
    this.pool ??= new Piscina<TaskInput, TaskOutput>({
      filename: path.join(__dirname, 'parse.worker.js'),
      minThreads: THREADS,
      maxThreads: THREADS,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const pool = this.pool;
    // A thread's start (seconds of CPU on a busy machine) is not the task's time: wait for the first thread before the clock runs.
    this.started ??= pool.run(null, { name: 'ready' }).catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    await this.started;
    if (this.running >= THREADS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const answer = await pool.run(task, { name, signal: AbortSignal.timeout(name === 'index' ? INDEX_TIMEOUT_MS : TASK_TIMEOUT_MS) });
      this.answered[name]++;
      return answer;
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
    this.started = null;
  }
}

const timedOut = (error: unknown) => {
  const e = error as { name?: string; cause?: { name?: string } };
  return e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError';
};
const outOfMemory = (error: unknown) => (error as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/** A worker that timed out or ran out of memory refuses the document; other failures stay server errors. */
function workerFailure(error: unknown): unknown {
  if (timedOut(error)) {
    return new DomainError('RULE_VIOLATION', `the document took longer than ${TASK_TIMEOUT_MS / 1000} seconds to read; it is too complex to import`, [{ path: 'content', message: 'too complex' }]);
  }
  if (outOfMemory(error)) {
    return new DomainError('PAYLOAD_TOO_LARGE', 'the document needs too much memory to read; it is too large to import', [{ path: 'content', message: 'too large' }]);
  }
  return error;
}

/** A page that timed out or ran out of memory cannot be read, said the way the fetcher says it; other failures stay server errors. */
function readFailure(error: unknown): unknown {
  if (timedOut(error)) return new FetchError('UNREADABLE', `the page took longer than ${TASK_TIMEOUT_MS / 1000} seconds to read`, null, { cause: error });
  if (outOfMemory(error)) return new FetchError('UNREADABLE', 'the page needs too much memory to read', null, { cause: error });
  return error;
}

// Runs in a worker thread: a fetched page's bytes in, its readable text (Readability over a DOM, or a PDF's text layer) out,
// or the error that refuses it, as data the main thread turns back into the same error.
import { ExtractionInputError } from '@claimdesk/extraction';
import { FetchError, readDocument, type FetchErrorCode, type FetchedPage, type ReadableDocument } from '@claimdesk/fetcher';

export interface ReadTask {
  bytes: Uint8Array;
  charset: string | null;
  kind: FetchedPage['kind'];
}

export type ReadOutcome =
  | { ok: true; document: ReadableDocument }
  | { ok: false; error: 'fetch'; code: FetchErrorCode; message: string; status: number | null }
  | { ok: false; error: 'input'; code: ExtractionInputError['code']; message: string };

export default async function readPage(task: ReadTask): Promise<ReadOutcome> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    return { ok: true, document: await readDocument({ bytes, charset: task.charset, kind: task.kind }) };
  } catch (error) {
    // The page's own faults are answers; anything else is a fault of the code and fails the task.
    if (error instanceof FetchError) return { ok: false, error: 'fetch', code: error.code, message: error.message, status: error.status };
    if (error instanceof ExtractionInputError) return { ok: false, error: 'input', code: error.code, message: error.message };
    throw error;
  }
}

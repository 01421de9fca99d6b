// Runs in a worker thread: an imported document in, its text and claims out, or the input error that refuses it.
import { ExtractionInputError, extractClaims, normaliseDocument, planChunks, type ChunkPlan, type DocumentFormat, type ExtractedClaim } from '@claimdesk/extraction';

export interface ParseTask {
  content: string | Uint8Array;
  format: DocumentFormat;
  /** A text longer than `above` characters is not extracted here but cut into about `chunks` chunks (see DocumentParser). */
  chunked?: { above: number; chunks: number };
}

export type ParseOutcome =
  { ok: true; text: string; title: string | null; claims: ExtractedClaim[] } | { ok: true; title: string | null; plan: ChunkPlan } | { ok: false; code: ExtractionInputError['code']; message: string };

/**
 * Loads what the first extraction would (the language model), so a thread is ready before its first task: the worker entry
 * calls it as the thread starts, and a poll or import never waits seconds for a cold thread.
 */
export function warmUp(): void {
  extractClaims('The council approved a budget of 12 million euros in 2025, the mayor said.');
}

/** A task that does nothing: answered once a thread has started (compiled and warmed), so time limits start after that. */
export function ready(): boolean {
  return true;
}

export default async function parseDocument(task: ParseTask): Promise<ParseOutcome> {
  try {
    const content = typeof task.content === 'string' ? task.content : Buffer.from(task.content.buffer, task.content.byteOffset, task.content.byteLength);
    const document = await normaliseDocument(content, task.format);
    if (task.chunked && document.text.length > task.chunked.above) {
      const plan = planChunks(document.text, { chunkChars: Math.ceil(document.text.length / task.chunked.chunks) });
      return { ok: true, title: document.title, plan };
    }
    const extraction = extractClaims(document.text);
    return { ok: true, text: extraction.text, title: document.title, claims: extraction.claims };
  } catch (error) {
    // Only input errors are answers; anything else is a fault and fails the task.
    if (error instanceof ExtractionInputError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

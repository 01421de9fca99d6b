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

// A few paragraphs that take most of the pipeline's paths: numbers, dates, sources, hedges, names, a clause split.
const WARM_UP_TEXT = [
  'The council approved a budget of 12 million euros in 2025, the mayor said.',
  'According to the National Office of Statistics, inflation allegedly reached 7.4 percent in March 2023; officials familiar with the talks say it fell since.',
  'President Maria Okafor met Li Wei in Beijing on April 24, and the two governments reportedly signed a credit agreement worth $3.5 billion.',
  'Exports to China grew by about 14 percent over the past five years, while hundreds of thousands of workers left the sugar industry four decades ago.',
  'Could the deal collapse? It is unclear whether Okafor will seek a second term, but analysts expect the economy to grow next year.',
].join('\n\n');

/**
 * Loads what the first extraction would (the language model, the cue lexicon) and runs the pipeline until its code is
 * optimised, so a thread is ready before its first task: the worker entry calls it as the thread starts, and an import
 * never waits for a cold thread (at load average 10–13, a process's first 1 MB extraction took 2.7–3.7 s and the next 1.5–2.7 s).
 */
export function warmUp(): void {
  for (let i = 0; i < 40; i++) extractClaims(WARM_UP_TEXT.replace(/\d+/g, (n) => String(Number(n) + i)));
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
      const plan = planChunks(document.text, { chunkChars: Math.ceil(document.text.length / task.chunked.chunks), normalised: true });
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

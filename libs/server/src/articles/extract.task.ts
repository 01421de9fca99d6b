// Runs in a worker thread: one chunk of a large article's normalised text in, its claims before the article-wide passes
// out (see DocumentParser: the chunks of one article run in both threads at once and are merged in order).
import { extractChunk, type ChunkResult, type ExtractionChunk } from '@claimdesk/extraction';

export interface ExtractTask {
  text: string;
  chunk: ExtractionChunk;
}

export default function extractArticleChunk(task: ExtractTask): ChunkResult {
  return extractChunk(task.text, task.chunk);
}

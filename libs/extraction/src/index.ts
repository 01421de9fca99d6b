// Public API of @claimdesk/extraction: article in, claims out. Pure functions: no database, no HTTP.
import { extractClaims } from './claims';
import { detectFormat, normaliseDocument } from './document';
import type { ExtractionResult } from './types';

export type { Anchor, ClaimKind, Cue, CueType, DateMention, DocumentFormat, Entity, ExtractedClaim, ExtractionResult, NumberMention, QuoteSelector, TriageTier } from './types';
export { ExtractionInputError } from './errors';
export type { ExtractionInputErrorCode } from './errors';
export { extractChunk, extractClaims, mergeChunks, planChunks, triageTier } from './claims';
export type { ArticleContext, ChunkClaim, ChunkPlan, ChunkResult, ExtractionChunk, ReasonParts } from './claims';
export { detectFormat, normaliseDocument } from './document';
export { quoteSelector, reanchor } from './anchor';
export { formatClaimsTable, toExtractJson } from './format';
export { normaliseText } from './normalise';
export { scoreTranscript } from './transcript';
export type { TranscriptLine } from './transcript';
export { htmlToText } from './html';
export type { HtmlText } from './html';

/** Reads a file of any supported format and extracts its claims. */
export async function extractDocument(content: Buffer | string, filename?: string): Promise<ExtractionResult & { title: string | null }> {
  const { text, title } = await normaliseDocument(content, detectFormat(filename, content));
  return { ...extractClaims(text), title };
}

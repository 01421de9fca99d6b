// Chunked extraction: a large article cut into paragraph-aligned chunks, each extracted on its own (as worker threads do)
// and merged, gives exactly the claims of one pass, including what only the whole article decides.
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { extractChunk, extractClaims, mergeChunks, planChunks, type ChunkPlan } from './claims';
import type { ExtractionResult } from './types';

const SAMPLE_PARAGRAPHS = SAMPLE_ARTICLE.text.split('\n\n');
const SAMPLE_SENTENCES = SAMPLE_PARAGRAPHS.flatMap((p) => p.match(/[^.!?]+[.!?]+["”’)]?/g) ?? []).map((s) => s.trim());
const FULL_NAME = 'Marisol Etxeberria, the trade minister, said exports to China grew by 14 percent in 2021.';
const SURNAME_ONLY = 'In March 2022 Etxeberria signed the credit agreement with three state banks.';

/** The sample article's paragraphs, copy after copy with their numbers changed, to about `chars` characters. */
function largeArticle(chars: number): string {
  const paragraphs: string[] = [FULL_NAME];
  for (let copy = 1; paragraphs.join('\n\n').length < chars; copy++) {
    for (const p of SAMPLE_PARAGRAPHS) paragraphs.push(p.replace(/\d+/g, (n) => String(Number(n) + copy)));
  }
  paragraphs.push(SURNAME_ONLY);
  return paragraphs.join('\n\n');
}

/** A debate: the sample article's sentences spoken in turns, a moderator asking between them. */
function largeTranscript(chars: number): string {
  const speakers = ['SMITH', 'Maria Jones', 'SMITH', 'Maria Jones'];
  const turns: string[] = [];
  for (let k = 0; turns.join('\n\n').length < chars; k++) {
    if (k % 5 === 0) turns.push(`MODERATOR: Thank you. What do you say to that, question ${k}?`);
    const sentence = SAMPLE_SENTENCES[k % SAMPLE_SENTENCES.length].replace(/\d+/g, (n) => String(Number(n) + k));
    turns.push(k % 7 === 3 ? sentence : `${speakers[k % speakers.length]}: ${sentence} ${SAMPLE_SENTENCES[(k * 3) % SAMPLE_SENTENCES.length]}`);
  }
  return turns.join('\n\n');
}

/** As a worker pool runs it: every chunk on its own, every value through structured cloning, then the merge. */
function chunked(plan: ChunkPlan): ExtractionResult {
  const results = plan.chunks.map((chunk) => structuredClone(extractChunk(plan.text, structuredClone(chunk))));
  return mergeChunks(structuredClone(plan), results);
}

describe('chunked extraction', () => {
  it('cuts at paragraph boundaries, in order, covering every paragraph once', () => {
    const text = largeArticle(60_000);
    const plan = planChunks(text, { chunkChars: 10_000 });
    expect(plan.chunks.length).toBeGreaterThanOrEqual(5);
    const paragraphs = plan.chunks.flatMap((c) => c.paragraphs);
    expect(paragraphs.map((p) => p.index)).toEqual(plan.text.split('\n\n').map((_, i) => i));
    for (const chunk of plan.chunks) {
      expect(chunk.start).toBe(chunk.paragraphs[0].start);
      expect(chunk.end).toBe(chunk.paragraphs[chunk.paragraphs.length - 1].end);
      const last = chunk.paragraphs[chunk.paragraphs.length - 1];
      expect(last.start - chunk.start).toBeLessThan(10_000);
    }
    expect(planChunks(text).chunks).toHaveLength(1);
    // Text that is already normalised (normaliseDocument's output) plans the same without being normalised again.
    expect(planChunks(plan.text, { chunkChars: 10_000, normalised: true })).toStrictEqual(plan);
  });

  it('gives exactly the claims of one pass on a large article, with a surname typed from a name met in another chunk', () => {
    const text = largeArticle(100_000);
    const plan = planChunks(text, { chunkChars: 16_000 });
    expect(plan.chunks.length).toBeGreaterThanOrEqual(6);
    expect(plan.context.transcript).toBeNull();
    const whole = extractClaims(text);
    const merged = chunked(plan);
    expect(merged).toStrictEqual(whole);

    // The full name is in the first chunk, the bare surname in the last: only the article-wide pass makes it a person.
    const surnameAt = plan.text.indexOf(SURNAME_ONLY);
    expect(plan.chunks[0].end).toBeLessThan(surnameAt);
    const claim = merged.claims.find((c) => c.text.includes('Etxeberria signed'));
    expect(claim?.entities.find((e) => e.text === 'Etxeberria')?.type).toBe('person');
    expect(claim?.reasons).toContain('names a person');
    const alone = extractClaims(SURNAME_ONLY).claims[0];
    expect(alone.entities.find((e) => e.text === 'Etxeberria')?.type).toBe('other');
    expect(alone.reasons).not.toContain('names a person');
  });

  it('gives exactly the claims of one pass on a large transcript, ranked in context across chunks', () => {
    const text = largeTranscript(40_000);
    const plan = planChunks(text, { chunkChars: 6_000 });
    expect(plan.chunks.length).toBeGreaterThanOrEqual(5);
    expect(plan.context.transcript).not.toBeNull();
    const whole = extractClaims(text);
    expect(whole.claims.some((c) => c.reasons.some((r) => r.startsWith('in context:')))).toBe(true);
    expect(whole.claims.some((c) => c.claimant === 'Maria Jones')).toBe(true);
    expect(chunked(plan)).toStrictEqual(whole);
  });

  it('merges an empty text to no claims', () => {
    const plan = planChunks('  \n\n ');
    expect(plan.chunks).toEqual([]);
    expect(mergeChunks(plan, [])).toStrictEqual(extractClaims('  \n\n '));
  });
});

// Turns a claim into the hashed feature vector the check-worthiness model reads; shared by training and inference.

// Read once: under Jest every global lookup goes through the vm sandbox and `Math.imul` in
// these loops made scoring ten times slower than in Node.
const imul = Math.imul;

/** Sparse feature vector: parallel arrays of hashed indices and values. */
export interface FeatureVector {
  index: number[];
  value: number[];
}

export interface FeatureConfig {
  /** Hash space is 2^bits. */
  bits: number;
  words: boolean;
  bigrams: boolean;
  /** Character n-gram sizes, e.g. [3, 4, 5]; empty for none. */
  charNgrams: number[];
  signals: boolean;
}

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

// Murmur3's finaliser: FNV alone leaves the low bits, which the mask keeps, poorly mixed.
export function mix(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEED_WORD = fnv(FNV_OFFSET, 'w:');
const SEED_BIGRAM = fnv(FNV_OFFSET, 'b:');
const SEED_SIGNAL = fnv(FNV_OFFSET, 's:');
const SEED_CHAR = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => fnv(FNV_OFFSET, `c${n}:`));
const SENTENCE_START = fnv(FNV_OFFSET, '<s>');
const SENTENCE_END = fnv(FNV_OFFSET, '</s>');
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]);
}

/**
 * FNV hashes of the words of a text, lower-cased, every digit read as 0 (so "1994" and "2023"
 * share a shape), apostrophes inside a word kept ("it's"). A hand-rolled scan: this runs on
 * every claim and a Unicode regex was a tenth of the article's budget.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c, text, i)) {
      i++;
      continue;
    }
    let h = FNV_OFFSET;
    while (i < n) {
      c = text.charCodeAt(i);
      if (isWordChar(c, text, i)) {
        const folded = c >= 48 && c <= 57 ? 48 : c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : text[i].toLowerCase().charCodeAt(0);
        h = imul(h ^ folded, FNV_PRIME);
        i++;
      } else if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
        h = imul(h ^ 39, FNV_PRIME);
        i++;
      } else break;
    }
    hashes.push(h);
  }
  return hashes;
}

let codeBuffer = new Uint16Array(1024);

/**
 * The text as char codes for character n-grams: lower case, every digit 0, each run of
 * whitespace one space, padded with a space at both ends. Written into a reused buffer.
 */
function foldedCodes(text: string): Uint16Array {
  if (codeBuffer.length < text.length + 2) codeBuffer = new Uint16Array(text.length * 2 + 2);
  let n = 0;
  codeBuffer[n++] = 32;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      if (codeBuffer[n - 1] === 32) continue;
      c = 32;
    } else if (c >= 48 && c <= 57) c = 48;
    else if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) c = text[i].toLowerCase().charCodeAt(0);
    codeBuffer[n++] = c;
  }
  if (codeBuffer[n - 1] !== 32) codeBuffer[n++] = 32;
  return codeBuffer.subarray(0, n);
}

/** Where hashed features are written: reused between calls so scoring allocates nothing per claim. */
export class FeatureSink {
  index = new Int32Array(1024);
  value = new Float32Array(1024);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  push(index: number, value: number): void {
    if (this.length === this.index.length) {
      const index = new Int32Array(this.length * 2);
      const value = new Float32Array(this.length * 2);
      index.set(this.index);
      value.set(this.value);
      this.index = index;
      this.value = value;
    }
    this.index[this.length] = index;
    this.value[this.length] = value;
    this.length++;
  }
}

/**
 * Writes the hashed features of a claim into `sink`. Each group (words, bigrams, character
 * n-grams) is scaled to unit length so that long sentences do not win by sheer size; signals are
 * plain indicators.
 */
export function encodeFeatures(text: string, signals: string[], config: FeatureConfig, sink: FeatureSink): void {
  const mask = (1 << config.bits) - 1;
  sink.reset();

  if (config.words || config.bigrams) {
    const words = wordHashes(text);
    if (config.words && words.length > 0) {
      const v = 1 / Math.sqrt(words.length);
      for (const h of words) sink.push(mix(h ^ SEED_WORD) & mask, v);
    }
    if (config.bigrams) {
      const v = 1 / Math.sqrt(words.length + 1);
      let previous = SENTENCE_START;
      for (const h of words) {
        sink.push(mix(imul(previous, FNV_PRIME) ^ h ^ SEED_BIGRAM) & mask, v);
        previous = h;
      }
      sink.push(mix(imul(previous, FNV_PRIME) ^ SENTENCE_END ^ SEED_BIGRAM) & mask, v);
    }
  }

  if (config.charNgrams.length > 0) {
    const codes = foldedCodes(text);
    const sizes = config.charNgrams;
    const longest = Math.max(...sizes);
    const wanted: boolean[] = [];
    for (const n of sizes) wanted[n] = true;
    let count = 0;
    for (const n of sizes) count += Math.max(0, codes.length - n + 1);
    if (count > 0) {
      const v = 1 / Math.sqrt(count);
      for (let p = 0; p < codes.length; p++) {
        // One running FNV per start position yields every n-gram size in a single pass.
        let h = FNV_OFFSET;
        for (let n = 1; n <= longest && p + n <= codes.length; n++) {
          h = imul(h ^ codes[p + n - 1], FNV_PRIME);
          if (wanted[n]) sink.push(mix(h ^ SEED_CHAR[n]) & mask, v);
        }
      }
    }
  }

  if (config.signals) {
    for (const s of signals) sink.push(mix(fnv(SEED_SIGNAL, s)) & mask, 1);
  }
}

/** The feature vector as plain arrays (for training, which keeps every vector). */
export function claimFeatures(text: string, signals: string[], config: FeatureConfig): FeatureVector {
  const sink = new FeatureSink();
  encodeFeatures(text, signals, config, sink);
  return { index: Array.from(sink.index.subarray(0, sink.length)), value: Array.from(sink.value.subarray(0, sink.length)) };
}

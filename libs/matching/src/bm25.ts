// Okapi BM25 over an in-memory inverted index: candidate retrieval for the re-ranker.
import type { FieldFrequencies } from './reference';

export interface Bm25Options {
  k1: number;
  b: number;
}

const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

/** A term's documents and term frequencies: arrays while documents are added, typed arrays when restored from a snapshot. */
interface Postings {
  docs: number[] | Int32Array;
  tfs: number[] | Int32Array;
}

/** An index in a form that crosses threads cheaply: one string and typed arrays (their buffers can be transferred). */
export interface Bm25Snapshot {
  searchable: boolean;
  /** The terms, joined by newlines (terms are stems: never a newline in them). */
  terms: string;
  /** Searchable: where each term's postings start in `docs`/`tfs` (one more offset than terms). Otherwise each term's document frequency. */
  counts: Int32Array;
  docs: Int32Array;
  tfs: Int32Array;
  lengths: Int32Array;
  totalLength: number;
}

/** An inverted index of documents given as lists of terms (stems). Documents are numbered in the order they were added. */
export class Bm25Index {
  private readonly postings = new Map<string, Postings>();
  /** Each document's length in terms; the first `count` slots are used (grown by doubling). */
  private lengths: Int32Array = new Int32Array(0);
  private count = 0;
  private totalLength = 0;
  private readonly idfs = new Map<string, number>();

  private readonly df = new Map<string, number>();
  /** Per document, `k1 × (1 − b + b × length / average length)`: the length part of BM25's denominator (built on first search). */
  private lengthNorms: Float64Array | undefined;
  /**
   * Per term, each posting's BM25 weight before the IDF, `tf × (k1 + 1) / (tf + length part)`: computed on the term's
   * first search and kept until a document is added (the average length moves), so a search adds one product per posting.
   */
  private readonly impacts = new Map<string, Float64Array>();
  /** Scratch space of the fast search, one slot per document, reused by every query (zeroed after use). */
  private scratch: Float64Array | undefined;
  private touched: Int32Array | undefined;

  /**
   * `searchable: false` keeps only document frequencies and lengths: enough for `scoreOne`, not for `scoreAll`. `prior`:
   * reference document frequencies added to the index's own before the IDF is taken (see reference.ts).
   */
  constructor(
    private readonly searchable = true,
    private readonly options: Bm25Options = DEFAULT_BM25,
    private readonly prior?: FieldFrequencies,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The index as one string and typed arrays, for `fromSnapshot` in another thread. */
  snapshot(): Bm25Snapshot {
    const lengths = this.lengths.slice(0, this.count);
    if (!this.searchable) {
      return {
        searchable: false,
        terms: [...this.df.keys()].join('\n'),
        counts: Int32Array.from(this.df.values()),
        docs: new Int32Array(0),
        tfs: new Int32Array(0),
        lengths,
        totalLength: this.totalLength,
      };
    }
    let total = 0;
    for (const p of this.postings.values()) total += p.docs.length;
    const counts = new Int32Array(this.postings.size + 1);
    const docs = new Int32Array(total);
    const tfs = new Int32Array(total);
    let at = 0;
    let i = 0;
    for (const p of this.postings.values()) {
      counts[i++] = at;
      docs.set(p.docs, at);
      tfs.set(p.tfs, at);
      at += p.docs.length;
    }
    counts[i] = at;
    return { searchable: true, terms: [...this.postings.keys()].join('\n'), counts, docs, tfs, lengths, totalLength: this.totalLength };
  }

  /** The index a snapshot was taken of: the same scores for every query; documents can be added to it as before. */
  static fromSnapshot(snapshot: Bm25Snapshot, options: Bm25Options = DEFAULT_BM25, prior?: FieldFrequencies): Bm25Index {
    const index = new Bm25Index(snapshot.searchable, options, prior);
    const terms = snapshot.terms ? snapshot.terms.split('\n') : [];
    if (snapshot.searchable) {
      const { counts, docs, tfs } = snapshot;
      for (let i = 0; i < terms.length; i++) index.postings.set(terms[i], { docs: docs.subarray(counts[i], counts[i + 1]), tfs: tfs.subarray(counts[i], counts[i + 1]) });
    } else {
      for (let i = 0; i < terms.length; i++) index.df.set(terms[i], snapshot.counts[i]);
    }
    index.lengths = snapshot.lengths;
    index.count = snapshot.lengths.length;
    index.totalLength = snapshot.totalLength;
    return index;
  }

  add(terms: string[]): number {
    const doc = this.count;
    if (this.searchable) {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = { docs: [], tfs: [] }));
        // Restored from a snapshot: the term's typed arrays become arrays again on its first new document.
        if (!Array.isArray(p.docs)) p.docs = Array.from(p.docs);
        if (!Array.isArray(p.tfs)) p.tfs = Array.from(p.tfs);
        p.docs.push(doc);
        p.tfs.push(tf);
      }
    } else {
      for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    if (this.count === this.lengths.length) {
      const grown = new Int32Array(Math.max(1024, this.count * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.count++] = terms.length;
    this.totalLength += terms.length;
    if (this.idfs.size) this.idfs.clear();
    if (this.impacts.size) this.impacts.clear();
    this.lengthNorms = undefined;
    return doc;
  }

  /** Inverse document frequency (the BM25 form, floored at a small positive value), over the prior's counts and the index's. */
  idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const df = (this.searchable ? (this.postings.get(term)?.docs.length ?? 0) : (this.df.get(term) ?? 0)) + (this.prior?.df.get(term) ?? 0);
      const size = this.size + (this.prior?.size ?? 0);
      idf = Math.max(0.01, Math.log(1 + (size - df + 0.5) / (df + 0.5)));
      this.idfs.set(term, idf);
    }
    return idf;
  }

  /** Scores of every document with at least one query term, as a sparse map doc → score. */
  scoreAll(queryTerms: string[]): Map<number, number> {
    const scores = new Map<number, number>();
    const { k1, b } = this.options;
    const avg = this.totalLength / Math.max(1, this.size) || 1;
    for (const term of new Set(queryTerms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(term);
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i];
        const tf = p.tfs[i];
        const norm = tf + k1 * (1 - b + (b * this.lengths[doc]) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + idf * ((tf * (k1 + 1)) / norm));
      }
    }
    return scores;
  }

  /**
   * The n best documents for the query, best first (ties by document number): the same result as
   * `topN(scoreAll(terms), n)`, summed in the same order, but over typed arrays reused between queries and with a bounded
   * selection instead of a sort, so a query allocates nothing in proportion to the library. Documents in `skip` are
   * never returned.
   */
  best(queryTerms: string[], n: number, skip?: ReadonlySet<number>): Array<[number, number]> {
    const size = this.size;
    if (n <= 0 || !size) return [];
    if (!this.lengthNorms || this.lengthNorms.length !== size) {
      const { k1, b } = this.options;
      const avg = this.totalLength / Math.max(1, size) || 1;
      this.lengthNorms = new Float64Array(size);
      for (let doc = 0; doc < size; doc++) this.lengthNorms[doc] = k1 * (1 - b + (b * this.lengths[doc]) / avg);
    }
    if (!this.scratch || this.scratch.length < size) {
      this.scratch = new Float64Array(size);
      this.touched = new Int32Array(size);
    }
    const norms = this.lengthNorms;
    const scores = this.scratch;
    const touched = this.touched!;
    let count = 0;
    for (const term of new Set(queryTerms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(term);
      const docs = p.docs;
      const weights = this.impactsOf(term, p, norms);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i];
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc] += idf * weights[i];
      }
    }
    const best: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const doc = touched[i];
      const s = scores[doc];
      scores[doc] = 0;
      if (skip?.has(doc)) continue;
      if (best.length === n && (s < best[n - 1][1] || (s === best[n - 1][1] && doc > best[n - 1][0]))) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1][1] < s || (best[at - 1][1] === s && best[at - 1][0] > doc))) at--;
      best.splice(at, 0, [doc, s]);
      if (best.length > n) best.pop();
    }
    return best;
  }

  private impactsOf(term: string, p: Postings, norms: Float64Array): Float64Array {
    let weights = this.impacts.get(term);
    if (!weights) {
      const k1 = this.options.k1;
      const { docs, tfs } = p;
      weights = new Float64Array(docs.length);
      for (let i = 0; i < docs.length; i++) weights[i] = (tfs[i] * (k1 + 1)) / (tfs[i] + norms[docs[i]]);
      this.impacts.set(term, weights);
    }
    return weights;
  }

  /** BM25 of one document for the query (for features of a candidate found by another field). */
  scoreOne(queryTerms: string[], doc: number, docTerms: Map<string, number>): number {
    const { k1, b } = this.options;
    const avg = this.totalLength / Math.max(1, this.size) || 1;
    let score = 0;
    for (const term of new Set(queryTerms)) {
      const tf = docTerms.get(term);
      if (!tf) continue;
      const norm = tf + k1 * (1 - b + (b * this.lengths[doc]) / avg);
      score += this.idf(term) * ((tf * (k1 + 1)) / norm);
    }
    return score;
  }
}

/** The n best entries of a score map, best first; ties broken by document number so runs are reproducible. */
export function topN(scores: Map<number, number>, n: number): Array<[number, number]> {
  const all = [...scores];
  all.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return all.slice(0, n);
}

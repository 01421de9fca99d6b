// Okapi BM25 over an in-memory inverted index: candidate retrieval for the re-ranker.

export interface Bm25Options {
  k1: number;
  b: number;
}

const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

/** An inverted index of documents given as lists of terms (stems). Documents are numbered in the order they were added. */
export class Bm25Index {
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private readonly lengths: number[] = [];
  private totalLength = 0;
  private readonly idfs = new Map<string, number>();

  private readonly df = new Map<string, number>();

  /** `searchable: false` keeps only document frequencies and lengths: enough for `scoreOne`, not for `scoreAll`. */
  constructor(
    private readonly searchable = true,
    private readonly options: Bm25Options = DEFAULT_BM25,
  ) {}

  get size(): number {
    return this.lengths.length;
  }

  add(terms: string[]): number {
    const doc = this.lengths.length;
    if (this.searchable) {
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = { docs: [], tfs: [] }));
        p.docs.push(doc);
        p.tfs.push(tf);
      }
    } else {
      for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    if (this.idfs.size) this.idfs.clear();
    return doc;
  }

  /** Inverse document frequency (the BM25 form, floored at a small positive value). */
  idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const df = this.searchable ? (this.postings.get(term)?.docs.length ?? 0) : (this.df.get(term) ?? 0);
      idf = Math.max(0.01, Math.log(1 + (this.size - df + 0.5) / (df + 0.5)));
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
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * (tf * (k1 + 1))) / norm);
      }
    }
    return scores;
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
      score += (this.idf(term) * (tf * (k1 + 1))) / norm;
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

// Candidate retrieval and the features the re-ranker scores: lexical (BM25 over claim, headline and both; coverage;
// shared word pairs; numbers) and semantic (cosine of IDF-weighted word vectors).
import { Bm25Index, topN, type Bm25Snapshot } from './bm25';
import { VectorTable, type RoundedRows } from './nearest';
import { normaliseClaim, tokenise, type Token } from './normalise';
import type { ReferenceFrequencies } from './reference';
import { byteCosine, DIMENSIONS, dot, normalised, type WordVectors } from './vectors';

/** Documents whose detail (the features' per-entry parts) is kept at once, by default. */
const DETAIL_CACHE = 10_000;

export interface IndexedText {
  claim: string;
  title: string;
}

interface Doc {
  /** Set for documents restored from a snapshot: their tokens are computed again on first use as a candidate. */
  text?: IndexedText;
  claimTokens?: Token[];
  titleTokens?: Token[];
  /** Filled on first use as a candidate: most entries never are one. */
  detail?: DocDetail;
  vector?: Float32Array;
}

interface DocDetail {
  all: Map<string, number>;
  claimCounts: Map<string, number>;
  titleCounts: Map<string, number>;
  bigrams: Set<string>;
  numbers: Set<string>;
  /** Vectors of the entry's distinct words that have one. */
  wordVectors: Int8Array[];
  /** The claim's words with their vectors, for soft coverage of the entry by the query. */
  claimWords: Array<{ stem: string; vector: Int8Array | undefined }>;
  claimVector: Float32Array;
  titleVector: Float32Array;
}

export interface Candidate {
  doc: number;
  features: number[];
}

export const FEATURE_NAMES = [
  'bm25/max',
  'log bm25',
  'bm25 claim/max',
  'bm25 title/max',
  'cos all',
  'cos claim',
  'cos title',
  'cos - best cos',
  'query coverage',
  'entry coverage',
  'shared pairs',
  'shared number',
  'number conflict',
  '1/bm25 rank',
  '1/cos rank',
  'bm25/max × cos',
  'soft query coverage',
  'soft entry coverage',
] as const;

function counts(tokens: Token[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t.stem, (m.get(t.stem) ?? 0) + 1);
  return m;
}

function bigrams(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1].stem} ${tokens[i].stem}`);
  return out;
}

const numbersOf = (tokens: Token[]): Set<string> => new Set(tokens.filter((t) => /^\d+$/.test(t.word) && t.word !== '1').map((t) => t.word));

export interface RetrievalOptions {
  /** How many candidates BM25 and the word vectors each bring to the re-ranker. */
  bm25Candidates: number;
  vectorCandidates: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { bm25Candidates: 30, vectorCandidates: 10 };

/**
 * A built index as one object of strings and typed arrays, so it can be built in a worker thread and handed back with
 * its buffers transferred (`snapshotBuffers`) instead of copied: the receiving thread only wraps them.
 */
export interface IndexSnapshot {
  size: number;
  all: Bm25Snapshot;
  claims: Bm25Snapshot;
  titles: Bm25Snapshot;
  /** Every entry's vector (size × DIMENSIONS floats), empty without word vectors. */
  vectors: Float32Array;
  /** The same vectors rounded for the scan's first pass (nearest.ts), when the building thread had WebAssembly SIMD. */
  rounded?: RoundedRows;
}

/** The buffers of a snapshot, for the transfer list of `postMessage` (each typed array has a buffer of its own). */
export function snapshotBuffers(snapshot: IndexSnapshot): ArrayBuffer[] {
  const rounded = snapshot.rounded ? [snapshot.rounded.bytes, snapshot.rounded.scales, snapshot.rounded.errors, snapshot.rounded.norms] : [];
  const arrays = [snapshot.vectors, ...rounded, ...[snapshot.all, snapshot.claims, snapshot.titles].flatMap((b) => [b.counts, b.docs, b.tfs, b.lengths])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The searchable form of a library: three BM25 indexes and, once asked for, one vector per entry. */
export class FeatureIndex {
  /** Per entry; for entries restored from a snapshot, made on first use (see `doc`). */
  private readonly docs: Array<Doc | undefined> = [];
  /** The texts of restored entries, by number (only those that become candidates are read). */
  private textOf: ((doc: number) => IndexedText) | undefined;
  private all: Bm25Index;
  private claims: Bm25Index;
  private titles: Bm25Index;
  /** Every entry's vector, for the nearest-neighbour pass (filled on first use, then as entries are added). */
  private table = new VectorTable();
  /** Removed documents: never candidates (so they shape no other candidate's features), still in the statistics. */
  private readonly removed = new Set<number>();

  /** Documents holding a detail, in the order they got it (a ring of at most `detailCache`; see `detail`). */
  private readonly detailed: number[] = [];
  private detailedNext = 0;

  /** `reference`: document frequencies of a large library, added to this one's (see reference.ts); null for none. */
  constructor(
    texts: Iterable<IndexedText>,
    private readonly vectors: WordVectors | undefined,
    private readonly detailCache = DETAIL_CACHE,
    reference: ReferenceFrequencies | null = null,
  ) {
    this.all = new Bm25Index(true, undefined, reference?.all);
    this.claims = new Bm25Index(false, undefined, reference?.claims);
    this.titles = new Bm25Index(false, undefined, reference?.titles);
    for (const text of texts) this.add(text);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Every entry indexed and given its vector, as a snapshot (see IndexSnapshot). */
  snapshot(): IndexSnapshot {
    this.prepare(Number.MAX_SAFE_INTEGER);
    return {
      size: this.docs.length,
      all: this.all.snapshot(),
      claims: this.claims.snapshot(),
      titles: this.titles.snapshot(),
      vectors: this.vectors ? this.table.copy() : new Float32Array(0),
      rounded: (this.vectors && this.table.roundedRows()) || undefined,
    };
  }

  /**
   * The index a snapshot was taken of, over the same texts in the same order: it ranks exactly as the index it came from.
   * Only the texts of entries that become candidates are tokenised again.
   */
  static fromSnapshot(
    snapshot: IndexSnapshot,
    textOf: (doc: number) => IndexedText,
    vectors: WordVectors | undefined,
    detailCache = DETAIL_CACHE,
    reference: ReferenceFrequencies | null = null,
  ): FeatureIndex {
    const index = new FeatureIndex([], vectors, detailCache, reference);
    index.all = Bm25Index.fromSnapshot(snapshot.all, undefined, reference?.all);
    index.claims = Bm25Index.fromSnapshot(snapshot.claims, undefined, reference?.claims);
    index.titles = Bm25Index.fromSnapshot(snapshot.titles, undefined, reference?.titles);
    if (vectors) index.table = VectorTable.of(snapshot.vectors, snapshot.rounded);
    index.docs.length = snapshot.size;
    index.textOf = textOf;
    return index;
  }

  add(text: IndexedText): number {
    const claimTokens = tokenise(normaliseClaim(text.claim));
    const titleTokens = tokenise(normaliseClaim(text.title));
    this.all.add(claimTokens.map((t) => t.stem).concat(titleTokens.map((t) => t.stem)));
    this.claims.add(claimTokens.map((t) => t.stem));
    this.titles.add(titleTokens.map((t) => t.stem));
    return this.docs.push({ claimTokens, titleTokens }) - 1;
  }

  /** Takes a document out of the candidates; its words stay in the statistics (IDF, average length). */
  remove(doc: number): void {
    this.removed.add(doc);
  }

  private doc(i: number): Doc {
    let d = this.docs[i];
    if (!d) this.docs[i] = d = { text: this.textOf!(i) };
    return d;
  }

  private tokens(d: Doc): { claimTokens: Token[]; titleTokens: Token[] } {
    if (!d.claimTokens || !d.titleTokens) {
      d.claimTokens = tokenise(normaliseClaim(d.text!.claim));
      d.titleTokens = tokenise(normaliseClaim(d.text!.title));
    }
    return d as { claimTokens: Token[]; titleTokens: Token[] };
  }

  /** How many documents hold a detail now (at most `detailCache`). */
  get detailedCount(): number {
    return this.detailed.length;
  }

  /**
   * Document i's detail, computed on its first use as a candidate and kept while it is among the last `detailCache`
   * documents given one; the oldest is then dropped (with its tokens, when they can be read again from its text) and
   * computed again if it is a candidate again (to the same values while no entry has been added since). Without the
   * bound a long-running server would end up holding a detail for every entry of a large library (about 6 KB each:
   * 114 MB of heap for a restored 100,000-entry index grew to 722 MB over 4,000 claims matched).
   */
  private detail(i: number, d: Doc): DocDetail {
    if (!d.detail) {
      if (this.detailed.length < this.detailCache) this.detailed.push(i);
      else {
        const old = this.docs[this.detailed[this.detailedNext]];
        if (old) {
          old.detail = undefined;
          if (old.text) old.claimTokens = old.titleTokens = undefined;
        }
        this.detailed[this.detailedNext] = i;
        this.detailedNext = (this.detailedNext + 1) % this.detailCache;
      }
      const { claimTokens, titleTokens } = this.tokens(d);
      const both = claimTokens.concat(titleTokens);
      const words = new Set(both.map((t) => t.word));
      d.detail = {
        all: counts(both),
        claimCounts: counts(claimTokens),
        titleCounts: counts(titleTokens),
        bigrams: new Set([...bigrams(claimTokens), ...bigrams(titleTokens)]),
        numbers: numbersOf(both),
        wordVectors: this.vectors ? ([...words].map((w) => this.vectors!.vectorOf(w)).filter(Boolean) as Int8Array[]) : [],
        claimWords: claimTokens.map((t) => ({ stem: t.stem, vector: this.vectors?.vectorOf(t.word) })),
        claimVector: this.embed(claimTokens),
        titleVector: this.embed(titleTokens),
      };
    }
    return d.detail;
  }

  private embed(tokens: Token[]): Float32Array {
    const v = new Float32Array(DIMENSIONS);
    if (this.vectors) for (const t of tokens) this.vectors.addTo(v, t.word, this.all.idf(t.stem));
    return normalised(v);
  }

  private docVectors(i: number): Doc & { vector: Float32Array } {
    const d = this.doc(i);
    if (!d.vector) {
      // An entry already in the table has its vector there (the same floats: the table holds a copy of each vector).
      if (i < this.table.size) d.vector = this.table.row(i);
      else {
        const { claimTokens, titleTokens } = this.tokens(d);
        d.vector = this.embed(claimTokens.concat(titleTokens));
      }
    }
    return d as Doc & { vector: Float32Array };
  }

  /**
   * Computes the vectors of up to `budget` entries not in the vector table yet (the first query does it otherwise);
   * true when every entry has its vector. Lets a caller spread the work of a large index over several turns.
   */
  prepare(budget: number): boolean {
    const end = Math.min(this.docs.length, this.table.size + budget);
    while (this.table.size < end) this.table.add(this.docVectors(this.table.size).vector);
    return this.table.size === this.docs.length;
  }

  /** The vector table, with the entries added since the last query. */
  private vectorTable(): VectorTable {
    while (this.table.size < this.docs.length) this.table.add(this.docVectors(this.table.size).vector);
    return this.table;
  }

  /**
   * Soft coverage: for each word of `from` (IDF-weighted), its best cosine with a word of `to`; exact stems count 1.
   * Reaches paraphrases that share no words ("jab" and "vaccine").
   */
  private softCoverage(from: Array<{ stem: string; vector: Int8Array | undefined }>, toStems: { has(stem: string): boolean }, toVectors: Int8Array[]): number {
    let total = 0;
    let covered = 0;
    for (const t of from) {
      const idf = this.all.idf(t.stem);
      total += idf;
      if (toStems.has(t.stem)) {
        covered += idf;
        continue;
      }
      if (!t.vector) continue;
      let best = 0;
      for (const u of toVectors) {
        const c = byteCosine(t.vector, u);
        if (c > best) best = c;
      }
      covered += idf * best * best;
    }
    return total ? covered / total : 0;
  }

  /**
   * Candidates for a claim, each with its feature vector (in FEATURE_NAMES order). `exhaustive` scores every entry the
   * straightforward way (every BM25 posting into a map and a full sort; every vector in full); the default takes the
   * fast paths, which return the same candidates. `without` leaves these entries out as if removed (for training on a
   * library that lacks the claim's match).
   */
  candidates(text: string, options: RetrievalOptions = DEFAULT_RETRIEVAL, exhaustive = false, without?: ReadonlySet<number>): Candidate[] {
    const tokens = tokenise(normaliseClaim(text));
    if (!tokens.length || !this.docs.length) return [];
    const stems = tokens.map((t) => t.stem);
    const skip = without?.size ? new Set([...this.removed, ...without]) : this.removed.size ? this.removed : undefined;
    const bm25 = exhaustive ? topN(withoutRemoved(this.all.scoreAll(stems), skip), options.bm25Candidates) : this.all.best(stems, options.bm25Candidates, skip);
    const qv = this.embed(tokens);
    const byVector: Array<[number, number]> = [];
    if (this.vectors && options.vectorCandidates > 0) byVector.push(...this.vectorTable().nearest(qv, options.vectorCandidates, exhaustive, skip));
    const pool = new Set([...bm25.map(([d]) => d), ...byVector.map(([d]) => d)]);
    if (!pool.size) return [];

    const queryCounts = counts(tokens);
    const queryBigrams = bigrams(tokens);
    const queryNumbers = numbersOf(tokens);
    const queryWords = tokens.map((t) => ({ stem: t.stem, vector: this.vectors?.vectorOf(t.word) }));
    const queryVectors = this.vectors ? ([...new Set(tokens.map((t) => t.word))].map((w) => this.vectors!.vectorOf(w)).filter(Boolean) as Int8Array[]) : [];
    const unique = [...queryCounts.keys()];
    const queryIdf = unique.reduce((s, t) => s + this.all.idf(t), 0) || 1;
    const rows = [...pool].map((doc) => {
      const v = this.docVectors(doc);
      const d = this.detail(doc, v);
      const score = this.all.scoreOne(stems, doc, d.all);
      const cos = dot(qv, v.vector);
      let covered = 0;
      for (const t of unique) if (d.all.has(t)) covered += this.all.idf(t);
      let docIdf = 0;
      let docCovered = 0;
      for (const t of d.claimCounts.keys()) {
        const idf = this.all.idf(t);
        docIdf += idf;
        if (queryCounts.has(t)) docCovered += idf;
      }
      let sharedPairs = 0;
      for (const b of queryBigrams) if (d.bigrams.has(b)) sharedPairs++;
      let sharedNumber = 0;
      for (const n of queryNumbers) if (d.numbers.has(n)) sharedNumber = 1;
      return {
        doc,
        score,
        cos,
        claim: this.claims.scoreOne(stems, doc, d.claimCounts),
        title: this.titles.scoreOne(stems, doc, d.titleCounts),
        cosClaim: dot(qv, d.claimVector),
        cosTitle: dot(qv, d.titleVector),
        coverage: covered / queryIdf,
        docCoverage: docIdf ? docCovered / docIdf : 0,
        sharedPairs: Math.min(1, sharedPairs / 3),
        sharedNumber,
        conflict: queryNumbers.size && d.numbers.size && !sharedNumber ? 1 : 0,
        softQuery: this.softCoverage(queryWords, d.all, d.wordVectors),
        softDoc: this.softCoverage(d.claimWords, queryCounts, queryVectors),
      };
    });
    const maxScore = Math.max(...rows.map((r) => r.score)) || 1;
    const maxClaim = Math.max(...rows.map((r) => r.claim)) || 1;
    const maxTitle = Math.max(...rows.map((r) => r.title)) || 1;
    const maxCos = Math.max(...rows.map((r) => r.cos));
    const scoreRank = new Map([...rows].sort((a, b) => b.score - a.score || a.doc - b.doc).map((r, i) => [r.doc, i]));
    const cosRank = new Map([...rows].sort((a, b) => b.cos - a.cos || a.doc - b.doc).map((r, i) => [r.doc, i]));
    return rows.map((r) => ({
      doc: r.doc,
      features: [
        r.score / maxScore,
        Math.log1p(r.score),
        r.claim / maxClaim,
        r.title / maxTitle,
        r.cos,
        r.cosClaim,
        r.cosTitle,
        r.cos - maxCos,
        r.coverage,
        r.docCoverage,
        r.sharedPairs,
        r.sharedNumber,
        r.conflict,
        1 / (1 + scoreRank.get(r.doc)!),
        1 / (1 + cosRank.get(r.doc)!),
        (r.score / maxScore) * r.cos,
        r.softQuery,
        r.softDoc,
      ],
    }));
  }
}

function withoutRemoved(scores: Map<number, number>, skip: ReadonlySet<number> | undefined): Map<number, number> {
  if (skip) for (const doc of skip) scores.delete(doc);
  return scores;
}

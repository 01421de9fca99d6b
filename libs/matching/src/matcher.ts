// Has this claim been checked before? Ranks the entries of a fact-check library for a claim: BM25 and word-vector
// candidates, re-ranked by the trained model, each match with its reasons. The API and the command line both use it.
import { FeatureIndex, type IndexSnapshot } from './features';
import { textKey, type LibraryEntry } from './library-file';
import { matchReasons, type MatchReasons } from './reasons';
import { shippedReference, type ReferenceFrequencies } from './reference';
import { rerank, shippedModel, type RerankerModel } from './reranker';
import { shippedVectors, type WordVectors } from './vectors';

/** What the matcher needs of an entry; the rest of it is handed back untouched. */
export type MatchableEntry = Pick<LibraryEntry, 'id' | 'claim' | 'title'>;

export interface Match<E extends MatchableEntry = LibraryEntry> {
  entry: E;
  rank: number;
  /** Re-ranker probability that the entry checks the same claim, 0…1. */
  score: number;
  /** At or above the model's strong-match threshold, or the same words as the claim (case and punctuation aside): "checked before". */
  strong: boolean;
  /** Strong, or at or above the model's possible-match threshold (the top match is right half the time there); below it the match is weak. */
  possible: boolean;
  reasons: MatchReasons;
}

export interface MatcherOptions {
  model?: RerankerModel;
  vectors?: WordVectors;
  /** Score every entry the straightforward way instead of taking the fast paths (same results; for checks). */
  exhaustive?: boolean;
  /** Entries whose per-entry features are kept between queries (default DETAIL_CACHE); the rest are computed again when needed. */
  detailCache?: number;
  /** The entries' index built elsewhere (`buildIndexSnapshot` over the same entries, in the same order; e.g. in a worker thread). */
  snapshot?: IndexSnapshot;
  /** Reference document frequencies added to the library's own (default: the shipped ones; null: none). See reference.ts. */
  reference?: ReferenceFrequencies | null;
}

/** The index of these entries as a snapshot, to build in one thread and hand to `new Matcher(entries, { snapshot })` in another. */
export function buildIndexSnapshot(entries: Iterable<MatchableEntry>, options: Pick<MatcherOptions, 'vectors' | 'reference'> = {}): IndexSnapshot {
  const index = new FeatureIndex([], options.vectors ?? shippedVectors(), undefined, referenceOf(options));
  for (const entry of entries) index.add({ claim: entry.claim, title: entry.title ?? '' });
  return index.snapshot();
}

/** The options' reference frequencies: the shipped ones unless given (null: none). */
function referenceOf(options: Pick<MatcherOptions, 'reference'>): ReferenceFrequencies | null {
  return options.reference === undefined ? shippedReference() : options.reference;
}

export class Matcher<E extends MatchableEntry = LibraryEntry> {
  private readonly entries: E[] = [];
  private index: FeatureIndex;
  private readonly model: RerankerModel;
  private readonly exhaustive: boolean;
  /** Documents of removed entries: still counted in the index statistics, never returned. */
  private readonly removed = new Set<number>();

  constructor(entries: Iterable<E> = [], options: MatcherOptions = {}) {
    this.model = options.model ?? shippedModel();
    this.exhaustive = options.exhaustive ?? false;
    const reference = referenceOf(options);
    this.index = new FeatureIndex([], options.vectors ?? shippedVectors(), options.detailCache, reference);
    if (options.snapshot) {
      for (const entry of entries) this.entries.push(entry);
      if (this.entries.length !== options.snapshot.size) throw new Error(`an index snapshot of ${options.snapshot.size} entries given ${this.entries.length} entries`);
      const list = this.entries;
      this.index = FeatureIndex.fromSnapshot(
        options.snapshot,
        (doc) => ({ claim: list[doc].claim, title: list[doc].title ?? '' }),
        options.vectors ?? shippedVectors(),
        options.detailCache,
        reference,
      );
    } else for (const entry of entries) this.add(entry);
  }

  /** How many entries' per-entry features are kept now (at most `detailCache`). */
  get cachedDetails(): number {
    return this.index.detailedCount;
  }

  /** Entries that can be matched (removed ones not counted). */
  get size(): number {
    return this.entries.length - this.removed.size;
  }

  add(entry: E): void {
    this.entries.push(entry);
    this.index.add({ claim: entry.claim, title: entry.title ?? '' });
  }

  /**
   * Takes the entry with this id out of the results and out of the candidates (so it shapes no other entry's score).
   * Its words stay in the index statistics (IDF, average length), so after many removals a new Matcher ranks slightly
   * differently; false when no such entry is matched.
   */
  remove(id: string): boolean {
    let found = false;
    this.entries.forEach((e, doc) => {
      if (e.id === id && !this.removed.has(doc)) {
        this.removed.add(doc);
        this.index.remove(doc);
        found = true;
      }
    });
    return found;
  }

  /** How many entries were removed since the Matcher was built. */
  get removedCount(): number {
    return this.removed.size;
  }

  /** Does up to `budget` entries' share of the work the first match would do; true when none is left. */
  prepare(budget = 1000): boolean {
    return this.index.prepare(budget);
  }

  /** The best `top` entries for the claim, best first, with `minScore` as a floor (default none). */
  match(claim: string, options: { top?: number; minScore?: number } = {}): Array<Match<E>> {
    const top = options.top ?? 5;
    const scored = this.index
      .candidates(claim, this.model.retrieval, this.exhaustive)
      .map((c) => ({ doc: c.doc, score: rerank(this.model, c.features) }))
      .filter((c) => c.score >= (options.minScore ?? 0) && !this.removed.has(c.doc))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, top);
    const claimKey = textKey(claim);
    return scored.map((c, i) => {
      const entry = this.entries[c.doc];
      // A checked claim in the very words of this one is checked before, whatever the model makes of its neighbours
      // (among many entries that differ only in a name or a number, the model's probability stays under its line).
      const strong = c.score >= this.model.strongMatch || (claimKey !== '' && textKey(entry.claim) === claimKey);
      return {
        entry,
        rank: i + 1,
        score: c.score,
        strong,
        possible: strong || c.score >= this.model.possibleMatch,
        reasons: matchReasons(`${entry.claim}\n${entry.title ?? ''}`, claim),
      };
    });
  }
}

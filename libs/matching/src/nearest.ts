// Exact nearest neighbours by dot product over the entries' unit vectors. A plain scan sums each entry's 100 products
// one after the other, so every addition waits for the one before it. Here each entry is first summed in four
// independent running sums (the processor overlaps them), which differs from the plain sum only by the rounding of
// doubles (far below 1e-9 for unit vectors); only an entry that can reach the k best so far is summed again the plain
// way. The result is the plain scan's, bit for bit, at a fraction of its time.
// Most entries cannot reach the k best, and most of those are known early: every STEP dimensions, an entry whose sum so
// far plus the most the rest can add (Cauchy–Schwarz: the norm of the query's remaining part times that of the entry's,
// kept per entry) stays below the k-th best is left there.
import { DIMENSIONS } from './vectors';

/** Far above the difference between the two summation orders in doubles (about 1e-15 here). */
const SLACK = 1e-9;
/** The scan asks every STEP dimensions (a multiple of 4) whether an entry can still reach the k best. */
const STEP = 32;
/** Checks per entry: at STEP, 2 × STEP, … below DIMENSIONS. */
const CHECKS = Math.ceil(DIMENSIONS / STEP) - 1;

export class VectorTable {
  private rows = 0;
  private data: Float32Array = new Float32Array(0);
  /** Per entry, CHECKS slots: the norm of its dimensions from STEP on, from 2 × STEP on, …; for the first `tailsFor` entries. */
  private tails = new Float64Array(0);
  private tailsFor = 0;

  get size(): number {
    return this.rows;
  }

  /** A table over vectors computed elsewhere (`rows` × DIMENSIONS floats, e.g. from another thread). */
  static of(data: Float32Array): VectorTable {
    const table = new VectorTable();
    table.data = data;
    table.rows = Math.floor(data.length / DIMENSIONS);
    return table;
  }

  /** Entry i's vector (a view, not a copy). */
  row(i: number): Float32Array {
    return this.data.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
  }

  /** A copy of the filled rows, to hand to another thread. */
  copy(): Float32Array {
    return this.data.slice(0, this.rows * DIMENSIONS);
  }

  add(vector: Float32Array): void {
    if ((this.rows + 1) * DIMENSIONS > this.data.length) {
      const grown = new Float32Array(Math.max(1024, this.rows * 2) * DIMENSIONS);
      grown.set(this.data.subarray(0, this.rows * DIMENSIONS));
      this.data = grown;
    }
    this.data.set(vector, this.rows * DIMENSIONS);
    this.rows++;
  }

  /** The k entries with the highest dot product with `query`, best first (ties: lower index first), as the plain scan finds them; never those in `skip`. */
  nearest(query: Float32Array, k: number, exhaustive = false, skip?: ReadonlySet<number>): Array<[number, number]> {
    if (k <= 0 || !this.rows) return [];
    const best: Array<[number, number]> = [];
    if (exhaustive) {
      for (let i = 0; i < this.rows; i++) if (!skip?.has(i)) insert(best, i, this.exact(query, i), k);
      return best;
    }
    const m = this.data;
    const tails = this.fillTails();
    const queryTails = new Float64Array(CHECKS);
    for (let j = 0; j < CHECKS; j++) queryTails[j] = norm(query, (j + 1) * STEP);
    let floor = -Infinity;
    scan: for (let i = 0; i < this.rows; i++) {
      const at = i * DIMENSIONS;
      let a = 0;
      let b = 0;
      let c = 0;
      let e = 0;
      for (let d = 0, j = 0; d < DIMENSIONS; j++) {
        const end = Math.min(DIMENSIONS, d + STEP);
        for (; d < end; d += 4) {
          a += query[d] * m[at + d];
          b += query[d + 1] * m[at + d + 1];
          c += query[d + 2] * m[at + d + 2];
          e += query[d + 3] * m[at + d + 3];
        }
        if (j < CHECKS && a + b + c + e + queryTails[j] * tails[i * CHECKS + j] + SLACK < floor) continue scan;
      }
      if (a + b + c + e + SLACK < floor || skip?.has(i)) continue;
      insert(best, i, this.exact(query, i), k);
      if (best.length === k) floor = best[k - 1][1];
    }
    return best;
  }

  /** The per-entry tail norms, computed for entries added since the last scan. */
  private fillTails(): Float64Array {
    if (this.tails.length < this.rows * CHECKS) {
      const grown = new Float64Array(Math.max(1024, this.data.length / DIMENSIONS) * CHECKS);
      grown.set(this.tails.subarray(0, this.tailsFor * CHECKS));
      this.tails = grown;
    }
    for (; this.tailsFor < this.rows; this.tailsFor++) {
      const row = this.row(this.tailsFor);
      for (let j = 0; j < CHECKS; j++) this.tails[this.tailsFor * CHECKS + j] = norm(row, (j + 1) * STEP);
    }
    return this.tails;
  }

  /** The score the plain scan gives entry i: summed in order, rounded to a float as it stores it. */
  private exact(query: Float32Array, i: number): number {
    const m = this.data;
    const at = i * DIMENSIONS;
    let s = 0;
    for (let d = 0; d < DIMENSIONS; d++) s += query[d] * m[at + d];
    return Math.fround(s);
  }
}

/** Keeps `best` the k highest (index, score) pairs, best first, a later index after an equal score. */
function insert(best: Array<[number, number]>, i: number, s: number, k: number): void {
  if (best.length === k && s <= best[k - 1][1]) return;
  let at = best.length;
  while (at > 0 && best[at - 1][1] < s) at--;
  best.splice(at, 0, [i, s]);
  if (best.length > k) best.pop();
}

/** The norm of the vector's dimensions from `from` on. */
function norm(v: Float32Array, from: number): number {
  let s = 0;
  for (let d = from; d < DIMENSIONS; d++) s += v[d] * v[d];
  return Math.sqrt(s);
}

// Exact nearest neighbours by dot product over the entries' unit vectors. A plain scan sums each entry's 100 products
// one after the other, so every addition waits for the one before it. Here each entry is first summed in four
// independent running sums (the processor overlaps them), which differs from the plain sum only by the rounding of
// doubles (far below 1e-9 for unit vectors); only an entry that can reach the k best so far is summed again the plain
// way. The result is the plain scan's, bit for bit, at a fraction of its time.
import { DIMENSIONS } from './vectors';

/** Far above the difference between the two summation orders in doubles (about 1e-15 here). */
const SLACK = 1e-9;

export class VectorTable {
  private rows = 0;
  private data: Float32Array = new Float32Array(0);

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
    let floor = -Infinity;
    for (let i = 0; i < this.rows; i++) {
      const at = i * DIMENSIONS;
      let a = 0;
      let b = 0;
      let c = 0;
      let e = 0;
      for (let d = 0; d < DIMENSIONS; d += 4) {
        a += query[d] * m[at + d];
        b += query[d + 1] * m[at + d + 1];
        c += query[d + 2] * m[at + d + 2];
        e += query[d + 3] * m[at + d + 3];
      }
      if (a + b + c + e + SLACK < floor || skip?.has(i)) continue;
      insert(best, i, this.exact(query, i), k);
      if (best.length === k) floor = best[k - 1][1];
    }
    return best;
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

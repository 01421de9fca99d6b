// Exact nearest neighbours by dot product over the entries' unit vectors, found in two passes.
// First pass: every entry's vector is also kept as 8-bit integers (each entry with its own scale), and a WebAssembly
// SIMD kernel (int8-scan.ts) takes the dot product of a 16-bit copy of the query with all of them: a quarter of the
// bytes of the float table, read eight lanes at a time. Rounding the vectors to integers moves a dot product by at most
// a bound known per entry (Cauchy–Schwarz: the query's norm times the entry's rounding error, plus the query's rounding
// error times the entry's norm), so an entry whose rounded score plus that bound stays below the k-th best exact score
// so far cannot be among the k best and is left there. Second pass: only the entries left (a few hundred of 100,000)
// are summed the plain way, in doubles, in order, as the plain scan sums them, so the result is the plain scan's, bit for
// bit (fast-path.spec.ts). Without WebAssembly SIMD the plain scan runs alone.
import { hasInt8Scan, int8Scan, ROW_BYTES, type Int8Scan } from './int8-scan';
import { DIMENSIONS } from './vectors';

/** Far above the rounding of the plain scan's double sum and of the bound's own arithmetic (about 1e-7 at most). */
const SLACK = 1e-6;
/** The query's 16-bit lanes sit at the start of the kernel's memory, the entries' rows from here on. */
const QUERY_AT = 0;
const ROWS_AT = 256;
const PAGE = 65536;

/** A table's 8-bit rows (ROW_BYTES each) with each row's scale, rounding error and norm: what `of` takes back. */
export interface RoundedRows {
  bytes: Int8Array;
  scales: Float64Array;
  errors: Float64Array;
  norms: Float64Array;
}

export class VectorTable {
  private rows = 0;
  private data: Float32Array = new Float32Array(0);
  /** The 8-bit copy, for the first `rounded` entries (rounded as entries are added, or on the first query of a table made by `of`). */
  private kernel: Int8Scan | null | undefined;
  private rounded = 0;
  /** Per rounded entry: its scale (a float = byte × scale), the norm of its rounding error, and its own norm. */
  private scales = new Float64Array(0);
  private errors = new Float64Array(0);
  private norms = new Float64Array(0);

  get size(): number {
    return this.rows;
  }

  /**
   * A table over vectors computed elsewhere (`rows` × DIMENSIONS floats, e.g. from another thread), with their 8-bit
   * rows when that thread rounded them too (`roundedRows()`); otherwise they are rounded on the first query.
   */
  static of(data: Float32Array, rounded?: RoundedRows): VectorTable {
    const table = new VectorTable();
    table.data = data;
    table.rows = Math.floor(data.length / DIMENSIONS);
    const kernel = rounded && rounded.scales.length === table.rows ? table.room(table.rows) : null;
    if (kernel && rounded) {
      new Int8Array(kernel.memory.buffer, ROWS_AT, table.rows * ROW_BYTES).set(rounded.bytes);
      table.scales.set(rounded.scales);
      table.errors.set(rounded.errors);
      table.norms.set(rounded.norms);
      table.rounded = table.rows;
    }
    return table;
  }

  /** Every entry's 8-bit row and its scale, error and norm (copies), to hand to another thread with `copy()`; null without WebAssembly SIMD. */
  roundedRows(): RoundedRows | null {
    const kernel = this.roundAll();
    if (!kernel) return null;
    return {
      bytes: new Int8Array(kernel.memory.buffer, ROWS_AT, this.rows * ROW_BYTES).slice(),
      scales: this.scales.slice(0, this.rows),
      errors: this.errors.slice(0, this.rows),
      norms: this.norms.slice(0, this.rows),
    };
  }

  /** Whether the first pass runs in WebAssembly SIMD here (otherwise every query is the plain scan). */
  static get simd(): boolean {
    return hasInt8Scan();
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
    // Rounded as it comes, so a table built in slices (FeatureIndex.prepare) leaves no lump of work to its first query.
    if (this.rounded === this.rows - 1) this.roundAll();
  }

  /** The k entries with the highest dot product with `query`, best first (ties: lower index first), as the plain scan finds them; never those in `skip`. */
  nearest(query: Float32Array, k: number, exhaustive = false, skip?: ReadonlySet<number>): Array<[number, number]> {
    if (k <= 0 || !this.rows) return [];
    const best: Array<[number, number]> = [];
    const kernel = exhaustive ? null : this.roundAll();
    if (!kernel) {
      for (let i = 0; i < this.rows; i++) if (!skip?.has(i)) insert(best, i, this.exact(query, i), k);
      return best;
    }
    // The query in 16 bits (the kernel's products of a byte and a 16-bit lane sum to at most 1.7e9 over 104 lanes).
    const { scale: queryScale, error: queryError, roundedNorm } = roundVector(query, 0, new Int16Array(kernel.memory.buffer, QUERY_AT, ROW_BYTES), 0, 32767);
    const outAt = ROWS_AT + this.rows * ROW_BYTES;
    kernel.scan(QUERY_AT, ROWS_AT, this.rows, outAt);
    const sums = new Int32Array(kernel.memory.buffer, outAt, this.rows);
    const { scales, errors, norms } = this;
    let floor = -Infinity;
    for (let i = 0; i < this.rows; i++) {
      // q·x = qs·sx·(q̃·x̃) + qs·q̃·(x − sx·x̃) + (q − qs·q̃)·x
      const most = sums[i] * queryScale * scales[i] + roundedNorm * errors[i] + queryError * norms[i] + SLACK;
      if (most < floor || skip?.has(i)) continue;
      insert(best, i, this.exact(query, i), k);
      if (best.length === k) floor = best[k - 1][1];
    }
    return best;
  }

  /** The kernel with every entry's 8-bit row in its memory, or null without WebAssembly SIMD. */
  private roundAll(): Int8Scan | null {
    if (this.rounded === this.rows) return this.kernel ?? (this.kernel = int8Scan());
    const kernel = this.room(this.rows);
    if (!kernel) return null;
    const bytes = new Int8Array(kernel.memory.buffer, ROWS_AT, this.rows * ROW_BYTES);
    for (let i = this.rounded; i < this.rows; i++) {
      const { scale, error, norm } = roundVector(this.data, i * DIMENSIONS, bytes, i * ROW_BYTES, 127);
      this.scales[i] = scale;
      this.errors[i] = error;
      this.norms[i] = norm;
    }
    this.rounded = this.rows;
    return kernel;
  }

  /** The kernel, with memory for `rows` rows and their sums, and room in the per-row arrays; null without WebAssembly SIMD. */
  private room(rows: number): Int8Scan | null {
    if (this.kernel === undefined) this.kernel = int8Scan();
    const kernel = this.kernel;
    if (!kernel) return null;
    const needed = ROWS_AT + rows * (ROW_BYTES + 4);
    const have = kernel.memory.buffer.byteLength;
    if (needed > have) kernel.memory.grow(Math.ceil((Math.max(needed, have * 1.5) - have) / PAGE));
    if (this.scales.length < rows) {
      const size = Math.ceil(Math.max(1024, rows * 1.5));
      for (const key of ['scales', 'errors', 'norms'] as const) {
        const grown = new Float64Array(size);
        grown.set(this[key].subarray(0, this.rounded));
        this[key] = grown;
      }
    }
    return kernel;
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

/**
 * Rounds the DIMENSIONS values of `from` starting at `at` to integers within ±`levels`, written to `to` from `toAt`:
 * each value ≈ integer × scale. Returns the scale, the norm of the rounding error, the norm of the values and the norm
 * of the rounded vector (integers × scale), what the scan's bound is made of.
 */
function roundVector(from: Float32Array, at: number, to: Int8Array | Int16Array, toAt: number, levels: number) {
  let largest = 0;
  for (let d = 0; d < DIMENSIONS; d++) largest = Math.max(largest, Math.abs(from[at + d]));
  const scale = largest / levels || 1;
  const inverse = 1 / scale;
  let error = 0;
  let norm = 0;
  let roundedNorm = 0;
  for (let d = 0; d < DIMENSIONS; d++) {
    const x = from[at + d];
    const n = Math.round(x * inverse);
    to[toAt + d] = n;
    const e = x - n * scale;
    error += e * e;
    norm += x * x;
    roundedNorm += n * scale * (n * scale);
  }
  return { scale, error: Math.sqrt(error), norm: Math.sqrt(norm), roundedNorm: Math.sqrt(roundedNorm) };
}

/** Keeps `best` the k highest (index, score) pairs, best first, a later index after an equal score. */
function insert(best: Array<[number, number]>, i: number, s: number, k: number): void {
  if (best.length === k && s <= best[k - 1][1]) return;
  let at = best.length;
  while (at > 0 && best[at - 1][1] < s) at--;
  best.splice(at, 0, [i, s]);
  if (best.length > k) best.pop();
}

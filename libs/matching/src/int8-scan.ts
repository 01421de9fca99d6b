// A WebAssembly kernel for the first pass of the nearest-neighbour scan: the dot product of one query with every row of
// a table of 8-bit integers, with 128-bit SIMD (each step widens 8 bytes of a row to 16-bit lanes and multiplies them
// with 8 lanes of the query, `i32x4.dot_i16x8_s`). Plain JavaScript cannot do this fast: it reads a quarter of the
// bytes of the float table at several times the speed. The module is a few hundred bytes, written out below with its
// encoding spelled out, so nothing is compiled or downloaded when ClaimDesk is built or run.
//
// scan(query, rows, count, out): for r in 0…count-1,
//   out[r] (i32) = Σ_c dot(load8x8_s(rows + r·ROW_BYTES + 8c), load(query + 16c)), c = 0…GROUPS-1
// `query` holds GROUPS × 8 signed 16-bit values, a row ROW_BYTES signed bytes (the unused ones zero).

/** Dimensions per row, padded to a multiple of 8 (the kernel reads 8 bytes at a time). */
export const ROW_BYTES = 104;
const GROUPS = ROW_BYTES / 8;

/** Unsigned LEB128, as the binary format writes every count, index and offset. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/** Signed LEB128, as `i32.const` takes its operand (104 needs two bytes: its bit 6 would read as a sign). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'utf8')];

// Opcodes (WebAssembly 2.0; SIMD instructions take the 0xfd prefix and a LEB128 opcode).
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const I32_CONST = 0x41;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_EQZ = 0x45;
const I32_STORE = 0x36;
const BLOCK = 0x02;
const LOOP = 0x03;
const BR_IF = 0x0d;
const END = 0x0b;
const EMPTY = 0x40;
const simd = (op: number) => [0xfd, ...uleb(op)];
const V128_LOAD = simd(0);
const I16X8_LOAD8X8_S = simd(1);
const I32X4_EXTRACT_LANE = simd(27);
const I32X4_ADD = simd(174);
const I32X4_DOT_I16X8_S = simd(186);
const memarg = (align: number, offset: number) => [...uleb(align), ...uleb(offset)];

// Parameters 0…3: query, rows, count, out; local 4: the v128 sum of a row.
const [QUERY, ROWS, COUNT, OUT, SUM] = [0, 1, 2, 3, 4];

function rowDot(): number[] {
  const code: number[] = [];
  for (let c = 0; c < GROUPS; c++) {
    code.push(LOCAL_GET, ROWS, ...I16X8_LOAD8X8_S, ...memarg(0, 8 * c));
    code.push(LOCAL_GET, QUERY, ...V128_LOAD, ...memarg(0, 16 * c));
    code.push(...I32X4_DOT_I16X8_S);
    if (c > 0) code.push(...I32X4_ADD);
  }
  return code;
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = [
    ...[1, ...uleb(1), 0x7b], // one local of type v128
    ...[BLOCK, EMPTY, LOCAL_GET, COUNT, I32_EQZ, BR_IF, 0],
    ...[LOOP, EMPTY],
    // out[r] = horizontal sum of the row's four i32 lanes
    ...[LOCAL_GET, OUT],
    ...rowDot(),
    ...[LOCAL_TEE, SUM, ...I32X4_EXTRACT_LANE, 0],
    ...[LOCAL_GET, SUM, ...I32X4_EXTRACT_LANE, 1, I32_ADD],
    ...[LOCAL_GET, SUM, ...I32X4_EXTRACT_LANE, 2, I32_ADD],
    ...[LOCAL_GET, SUM, ...I32X4_EXTRACT_LANE, 3, I32_ADD],
    ...[I32_STORE, ...memarg(2, 0)],
    // rows += ROW_BYTES; out += 4; loop while --count
    ...[LOCAL_GET, ROWS, I32_CONST, ...sleb(ROW_BYTES), I32_ADD, LOCAL_SET, ROWS],
    ...[LOCAL_GET, OUT, I32_CONST, ...sleb(4), I32_ADD, LOCAL_SET, OUT],
    ...[LOCAL_GET, COUNT, I32_CONST, ...sleb(1), I32_SUB, LOCAL_TEE, COUNT, BR_IF, 0],
    ...[END, END, END],
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // type: (i32 i32 i32 i32) → ()
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]), // import a memory of at least one page
    ...section(3, [1, 0]), // one function of that type
    ...section(7, [1, ...name('scan'), 0x00, 0]), // exported as "scan"
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

export interface Int8Scan {
  memory: WebAssembly.Memory;
  scan(query: number, rows: number, count: number, out: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where this runtime has no WebAssembly SIMD; compiled once per thread. */
function compiledModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/** Whether this runtime runs the kernel (WebAssembly with SIMD). */
export function hasInt8Scan(): boolean {
  return compiledModule() !== null;
}

/** A kernel over a memory of its own (one page to start; the caller grows it), or null without WebAssembly SIMD. */
export function int8Scan(): Int8Scan | null {
  const compiled = compiledModule();
  if (!compiled) return null;
  const memory = new WebAssembly.Memory({ initial: 1 });
  const instance = new WebAssembly.Instance(compiled, { env: { memory } });
  return { memory, scan: instance.exports['scan'] as Int8Scan['scan'] };
}

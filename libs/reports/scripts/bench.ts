// Report rendering benchmark: time per format on large reports, and memory while streaming a very large one.
// Run from the repository root:
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/reports/scripts/bench.ts
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { renderCsv, renderCsvStream, renderJson, renderMarkdown, renderPdf } from '../src';
import { syntheticHeader, syntheticEntryStream, syntheticReportModel } from '../src/testing/synthetic';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Upper bound, in unit, that the measurement should stay under. */
  goal: number;
  met: boolean;
}

const MB = 1024 * 1024;

/** A garbage collection on demand, so that heap readings measure what is live rather than what is pending. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => undefined);
}

async function time(run: () => unknown | Promise<unknown>, repeats = 3): Promise<number> {
  await run(); // warm-up: compile and fill inline caches
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function result(name: string, value: number, unit: string, goal: number): BenchResult {
  return { name, value: Math.round(value * 10) / 10, unit, goal, met: value < goal };
}

async function timeFormats(log: (line: string) => void): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const large = syntheticReportModel(10_000);
  let bytes = 0;
  results.push(result('JSON, 10,000 entries', await time(() => (bytes = renderJson(large).length)), 'ms', 1000));
  log(`JSON, 10,000 entries: ${(bytes / MB).toFixed(1)} MB`);
  results.push(result('CSV, 10,000 entries', await time(() => (bytes = renderCsv(large).length)), 'ms', 1000));
  log(`CSV, 10,000 entries: ${(bytes / MB).toFixed(1)} MB`);
  results.push(result('Markdown, 10,000 entries', await time(() => (bytes = renderMarkdown(large).length)), 'ms', 1000));
  log(`Markdown, 10,000 entries: ${(bytes / MB).toFixed(1)} MB`);

  const thousand = syntheticReportModel(1_000);
  results.push(result('PDF, 1,000 entries', await time(async () => (bytes = (await renderPdf(thousand)).length), 1), 'ms', 5000));
  const compressed = (await renderPdf(thousand, { compress: true })).length;
  log(`PDF, 1,000 entries: ${(bytes / MB).toFixed(1)} MB (${(compressed / MB).toFixed(1)} MB with compress: true)`);
  return results;
}

/** Streams 100,000 entries from a generator (as from a database cursor) into a sink that only counts bytes. */
async function streamMemory(log: (line: string) => void): Promise<BenchResult[]> {
  const gc = collector();
  const total = 100_000;
  const header = syntheticHeader(total);
  gc();
  const start = process.memoryUsage();
  let middle = start;
  let streamed = 0;
  let rows = 0;
  const began = performance.now();
  for await (const chunk of renderCsvStream(header, syntheticEntryStream(total))) {
    streamed += Buffer.byteLength(chunk);
    if (++rows === total / 2) {
      gc();
      middle = process.memoryUsage();
    }
  }
  const streamMs = performance.now() - began;
  gc();
  const end = process.memoryUsage();
  const line = (label: string, m: NodeJS.MemoryUsage) => `  ${label.padEnd(6)} rss ${(m.rss / MB).toFixed(1)} MB, heapUsed ${(m.heapUsed / MB).toFixed(1)} MB`;
  log(`CSV stream of ${total.toLocaleString('en')} entries: ${(streamed / MB).toFixed(1)} MB in ${Math.round(streamMs)} ms`);
  log(line('start', start));
  log(line('middle', middle));
  log(line('end', end));
  const growth = Math.max(middle.heapUsed, end.heapUsed) - start.heapUsed;
  return [result('CSV stream, 100,000 entries: heap growth', growth / MB, 'MB', 50), result('CSV stream, 100,000 entries: time', streamMs, 'ms', 10_000)];
}

export async function runReportsBench(log: (line: string) => void = () => undefined): Promise<BenchResult[]> {
  // Memory first, before the timing runs leave garbage behind.
  const memory = await streamMemory(log);
  const timings = await timeFormats(log);
  return [...timings, ...memory];
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.name, `${r.value} ${r.unit}`, `< ${r.goal} ${r.unit}`, r.met ? 'yes' : 'NO']);
  const head = ['benchmark', 'measured', 'goal', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(format(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(format(row));
}

if (require.main === module) {
  runReportsBench(console.log).then(
    (results) => {
      console.log('');
      printTable(results);
      if (results.some((r) => !r.met)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

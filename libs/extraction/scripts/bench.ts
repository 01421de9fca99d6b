// Measures the extraction pipeline's speed against bare wink-nlp tokenisation of the same text, in the same run.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/extraction/scripts/bench.ts [--json]
import { SAMPLE_ARTICLE } from '@claimdesk/domain';
import { extractClaims } from '../src/claims';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** The target, in words: "≥ 0.5× baseline", "< 5 ms". */
  goal: string;
  met: boolean;
}

const TARGET_BYTES = 1_000_000;
const THROUGHPUT_ROUNDS = 3;
const WARM_RUNS = 200;

function sampleArticle(): string {
  return SAMPLE_ARTICLE.text;
}

/** The sample article repeated to about 1 MB, as separate paragraphs. */
function largeText(sample: string): string {
  const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(sample));
  return new Array(copies).fill(sample).join('\n\n');
}

function seconds(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function runExtractionBench(): Promise<BenchResult[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const winkNLP = require('wink-nlp');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const model = require('wink-eng-lite-web-model');
  // The baseline is wink as a newcomer would call it: default pipeline, read the doc, take the tokens.
  const wink = winkNLP(model);
  const winkTokensOnly = winkNLP(model, []);

  const sample = sampleArticle();
  const big = largeText(sample);
  const megabytes = Buffer.byteLength(big) / 1e6;

  // Warm every path once so that no side pays for loading models or compiling.
  extractClaims(sample);
  wink.readDoc(sample).tokens().out();
  winkTokensOnly.readDoc(sample).tokens().out();

  const pipeline: number[] = [];
  const tokeniser: number[] = [];
  const tokensOnly: number[] = [];
  // Interleaved rounds, best of each: both sides see the same machine state.
  for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
    tokeniser.push(seconds(() => wink.readDoc(big).tokens().out()));
    pipeline.push(seconds(() => extractClaims(big)));
    tokensOnly.push(seconds(() => winkTokensOnly.readDoc(big).tokens().out()));
  }
  const pipelineMBs = megabytes / Math.min(...pipeline);
  const tokeniserMBs = megabytes / Math.min(...tokeniser);
  const tokensOnlyMBs = megabytes / Math.min(...tokensOnly);

  const warm: number[] = [];
  for (let i = 0; i < 50; i++) extractClaims(sample);
  for (let i = 0; i < WARM_RUNS; i++) warm.push(seconds(() => extractClaims(sample)) * 1000);
  const warmMs = median(warm);

  const ratio = pipelineMBs / tokeniserMBs;
  return [
    {
      name: `extraction pipeline, ${megabytes.toFixed(1)} MB`,
      value: round(pipelineMBs),
      unit: 'MB/s',
      baseline: round(tokeniserMBs),
      ratio: round(ratio),
      goal: '>= 0.5x wink readDoc + tokens (default pipeline)',
      met: ratio >= 0.5,
    },
    {
      name: 'sample article, warm (median of 200)',
      value: round(warmMs),
      unit: 'ms',
      goal: '< 5 ms',
      met: warmMs < 5,
    },
    {
      name: 'for reference: wink tokeniser alone (empty pipeline)',
      value: round(tokensOnlyMBs),
      unit: 'MB/s',
      goal: 'none (information)',
      met: true,
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function formatBench(results: BenchResult[]): string {
  const header = ['measure', 'value', 'baseline', 'ratio', 'goal', 'met'];
  const rows = results.map((r) => [
    r.name,
    `${r.value} ${r.unit}`,
    r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`,
    r.ratio === undefined ? '' : `${r.ratio}x`,
    r.goal,
    r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, k) => c.padEnd(widths[k]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (require.main === module) {
  runExtractionBench().then((results) => {
    process.stdout.write((process.argv.includes('--json') ? JSON.stringify(results, null, 2) : formatBench(results)) + '\n');
  });
}

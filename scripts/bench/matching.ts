// Matching: `claimdesk match` of 200 CheckThat! tweets against the 10,373 verified claims, each run a new process
// (cold start: reading the library, indexing it, loading the model and word vectors, ranking). Floor: a bare Node
// process that reads the same library file and splits it into lines. Then the API's matching of one claim against a
// 100,000-entry library (matching-http.ts; BENCH_MATCHING_API=0 skips it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, ROOT, round, tmpDir, type SectionResult } from './common';

const DATASET = path.resolve(ROOT, '..', 'shared', 'datasets', 'clef2020_checkthat_task2_en');

/** Wall time of a new Node process, and the CPU time it used (a preload prints it at exit), which a busy machine inflates less. */
function timed(args: string[], preload: string): { ms: number; cpuMs: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-r', preload, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr.slice(-500)}`);
  const cpu = /cpu-us (\d+)/.exec(run.stderr);
  return { ms, cpuMs: cpu ? Number(cpu[1]) / 1000 : NaN, stdout: run.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchMatching(): Promise<SectionResult> {
  const library = path.join(DATASET, 'verified_claims.docs.tsv');
  if (!fs.existsSync(library)) throw new Error(`needs the CheckThat! 2020 task 2 data in ${DATASET}`);
  const lines = ['dev', 'train'].flatMap((split) =>
    fs
      .readFileSync(path.join(DATASET, split, 'tweets.queries.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean),
  );
  const dir = tmpDir('matching');
  const queries = path.join(dir, 'queries.tsv');
  fs.writeFileSync(queries, `id\ttext\n${lines.slice(0, 200).join('\n')}\n`);
  const preload = path.join(dir, 'cpu.js');
  fs.writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `cpu-us ${u.user + u.system}\\n`); });\n");
  const runs: number[] = [];
  const cpus: number[] = [];
  const floors: number[] = [];
  let output = '';
  for (let i = 0; i < 3; i++) {
    floors.push(timed(['-e', `require('fs').readFileSync(${JSON.stringify(library)}, 'utf8').split('\\n').length`], preload).ms);
    const run = timed([path.join(ROOT, 'bin/claimdesk.js'), 'match', queries, '--library', library, '--top', '5'], preload);
    runs.push(run.ms);
    cpus.push(run.cpuMs);
    output = run.stdout;
    log(`match run ${i + 1}: ${Math.round(run.ms)} ms wall, ${Math.round(run.cpuMs)} ms CPU`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const api = process.env.BENCH_MATCHING_API === '0' ? [] : await (await import('./matching-http')).benchMatchingApi(DATASET);
  const value = median(runs) / 1000;
  const floor = median(floors) / 1000;
  return {
    measures: [
      {
        section: 'matching',
        name: '`claimdesk match`, 200 queries × 10,375 library entries, cold start (median of 3)',
        value: round(value, 2),
        unit: 's',
        baseline: round(floor, 2),
        ratio: round(value / floor, 1),
        goal: '< 5 s',
        met: value < 5,
        note: `${output.trim().split('\n').length} ranked lines; floor = bare Node reading the library file; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      },
      {
        section: 'matching',
        name: 'the same, CPU time of the process (user + system, median of 3)',
        value: round(median(cpus) / 1000, 2),
        unit: 's',
        goal: 'none (information)',
        met: null,
        note: 'what the run costs a machine with a free core',
      },
      ...api,
    ],
  };
}

// `npm run bench:matching-api`: the API's per-claim matching cost against a
// 100,000-entry library. Builds the same index the server keeps per workspace (a Matcher over library entries,
// ranked with rankMatches as GET /api/claims/:id/matches does) and times one claim at a time, 200 claims.
// The library: the 10,375 CheckThat! verified claims plus synthetic entries (halves of two verified claims spliced,
// seeded) up to 100,000. The queries: the first 200 dev tweets. Not part of `npm run bench`: run it on its own.
import path from 'node:path';
import os from 'node:os';
import { buildIndexSnapshot, Matcher, snapshotBuffers } from '@claimdesk/matching';
import type { LibraryEntryRow } from '@claimdesk/db';
import { rankMatches } from '../../libs/server/src/library/library.mapper';
import { tsvRows } from './common';

const DATASET = path.resolve(__dirname, '..', '..', '..', 'shared', 'datasets', 'clef2020_checkthat_task2_en');
const SIZE = Number(process.env.LIBRARY_SIZE ?? 100_000);

function entry(i: number, claim: string, title: string | null): LibraryEntryRow {
  return {
    id: `e${i}`,
    origin: 'import',
    importId: null,
    verdictId: null,
    claimId: null,
    claim,
    title,
    rating: null,
    ratingKey: null,
    publisher: null,
    url: null,
    date: null,
    language: null,
    claimant: null,
    createdAt: new Date(0),
    fileName: null,
  };
}

function main() {
  const verified = tsvRows(path.join(DATASET, 'verified_claims.docs.tsv')).map((r) => ({ claim: r[1] ?? '', title: r[2] ?? null }));
  const entries = verified.map((v, i) => entry(i, v.claim, v.title));
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  while (entries.length < SIZE) {
    const a = verified[Math.floor(next() * verified.length)].claim.split(' ');
    const b = verified[Math.floor(next() * verified.length)].claim.split(' ');
    entries.push(entry(entries.length, [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' '), null));
  }
  const queries = tsvRows(path.join(DATASET, 'dev', 'tweets.queries.tsv'))
    .slice(0, 200)
    .map((r) => r[1]);
  const cpu0 = process.cpuUsage();
  const built = performance.now();
  const matcher = new Matcher(entries);
  const buildMs = performance.now() - built;
  const buildCpuMs = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000;
  rankMatches(matcher, 'none', queries[0], 5); // the first query computes the entries' vectors
  // What the server's event loop pays for an index built in a worker thread: wrapping the transferred snapshot.
  const snapshot = buildIndexSnapshot(entries);
  const moved = structuredClone(snapshot, { transfer: snapshotBuffers(snapshot) });
  const restoring = performance.now();
  const restored = new Matcher(entries, { snapshot: moved });
  const restoreMs = performance.now() - restoring;
  const same = queries
    .slice(0, 20)
    .every((q) => JSON.stringify(rankMatches(restored, 'none', q, 5).map((m) => [m.entry.id, m.score])) === JSON.stringify(rankMatches(matcher, 'none', q, 5).map((m) => [m.entry.id, m.score])));
  const times: number[] = [];
  const cpus: number[] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    rankMatches(matcher, 'none', q, 5);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
  }
  const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
  console.log(
    JSON.stringify(
      {
        entries: entries.length,
        queries: queries.length,
        indexBuildMs: Math.round(buildMs),
        indexBuildCpuMs: Math.round(buildCpuMs),
        snapshotRestoreMs: Math.round(restoreMs),
        snapshotRanksAlike: same,
        p50Ms: +p(times, 0.5).toFixed(1),
        p95Ms: +p(times, 0.95).toFixed(1),
        p95CpuMs: +p(cpus, 0.95).toFixed(1),
        loadAverage: os.loadavg()[0].toFixed(1),
        cpus: os.cpus().length,
      },
      null,
      2,
    ),
  );
}

main();

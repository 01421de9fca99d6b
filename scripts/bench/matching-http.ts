// Matching through the API: GET /api/claims/:id/matches against a 100,000-entry library (the 10,375 CheckThat!
// verified claims plus seeded splices of two of them, imported through POST /api/library/imports as five CSV files),
// for claims made of the first 200 dev tweets. Part of the matching section.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headers } from './api';
import { createWorkspaceSession, freshDatabase, log, percentile, round, startServer, tsvRows, timeFetch, tmpDir, type Measure, type Server } from './common';

const SIZE = Number(process.env.BENCH_LIBRARY_SIZE ?? 100_000);
const GOAL_MS = 20;

const csvField = (s: string) => `"${s.replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
function cpuMsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

export async function benchMatchingApi(dataset: string): Promise<Measure[]> {
  const verified = tsvRows(path.join(dataset, 'verified_claims.docs.tsv')).map((r) => ({ claim: r[1] ?? '', title: r[2] ?? '' }));
  const lines = verified.map((v, i) => `${csvField(v.claim)},${csvField(v.title)},https://checks.example/v/${i}`);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  while (lines.length < SIZE) {
    const a = verified[Math.floor(next() * verified.length)].claim.split(' ');
    const b = verified[Math.floor(next() * verified.length)].claim.split(' ');
    lines.push(`${csvField([...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' '))},,https://checks.example/s/${lines.length}`);
  }
  const dir = tmpDir('matching-api');
  // Five files of 20,000 entries each: one upload of the whole library is refused by the upload limits.
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i += 20_000) {
    const part = path.join(dir, `library-${parts.length + 1}.csv`);
    fs.writeFileSync(part, `claim,title,url\n${lines.slice(i, i + 20_000).join('\n')}\n`);
    parts.push(part);
  }
  const megabytes = parts.reduce((n, p) => n + fs.statSync(p).size, 0) / 1e6;
  const tweets = tsvRows(path.join(dataset, 'dev', 'tweets.queries.tsv'))
    .slice(0, 200)
    .map((r) => r[1].replace(/\s+/g, ' ').trim());

  const db = await freshDatabase('matching-api');
  let api: Server | null = null;
  try {
    const session = await createWorkspaceSession(db.url, 'matching');
    api = await startServer('api', { BENCH_DATABASE_URL: db.url });
    const started = performance.now();
    for (const part of parts) {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(part)]), path.basename(part));
      const accepted = await timeFetch<{ jobId: string }>(`${api.url}/api/library/imports`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
      if (accepted.status !== 202) throw new Error(`library import refused: ${accepted.status} ${JSON.stringify(accepted.body).slice(0, 300)}`);
      for (;;) {
        const job = await timeFetch<{ state: string; error?: unknown }>(`${api.url}/api/jobs/${accepted.body.jobId}`, { headers: headers(session) });
        if (job.body.state === 'completed') break;
        if (job.body.state === 'failed') throw new Error(`library import failed: ${JSON.stringify(job.body).slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const importSeconds = (performance.now() - started) / 1000;
    log(`matching api: ${lines.length} entries imported in ${importSeconds.toFixed(0)} s (${megabytes.toFixed(1)} MB in ${parts.length} files)`);
    // The claims: one article whose paragraphs are the tweets; importing it matches its claims (and builds the index).
    const article = await timeFetch<{ article: { id: string } }>(`${api.url}/api/articles`, {
      method: 'POST',
      headers: headers(session, true),
      body: JSON.stringify({ format: 'text', title: 'Matching bench', content: tweets.join('\n\n').replace(/[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]/g, ' ') }),
    });
    if (article.status >= 300) throw new Error(`article import failed: ${article.status} ${JSON.stringify(article.body).slice(0, 300)}`);
    const list = await timeFetch<{ items: Array<{ id: string }> }>(`${api.url}/api/claims?articleId=${article.body.article.id}&limit=500`, { headers: headers(session) });
    const ids = list.body.items.map((c) => c.id);
    if (!ids.length) throw new Error('the bench article has no claims');
    const times: number[] = [];
    let stale = 0;
    const url = api.url;
    const get = (id: string) => timeFetch<{ stale: boolean }>(`${url}/api/claims/${id}/matches?limit=5`, { headers: headers(session) });
    for (let i = 0; i < 10; i++) await get(ids[i % ids.length]);
    const cpu0 = cpuMsOf(api.child.pid!);
    for (let i = 0; i < 200; i++) {
      const r = await get(ids[i % ids.length]);
      if (r.status !== 200) throw new Error(`matches: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      if (r.body.stale) stale++;
      times.push(r.ms);
    }
    const cpuPerRequest = (cpuMsOf(api.child.pid!) - cpu0) / times.length;
    // Floor: the claim's own row, which the matches route reads too.
    const floors: number[] = [];
    for (let i = 0; i < 200; i++) floors.push((await timeFetch(`${api.url}/api/claims/${ids[i % ids.length]}`, { headers: headers(session) })).ms);
    const floor = percentile(floors, 95);
    const p95 = percentile(times, 95);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const note = `${lines.length.toLocaleString('en-US')} entries, ${ids.length} claims (dev tweets) asked in turn, 200 requests one after another after 10 warm-up; ${stale} answered stale; load average ${load} on ${os.cpus().length} cores; a workspace of a few hundred claims (not the million-claim seed)`;
    return [
      {
        section: 'matching',
        name: 'GET /api/claims/:id/matches, 100,000-entry library: p95 latency',
        value: round(p95, 1),
        unit: 'ms',
        baseline: round(floor, 1),
        ratio: round(p95 / floor, 1),
        goal: `< ${GOAL_MS} ms`,
        met: p95 < GOAL_MS,
        note: `floor = GET /api/claims/:id p95; ${note}`,
      },
      { section: 'matching', name: 'the same, p50 latency', value: round(percentile(times, 50), 1), unit: 'ms', goal: 'none (information)', met: null },
      {
        section: 'matching',
        name: 'the same, API process CPU time per request (mean)',
        value: round(cpuPerRequest, 1),
        unit: 'ms',
        goal: 'none (information)',
        met: null,
        note: 'user + system of the server process over the 200 requests',
      },
      {
        section: 'matching',
        name: 'POST /api/library/imports of the 100,000 entries, until the last job completed',
        value: round(importSeconds, 0),
        unit: 's',
        goal: 'none (information)',
        met: null,
        note: `${megabytes.toFixed(1)} MB in ${parts.length} files of 20,000 entries, one after another; includes matching the workspace's claims (none yet)`,
      },
    ];
  } finally {
    await api?.stop();
    await db.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

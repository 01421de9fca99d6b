// `npm run bench [-- --only reads,writes] [--keep-seed] [--no-docs]`: measures every hot path next to its floor,
// prints a table and rewrites docs/benchmarks.md (only the sections that ran are replaced).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, ROOT, type Measure, type SectionResult } from './common';
import { PLANS_DOC, planDetails, planSummary } from './plans';

export const SECTIONS = ['extraction', 'reads', 'writes', 'import', 'scale', 'reports', 'web', 'start', 'matching', 'feeds'] as const;
type Section = (typeof SECTIONS)[number];

const TITLES: Record<Section, string> = {
  extraction: '1. Extraction',
  reads: '2. API reads',
  writes: '3. API writes',
  import: '4. Import',
  scale: '5. Scale (1,000,000 claims)',
  reports: '6. Reports',
  web: '7. Web',
  start: '8. Start',
  matching: '9. Matching',
  feeds: '10. Feed polling',
};

function parseArgs(argv: string[]) {
  const onlyIndex = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  let only: Section[] = [...SECTIONS];
  if (onlyIndex >= 0) {
    const raw = argv[onlyIndex].includes('=') ? argv[onlyIndex].split('=')[1] : argv[onlyIndex + 1];
    only = (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean) as Section[];
    const unknown = only.filter((s) => !SECTIONS.includes(s));
    if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  }
  return { only, docs: !argv.includes('--no-docs'), keepSeed: argv.includes('--keep-seed') };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results = new Map<Section, SectionResult>();
  const errors = new Map<Section, string>();
  const run = async (section: Section, fn: () => Promise<SectionResult>) => {
    if (!args.only.includes(section)) return;
    log(`── ${section}`);
    const started = Date.now();
    try {
      results.set(section, await fn());
    } catch (error) {
      const message = (error as Error)?.stack ?? String(error);
      log(`${section} failed: ${message}`);
      errors.set(section, String((error as Error)?.message ?? error).split('\n')[0]);
    }
    log(`${section} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  await run('extraction', async () => (await import('./libs')).benchExtraction());

  if (args.only.some((s) => s === 'reads' || s === 'writes' || s === 'import')) {
    const api = await import('./api');
    let ctx: Awaited<ReturnType<typeof api.apiContext>> | null = null;
    try {
      ctx = await api.apiContext();
      await run('reads', () => api.benchReads(ctx!));
      await run('writes', () => api.benchWrites(ctx!));
      await run('import', () => api.benchImport(ctx!));
    } catch (error) {
      for (const s of ['reads', 'writes', 'import'] as const) if (args.only.includes(s) && !results.has(s) && !errors.has(s)) errors.set(s, `setup failed: ${(error as Error).message}`);
      log(`api setup failed: ${(error as Error).stack}`);
    } finally {
      await ctx?.close();
    }
  }

  await run('scale', async () => (await import('./scale')).benchScale({ keep: args.keepSeed }));
  await run('reports', async () => (await import('./libs')).benchReports());
  await run('web', async () => (await import('./web')).benchWeb());
  await run('start', async () => (await import('./start')).benchStart());
  await run('matching', async () => (await import('./matching')).benchMatching());
  await run('feeds', async () => (await import('./feeds')).benchFeeds());

  const measures: Measure[] = [];
  for (const s of SECTIONS) {
    if (!args.only.includes(s)) continue;
    const r = results.get(s);
    if (r) measures.push(...r.measures);
    else measures.push({ section: s, name: `${TITLES[s]}: not measured`, value: null, unit: '', goal: '—', met: null, note: errors.get(s) ?? 'no result' });
  }
  if (args.docs) writeDocs(args.only, results, errors);
  process.stdout.write('\n' + textTable(measures) + '\n');
}

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(v);
}

function status(m: Measure): string {
  return m.met === null ? 'n/a' : m.met ? 'met' : 'MISSED';
}

function textTable(measures: Measure[]): string {
  const rows = [['measure', 'value', 'baseline', 'ratio', 'goal', 'status', 'note']];
  for (const m of measures)
    rows.push([
      String(m.name),
      `${fmt(m.value)} ${m.unit ?? ''}`.trim(),
      m.baseline == null ? '' : `${fmt(m.baseline)} ${m.unit ?? ''}`,
      m.ratio == null ? '' : `${m.ratio}×`,
      String(m.goal ?? ''),
      status(m),
      String(m.note ?? ''),
    ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, j) => r.map((c, i) => c.padEnd(widths[i])).join('  ') + (j === 0 ? '\n' + widths.map((w) => '-'.repeat(w)).join('  ') : '')).join('\n');
}

function mdTable(measures: Measure[]): string {
  const lines = ['| measure | value | baseline (floor) | ratio | goal | status | note |', '|---|---:|---:|---:|---|---|---|'];
  for (const m of measures)
    lines.push(
      `| ${m.name} | ${fmt(m.value)} ${m.unit} | ${m.baseline == null ? '' : `${fmt(m.baseline)} ${m.unit}`} | ${m.ratio == null ? '' : `${m.ratio}×`} | ${m.goal} | ${status(m) === 'MISSED' ? '**missed**' : status(m)} | ${String(m.note ?? '').replace(/\|/g, '\\|')} |`,
    );
  return lines.join('\n');
}

const DOC = path.join(ROOT, 'docs/benchmarks.md');
const begin = (s: string) => `<!-- bench:${s}:begin -->`;
const end = (s: string) => `<!-- bench:${s}:end -->`;

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The text between a section's markers replaced by `body`; a section not in `doc` yet is added at its end. */
function replaceBlock(doc: string, s: Section, body: string): string {
  const block = `${begin(s)}\n${body.trim()}\n${end(s)}`;
  const m = doc.indexOf(begin(s));
  const e = doc.indexOf(end(s));
  if (m >= 0 && e > m) return doc.slice(0, m) + block + doc.slice(e + end(s).length);
  return `${doc.trimEnd()}\n\n## ${TITLES[s]}\n\n${block}\n`;
}

/** The whole query plans of the sections that ran and have them, in their own file beside docs/benchmarks.md. */
function writePlans(only: Section[], results: Map<Section, SectionResult>, date: string) {
  const file = path.join(ROOT, PLANS_DOC);
  let doc = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Query plans\n\nWritten by `npm run bench` (scripts/bench/index.ts) beside [benchmarks.md](benchmarks.md), which summarises them; do not edit between the markers by hand.\n';
  let changed = false;
  for (const s of only) {
    const plans = results.get(s)?.plans;
    if (!plans) continue;
    doc = replaceBlock(doc, s, `_EXPLAIN (ANALYZE, BUFFERS), ${date}._\n\n${planDetails(plans)}`);
    changed = true;
  }
  if (!changed) return;
  fs.writeFileSync(file, doc.endsWith('\n') ? doc : `${doc}\n`);
  log(`wrote ${PLANS_DOC}`);
}

function writeDocs(only: Section[], results: Map<Section, SectionResult>, errors: Map<Section, string>) {
  const old = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
  const previous = (s: Section) => {
    const m = old.indexOf(begin(s));
    const e = old.indexOf(end(s));
    return m >= 0 && e > m ? old.slice(m + begin(s).length, e).trim() : null;
  };
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const command = `npm run bench${only.length === SECTIONS.length ? '' : ` -- --only ${only.join(',')}`}`;
  const body = (s: Section): string => {
    if (!only.includes(s)) return previous(s) ?? '_Not measured yet._';
    const r = results.get(s);
    const stamp = `_Measured ${date} on ${machine()} with \`${command}\`, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end._`;
    if (!r) return `${stamp}\n\n**Not measured:** ${errors.get(s) ?? 'no result'}`;
    return [stamp, '', mdTable(r.measures), r.details ? `\n${r.details}` : '', r.plans ? `\n${planSummary(r.plans)}` : ''].join('\n');
  };
  // Only what lies between a measured section's markers is rewritten: the prose around the sections (what a
  // measure means, the findings, what bounds a goal) is written by people and stays as it is.
  let doc = old;
  for (const s of SECTIONS) doc = replaceBlock(doc, s, body(s));
  writePlans(only, results, date);
  if (!old) {
    const head = [
      '# Benchmarks',
      '',
      'Written by `npm run bench` (scripts/bench/index.ts); do not edit between the markers by hand. Run a subset with',
      '`npm run bench -- --only reads,writes` (sections: ' + SECTIONS.join(', ') + '); the other sections keep their last numbers and their own',
      'date/machine stamp.',
    ].join('\n');
    doc = `${head}\n${doc}`;
  }
  fs.writeFileSync(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
  log(`wrote docs/benchmarks.md`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

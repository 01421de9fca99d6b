// Query plans of the scale section: the whole EXPLAIN (ANALYZE, BUFFERS) output goes to docs/benchmark-plans.md,
// and docs/benchmarks.md gets one line per query (time, rows, buffers, the scans that ran), so the results page stays short.

export interface QueryPlan {
  title: string;
  /** The lines of EXPLAIN (ANALYZE, BUFFERS) in text format, as PostgreSQL prints them. */
  lines: string[];
}

export const PLANS_DOC = 'docs/benchmark-plans.md';

/** The anchor GitHub gives a heading, for links from the summary to the plan. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

interface PlanFacts {
  executionMs: number | null;
  planningMs: number | null;
  rows: string;
  buffers: string;
  scans: string[];
}

function planFacts(lines: string[]): PlanFacts {
  const number = (re: RegExp): number | null => {
    for (const l of lines) {
      const m = re.exec(l);
      if (m) return Number(m[1]);
    }
    return null;
  };
  const rows = /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/.exec(lines[0] ?? '')?.[1] ?? '';
  // The top node's buffers count its children's; the planner's own reads sit under "Planning:" and are left out.
  const top = lines.slice(1).find((l) => /^\s*Buffers:/.test(l)) ?? '';
  const scans = new Set<string>();
  for (const l of lines) {
    if (/never executed/.test(l)) continue;
    const m = /(Index Only Scan|Bitmap Index Scan|Index Scan|Seq Scan)(?: Backward)? (?:using|on) (\S+)/.exec(l);
    if (m) scans.add(`${m[1]} ${m[2]}`);
  }
  return {
    executionMs: number(/^\s*Execution Time: ([\d.]+) ms/),
    planningMs: number(/^\s*Planning Time: ([\d.]+) ms/),
    rows: rows.replace(/\.00$/, ''),
    buffers: top.replace(/^\s*Buffers:\s*/, ''),
    scans: [...scans],
  };
}

/** One row per query for docs/benchmarks.md, each linking to its whole plan. */
export function planSummary(plans: QueryPlan[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `### Query plans (EXPLAIN ANALYZE; the whole plans are in [benchmark-plans.md](benchmark-plans.md))`,
    '',
    '| query | execution ms | planning ms | rows | buffers | scans that ran |',
    '|---|---:|---:|---:|---|---|',
    ...plans.map((p) => {
      const f = planFacts(p.lines);
      const link = `[${cell(p.title)}](benchmark-plans.md#${anchor(p.title)})`;
      return `| ${link} | ${f.executionMs ?? ''} | ${f.planningMs ?? ''} | ${f.rows} | ${cell(f.buffers)} | ${cell(f.scans.join(', '))} |`;
    }),
  ].join('\n');
}

/** The whole plans, for docs/benchmark-plans.md. */
export function planDetails(plans: QueryPlan[]): string {
  return plans.map((p) => [`### ${p.title}`, '', '```', ...p.lines, '```'].join('\n')).join('\n\n');
}

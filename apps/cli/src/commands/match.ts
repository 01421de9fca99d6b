import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type * as ArticleQueries from './match-article';
import { Matcher, readLibraryFile, type Match } from '@claimdesk/matching';

interface Query {
  id: string;
  text: string;
}

const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.docx']);

/** Queries from a TSV (`id<TAB>text`, header row first) or the check-worthy claims of an article file. */
async function readQueries(file: string): Promise<Query[]> {
  if (!fs.existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    const queries: Query[] = [];
    lines.slice(1).forEach((line, i) => {
      if (!line.trim()) return;
      const tab = line.indexOf('\t');
      if (tab < 0) throw new Error(`${file} line ${i + 2}: expected id<TAB>text`);
      queries.push({ id: line.slice(0, tab).trim(), text: line.slice(tab + 1) });
    });
    return queries;
  }
  if (!ARTICLE_EXTENSIONS.has(ext)) throw new Error(`${file}: queries are a .tsv of id<TAB>text, or an article (.txt, .md, .html, .docx)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for an article file (see match-article.ts)
  const { articleQueries } = require('./match-article') as typeof ArticleQueries;
  return articleQueries(file);
}

function toJson(query: Query, matches: Match[]): object {
  return {
    id: query.id,
    text: query.text,
    matches: matches.map((m) => ({
      rank: m.rank,
      score: Number(m.score.toFixed(4)),
      strong: m.strong,
      possible: m.possible,
      entry: m.entry,
      reasons: m.reasons,
    })),
  };
}

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('rank the entries of a fact-check library for each query: has this claim been checked before? (no database needed)')
    .argument('<queries>', 'a .tsv of id<TAB>text with a header row, or an article file (.txt, .md, .html, .docx) whose check-worthy claims become the queries')
    .requiredOption('--library <file>', 'a library file, as `claimdesk library import` reads it (ClaimReview JSON-LD, CSV or TSV)')
    .option(
      '--top <n>',
      'matches per query',
      (value: string) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError(`top must be a whole number from 1 to 1000 (got "${value}")`);
        return n;
      },
      5,
    )
    .option(
      '--format <format>',
      'trec (qid Q0 docid rank score claimdesk) or json',
      (value: string) => {
        if (value !== 'trec' && value !== 'json') throw new InvalidArgumentError(`format must be trec or json (got "${value}")`);
        return value;
      },
      'trec',
    )
    .action(async (queriesFile: string, opts: { library: string; top: number; format: 'trec' | 'json' }) => {
      const queries = await readQueries(queriesFile);
      // Every record keeps its own id, so that a ranking can be scored against the file's ids.
      const library = await readLibraryFile(opts.library, { dedup: false });
      for (const skip of library.skipped) process.stderr.write(`${opts.library}: line ${skip.line} skipped: ${skip.reason}\n`);
      const matcher = new Matcher(library.entries);
      const out: string[] = [];
      const json: object[] = [];
      for (const query of queries) {
        const matches = matcher.match(query.text, { top: opts.top });
        if (opts.format === 'json') json.push(toJson(query, matches));
        else for (const m of matches) out.push(`${query.id} Q0 ${m.entry.id.replace(/\s+/g, '_')} ${m.rank} ${m.score.toFixed(6)} claimdesk`);
      }
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify({ queries: json }, null, 2)}\n` : out.length ? `${out.join('\n')}\n` : '');
    });
}

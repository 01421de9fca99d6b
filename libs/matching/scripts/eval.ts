// Measures matching on the CheckThat! 2020 task 2 dev split with the shipped model (trained on train only):
// MAP@5 (trec_eval map_cut_5) and MRR@5, beside plain BM25 over claim and headline.
// Usage: npm run eval:matching [-- --split train|dev]
import { Bm25Index, topN } from '../src/bm25';
import { Matcher } from '../src/matcher';
import { normaliseClaim, tokenise } from '../src/normalise';
import { readLibraryFile } from '../src/library-file';
import { libraryFile, readQueries } from './datasets';
import { averagePrecisionAt, mean, reciprocalRankAt } from './metrics';

async function main(): Promise<void> {
  const splitArg = process.argv.indexOf('--split');
  const split = splitArg > 0 ? process.argv[splitArg + 1] : 'dev';
  if (split !== 'dev' && split !== 'train') throw new Error('--split must be dev or train');
  const { entries } = await readLibraryFile(libraryFile(), { dedup: false });
  const queries = readQueries(split);
  const started = Date.now();
  const matcher = new Matcher(entries);
  const bm25 = new Bm25Index();
  for (const e of entries) bm25.add(tokenise(normaliseClaim(`${e.claim} ${e.title ?? ''}`)).map((t) => t.stem));
  const rows = { model: { ap: [] as number[], rr: [] as number[] }, bm25: { ap: [] as number[], rr: [] as number[] } };
  for (const q of queries) {
    const ranked = matcher.match(q.text, { top: 5 }).map((m) => m.entry.id);
    rows.model.ap.push(averagePrecisionAt(ranked, q.relevant));
    rows.model.rr.push(reciprocalRankAt(ranked, q.relevant));
    const baseline = topN(bm25.scoreAll(tokenise(normaliseClaim(q.text)).map((t) => t.stem)), 5).map(([doc]) => entries[doc].id);
    rows.bm25.ap.push(averagePrecisionAt(baseline, q.relevant));
    rows.bm25.rr.push(reciprocalRankAt(baseline, q.relevant));
  }
  console.log(`CheckThat! 2020 task 2 (English), ${split} split: ${queries.length} queries, ${entries.length} verified claims`);
  console.log(`  model (BM25 + word vectors, re-ranked)  MAP@5 ${mean(rows.model.ap).toFixed(3)}  MRR@5 ${mean(rows.model.rr).toFixed(3)}`);
  console.log(`  plain BM25 over claim and headline      MAP@5 ${mean(rows.bm25.ap).toFixed(3)}  MRR@5 ${mean(rows.bm25.rr).toFixed(3)}`);
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s for both)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

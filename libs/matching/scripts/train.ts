// Trains the matching re-ranker on the CheckThat! 2020 task 2 train split, picks its settings on dev, and writes
// libs/matching/model/reranker.json, and the reference document frequencies of its library to reference-df.tsv.
// Reproducible: seeded initialisation, full-batch training.
// Usage: npm run train:matching
import crypto from 'node:crypto';
import fs from 'node:fs';
import { DEFAULT_RETRIEVAL, FEATURE_NAMES, FeatureIndex, type RetrievalOptions } from '../src/features';
import { readLibraryFile, textKey } from '../src/library-file';
import { buildReference, formatReference, REFERENCE_FILE } from '../src/reference';
import { MODEL_FILE, rerank, type RerankerModel } from '../src/reranker';
import { shippedVectors } from '../src/vectors';
import { libraryFile, readQueries, type Query } from './datasets';
import { averagePrecisionAt, mean, reciprocalRankAt } from './metrics';

interface Row {
  query: number;
  doc: number;
  x: number[];
  y: 0 | 1;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function candidateRows(index: FeatureIndex, ids: string[], queries: Query[], retrieval: RetrievalOptions): Row[] {
  const rows: Row[] = [];
  queries.forEach((q, qi) => {
    for (const c of index.candidates(q.text, retrieval)) rows.push({ query: qi, doc: c.doc, x: c.features, y: q.relevant.has(ids[c.doc]) ? 1 : 0 });
  });
  return rows;
}

/**
 * The same queries against the library without their matches (query numbers after the others'): every candidate is
 * wrong. A desk's claims mostly have no fact-check in its library, and the features compare each candidate with the
 * best one, so without these rows the best of unrelated entries looked like a match ("91%").
 */
export function unmatchedRows(index: FeatureIndex, ids: string[], queries: Query[], retrieval: RetrievalOptions, twinsOf: (doc: number) => number[]): Row[] {
  const docOf = new Map(ids.map((id, doc) => [id, doc]));
  const rows: Row[] = [];
  queries.forEach((q, qi) => {
    const matches = [...q.relevant].map((id) => docOf.get(id)).filter((d): d is number => d !== undefined);
    const without = new Set(matches.flatMap((d) => twinsOf(d)));
    for (const c of index.candidates(q.text, retrieval, false, without)) rows.push({ query: queries.length + qi, doc: c.doc, x: c.features, y: 0 });
  });
  return rows;
}

/** The entries with the same claim as an entry (itself included): the collection repeats claims under other ids. */
function twins(claims: string[]): (doc: number) => number[] {
  const byKey = new Map<string, number[]>();
  claims.forEach((claim, doc) => byKey.set(textKey(claim), [...(byKey.get(textKey(claim)) ?? []), doc]));
  return (doc) => byKey.get(textKey(claims[doc])) ?? [doc];
}

/** The top score of each query's candidates: how sure the model is of its best answer. */
function topScores(model: RerankerModel, rows: Row[]): number[] {
  const top = new Map<number, number>();
  for (const r of rows) top.set(r.query, Math.max(top.get(r.query) ?? 0, rerank(model, r.x)));
  return [...top.values()];
}

/**
 * How much the per-query ranking loss counts beside the per-row logistic loss. 1 was tried: dev MAP@5 0.791 against
 * 0.794 without it (docs/matching.md), so it is off.
 */
const LIST_WEIGHT = 0;

/** Train on the queries against the library without their matches too (`unmatchedRows`). */
const OPEN_WORLD = process.env.MATCHING_OPEN_WORLD !== '0';

/**
 * How much a right candidate counts against a wrong one. Chosen on dev with the rows without matches (docs/matching.md):
 * 20 left the best of unrelated entries at 0.5 or more for 81% of the queries without their matches, 4 for 42%, 1 for
 * 8%, at dev MAP@5 0.838, 0.838 and 0.835; strong matches found the right entry for 48%, 51% and 46% of the queries.
 */
const POSITIVE_WEIGHT = Number(process.env.MATCHING_POSITIVE_WEIGHT ?? 4);

/**
 * Trains the network with Adam, full batch: logistic loss per candidate (positives weighted up to balance the classes)
 * plus softmax cross-entropy over each query's candidates.
 */
function trainNetwork(rows: Row[], hiddenUnits: number, l2: number, epochs: number, seed: number): Omit<RerankerModel, 'retrieval' | 'strongMatch' | 'possibleMatch'> {
  const n = FEATURE_NAMES.length;
  const meanOf = Array.from({ length: n }, (_, i) => mean(rows.map((r) => r.x[i])));
  const scale = Array.from({ length: n }, (_, i) => Math.sqrt(mean(rows.map((r) => (r.x[i] - meanOf[i]) ** 2))) || 1);
  const X = rows.map((r) => r.x.map((v, i) => (v - meanOf[i]) / scale[i]));
  const positives = rows.filter((r) => r.y).length;
  const positiveWeight = Math.min(POSITIVE_WEIGHT, (rows.length - positives) / Math.max(1, positives));
  const random = mulberry32(seed);
  const hidden = Array.from({ length: hiddenUnits }, () => Array.from({ length: n + 1 }, (_, i) => (i === n ? 0 : (random() - 0.5) * (2 / Math.sqrt(n)))));
  const output = Array.from({ length: hiddenUnits + 1 }, (_, j) => (j === hiddenUnits ? 0 : (random() - 0.5) * 0.5));
  const linear = Array.from({ length: n }, () => 0);
  const params = [...hidden, output, linear];
  const m = params.map((p) => p.map(() => 0));
  const v = params.map((p) => p.map(() => 0));
  const rate = 0.03;
  const queries = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (!queries.has(r.query)) queries.set(r.query, []);
    queries.get(r.query)!.push(i);
  });
  const listQueries = [...queries.values()].filter((list) => list.some((i) => rows[i].y));
  const totalWeight = rows.reduce((s, r) => s + (r.y ? positiveWeight : 1), 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grads = params.map((p) => p.map(() => 0));
    // Forward: hidden activations and the logit of every row.
    const H = X.map((x) =>
      hidden.map((w) => {
        let a = w[n];
        for (let i = 0; i < n; i++) a += w[i] * x[i];
        return Math.tanh(a);
      }),
    );
    const Z = X.map((x, r) => {
      let z = output[hiddenUnits];
      for (let i = 0; i < n; i++) z += linear[i] * x[i];
      for (let j = 0; j < hiddenUnits; j++) z += output[j] * H[r][j];
      return z;
    });
    // Loss = weighted logistic loss per row (keeps scores calibrated) + softmax cross-entropy per query (the ranking).
    const G = rows.map((row, r) => ((1 / (1 + Math.exp(-Z[r])) - row.y) * (row.y ? positiveWeight : 1)) / totalWeight);
    for (const list of listQueries) {
      const top = Math.max(...list.map((r) => Z[r]));
      const e = list.map((r) => Math.exp(Z[r] - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const relevant = list.filter((r) => rows[r].y).length;
      list.forEach((r, k) => (G[r] += (LIST_WEIGHT * (e[k] / sum - (rows[r].y ? 1 / relevant : 0))) / listQueries.length));
    }
    X.forEach((x, r) => {
      const g = G[r];
      const h = H[r];
      const go = grads[hiddenUnits];
      for (let j = 0; j < hiddenUnits; j++) {
        go[j] += g * h[j];
        const gh = g * output[j] * (1 - h[j] * h[j]);
        const gw = grads[j];
        for (let i = 0; i < n; i++) gw[i] += gh * x[i];
        gw[n] += gh;
      }
      go[hiddenUnits] += g;
      const gl = grads[hiddenUnits + 1];
      for (let i = 0; i < n; i++) gl[i] += g * x[i];
    });
    params.forEach((p, a) =>
      p.forEach((w, b) => {
        const isBias = (a < hiddenUnits && b === n) || (a === hiddenUnits && b === hiddenUnits);
        const g = grads[a][b] + (isBias ? 0 : l2 * w);
        m[a][b] = 0.9 * m[a][b] + 0.1 * g;
        v[a][b] = 0.999 * v[a][b] + 0.001 * g * g;
        const mh = m[a][b] / (1 - 0.9 ** epoch);
        const vh = v[a][b] / (1 - 0.999 ** epoch);
        p[b] = w - (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }),
    );
  }
  return { features: [...FEATURE_NAMES], mean: meanOf, scale, hidden, output, linear };
}

export function evaluate(model: RerankerModel, rows: Row[], ids: string[], queries: Query[]): { map5: number; mrr5: number } {
  const byQuery = new Map<number, Array<{ doc: number; score: number }>>();
  for (const r of rows) {
    if (!byQuery.has(r.query)) byQuery.set(r.query, []);
    byQuery.get(r.query)!.push({ doc: r.doc, score: rerank(model, r.x) });
  }
  const ap: number[] = [];
  const rr: number[] = [];
  queries.forEach((q, qi) => {
    const ranked = (byQuery.get(qi) ?? []).sort((a, b) => b.score - a.score || a.doc - b.doc).map((c) => ids[c.doc]);
    ap.push(averagePrecisionAt(ranked, q.relevant));
    rr.push(reciprocalRankAt(ranked, q.relevant));
  });
  return { map5: mean(ap), mrr5: mean(rr) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const entries = (await readLibraryFile(libraryFile(), { dedup: false })).entries;
  const ids = entries.map((e) => e.id);
  const twinsOf = twins(entries.map((e) => e.claim));
  // The reference frequencies ship beside the model: the features of any library are taken over its counts and these.
  const texts = entries.map((e) => ({ claim: e.claim, title: e.title ?? '' }));
  const reference = buildReference(texts);
  const digest = crypto.createHash('sha256').update(fs.readFileSync(libraryFile())).digest('hex');
  fs.writeFileSync(REFERENCE_FILE, formatReference(reference, `document frequencies of verified_claims.docs.tsv (sha256 ${digest}); npm run train:matching`));
  const index = new FeatureIndex(texts, shippedVectors(), undefined, reference);
  const train = readQueries('train');
  const dev = readQueries('dev');
  const retrievals: RetrievalOptions[] = [DEFAULT_RETRIEVAL, { bm25Candidates: 50, vectorCandidates: 30 }];
  let best: { model: RerankerModel; dev: { map5: number; mrr5: number }; trainScore: { map5: number }; devUnmatched: Row[] } | undefined;
  for (const retrieval of retrievals) {
    const trainRows = [...candidateRows(index, ids, train, retrieval), ...(OPEN_WORLD ? unmatchedRows(index, ids, train, retrieval, twinsOf) : [])];
    const devRows = candidateRows(index, ids, dev, retrieval);
    const devUnmatched = unmatchedRows(index, ids, dev, retrieval, twinsOf);
    const recall = (rows: Row[], qs: Query[]) => rows.filter((r) => r.y).length / qs.reduce((s, q) => s + q.relevant.size, 0);
    console.log(`candidates bm25 ${retrieval.bm25Candidates} + vectors ${retrieval.vectorCandidates}: recall train ${recall(trainRows, train).toFixed(3)}, dev ${recall(devRows, dev).toFixed(3)}`);
    for (const hiddenUnits of [0, 8]) {
      for (const l2 of [1e-3]) {
        const net = trainNetwork(trainRows, hiddenUnits, l2, 300, 7);
        const model: RerankerModel = { ...net, retrieval, strongMatch: 0.5, possibleMatch: 0.5 };
        const devScore = evaluate(model, devRows, ids, dev);
        const trainScore = evaluate(model, trainRows, ids, train);
        const unmatchedTops = topScores(model, devUnmatched);
        const share = (t: number) => unmatchedTops.filter((x) => x >= t).length / unmatchedTops.length;
        console.log(
          `  hidden ${hiddenUnits}, l2 ${l2}: train MAP@5 ${trainScore.map5.toFixed(3)}, dev MAP@5 ${devScore.map5.toFixed(3)} MRR@5 ${devScore.mrr5.toFixed(3)}; ` +
            `dev without their matches: best score ≥ 0.5 for ${share(0.5).toFixed(3)}, ≥ 0.9 for ${share(0.9).toFixed(3)}`,
        );
        if (!best || devScore.map5 > best.dev.map5) best = { model, dev: devScore, trainScore, devUnmatched };
      }
    }
  }
  const model = best!.model;
  // The strong-match threshold: the lowest score at which the top match is the right one 90% of the time, over the dev
  // queries against the library (the top is right or not) and the same queries against it without their matches (the
  // top is always wrong): as many claims with a fact-check in the library as without. The possible-match threshold is
  // the same at half the time: below it a match is more often wrong than right.
  const devRows = candidateRows(index, ids, dev, model.retrieval);
  const tops: Array<{ score: number; right: boolean }> = [];
  dev.forEach((q, qi) => {
    const top = devRows
      .filter((r) => r.query === qi)
      .map((r) => ({ doc: r.doc, score: rerank(model, r.x) }))
      .sort((a, b) => b.score - a.score)[0];
    if (top) tops.push({ score: top.score, right: q.relevant.has(ids[top.doc]) });
  });
  const unmatched = topScores(model, best!.devUnmatched);
  const all = [...tops, ...unmatched.map((score) => ({ score, right: false }))].sort((a, b) => b.score - a.score);
  model.strongMatch = lowestScoreAtPrecision(all, 0.9);
  model.possibleMatch = lowestScoreAtPrecision(all, 0.5);
  const strongRight = tops.filter((t) => t.right && t.score >= model.strongMatch).length / dev.length;
  const strongWrong = unmatched.filter((score) => score >= model.strongMatch).length / unmatched.length;
  console.log(`strong matches on dev: the right entry for ${strongRight.toFixed(3)} of the queries; an entry for ${strongWrong.toFixed(3)} of them without their matches`);
  const possibleRight = tops.filter((t) => t.right && t.score >= model.possibleMatch).length / dev.length;
  const possibleWrong = unmatched.filter((score) => score >= model.possibleMatch).length / unmatched.length;
  console.log(
    `possible matches on dev (at ${model.possibleMatch}): the right entry for ${possibleRight.toFixed(3)} of the queries; an entry for ${possibleWrong.toFixed(3)} of them without their matches`,
  );
  const rounded: RerankerModel = {
    ...model,
    mean: model.mean.map((x) => +x.toFixed(6)),
    scale: model.scale.map((x) => +x.toFixed(6)),
    hidden: model.hidden.map((w) => w.map((x) => +x.toFixed(6))),
    output: model.output.map((x) => +x.toFixed(6)),
    linear: model.linear.map((x) => +x.toFixed(6)),
  };
  fs.writeFileSync(MODEL_FILE, `${JSON.stringify(rounded)}\n`);
  console.log(
    `chose bm25 ${model.retrieval.bm25Candidates} + vectors ${model.retrieval.vectorCandidates}, ${model.hidden.length} hidden units: dev MAP@5 ${best!.dev.map5.toFixed(3)}; ` +
      `strong match at ${model.strongMatch}, possible at ${model.possibleMatch}; wrote ${MODEL_FILE} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** The lowest score at which the tops scoring at least that much are right at this rate (1 when none is). */
function lowestScoreAtPrecision(ranked: Array<{ score: number; right: boolean }>, precision: number): number {
  let right = 0;
  let line = 1;
  ranked.forEach((t, i) => {
    if (t.right) right++;
    if (right / (i + 1) >= precision) line = Math.round(t.score * 1000) / 1000;
  });
  return line;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

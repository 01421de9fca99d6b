// Ranking measures as trec_eval computes them.

/** Average precision cut at k (trec_eval map_cut_k): precision at each relevant document in the top k, over all relevant documents. */
export function averagePrecisionAt(ranked: string[], relevant: Set<string>, k = 5): number {
  if (!relevant.size) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((doc, i) => {
    if (relevant.has(doc)) sum += ++hits / (i + 1);
  });
  return sum / relevant.size;
}

/** Reciprocal rank of the first relevant document in the top k, 0 when none is there. */
export function reciprocalRankAt(ranked: string[], relevant: Set<string>, k = 5): number {
  const i = ranked.slice(0, k).findIndex((doc) => relevant.has(doc));
  return i < 0 ? 0 : 1 / (i + 1);
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

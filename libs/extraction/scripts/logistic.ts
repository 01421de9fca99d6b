// Logistic regression trained with FTRL-Proximal (McMahan et al. 2013), plus the metrics train and eval report. No ML library.
import type { FeatureVector } from '../src/features';

export interface Example {
  x: FeatureVector;
  y: 0 | 1;
}

export interface TrainOptions {
  bits: number;
  alpha: number;
  beta: number;
  /** L1 strength: drives most hashed weights to exactly zero, which keeps the committed file small. */
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export interface TrainedWeights {
  bias: number;
  weights: Float32Array;
}

/** Small seeded PRNG so that training is reproducible byte for byte. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function trainLogistic(examples: Example[], o: TrainOptions): TrainedWeights {
  const size = (1 << o.bits) + 1;
  const biasAt = size - 1;
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const weightOf = (i: number): number => {
    // The bias is not shrunk towards zero: it only carries the base rate.
    const l1 = i === biasAt ? 0 : o.l1;
    const zi = z[i];
    if (Math.abs(zi) <= l1) return 0;
    return -(zi - Math.sign(zi) * l1) / ((o.beta + Math.sqrt(n[i])) / o.alpha + (i === biasAt ? 0 : o.l2));
  };

  const w: number[] = [];
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const ex of shuffled(examples, o.seed + epoch)) {
      const { index, value } = ex.x;
      let margin = weightOf(biasAt);
      w.length = index.length;
      for (let k = 0; k < index.length; k++) {
        w[k] = weightOf(index[k]);
        margin += w[k] * value[k];
      }
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, margin))));
      const g = p - ex.y;
      const update = (i: number, gi: number, wi: number): void => {
        const sigma = (Math.sqrt(n[i] + gi * gi) - Math.sqrt(n[i])) / o.alpha;
        z[i] += gi - sigma * wi;
        n[i] += gi * gi;
      };
      update(biasAt, g, weightOf(biasAt));
      for (let k = 0; k < index.length; k++) update(index[k], g * value[k], w[k]);
    }
  }
  const weights = new Float32Array(size - 1);
  for (let i = 0; i < size - 1; i++) weights[i] = weightOf(i);
  return { bias: weightOf(biasAt), weights };
}

export function predict(model: TrainedWeights, x: FeatureVector): number {
  let margin = model.bias;
  for (let k = 0; k < x.index.length; k++) margin += model.weights[x.index[k]] * x.value[k];
  return 1 / (1 + Math.exp(-margin));
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(predicted: boolean[], gold: boolean[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** The threshold that maximises F1 on these scores (used on training folds only). */
export function bestF1Threshold(scores: number[], gold: boolean[]): { threshold: number; f1: number } {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = gold.filter(Boolean).length;
  let tp = 0;
  let best = { threshold: 0.5, f1: 0 };
  for (let k = 0; k < order.length; k++) {
    if (gold[order[k]]) tp++;
    const predictedPositive = k + 1;
    const f1 = (2 * tp) / (predictedPositive + positives);
    const next = k + 1 < order.length ? scores[order[k + 1]] : -Infinity;
    if (f1 > best.f1 && scores[order[k]] !== next) best = { threshold: (scores[order[k]] + Math.max(next, 0)) / 2, f1 };
  }
  return best;
}

/** Average precision of a ranking: the mean of precision at each relevant item. */
export function averagePrecision(scores: number[], gold: boolean[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (gold[i]) {
      hits++;
      sum += hits / (rank + 1);
    }
  });
  return hits ? sum / hits : 0;
}

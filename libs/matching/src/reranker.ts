// The re-ranker: a small neural network (a linear part plus one hidden layer of tanh units, sigmoid output) over
// standardised features.
// Weights come from libs/matching/scripts/train.ts and ship in libs/matching/model/reranker.json.
import fs from 'node:fs';
import path from 'node:path';
import { FEATURE_NAMES, type RetrievalOptions } from './features';

export interface RerankerModel {
  features: string[];
  retrieval: RetrievalOptions;
  mean: number[];
  scale: number[];
  /** hidden[j] = weights of hidden unit j over the standardised features, its bias last. */
  hidden: number[][];
  /** output weights over the hidden units, its bias last. */
  output: number[];
  /** output weights straight from the standardised features (the network's linear part). */
  linear: number[];
  /** Scores at or above this are a strong match ("checked before"); chosen on the dev split. */
  strongMatch: number;
  /** Scores at or above this are worth a look (the top match is right half the time); below it a match is weak. Chosen on the dev split. */
  possibleMatch: number;
}

export const MODEL_FILE = path.join(__dirname, '..', 'model', 'reranker.json');

let shipped: RerankerModel | undefined;

export function shippedModel(): RerankerModel {
  if (!shipped) {
    const model = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as RerankerModel;
    if (model.features.join('|') !== FEATURE_NAMES.join('|')) throw new Error(`${MODEL_FILE} was trained on other features: run npm run train:matching`);
    shipped = model;
  }
  return shipped;
}

/** Probability that the candidate is the same claim, 0…1. */
export function rerank(model: RerankerModel, features: number[]): number {
  const n = features.length;
  const x = features.map((v, i) => (v - model.mean[i]) / model.scale[i]);
  let out = model.output[model.hidden.length];
  for (let i = 0; i < n; i++) out += model.linear[i] * x[i];
  for (let j = 0; j < model.hidden.length; j++) {
    const w = model.hidden[j];
    let a = w[n];
    for (let i = 0; i < n; i++) a += w[i] * x[i];
    out += model.output[j] * Math.tanh(a);
  }
  return 1 / (1 + Math.exp(-out));
}

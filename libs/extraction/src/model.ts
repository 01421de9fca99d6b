// The check-worthiness model at inference time: a logistic regression over hashed features, read from model/checkworthiness.json.
import { encodeFeatures, FeatureConfig, FeatureSink } from './features';

/** The committed weights file (written by scripts/train.ts). */
export interface CheckWorthinessFile {
  format: 'claimdesk-checkworthiness/1';
  rebuild: string;
  trainingData: { file: string; sha256: string; rows: number; checkWorthy: number };
  features: FeatureConfig;
  /** Scores at or above this are check-worthy; chosen by cross-validation on the training data. */
  threshold: number;
  bias: number;
  /** Non-zero weights only: indices delta-encoded in ascending order. */
  weights: { index: number[]; value: number[] };
  notes?: Record<string, unknown>;
}

export class CheckWorthinessModel {
  readonly features: FeatureConfig;
  readonly threshold: number;
  private readonly bias: number;
  private readonly weights: Float32Array;
  private readonly sink = new FeatureSink();

  constructor(file: Pick<CheckWorthinessFile, 'features' | 'threshold' | 'bias' | 'weights'>) {
    this.features = file.features;
    this.threshold = file.threshold;
    this.bias = file.bias;
    this.weights = new Float32Array(1 << file.features.bits);
    let at = 0;
    for (let k = 0; k < file.weights.index.length; k++) {
      at += file.weights.index[k];
      this.weights[at] = file.weights.value[k];
    }
  }

  score(text: string, signals: string[]): number {
    encodeFeatures(text, signals, this.features, this.sink);
    let z = this.bias;
    const { index, value, length } = this.sink;
    for (let k = 0; k < length; k++) z += this.weights[index[k]] * value[k];
    return 1 / (1 + Math.exp(-z));
  }
}

let shipped: CheckWorthinessModel | null = null;

/** The model committed in model/checkworthiness.json, loaded once. */
export function shippedModel(): CheckWorthinessModel {
  if (!shipped) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const file = require('../model/checkworthiness.json') as CheckWorthinessFile;
    shipped = new CheckWorthinessModel(file);
  }
  return shipped;
}

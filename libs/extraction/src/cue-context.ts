// The learned context model that decides whether an ambiguous cue word hedges here: "would" in "Russia would send more if asked" does, in "On May 20 he would fight Holmes" it only tells a later event.
import { FeatureSink, fnv, FNV_OFFSET, mix } from './features';
import type { TokenTable } from './nlp';

/**
 * Features of the occurrence of cue `cue` at tokens [i, j): the cue itself and the words and
 * part-of-speech tags around it, each paired with the cue so that every cue learns its own
 * contexts ("considered" + "to be" hedges; "considered" + "the offer" does not).
 */
export function encodeCueContext(t: TokenTable, i: number, j: number, cue: string, bits: number, sink: FeatureSink): void {
  const mask = (1 << bits) - 1;
  sink.reset();
  const n = t.lower.length;
  const word = (k: number): string => (k >= 0 && k < n ? t.lower[k] : k < 0 ? '<s>' : '</s>');
  const tag = (k: number): string => (k >= 0 && k < n ? t.pos[k] : k < 0 ? '<s>' : '</s>');
  const c = fnv(FNV_OFFSET, cue);
  const add = (name: string, value: string, withCue: boolean): void => {
    const h = fnv(fnv(withCue ? c : FNV_OFFSET, name), value);
    sink.push(mix(h) & mask, 1);
  };
  add('c', '', true);
  add('p1', word(i - 1), true);
  add('p2', word(i - 2) + ' ' + word(i - 1), true);
  add('n1', word(j), true);
  add('n2', word(j) + ' ' + word(j + 1), true);
  add('pt', tag(i - 1), true);
  add('nt', tag(j), true);
  add('nt2', tag(j) + ' ' + tag(j + 1), true);
  add('own', tag(i), true);
  add('cap', /^\p{Lu}/u.test(t.value[i]) ? 'yes' : 'no', true);
  add('p1', word(i - 1), false);
  add('n1', word(j), false);
  add('nt2', tag(j) + ' ' + tag(j + 1), false);
}

export interface CueContextFile {
  bits: number;
  bias: number;
  threshold: number;
  /** Non-zero weights only: indices delta-encoded in ascending order. */
  weights: { index: number[]; value: number[] };
}

export class CueContextModel {
  readonly threshold: number;
  private readonly bits: number;
  private readonly bias: number;
  private readonly weights: Float32Array;
  private readonly sink = new FeatureSink();

  constructor(file: CueContextFile) {
    this.bits = file.bits;
    this.bias = file.bias;
    this.threshold = file.threshold;
    this.weights = new Float32Array(1 << file.bits);
    let at = 0;
    for (let k = 0; k < file.weights.index.length; k++) {
      at += file.weights.index[k];
      this.weights[at] = file.weights.value[k];
    }
  }

  probability(t: TokenTable, i: number, j: number, cue: string): number {
    encodeCueContext(t, i, j, cue, this.bits, this.sink);
    let z = this.bias;
    for (let k = 0; k < this.sink.length; k++) z += this.weights[this.sink.index[k]] * this.sink.value[k];
    return 1 / (1 + Math.exp(-z));
  }

  hedgesHere(t: TokenTable, i: number, j: number, cue: string): boolean {
    return this.probability(t, i, j, cue) >= this.threshold;
  }
}

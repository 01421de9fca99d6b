// Measures the shipped extraction on held-out data: ClaimBuster groundtruth.csv, CLEF 2019 task 1 test, second half of Szeged wiki.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/extraction/scripts/eval.ts [--json]
// Nothing here feeds back into the model: train.ts never reads these splits.
import { analyseSentence, ClaimAnalysis, scoreAnalysis } from '../src/claims';
import { CueLexicon, shippedCueLexicon } from '../src/cues';
import { claimFeatures, FeatureConfig } from '../src/features';
import { shippedModel } from '../src/model';
import { scoreTranscript } from '../src/transcript';
import { claimBusterFile, clefDir, loadClaimBuster, loadClef, loadSzeged, runWithDatasets, szegedFile } from './datasets';
import { averagePrecision, bestF1Threshold, Example, predict, Prf, prf, TrainedWeights, trainLogistic, TrainOptions } from './logistic';

/** The plain baseline the model has to beat: word unigrams and bigrams, nothing else. */
export const BASELINE_FEATURES: FeatureConfig = { bits: 20, words: true, bigrams: true, charNgrams: [], signals: false };
export const BASELINE_TRAINING: TrainOptions = { bits: 20, alpha: 0.1, beta: 1, l1: 0, l2: 1, epochs: 5, seed: 7 };

export const TARGETS = { claimBusterF1: 0.9, clefMap: 0.2, szegedF1: 0.87 };

interface Scored {
  score: number;
  checkWorthy: boolean;
}

function scoreSentence(text: string): Scored {
  const analysis = analyseSentence(text);
  if (!analysis) return { score: 0, checkWorthy: false };
  const { score, checkWorthy } = scoreAnalysis(analysis, shippedModel());
  return { score, checkWorthy };
}

function trainBaseline(): { model: TrainedWeights; cvThreshold: number } {
  const rows = loadClaimBuster('crowdsourced.csv');
  const examples: Example[] = rows.map((r) => ({ x: claimFeatures(r.text, [], BASELINE_FEATURES), y: r.checkWorthy ? 1 : 0 }));
  // Its own threshold by the same cross-validation the model's went through, for a fair second line.
  const debates = [...new Set(rows.map((r) => r.debate))].sort();
  const fold = new Map(debates.map((d, i) => [d, i % 5]));
  const oof = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < 5; f++) {
    const m = trainLogistic(
      examples.filter((_, i) => fold.get(rows[i].debate) !== f),
      BASELINE_TRAINING,
    );
    rows.forEach((r, i) => {
      if (fold.get(r.debate) === f) oof[i] = predict(m, examples[i].x);
    });
  }
  const cvThreshold = bestF1Threshold(
    oof,
    rows.map((r) => r.checkWorthy),
  ).threshold;
  return { model: trainLogistic(examples, BASELINE_TRAINING), cvThreshold };
}

function baselineScore(model: TrainedWeights, text: string): number {
  return predict(model, claimFeatures(text, [], BASELINE_FEATURES));
}

function isUncertain(analysis: ClaimAnalysis | null): boolean {
  return !!analysis && analysis.cues.some((c) => c.type === 'hedge' || c.type === 'speculation');
}

export interface EvalReport {
  claimBuster: { sentences: number; checkWorthy: number; model: Prf; baseline: Prf; baselineCvThreshold: Prf };
  clef: { debates: number; model: number; baseline: number; alone: number; perDebate: Record<string, { model: number; alone: number; baseline: number; positives: number }> };
  szeged: { sentences: number; uncertain: number; detector: Prf; handWrittenOnly: Prf };
  seconds: number;
}

export function runEval(): EvalReport {
  const started = Date.now();
  const baseline = trainBaseline();

  const groundtruth = loadClaimBuster('groundtruth.csv');
  const gold = groundtruth.map((r) => r.checkWorthy);
  const modelCalls = groundtruth.map((r) => scoreSentence(r.text).checkWorthy);
  const baselineScores = groundtruth.map((r) => baselineScore(baseline.model, r.text));

  const perDebate: EvalReport['clef']['perDebate'] = {};
  for (const [debate, sentences] of loadClef('test')) {
    const g = sentences.map((s) => s.checkWorthy);
    perDebate[debate] = {
      model: averagePrecision(scoreTranscript(sentences.map((s) => ({ speaker: s.speaker, text: s.text }))), g),
      alone: averagePrecision(
        sentences.map((s) => scoreSentence(s.text).score),
        g,
      ),
      baseline: averagePrecision(
        sentences.map((s) => baselineScore(baseline.model, s.text)),
        g,
      ),
      positives: g.filter(Boolean).length,
    };
  }
  const debates = Object.values(perDebate);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

  const documents = loadSzeged();
  const testHalf = documents.slice(Math.floor(documents.length / 2)).flatMap((d) => d.sentences);
  const handOnly = new CueLexicon();
  const szegedGold = testHalf.map((s) => s.cues.length > 0);
  const detected = testHalf.map((s) => isUncertain(analyseSentence(s.text, shippedCueLexicon())));
  const detectedByHand = testHalf.map((s) => isUncertain(analyseSentence(s.text, handOnly)));

  return {
    claimBuster: {
      sentences: groundtruth.length,
      checkWorthy: gold.filter(Boolean).length,
      model: prf(modelCalls, gold),
      baseline: prf(
        baselineScores.map((s) => s >= 0.5),
        gold,
      ),
      baselineCvThreshold: prf(
        baselineScores.map((s) => s >= baseline.cvThreshold),
        gold,
      ),
    },
    clef: { debates: debates.length, model: mean(debates.map((d) => d.model)), alone: mean(debates.map((d) => d.alone)), baseline: mean(debates.map((d) => d.baseline)), perDebate },
    szeged: { sentences: testHalf.length, uncertain: szegedGold.filter(Boolean).length, detector: prf(detected, szegedGold), handWrittenOnly: prf(detectedByHand, szegedGold) },
    seconds: (Date.now() - started) / 1000,
  };
}

function f(x: number): string {
  return x.toFixed(3);
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

/** The three headline measures, the shape `--json` prints and other tools read. */
export function summary(r: EvalReport): { claimbuster: { precision: number; recall: number; f1: number }; clef2019: { map: number }; szeged: { precision: number; recall: number; f1: number } } {
  const three = (p: Prf): { precision: number; recall: number; f1: number } => ({ precision: round3(p.precision), recall: round3(p.recall), f1: round3(p.f1) });
  return { claimbuster: three(r.claimBuster.model), clef2019: { map: round3(r.clef.model) }, szeged: three(r.szeged.detector) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function formatReport(r: EvalReport): string {
  const w = [44, 10, 9, 9, 9];
  const met = (value: number, target: number): string => (value >= target ? `met (>= ${target})` : `MISSED (target ${target})`);
  const lines = [
    `ClaimBuster groundtruth.csv: ${r.claimBuster.sentences} sentences, ${r.claimBuster.checkWorthy} check-worthy (CFS vs NFS+UFS)`,
    row(['', 'precision', 'recall', 'F1', ''], w),
    row(['model + rules (shipped)', f(r.claimBuster.model.precision), f(r.claimBuster.model.recall), f(r.claimBuster.model.f1), ''], w),
    row(['baseline: LR word 1-2-grams, threshold 0.5', f(r.claimBuster.baseline.precision), f(r.claimBuster.baseline.recall), f(r.claimBuster.baseline.f1), ''], w),
    row(['baseline, threshold by CV on crowdsourced', f(r.claimBuster.baselineCvThreshold.precision), f(r.claimBuster.baselineCvThreshold.recall), f(r.claimBuster.baselineCvThreshold.f1), ''], w),
    `  F1 target: ${met(r.claimBuster.model.f1, TARGETS.claimBusterF1)}`,
    '',
    `CLEF 2019 CheckThat! task 1 test: ${r.clef.debates} debates, MAP (ranking by score; "in context" is shipped)`,
    row(['', 'in context', 'alone', 'baseline', 'positives'], w),
    ...Object.entries(r.clef.perDebate).map(([d, v]) => row([`  ${d}`, f(v.model), f(v.alone), f(v.baseline), String(v.positives)], w)),
    row(['MAP', f(r.clef.model), f(r.clef.alone), f(r.clef.baseline), ''], w),
    `  MAP target: ${met(r.clef.model, TARGETS.clefMap)}; random ranking ≈ 0.032, best 2019 primary run 0.166`,
    '',
    `Szeged uncertainty wiki.xml, second half by document order: ${r.szeged.sentences} sentences, ${r.szeged.uncertain} uncertain`,
    row(['', 'precision', 'recall', 'F1', ''], w),
    row(['hedge detector (hand-written + learned)', f(r.szeged.detector.precision), f(r.szeged.detector.recall), f(r.szeged.detector.f1), ''], w),
    row(['hand-written cues only', f(r.szeged.handWrittenOnly.precision), f(r.szeged.handWrittenOnly.recall), f(r.szeged.handWrittenOnly.f1), ''], w),
    `  F1 target: ${met(r.szeged.detector.f1, TARGETS.szegedF1)}`,
    '',
    `eval took ${r.seconds.toFixed(0)} s`,
  ];
  return lines.join('\n');
}

if (require.main === module) {
  runWithDatasets(
    () => [claimBusterFile('crowdsourced.csv'), claimBusterFile('groundtruth.csv'), clefDir('test'), szegedFile()],
    () => {
      const report = runEval();
      process.stdout.write((process.argv.includes('--json') ? JSON.stringify(summary(report), null, 2) : formatReport(report)) + '\n');
    },
  );
}

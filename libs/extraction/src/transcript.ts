// Check-worthiness in a transcript (a debate, a speech, a press conference): each sentence's own score, then a small
// context model over who speaks and what surrounds the sentence (transcript-context.ts).
import { analyseSentence, scoreAnalysis } from './claims';
import { CheckWorthinessModel, shippedModel } from './model';
import { shippedTranscriptContext, TranscriptLine } from './transcript-context';

export { CONTEXT_FEATURES, transcriptFeatures } from './transcript-context';
export type { TranscriptContextFile, TranscriptLine } from './transcript-context';

/** A transcript's own sentence scores: each line scored alone, with the same features, cues and rules as extractClaims. */
export function ownScores(lines: TranscriptLine[], model: CheckWorthinessModel = shippedModel()): number[] {
  return lines.map((line) => {
    const analysis = analyseSentence(line.text);
    return analysis ? scoreAnalysis(analysis, model).score : 0;
  });
}

/** Ranks the sentences of a transcript for checking, with the committed context model. */
export function scoreTranscript(lines: TranscriptLine[]): number[] {
  return shippedTranscriptContext().score(lines, ownScores(lines));
}

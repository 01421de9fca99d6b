// The transcript context model: a small logistic model over who speaks and what surrounds a sentence, on top of the
// sentence's own score (model/transcript-context.json). No dependency on the claim pipeline, so extractClaims can use it.
import type { FeatureVector } from './features';

export interface TranscriptLine {
  speaker: string;
  text: string;
}

/** The committed context model (written by scripts/train.ts): one weight per named context feature. */
export interface TranscriptContextFile {
  format: 'claimdesk-transcript-context/1';
  rebuild: string;
  trainingData: { files: string; sha256: string; debates: number; sentences: number; checkWorthy: number };
  bias: number;
  weights: Record<string, number>;
  notes?: Record<string, unknown>;
}

/**
 * The context features, in a fixed order. `own` is the sentence's own score (a logit, scaled); `near*` the same
 * speaker's neighbouring sentences within the turn (two either side); `moderator` a speaker whose sentences are mostly
 * questions; `system` stage directions and audience reactions; `afterQuestion` a turn that answers a question.
 */
export const CONTEXT_FEATURES = [
  'own',
  'nearMean',
  'nearMax',
  'alone',
  'system',
  'moderator',
  'afterQuestion',
  'position:0',
  'position:1',
  'position:2',
  'position:3+',
  'lastInTurn',
  'turn:1',
  'turn:2-3',
  'turn:4-9',
  'turn:10+',
  'speakerShare:small',
  'speakerShare:large',
] as const;

const INDEX = new Map<string, number>(CONTEXT_FEATURES.map((name, i) => [name, i]));
const QUESTION = /\?["'”’)\s]*$/;
const STAGE = /^(system|audience|\(?applause\)?|\(?laughter\)?|unidentified)\b/i;

function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** Context feature vectors (indices into CONTEXT_FEATURES) for every line, given each line's own score. */
export function transcriptFeatures(lines: TranscriptLine[], ownScores: number[]): FeatureVector[] {
  const speakers = new Map<string, { lines: number; questions: number }>();
  for (const line of lines) {
    const s = speakers.get(line.speaker) ?? { lines: 0, questions: 0 };
    s.lines++;
    if (QUESTION.test(line.text)) s.questions++;
    speakers.set(line.speaker, s);
  }
  const turnStart: number[] = [];
  const turnOf: number[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || lines[i - 1].speaker !== line.speaker) turnStart.push(i);
    turnOf.push(turnStart.length - 1);
  });
  const turnEnd = turnStart.map((_, k) => (k + 1 < turnStart.length ? turnStart[k + 1] : lines.length));
  const scaled = ownScores.map((p) => logit(p) / 4);

  return lines.map((line, i) => {
    const f: Array<[string, number]> = [['own', scaled[i]]];
    const turn = turnOf[i];
    const [a, b] = [turnStart[turn], turnEnd[turn]];
    const near: number[] = [];
    for (let j = Math.max(a, i - 2); j < Math.min(b, i + 3); j++) if (j !== i) near.push(scaled[j]);
    if (near.length > 0) {
      f.push(['nearMean', near.reduce((x, y) => x + y, 0) / near.length], ['nearMax', Math.max(...near)]);
    } else f.push(['alone', 1]);
    const speaker = speakers.get(line.speaker) as { lines: number; questions: number };
    if (STAGE.test(line.speaker.trim())) f.push(['system', 1]);
    else if (speaker.questions / speaker.lines > 0.2) f.push(['moderator', 1]);
    const share = speaker.lines / lines.length;
    if (share < 0.05) f.push(['speakerShare:small', 1]);
    else if (share > 0.3) f.push(['speakerShare:large', 1]);
    if (turn > 0 && QUESTION.test(lines[turnEnd[turn - 1] - 1].text)) f.push(['afterQuestion', 1]);
    const position = i - a;
    f.push([position >= 3 ? 'position:3+' : `position:${position}`, 1]);
    if (i === b - 1) f.push(['lastInTurn', 1]);
    const length = b - a;
    f.push([length === 1 ? 'turn:1' : length < 4 ? 'turn:2-3' : length < 10 ? 'turn:4-9' : 'turn:10+', 1]);
    return { index: f.map(([name]) => INDEX.get(name) as number), value: f.map(([, v]) => v) };
  });
}

/** Ranks lines in context, given each line's own score. */
export class TranscriptContextModel {
  private readonly weights: Float64Array;

  constructor(private readonly file: Pick<TranscriptContextFile, 'bias' | 'weights'>) {
    this.weights = Float64Array.from(CONTEXT_FEATURES, (name) => file.weights[name] ?? 0);
  }

  /** Priority for checking of every line of the transcript, between 0 and 1 (a ranking: higher first). */
  score(lines: TranscriptLine[], own: number[]): number[] {
    return transcriptFeatures(lines, own).map((x) => {
      let z = this.file.bias;
      for (let k = 0; k < x.index.length; k++) z += this.weights[x.index[k]] * x.value[k];
      return 1 / (1 + Math.exp(-z));
    });
  }
}

let shipped: TranscriptContextModel | null = null;

/** The committed context model, loaded once. */
export function shippedTranscriptContext(): TranscriptContextModel {
  if (!shipped) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    shipped = new TranscriptContextModel(require('../model/transcript-context.json') as TranscriptContextFile);
  }
  return shipped;
}

// "TRUMP:", "Lester Holt:", "MODERATOR (off camera):" at the start of a paragraph: a speaker label.
const SPEAKER_LABEL = /^(\p{Lu}[\p{L}\p{M}.'’\- ]{0,38}?(?: \([^)\n]{1,30}\))?):[ \t]+(?=\S)/u;
// Labels that open ordinary article paragraphs, not turns of a transcript.
const NOT_SPEAKERS = /^(note|update|updated|editor'?s note|correction|source|sources|photo|credit|read more|related|see also|warning|disclaimer|by|q|a)$/i;

/**
 * The speaker of every paragraph when the text is a transcript (speaker-labelled paragraphs, `SPEAKER: text`), else
 * null. A transcript has at least three labelled paragraphs, two speakers, and labels on at least 60 % of its
 * paragraphs; an unlabelled paragraph continues the previous speaker's turn.
 */
export function transcriptSpeakers(paragraphs: string[]): { speakers: string[]; labelLength: number[] } | null {
  const speakers: string[] = [];
  const labelLength: number[] = [];
  let labelled = 0;
  let current = '';
  for (const p of paragraphs) {
    const m = SPEAKER_LABEL.exec(p);
    if (m && !NOT_SPEAKERS.test(m[1].trim()) && m[1].trim().split(/\s+/).length <= 4) {
      current = m[1].trim().toUpperCase();
      labelled++;
      labelLength.push(m[0].length);
    } else labelLength.push(0);
    speakers.push(current);
  }
  if (labelled < 3 || labelled < 0.6 * paragraphs.length || new Set(speakers.filter(Boolean)).size < 2) return null;
  return { speakers, labelLength };
}

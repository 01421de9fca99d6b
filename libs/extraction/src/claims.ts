// Article text in, claims out: segmentation, cues, mentions, the check-worthiness model and the newsroom rules, put together.
import { quoteSelector } from './anchor';
import { CueHit, CueLexicon, AttributionHit, findApproximations, findAttributions, findQuestion, shippedCueLexicon } from './cues';
import { EntityHit, findEntities, typeSurnames } from './entities';
import { DateHit, findDates, findNumbers, NumberHit } from './mentions';
import { CheckWorthinessModel, shippedModel } from './model';
import { normaliseText } from './normalise';
import { claimKind, claimShape, NotAClaim, notAClaim } from './rules';
import { ClaimSpan, segmentClaims, wholeSpan } from './segment';
import type { ClaimKind, Cue, DateMention, Entity, ExtractedClaim, ExtractionResult, NumberMention } from './types';

/** Everything found in one claim span, before the model scores it. Token ranges, not offsets. */
export interface ClaimAnalysis {
  span: ClaimSpan;
  text: string;
  cues: CueHit[];
  attribution: AttributionHit | null;
  numbers: NumberHit[];
  dates: DateHit[];
  entities: EntityHit[];
  notAClaim: NotAClaim | null;
  kind: ClaimKind;
  /** Indicator features for the model ("hedge", "date:absolute", …). */
  signals: string[];
}

function overlaps(a: { first: number; last: number }, b: { first: number; last: number }): boolean {
  return a.first < b.last && b.first < a.last;
}

function analyseSpan(span: ClaimSpan, text: string, lexicon: CueLexicon, wholeParagraph: boolean): ClaimAnalysis {
  const t = span.tokens;
  const { first: a, last: b } = span;
  const claimText = text.slice(span.start, span.end);

  const dates = findDates(t, a, b);
  const numbers = findNumbers(t, a, b, dates);
  const entities = findEntities(t, a, b);
  const hedges = lexicon.find(t, a, b);
  const attributions = findAttributions(t, a, b);
  const question = findQuestion(t, a, b);
  const cues: CueHit[] = [...hedges, ...findApproximations(t, a, numbers)];
  for (const at of attributions) {
    const cue: CueHit = { type: 'attribution', first: at.cueFirst, last: at.cueLast };
    // "unconfirmed sources claim" is already a hedge cue; the source is still recorded.
    if (!hedges.some((h) => overlaps(h, cue))) cues.push(cue);
  }
  if (question) cues.push(question);
  cues.sort((x, y) => x.first - y.first || y.last - x.last);

  const shape = claimShape(t, a, b);
  const not = notAClaim(claimText, shape, question !== null, wholeParagraph);
  const speculation = cues.some((c) => c.type === 'speculation');
  const attribution = attributions.length > 0 ? attributions[0] : null;
  const kind = claimKind(shape, {
    notAClaim: not,
    speculation,
    attributed: attribution !== null,
    numbers: numbers.length,
    dates: dates.length,
    entities: entities.length,
  });

  const signals: string[] = [`kind:${kind}`];
  for (const type of new Set(cues.map((c) => c.type))) signals.push(`cue:${type}`);
  if (numbers.length > 0) signals.push('number');
  if (numbers.some((n) => n.unit === 'percent' || n.unit === 'percentage points')) signals.push('number:percent');
  if (numbers.some((n) => n.unit !== null && /^[A-Z]{3}$/.test(n.unit))) signals.push('number:money');
  if (numbers.some((n) => n.value !== null)) signals.push('number:value');
  for (const kindOfDate of new Set(dates.map((d) => d.kind))) signals.push(`date:${kindOfDate}`);
  for (const type of new Set(entities.map((e) => e.type))) signals.push(`entity:${type}`);
  if (not) signals.push(`not:${not}`);
  if (shape.firstPerson) signals.push('first-person');
  if (shape.opinionWords > 0) signals.push('opinion-word');
  if (!shape.hasVerb) signals.push('no-verb');
  const words = shape.words;
  signals.push(`words:${words < 5 ? 'under5' : words < 10 ? 'under10' : words < 20 ? 'under20' : words < 40 ? 'under40' : 'long'}`);

  return { span, text: claimText, cues, attribution, numbers, dates, entities, notAClaim: not, kind, signals };
}

/**
 * Combines the model with the rules: the model ranks, the rules veto. Questions, bylines,
 * credits, headings and fragments are pushed far below the threshold whatever the model says,
 * keeping their relative order so a ranking still makes sense.
 */
export function scoreAnalysis(analysis: ClaimAnalysis, model: CheckWorthinessModel): { score: number; checkWorthy: boolean; modelScore: number } {
  const modelScore = model.score(analysis.text, analysis.signals);
  if (analysis.notAClaim) return { score: Math.min(modelScore, model.threshold) * 0.25, checkWorthy: false, modelScore };
  return { score: modelScore, checkWorthy: modelScore >= model.threshold, modelScore };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const ENTITY_REASON: Record<Entity['type'], string> = {
  person: 'names a person',
  organisation: 'names an organisation',
  place: 'names a place',
  other: 'names something',
};

function reasonsFor(a: ClaimAnalysis, texts: { cues: Cue[]; attribution: string | null; entities: Entity[] }, modelScore: number): string[] {
  if (a.notAClaim) return [`not a claim: ${a.notAClaim}`];
  const reasons: string[] = [];
  if (texts.attribution) reasons.push(`attributed: ${texts.attribution}`);
  for (const cue of texts.cues) {
    if (cue.type === 'hedge') reasons.push(`hedged: ${cue.text}`);
    else if (cue.type === 'speculation') reasons.push(`speculative: ${cue.text}`);
    else if (cue.type === 'approximation') reasons.push(`approximate: ${cue.text}`);
  }
  if (a.numbers.length > 0) reasons.push('has a number');
  if (a.dates.length > 0) reasons.push(a.dates.some((d) => d.kind === 'absolute') ? 'dated event' : 'relative date');
  for (const type of ['person', 'organisation', 'place'] as const) {
    if (texts.entities.some((e) => e.type === type)) reasons.push(ENTITY_REASON[type]);
  }
  if (a.kind === 'opinion') reasons.push('reads as opinion');
  reasons.push(`model: ${modelScore.toFixed(2)}`);
  return [...new Set(reasons)];
}

/** Absolute offsets and texts for one analysis. */
function materialise(a: ClaimAnalysis, text: string): Omit<ExtractedClaim, 'score' | 'checkWorthy' | 'reasons'> {
  const t = a.span.tokens;
  const base = a.span.base;
  const at = (first: number, last: number): { text: string; start: number; end: number } => {
    const start = base + t.start[first];
    const end = base + t.end[last - 1];
    return { text: text.slice(start, end), start, end };
  };
  const cues: Cue[] = a.cues.map((c) => ({ type: c.type, ...at(c.first, c.last) }));
  const numbers: NumberMention[] = a.numbers.map((n) => ({ ...at(n.first, n.last), value: n.value, unit: n.unit }));
  const dates: DateMention[] = a.dates.map((d) => ({ ...at(d.first, d.last), kind: d.kind, iso: d.iso }));
  const entities: Entity[] = a.entities.map((e) => ({ ...at(e.first, e.last), type: e.type }));
  return {
    text: a.text,
    start: a.span.start,
    end: a.span.end,
    paragraph: a.span.paragraph,
    kind: a.kind,
    cues,
    attribution: a.attribution ? at(a.attribution.sourceFirst, a.attribution.sourceLast).text : null,
    numbers,
    dates,
    entities,
    selector: quoteSelector(text, a.span.start, a.span.end),
  };
}

export interface ExtractOptions {
  model?: CheckWorthinessModel;
  lexicon?: CueLexicon;
}

/** Splits an article into claims. The text may be raw; the result carries the normalised text all offsets point into. */
export function extractClaims(input: string, options: ExtractOptions = {}): ExtractionResult {
  const text = normaliseText(typeof input === 'string' ? input : String(input ?? ''));
  if (!text) return { text, claims: [] };
  const model = options.model ?? shippedModel();
  const lexicon = options.lexicon ?? shippedCueLexicon();

  const spans = segmentClaims(text);
  const perParagraph = new Map<number, number>();
  for (const s of spans) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);

  const analysed = spans.map((span) => {
    const analysis = analyseSpan(span, text, lexicon, perParagraph.get(span.paragraph) === 1);
    return { analysis, body: materialise(analysis, text), ...scoreAnalysis(analysis, model) };
  });
  typeSurnames(analysed.map((c) => c.body.entities));

  const claims: ExtractedClaim[] = analysed.map(({ analysis, body, score, checkWorthy, modelScore }) => ({
    text: body.text,
    start: body.start,
    end: body.end,
    paragraph: body.paragraph,
    kind: body.kind,
    score: round(score),
    checkWorthy,
    reasons: reasonsFor(analysis, body, modelScore),
    cues: body.cues,
    attribution: body.attribution,
    numbers: body.numbers,
    dates: body.dates,
    entities: body.entities,
    selector: body.selector,
  }));
  return { text, claims };
}

/**
 * Scores one pre-segmented sentence as a single claim (no splitting): how the evaluation scores
 * dataset sentences with exactly the features, cues and rules that extractClaims uses.
 */
export function analyseSentence(sentence: string, lexicon: CueLexicon = shippedCueLexicon()): ClaimAnalysis | null {
  const text = normaliseText(sentence).replace(/\n\n/g, ' ');
  const span = wholeSpan(text);
  if (!span) return null;
  return analyseSpan(span, text, lexicon, false);
}

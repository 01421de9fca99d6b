// Article text in, claims out: segmentation, cues, mentions, the check-worthiness model and the newsroom rules, put together.
import { quoteSelector } from './anchor';
import { CueHit, CueLexicon, AttributionHit, DOCUMENT_NOUNS, findApproximations, findAttributions, findQuestion, REPORTING_VERBS, shippedCueLexicon } from './cues';
import { EntityHit, findEntities, NAME_PARTICLES, typeSurnames } from './entities';
import { postTrailer } from '@claimdesk/matching';
import { ORGANISATION_WORDS, PERSON_TITLES } from './gazetteer';
import { DateHit, findDates, findNumbers, NumberHit } from './mentions';
import { CheckWorthinessModel, shippedModel } from './model';
import { normaliseText, paragraphSpans, type ParagraphSpan } from './normalise';
import { claimKind, ClaimShape, claimShape, NotAClaim, notAClaim } from './rules';
import type { TokenTable } from './nlp';
import { ClaimSpan, quoteOpenAfter, segmentParagraphs, wholeSpan } from './segment';
import { shippedTranscriptContext, transcriptSpeakers } from './transcript-context';
import type { ClaimKind, Cue, DateMention, Entity, ExtractedClaim, ExtractionResult, NumberMention, TriageTier } from './types';

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
  shape: ClaimShape;
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
  const question = findQuestion(t, a, b);
  // In a question a modal asks ("Could the deal collapse?"); it hedges nothing.
  const hedges = lexicon.find(t, a, b).filter((h) => !question || !MODALS.has(t.lower[h.first]));
  const attributions = findAttributions(t, a, b);
  const cues: CueHit[] = [...hedges, ...findApproximations(t, a, numbers)];
  for (const at of attributions) {
    const cue: CueHit = { type: 'attribution', first: at.cueFirst, last: at.cueLast };
    // "unconfirmed sources claim" is already a hedge cue; the source is still recorded.
    if (!hedges.some((h) => overlaps(h, cue))) cues.push(cue);
  }
  if (question) cues.push(question);
  cues.sort((x, y) => x.first - y.first || y.last - x.last);

  const shape = claimShape(t, a, b);
  // "Burning plastic releases toxic fumes, studies show": the tagger may read every verb of a short sentence as a noun;
  // the verb of saying the attribution found is a verb all the same.
  if (!shape.hasVerb && attributions.some((at) => t.lower.slice(at.cueFirst, at.cueLast).some((w) => REPORTING_VERBS.has(w)))) shape.hasVerb = true;
  const not = notAClaim(
    claimText,
    shape,
    question !== null,
    wholeParagraph,
    numbers.some((n) => n.value !== null && !insideDate(n, dates)),
  );
  const speculation = cues.some((c) => c.type === 'speculation');
  // "Tests show the water was safe, the council said": the one who says it is the source, not the evidence it cites.
  // '"… and my doctor told me I was heading for a heart attack," she says': the speaker outside the quotation, not
  // whom the quotation quotes.
  const quoteEnd = openingQuotationEnd(t, a, b);
  const outside = quoteEnd !== -1 && attributions.length > 1 && attributions[0].cueFirst < quoteEnd ? attributions.find((at) => at.sourceFirst > quoteEnd) : undefined;
  const first = outside ?? (attributions.length > 0 ? attributions[0] : null);
  const speaker = first && EVIDENCE_VERBS.test(t.lower[first.cueLast - 1]) ? attributions.find((at) => SPEAKING_VERBS.test(t.lower[at.cueLast - 1])) : undefined;
  const attribution = speaker ?? first;
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
  if (shape.evaluative) signals.push('evaluative');
  if (!shape.hasVerb) signals.push('no-verb');
  const words = shape.words;
  signals.push(`words:${words < 5 ? 'under5' : words < 10 ? 'under10' : words < 20 ? 'under20' : words < 40 ? 'under40' : 'long'}`);

  const analysis: ClaimAnalysis = { span, text: claimText, cues, attribution, numbers, dates, entities, notAClaim: not, kind, shape, signals };
  if (isReportedFact(analysis)) signals.push('reported-fact');
  if (attribution?.unnamed) signals.push('unnamed-source');
  return analysis;
}

/** Where the quotation that opens the sentence [a, b) closes (its closing mark), or -1 when it opens on none. */
function openingQuotationEnd(t: TokenTable, a: number, b: number): number {
  if (!/^[“"]$/.test(t.value[a] ?? '')) return -1;
  for (let k = a + 1; k < b; k++) if (/^[”"]$/.test(t.value[k])) return k;
  return -1;
}

const CONTESTED =
  /(?:,\s*(?:a|an) (?:figure|claim|charge|number|estimate|allegation|account|assertion|accusation|finding|characteri[sz]ation|version of events)s?|,\s*which) (?:that |which )?(?:[\p{L}'’.-]+ ){1,5}(?:disputes?|disputed|denies|denied|rejects?|rejected|contests?|contested|refutes?|refuted)\b/iu;
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'can', 'will', 'must', 'shall']);

/**
 * A factual assertion that is hedged or attributed ("Traders allegedly paid the inspectors in 2021",
 * "Officials say the draft collapsed"): unverified, so exactly what a desk must check.
 */
function isReportedFact(a: ClaimAnalysis): boolean {
  if (a.notAClaim || a.kind === 'opinion') return false;
  // "Campaigners claim the line will destroy 60 woodlands, a figure the government disputes": a claim the sentence
  // itself marks as disputed is what a desk checks, even one about what is to come.
  if (CONTESTED.test(a.text) && (a.attribution !== null || checkableNumbers(a) > 0 || a.dates.length > 0)) return true;
  if (a.kind === 'prediction') return false;
  if (!a.shape.hasVerb || a.shape.opinionWords > 0 || a.shape.evaluative || a.shape.ownFirstPerson || a.shape.future) return false;
  const t = a.span.tokens;
  // "Maybe you put off buying a new car": addressed to the reader or the audience, not a report.
  for (let k = a.span.first; k < a.span.last; k++) if (t.lower[k] === 'you') return false;
  // A condition ("if he wants", "whether it is registered") hedges nothing that was reported.
  const hedged = a.cues.some((c) => c.type === 'hedge' && !MODALS.has(t.lower[c.first]) && !CONDITIONS.has(t.lower[c.first]) && !/^(think|believe|suppose|guess)$/.test(t.lower[c.last - 1]));
  const sourced = a.attribution !== null && !/^(he|she|they|it)$/.test(t.lower[a.attribution.sourceFirst]);
  if (!hedged && !sourced) return false;
  // Hearsay ("reportedly", "is understood to be the club's first choice") is an unverified report whatever its tense.
  const hearsay = a.cues.some((c) => c.type === 'hedge' && t.lower.slice(c.first, c.last).some((w) => HEARSAY.has(w)));
  if (ownPast(a) || a.shape.progressive || a.numbers.length > 0 || a.dates.length > 0 || hearsay) return true;
  // An anonymous source's present-tense assertion ("Sources say the president is seriously ill") is what a desk checks
  // first; critics' and commentators' verdicts ("Critics say the plan is unfair") are opinion, not reported fact.
  const at = a.attribution;
  return sourced && at !== null && at.unnamed && !hasToken(a, at.sourceFirst, at.sourceLast, OPINION_GIVERS);
}

const EVIDENCE_VERBS = /^(?:show|shows|showed|shown|indicate|indicates|indicated|suggest|suggests|suggested|reveal|reveals|revealed)$/;
const SPEAKING_VERBS = /^(?:said|says|say|told|tells|added|stated|explained|wrote|announced)$/;

const CONDITIONS = new Set(['if', 'whether', 'unless', 'suppose', 'supposing', 'assuming', 'provided']);

const HEARSAY = new Set(['reportedly', 'allegedly', 'purportedly', 'reputedly', 'rumoured', 'rumored', 'understood', 'said', 'believed', 'thought', 'alleged', 'reported']);

const OPINION_GIVERS = new Set(['critics', 'observers', 'analysts', 'commentators', 'pundits', 'opponents', 'supporters', 'sceptics', 'skeptics', 'detractors', 'fans']);

function hasToken(a: ClaimAnalysis, first: number, last: number, words: Set<string>): boolean {
  for (let k = first; k < last; k++) if (words.has(a.span.tokens.lower[k])) return true;
  return false;
}

/** A past tense in the claim itself, not only in its reporting verb ("…, the governor warned"). */
function ownPast(a: ClaimAnalysis): boolean {
  const at = a.attribution;
  return a.shape.pastAt.some((k) => !at || k < at.cueFirst || k >= at.cueLast);
}

/** Numbers worth checking: not the "one" of "one negotiator predicted", nor the "twenty years" of "twenty years ago" (a date). */
function checkableNumbers(a: ClaimAnalysis): number {
  return a.numbers.filter((n) => !(n.value === 1 && /^(?:one|a|an)$/.test(a.span.tokens.lower[n.first])) && !insideDate(n, a.dates)).length;
}

/** "twenty years" in "twenty years ago": a number that is part of a date. */
function insideDate(n: NumberHit, dates: DateHit[]): boolean {
  return dates.some((d) => d.first <= n.first && n.last <= d.last);
}

// "It is unclear how many hospitals used the system": the sentence states only what is not known (with a figure or a
// date it also presupposes something to check: "It is unclear why the minister resigned in March 2023").
const UNKNOWN = /^(?:it|this)(?: is|'s| was| remains| remained)(?: still| not yet| as yet)? (?:unclear|not clear|not known|unknown|uncertain) (?:how|whether|what|why|if|when|who|where|which)\b/i;

/** Opinion, value judgement or prediction: not a checkable assertion, whatever the wording model says. */
function isOpinionOrPrediction(a: ClaimAnalysis): boolean {
  if (UNKNOWN.test(a.text) && checkableNumbers(a) === 0 && a.dates.length === 0) return true;
  // A long sentence that also states a past fact of its own ("She voted against the bill and, obviously, …", "he tried
  // that in 1985, and I think he's going to try it again") is not held for an opinion word or a forecast in an aside.
  const reportsAFact = ownPast(a) && a.shape.words > 25;
  if ((a.kind === 'opinion' && !reportsAFact) || (a.shape.evaluative && checkableNumbers(a) === 0)) return true;
  // "The minister said the policy was a disaster": a view reported is still a view, unless it carries a figure or a date.
  if (a.attribution !== null && a.shape.opinionWords > 0 && checkableNumbers(a) === 0 && a.dates.length === 0 && !reportsAFact) return true;
  if (a.kind === 'prediction' && a.shape.future && a.attribution === null && checkableNumbers(a) === 0 && !reportsAFact) return true;
  // '"We will not accept a deal that cuts pensions," the union leader said': a speaker's pledge or stance, with nothing
  // counted or dated to check.
  if (a.kind === 'prediction' && a.shape.future && a.shape.firstPerson && checkableNumbers(a) === 0 && a.dates.length === 0) return true;
  // "The state should not be underestimated": what ought to be is a view, unless it carries a figure or a date to check.
  if (a.shape.normative && checkableNumbers(a) === 0 && a.dates.length === 0 && !reportsAFact) return true;
  // "The death toll could rise further, the governor warned": a possibility ahead, with nothing dated or counted to check.
  if (a.shape.modalFuture && !ownPast(a) && checkableNumbers(a) === 0 && a.dates.length === 0) return true;
  return a.kind === 'prediction' && checkableNumbers(a) === 0 && a.dates.length === 0 && a.cues.some((c) => c.type === 'speculation');
}

/**
 * Combines the model with the rules: the model ranks, the rules veto. Questions, bylines,
 * credits, headings and fragments are pushed far below the threshold whatever the model says,
 * keeping their relative order so a ranking still makes sense.
 */
export function scoreAnalysis(analysis: ClaimAnalysis, model: CheckWorthinessModel): { score: number; checkWorthy: boolean; modelScore: number } {
  const modelScore = model.score(analysis.text, analysis.signals);
  if (analysis.notAClaim) return { score: Math.min(modelScore, model.threshold) * 0.25, checkWorthy: false, modelScore };
  // Opinion and predictions stay just under the line, above the vetoed non-claims.
  if (isOpinionOrPrediction(analysis)) return { score: Math.min(modelScore, model.threshold * 0.99), checkWorthy: false, modelScore };
  // A hedge or a source raises a factual assertion's worth: its score is at least the threshold, in the top half above it.
  if (isReportedFact(analysis)) {
    const score = Math.max(modelScore, model.threshold + (1 - model.threshold) * 0.5 * (0.5 + modelScore));
    return { score, checkWorthy: true, modelScore };
  }
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

/**
 * The reasons that do not depend on the article as a whole, before and after the entity reasons (which wait for the
 * article-wide surname pass): `reasonsFrom` puts them together.
 */
function reasonParts(a: ClaimAnalysis, texts: { cues: Cue[]; attribution: string | null }, modelScore: number): ReasonParts {
  if (a.notAClaim) return { notAClaim: a.notAClaim, before: [], after: [] };
  const before: string[] = [];
  if (texts.attribution) before.push(`attributed: ${texts.attribution}`);
  if (a.attribution?.unnamed) before.push('unnamed source');
  if (CONTESTED.test(a.text)) before.push('disputed in the text');
  for (const cue of texts.cues) {
    if (cue.type === 'hedge') before.push(`hedged: ${cue.text}`);
    else if (cue.type === 'speculation') before.push(`speculative: ${cue.text}`);
    else if (cue.type === 'approximation') before.push(`approximate: ${cue.text}`);
  }
  if (a.numbers.length > 0) before.push('has a number');
  if (a.dates.length > 0) before.push(a.dates.some((d) => d.kind === 'absolute') ? 'dated event' : 'relative date');
  const after: string[] = [];
  if (a.kind === 'opinion') after.push('reads as opinion');
  after.push(`model: ${modelScore.toFixed(2)}`);
  return { notAClaim: null, before, after };
}

function reasonsFrom(parts: ReasonParts, entities: Entity[]): string[] {
  if (parts.notAClaim) return [`not a claim: ${parts.notAClaim}`];
  const reasons = [...parts.before];
  for (const type of ['person', 'organisation', 'place'] as const) {
    if (entities.some((e) => e.type === type)) reasons.push(ENTITY_REASON[type]);
  }
  return [...new Set([...reasons, ...parts.after])];
}

/** Absolute offsets and texts for one analysis. */
function materialise(a: ClaimAnalysis, text: string): Omit<ExtractedClaim, 'score' | 'checkWorthy' | 'reasons' | 'triage' | 'claimant' | 'unnamedSource'> {
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

/**
 * Where a claim stands in the order of checking: check-worthy first; among those, hedged or
 * anonymously sourced claims (unverified, so the most urgent), then numbers and dates, then the rest.
 */
export function triageTier(claim: { checkWorthy: boolean; cues: Array<{ type: string }>; unnamedSource: boolean; numbers: unknown[]; dates: unknown[] }): TriageTier {
  if (!claim.checkWorthy) return 4;
  if (claim.unnamedSource || claim.cues.some((c) => c.type === 'hedge' || c.type === 'speculation')) return 1;
  if (claim.numbers.length > 0 || claim.dates.length > 0) return 2;
  return 3;
}

/**
 * The claimant of a source that ends on a person's full name is the person ("Conservative leader Kemi Badenoch",
 * "Security researcher Tom Hale"): stories describe the same person differently, and the claimants page merges by name.
 */
function claimantOf(source: string | null, entities: Entity[]): string | null {
  const person = source
    ? entities.find((e) => {
        if (e.type !== 'person' || !/\s/.test(e.text) || source === e.text) return false;
        const at = source.lastIndexOf(e.text);
        // After the name, nothing or where the person works ("fund manager Tom Egan of Aberdeen").
        const after = at === -1 ? null : source.slice(at + e.text.length);
        if (after === null || (after !== '' && !WORKPLACE.test(after))) return false;
        // Before it, a description, not a phrase the name belongs to ("the Office for National Statistics").
        return !/\b(?:of|for|at|in|with|from|to|and|the)\s*$/i.test(source.slice(0, at));
      })
    : undefined;
  return person ? person.text : (titledName(withoutWorkplace(source)) ?? titledName(source) ?? claimantName(source));
}

/** "Professor Tara Spires-Jones of the University of Edinburgh" → "Professor Tara Spires-Jones": the source before where it works. */
function withoutWorkplace(source: string | null): string | null {
  const m = source ? /^(.+?)(,?\s+(?:of|at|from)\s+.+)$/u.exec(source) : null;
  return m && WORKPLACE.test(m[2]) ? m[1] : source;
}

const WORKPLACE = /^,?\s+(?:of|at|from)\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}'’.&-]*)*$/u;

// Titles beside the gazetteer's that stand before a source's name.
const SOURCE_TITLES = new Set([
  'speaker',
  'whip',
  'attorney',
  'sheriff',
  'treasurer',
  'founder',
  'economist',
  'analyst',
  'mp',
  'mep',
  'msp',
  'prosecutor',
  'barrister',
  'solicitor',
  'lawyer',
  'counsel',
  'coroner',
  'det',
  'insp',
  'supt',
  'dci',
  'sgt',
  'pc',
  'dc',
  'ch',
]);

/**
 * "Senate Majority Leader Chuck Schumer", "House Speaker Mike Johnson": the person a title of several capitalised words
 * ends on (the tagger reads the whole as one name). Null when the source is no title and a name.
 */
function titledName(source: string | null): string | null {
  const words = source?.replace(/^the\s+/i, '').split(/\s+/) ?? [];
  // The name: the last two or three capitalised words after the last title word ("Chuck Schumer", "Mary J. Blige").
  // "Secretary-General": a hyphenated title is one by any of its parts.
  const isTitle = (w: string) =>
    w
      .toLowerCase()
      .split('-')
      .some((part) => PERSON_TITLES.has(part) || SOURCE_TITLES.has(part));
  const title = words.findLastIndex(isTitle);
  let name = words.slice(title + 1);
  // "Secretary of State Marco Rubio", "Chancellor of the Exchequer Rachel Reeves": the office the title is of.
  if (name[0] === 'of') {
    const office = name[1] === 'the' ? 2 : 1;
    if (/^\p{Lu}/u.test(name[office] ?? '')) name = name.slice(office + 1);
  }
  if (title < 0 || name.length < 2 || name.length > 3 || !name.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return null;
  // "The General Medical Council": a body whose name opens with a word that can be a title.
  if (ORGANISATION_WORDS.has(name[name.length - 1].toLowerCase())) return null;
  if (!words.slice(0, title).every((w) => /^\p{Lu}/u.test(w))) return null;
  return name.join(' ');
}

// "Italian outlet Corriere dello Sport": a name may hold a particle.
const DESCRIBED_NAME = new RegExp(
  `^(?:(?:the|a|an)\\s+)?(?:\\p{Ll}[\\p{L}-]*['’]s\\s+|(?:\\p{Lu}\\p{Ll}+\\s+)?(?:(?!(?:of|for|at|in|on|with|from|by|to|and|or|the)\\s)\\p{Ll}[\\p{L}-]*\\s+)+)(\\p{Lu}[\\p{L}'’.&-]*(?:\\s+(?:of\\s+|for\\s+|and\\s+|&\\s+|the\\s+|(?:${[...NAME_PARTICLES].join('|')})\\s+)*\\p{Lu}[\\p{L}'’.&-]*)*)$`,
  'u',
);
const NAME_THEN_KIND =
  /^(?:[Tt]he\s+)?(?!(?:The|An?)\s)(\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?\p{Lu}[\p{L}'’.&-]*)*)\s+(?:think[ -]?tank|thinktank|charity|pressure group|campaign group|lobby group|trade body|trade association|watchdog|regulator)$/u;
const NAME_THEN_DOCUMENT =
  /^(?:[Tt]he\s+)?(?!(?:The|An?)\s)(\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?\p{Lu}[\p{L}'’.&-]*)*)\s+(?:figures|data|statistics|numbers|report|survey|analysis|estimates|research)$/u;
const PARTICLE_NAME = new RegExp(`^\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:${[...NAME_PARTICLES].join('|')})){1,2}\\s+\\p{Lu}[\\p{L}'’-]+$`, 'u');
const PERSON_AT = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+)\s+(?:of|at|from)\s+\p{Lu}/u;
// "Retailer Brightmart has admitted …": a company's description opening the sentence, then its name.
const DESCRIBED_COMPANY = /^(?:the\s+)?\p{Lu}\p{Ll}+\s+(\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*)*)$/u;
const DOCUMENT_FROM = /^(?:(?:the|a|an|new|latest|official|provisional)\s+)*(\p{L}+)\s+(?:from|by|published by|released by|compiled by|maintained by|kept by|run by)\s+(.+)$/iu;
// "the AIU's records", "Ofcom's latest figures": a named body's document is the body's.
const OWNER_DOCUMENT = /^(?:the\s+)?(\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*)*)['’]s\s+(?:\p{Ll}+\s+)?(\p{Ll}+)$/u;
const SPOKESPERSON = '(?:spokesperson|spokesman|spokeswoman|spokespeople|spokesmen|representative|press officer)';
const SPOKESPERSON_BEFORE = new RegExp(`^(?:an?|the)\\s+(?:senior\\s+)?(.+?)\\s+${SPOKESPERSON}$`, 'i');
const SPOKESPERSON_FOR = new RegExp(`^(?:an?|the)\\s+(?:${SPOKESPERSON}|statement|letter)\\s+(?:for|from|at|by)\\s+(?:the\\s+)?(.+)$`, 'i');

/**
 * Whoever makes the claim, as a name: the source without a leading article ("the US Pentagon" → "US Pentagon"). A source
 * known only by whose it is ("its annual report", "his family") names no claimant: the claimants page would merge every
 * company's annual report into one.
 */
function claimantName(source: string | null): string | null {
  if (!source || /^(?:its|their|his|her|our)\s/i.test(source)) return null;
  // "figures from the ONS", "figures from the exams regulator Ofqual", "a report by Which?": a document is its publisher's.
  const publisher = DOCUMENT_FROM.exec(source);
  if (publisher && DOCUMENT_NOUNS.has(publisher[1].toLowerCase()) && /\p{Lu}/u.test(publisher[2])) return claimantName(publisher[2]);
  const owner = OWNER_DOCUMENT.exec(source);
  if (owner && DOCUMENT_NOUNS.has(owner[2])) return owner[1];
  // "A Home Office spokesman", "a spokesperson for Tesco": whoever speaks for a body makes its claim.
  const body = SPOKESPERSON_BEFORE.exec(source)?.[1] ?? SPOKESPERSON_FOR.exec(source)?.[1];
  if (body && /^\p{Lu}/u.test(body)) return body;
  if (body?.toLowerCase() === 'police') return 'Police';
  // "Ursula von der Leyen": a name with a particle is no description before a name.
  if (PARTICLE_NAME.test(source)) return source;
  // "the Institute for Fiscal Studies think tank", "the Financial Conduct Authority watchdog": the name before its kind;
  // "NHS England figures", "Met Office data": the name before its document.
  const kind = NAME_THEN_KIND.exec(source)?.[1] ?? NAME_THEN_DOCUMENT.exec(source)?.[1];
  if (kind) return kind;
  // "the country's Federal Security Service", "State news agency Tass", "research firm Gartner", "Retailer Brightmart":
  // the name a description or a common noun's possessive leads to; "fund manager Tom Egan of Aberdeen": a person
  // described, then where they work.
  const described = DESCRIBED_NAME.exec(source)?.[1];
  const worker = described && !describedCompany(source, described) ? PERSON_AT.exec(described)?.[1] : undefined;
  if (worker) return worker;
  const company = DESCRIBED_COMPANY.exec(source)?.[1];
  const named = described ?? (company && describedCompany(source, company) ? company : undefined);
  if (named && !PERSON_TITLES.has(named.split(/\s+/)[0].toLowerCase())) return named;
  const name = source.replace(/^(?:the|a|an)\s+/i, '').trim();
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : null;
}

export interface ExtractOptions {
  model?: CheckWorthinessModel;
  lexicon?: CueLexicon;
}

/** The reasons of a claim that the article-wide passes do not change; plain data, so it crosses worker threads. */
export interface ReasonParts {
  notAClaim: NotAClaim | null;
  before: string[];
  after: string[];
}

/** A claim as one chunk sees it: final except for the article-wide passes (surnames, reasons, transcript ranking). */
export interface ChunkClaim {
  claim: ExtractedClaim;
  /** The claim's own score, unrounded (the transcript ranking starts from it). */
  own: number;
  reasons: ReasonParts;
}

/** What extracting one chunk gives: plain data, so a worker thread can send it back. */
export interface ChunkResult {
  claims: ChunkClaim[];
  /** The model's threshold, which the merge needs for transcripts. */
  threshold: number;
}

/** A run of whole paragraphs of the normalised text, extracted on its own. */
export interface ExtractionChunk {
  start: number;
  end: number;
  /** The chunk's paragraphs, numbered across the whole article. */
  paragraphs: ParagraphSpan[];
}

/** What the whole article decides, computed once before the chunks: a transcript's speakers and label lengths, by paragraph. */
export interface ArticleContext {
  transcript: { speakers: string[]; labelLength: number[]; paragraphStarts: number[] } | null;
}

/** The normalised text, its chunks (paragraph-aligned, in order, covering every paragraph) and the article-wide context. */
export interface ChunkPlan {
  text: string;
  chunks: ExtractionChunk[];
  context: ArticleContext;
}

/**
 * First phase of a chunked extraction: normalises the text, detects a transcript, and cuts the paragraphs into chunks of
 * about `chunkChars` characters (a paragraph is never split; without `chunkChars` the whole article is one chunk). With
 * `normalised`, the text is taken as normaliseText's output and not normalised again (a megabyte costs about 0.1 s).
 * `extractChunk` then runs on each chunk, anywhere (worker threads), and `mergeChunks` gives what `extractClaims` gives.
 */
export function planChunks(input: string, { chunkChars = Infinity, normalised = false }: { chunkChars?: number; normalised?: boolean } = {}): ChunkPlan {
  // `normalised`: the input is already normaliseText's output (as normaliseDocument's is), and normalising is idempotent.
  const raw = typeof input === 'string' ? input : String(input ?? '');
  const text = normalised ? raw : normaliseText(raw);
  const paragraphs = paragraphSpans(text);
  const transcript = transcriptSpeakers(paragraphs.map((p) => text.slice(p.start, p.end)));
  const context: ArticleContext = { transcript: transcript ? { ...transcript, paragraphStarts: paragraphs.map((p) => p.start) } : null };
  const chunks: ExtractionChunk[] = [];
  let current: ParagraphSpan[] = [];
  for (const p of paragraphs) {
    current.push(p);
    if (p.end - current[0].start >= chunkChars) {
      chunks.push({ start: current[0].start, end: p.end, paragraphs: current });
      current = [];
    }
  }
  if (current.length > 0) chunks.push({ start: current[0].start, end: current[current.length - 1].end, paragraphs: current });
  return { text, chunks, context };
}

/** Second phase: the claims of one chunk of `text` (the plan's normalised text), before the article-wide passes. */
export function extractChunk(text: string, chunk: ExtractionChunk, options: ExtractOptions = {}): ChunkResult {
  const model = options.model ?? shippedModel();
  const lexicon = options.lexicon ?? shippedCueLexicon();
  const spans = segmentParagraphs(text, chunk.paragraphs);
  const perParagraph = new Map<number, number>();
  for (const s of spans) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);

  const analyses = spans.map((span) => analyseSpan(span, text, lexicon, perParagraph.get(span.paragraph) === 1));
  markCaptions(analyses, perParagraph);
  const claims = analyses.map((analysis): ChunkClaim => {
    const body = materialise(analysis, text);
    const { score, checkWorthy, modelScore } = scoreAnalysis(analysis, model);
    const unnamedSource = analysis.attribution?.unnamed ?? false;
    const claim: ExtractedClaim = {
      text: body.text,
      start: body.start,
      end: body.end,
      paragraph: body.paragraph,
      kind: body.kind,
      score: round(score),
      checkWorthy,
      reasons: [],
      cues: body.cues,
      attribution: body.attribution,
      unnamedSource,
      // A heading, byline or question is no one's claim to check: "What the figures show" names no claimant "Figures".
      claimant: analysis.notAClaim ? null : claimantOf(body.attribution, body.entities),
      triage: triageTier({ checkWorthy, cues: body.cues, unnamedSource, numbers: body.numbers, dates: body.dates }),
      numbers: body.numbers,
      dates: body.dates,
      entities: body.entities,
      selector: body.selector,
    };
    return { claim, own: score, reasons: reasonParts(analysis, body, modelScore) };
  });
  return { claims, threshold: model.threshold };
}

/**
 * A short paragraph that carries a photo credit is a caption ("The mayor speaks to reporters on Tuesday. Image: Jane
 * Doe / Unsplash"): its other sentences describe a picture, not what the article asserts.
 */
function markCaptions(analyses: ClaimAnalysis[], perParagraph: Map<number, number>): void {
  const credited = new Set(analyses.filter((a) => a.notAClaim === 'photo credit' && (perParagraph.get(a.span.paragraph) ?? 0) <= 3).map((a) => a.span.paragraph));
  if (credited.size === 0) return;
  for (const a of analyses) {
    if (credited.has(a.span.paragraph) && a.notAClaim === null && a.shape.words <= 40) a.notAClaim = 'caption';
  }
}

/**
 * Last phase: the chunks' claims in order, with the article-wide passes (surnames seen in full anywhere, reasons, a
 * transcript's ranking in context). Equal to `extractClaims(plan.text)` for any chunking of the plan.
 */
export function mergeChunks(plan: ChunkPlan, results: ChunkResult[]): ExtractionResult {
  const { text } = plan;
  const parts = results.flatMap((r) => r.claims);
  if (!text) return { text, claims: [] };
  typeSurnames(parts.map((p) => p.claim.entities));
  const claims = parts.map(({ claim, reasons }) => {
    claim.reasons = reasonsFrom(reasons, claim.entities);
    return claim;
  });
  postClaimants(claims);
  fullNameClaimants(claims);
  definiteClaimants(claims);
  forceClaimants(claims);
  spokespersonClaimants(claims);
  resolvePronounClaimants(claims);
  familyClaimants(claims);
  quotationClaimants(claims);
  interviewClaimants(claims);
  if (plan.context.transcript && results.length > 0) {
    rankInContext(
      text,
      plan.context.transcript,
      claims,
      parts.map((p) => p.own),
      results[0].threshold,
    );
  }
  return { text, claims };
}

function isNonClaim(c: ExtractedClaim): boolean {
  return c.reasons.some((r) => r.startsWith('not a claim'));
}

/** The claim is `claimant`'s, named or not; its place in the order of checking follows. */
/**
 * The first value `pick` finds in the claims before claim `i` (from claim `i` itself with `self`), nearest first, at most
 * `paragraphs` paragraphs back: how the article-wide passes look for what a source refers to.
 */
function nearestBefore<T>(claims: ExtractedClaim[], i: number, paragraphs: number, pick: (prev: ExtractedClaim, k: number) => T | null | undefined, self = false): T | null {
  for (let k = self ? i : i - 1; k >= 0 && claims[i].paragraph - claims[k].paragraph <= paragraphs; k--) {
    const found = pick(claims[k], k);
    if (found !== null && found !== undefined) return found;
  }
  return null;
}

/** Where the claim's source starts in the text (the claim's start when its words are not found). */
function sourceOffset(c: ExtractedClaim): number {
  return c.start + Math.max(0, c.attribution ? c.text.indexOf(c.attribution) : 0);
}

/** The claimant is a person the claim names. */
function claimantIsPerson(c: ExtractedClaim): boolean {
  return c.entities.some((e) => e.type === 'person' && e.text === c.claimant);
}

function giveClaimant(c: ExtractedClaim, claimant: string | null, unnamed: boolean): void {
  c.claimant = claimant;
  c.unnamedSource = unnamed;
  c.triage = triageTier(c);
}

const OCCUPATION =
  /^(?:Striker|Midfielder|Defender|Goalkeeper|Player|Actor|Actress|Singer|Rapper|Presenter|Comedian|Author|Writer|Artist|Musician|Businessman|Businesswoman|Billionaire|Entrepreneur|Researcher|Scientist|Journalist|Reporter|Chef|Designer|Architect|Campaigner|Activist|Lawyer|Pensioner|Teenager|Model|Star)\s+(?=\p{Lu}\S*\s+\p{Lu})/u;

/** "Striker Marcus Webb" → "Marcus Webb": a job the tagger read into the name at the start of a sentence. */
function withoutOccupation(name: string): string {
  return name.replace(OCCUPATION, '');
}

/** "fund manager Tom Egan of Aberdeen" → "Tom Egan": a personal name read out of a source that describes its bearer. */
function describedPerson(source: string, claimant: string): boolean {
  const at = source.indexOf(claimant);
  return at > 0 && /\p{Ll}\s+$/u.test(source.slice(0, at)) && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+$/u.test(claimant);
}

// Descriptions a story uses for the person it has just named (not roles, which may be someone else: "the doctor").
const PERSON_DESCRIPTION =
  /^the\s+(?:\d+-years?-old|man|woman|boy|girl|teenager|pensioner|mother|father|grandmother|grandfather|widow|widower|star|actor|actress|singer|rapper|presenter|player|striker|midfielder|defender|goalkeeper|businessman|businesswoman|billionaire|entrepreneur)$/i;

// A plural group that opens a claim as the subject of a verb in the past, with where it works: "Researchers from the
// Natural History Museum and University College London analysed …".
const GROUP_SUBJECT =
  /^((?:The\s+)?(?:\p{Ll}+\s+)?(?:[Rr]esearchers|[Ss]cientists|[Ii]nvestigators|[Ee]xperts|[Aa]nalysts|[Ee]conomists|[Dd]octors|[Aa]rchaeologists|[Aa]stronomers|[Ee]ngineers|[Dd]etectives|[Ii]nspectors|[Aa]uditors)(?:\s+(?:from|at|of|in)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:and|of|for|the|\p{Lu}[\p{L}'’-]*))*)?)\s+(?:have\s+|had\s+)?\p{Ll}+ed\b/u;

/**
 * '"… youth centres," he said': a pronoun is no claimant (the claimants page would merge every "he" of the workspace).
 * He or she is the person last named before it, within the three paragraphs before: the claimant of a claim a named
 * person makes ("Council leader Amir Shah said …"), else the first person a claim names ("Brightmart's chief executive,
 * Karen Lowe, apologised."). They is the nearest source of any kind, or a group that opened a claim; it the nearest body (a named source that is no
 * person, or an organisation a claim names). With none, the claim has no claimant of its own
 * (the article's author stands in for it).
 */
function resolvePronounClaimants(claims: ExtractedClaim[]): void {
  let person: { claimant: string; unnamed: boolean; paragraph: number } | null = null;
  let any: { claimant: string; unnamed: boolean; paragraph: number } | null = null;
  let body: { claimant: string; unnamed: boolean; paragraph: number } | null = null;
  for (const c of claims) {
    const pronoun = c.attribution ? /^(?:he|she|they|it)$/i.exec(c.attribution.trim())?.[0].toLowerCase() : undefined;
    // "Microsoft employed 228,000 people, according to its annual report": the document is the body's named before it in
    // the claim, else the nearest body before (within three paragraphs); with none it names no claimant.
    const document = c.attribution?.trim().split(/\s+/);
    if (document && !c.claimant && /^its$/i.test(document[0]) && (DOCUMENT_NOUNS.has(document.at(-1)!.toLowerCase()) || /^(accounts|website)$/i.test(document.at(-1)!)) && !isNonClaim(c)) {
      const at = sourceOffset(c);
      const owner = c.entities.findLast((e) => e.end <= at && (e.type === 'organisation' || describedAsCompany(c, e.start)))?.text;
      if (owner) c.claimant = owner;
      else if (body && !body.unnamed && c.paragraph - body.paragraph <= 3) c.claimant = body.claimant;
    }
    if (pronoun) {
      const antecedent = pronoun === 'they' ? any : pronoun === 'it' ? body : person;
      if (antecedent && c.paragraph - antecedent.paragraph <= 3) giveClaimant(c, antecedent.claimant, antecedent.unnamed);
      else c.claimant = null;
      continue;
    }
    // "The 54-year-old said …", "The star said …" right after the person is named: the same person.
    if (c.attribution && PERSON_DESCRIPTION.test(c.attribution.trim()) && person && !person.unnamed && c.paragraph - person.paragraph <= 1) {
      c.claimant = person.claimant;
      continue;
    }
    // "Who enforces it? The regulator Ofcom. It says …": an answer that is only a described name is the body meant next.
    if (c.reasons.includes('not a claim: fragment')) {
      const named = DESCRIBED_NAME.exec(c.text.replace(/[.!]$/, ''))?.[1] ?? c.entities.find((e) => e.type === 'organisation')?.text;
      if (named) body = { claimant: named, unnamed: false, paragraph: c.paragraph };
    }
    if (isNonClaim(c)) continue;
    const people = c.entities.filter((e) => e.type === 'person');
    if (c.attribution && c.claimant) {
      any = { claimant: c.claimant, unnamed: c.unnamedSource, paragraph: c.paragraph };
      if (people.some((e) => c.attribution!.includes(e.text)) || describedPerson(c.attribution!, c.claimant)) {
        person = any;
        continue;
      }
      if (!c.unnamedSource) body = any;
    }
    // "Supermarket chain Greenvale has cut …": a name after a company's trade is a body too.
    const organisation = c.entities.findLast((e) => e.type === 'organisation' || (e.type !== 'place' && describedAsCompany(c, e.start)));
    if (organisation && !c.attribution) body = { claimant: organisation.text, unnamed: false, paragraph: c.paragraph };
    // "Researchers from the Natural History Museum analysed DNA from 73 skeletons. They found that …": they are the
    // group that opened the claim before.
    const group = !c.attribution ? GROUP_SUBJECT.exec(c.text)?.[1] : undefined;
    if (group) any = { claimant: group.charAt(0).toUpperCase() + group.slice(1), unnamed: false, paragraph: c.paragraph };
    // A full name before a lone word ("Brightmart's chief executive, Karen Lowe": the tagger may take the firm for a person).
    const named = people.find((e) => /\s/.test(e.text)) ?? people[0];
    if (named) person = { claimant: withoutOccupation(named.text), unnamed: false, paragraph: c.paragraph };
  }
}

/**
 * 'Sophie Laurent commented: "These results show our strength. We are now the UK's fastest-growing generator."': every
 * sentence of a quotation is its speaker's claim, whether the speaker is named before it or after it ('"…," she said').
 * A quotation runs within a paragraph, or on into the next when that one opens with a quotation mark, as multi-paragraph
 * quotations are printed.
 */
function quotationClaimants(claims: ExtractedClaim[]): void {
  let run: ExtractedClaim[] = [];
  let open = false;
  let last: ExtractedClaim | null = null;
  const close = (): void => {
    // '"…," said Dr Amir Haddad. "It's probably not the screen."': a quotation that follows its speaker's in the same
    // paragraph is still theirs.
    const speaker = run.find((c) => c.attribution && c.claimant) ?? (last && run.length > 0 && run[0].paragraph === last.paragraph ? last : undefined);
    if (speaker) {
      last = speaker;
      for (const c of run) {
        if (!c.attribution && !c.claimant && !isNonClaim(c)) giveClaimant(c, speaker.claimant, speaker.unnamedSource);
      }
    }
    run = [];
  };
  claims.forEach((c, i) => {
    const opensQuotation = /^\s*[“"]/.test(c.text);
    if (open && i > 0 && c.paragraph !== claims[i - 1].paragraph && !opensQuotation) {
      open = false;
      close();
    }
    const startsOpen = open;
    for (const ch of c.text) open = quoteOpenAfter(open, ch);
    if (startsOpen || open || /[“”"]/.test(c.text)) run.push(c);
    if (!open) close();
  });
  close();
}

/**
 * The claims of an embedded post (a paragraph that ends on its author's "— Laura Trott (@LauraTrott) June 10, 2025",
 * read as matching reads it) are its author's.
 */
function postClaimants(claims: ExtractedClaim[]): void {
  const authors = new Map<number, string>();
  for (const c of claims) {
    const author = postTrailer(c.text)?.author.trim();
    if (author && author.length >= 2 && !/[()]/.test(author)) authors.set(c.paragraph, author);
  }
  for (const c of claims) {
    const author = authors.get(c.paragraph);
    if (author && !isNonClaim(c) && (!c.claimant || !c.attribution || /^(?:our|my)\s/i.test(c.attribution))) c.claimant = author;
  }
}

const SHORT_NAMED = /\s(?:United|Rovers|Wanderers|Athletic|Albion|Hotspur|Democrats|Republicans|Conservatives)$/;
const TITLED_SURNAME = /^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u;

/**
 * "Mrs Trott said" after "Shadow education secretary Laura Trott accused …": a claimant by surname alone is the person
 * the article names in full, when it names only one person with that surname.
 */
function fullNameClaimants(claims: ExtractedClaim[]): void {
  const bySurname = new Map<string, Set<string>>();
  const add = (name: string): void => {
    const surname = name.split(/\s+/).at(-1)!;
    bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(name));
  };
  for (const c of claims) {
    for (const e of c.entities) if (e.type === 'person' && /\s/.test(e.text) && !TITLED_SURNAME.test(e.text)) add(e.text);
    // "Manchester United" … "United said": a club or a party called by the last word of its name.
    for (const e of c.entities) if (e.type === 'organisation' && /\s/.test(e.text) && SHORT_NAMED.test(e.text)) add(e.text);
    // A name read out of a title the tagger took whole ("Senate Majority Leader Chuck Schumer").
    const titled = titledName(c.attribution);
    if (titled && titled === c.claimant) add(titled);
  }
  for (const c of claims) {
    const surname = c.claimant ? TITLED_SURNAME.exec(c.claimant)?.[1] : undefined;
    const full = surname ? bySurname.get(surname) : undefined;
    // Not back to the words the claimant was read out of ("Retailer Brightmart" → "Brightmart").
    if (full && full.size === 1 && !c.attribution?.includes([...full][0])) c.claimant = [...full][0];
  }
}

// "The company said", "the chief executive said": a description that stands for a name given earlier. Company-like heads
// name the firm the story is about; role heads the person given that role; any other head the name it is part of.
const DEFINITE_SOURCE = /^the\s+((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z-]*)$/i;
// "official figures show", "new data suggests": documents without "the", whose publisher the story names.
const OFFICIAL_DOCUMENT = /^((?:official|new|latest|provisional|government|recent)\s+(?:figures|data|statistics|estimates|results))$/i;
const COMPANY_HEADS = new Set(
  `company|firm|business|group|retailer|airline|carrier|lender|operator|manufacturer|carmaker|insurer|supermarket|chain|developer|
housebuilder|homebuilder|builder|miner|grocer|brewer|drugmaker|chipmaker|automaker|shipper|wholesaler|distributor|bookmaker|
maker|provider|startup|start-up|utility|broadcaster|publisher|charity|brand|supplier|contractor|platform|club|bank|
conglomerate|giant|outlet|newspaper|website|trust|fund|owner|landlord|employer`
    .split('|')
    .map((w) => w.trim()),
);
const ROLE_HEADS = new Set(
  `executive|director|officer|secretary|minister|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|president|mayor|
governor|coach|manager|headteacher|leader|judge|coroner|prosecutor|founder|principal|commissioner|chancellor|ambassador|
captain|author|editor|inspector|superintendent|constable|councillor|mp|senator|congressman|congresswoman|premier`
    .split('|')
    .map((w) => w.trim()),
);
// Public bodies are no company, whatever their name ("Police", "Leeds City Council").
const PUBLIC_BODY = /\b(?:Police|Council|Court|Ministry|Department|Government|Parliament|Party|University|Hospital|School|Army|Navy|Senate|Congress|Commission|Committee|Agency|Office|Service|NHS)\b/;
// Words that make a name a company's whichever way the tagger reads it ("Northwind Logistics" looks like a person's name).
const COMPANY_WORDS =
  /\b(?:Resources|Minerals|Metals|Logistics|Energy|Airlines?|Airways|Motors|Holdings|Systems|Technologies|Technology|Tech|Pharma(?:ceuticals)?|Foods|Retail|Industries|Partners|Capital|Media|Entertainment|Telecom|Group|Bank|Insurance|Homes|Brands|Games|Labs|Software|Solutions|Networks|Mining|Oil|Gas|Power|Water|Rail|Railways|Bus|Buses|Stores|Supermarkets|plc|PLC|Ltd|Inc|LLC|Corp|Co|AG|SA|GmbH|NV|FC)\b/;

/**
 * "Northwind Logistics will cut 400 jobs, the company said", "The council said …" after "Leeds City Council said …":
 * a source that is a description ("the company", "the council", "the chief executive") is the name it stands for,
 * the nearest one before it that fits: a name with the description's words in it ("Leeds City Council" for "the
 * council"), a person given that role ("The firm's chief executive, Tom Baines"), or for a company-like word the
 * company last named. Without one the description is the claimant.
 */
function definiteClaimants(claims: ExtractedClaim[]): void {
  claims.forEach((c, i) => {
    const source = c.attribution && c.claimant && !isNonClaim(c) ? c.attribution.trim() : undefined;
    const official = source ? OFFICIAL_DOCUMENT.exec(source)?.[1] : undefined;
    const description = source ? (DEFINITE_SOURCE.exec(source)?.[1] ?? official) : undefined;
    if (!description || description !== description.toLowerCase()) return;
    const words = description.split(/\s+/);
    const head = words.at(-1)!;
    // A story's first lines may name the publisher only in the next sentence ("…, official figures show. The Office for
    // National Statistics said …"): with nothing before, the body the next claim names.
    const lede = claims.findIndex((x) => !isNonClaim(x)) === i;
    const after = lede && claims[i + 1] && claims[i + 1].paragraph - c.paragraph <= 1 ? claims[i + 1] : undefined;
    const next = official ? after : undefined;
    // "The group's report says …": a document is its owner's, who is the description's antecedent or the description
    // (a name with its words, or the company last named for "the company's"; "the group's" after "the broadcaster NOS" is
    // no broadcaster's).
    const owner = /^([a-z-]+)['’]s$/.exec(words[0])?.[1];
    if (owner && words.length > 1 && DOCUMENT_NOUNS.has(head)) {
      const ownerRole = ROLE_HEADS.has(owner) ? rolePatterns([owner]) : null;
      const at = sourceOffset(c);
      const name = nearestBefore(claims, i, 5, (prev, k) => antecedentIn(prev, k === i ? at : Infinity, [owner], ownerRole, /^(company|firm)$/.test(owner)), true);
      c.claimant = name ?? owner.charAt(0).toUpperCase() + owner.slice(1);
      return;
    }
    if (DOCUMENT_NOUNS.has(head)) {
      c.claimant = publisherBefore(claims, i, head) ?? (next && namedBody(next)) ?? c.claimant;
      return;
    }
    const role = ROLE_HEADS.has(head) ? rolePatterns(words) : null;
    const company = COMPANY_HEADS.has(head);
    // This claim's words before its source ("Northwind Logistics will cut 400 jobs, the company said"), then the
    // claims before it, nearest first.
    const sourceAt = sourceOffset(c);
    const name = nearestBefore(claims, i, 5, (prev, k) => antecedentIn(prev, k === i ? sourceAt : Infinity, words, role, company), true);
    if (name) {
      c.claimant = name;
      return;
    }
    // "Thirty people were injured …, the airline said. … Air Europa said in a statement": a story's first sentence may
    // name the company only in the next, where it speaks for itself by name ("its", "in a statement").
    if (company && after?.claimant && after.attribution === after.claimant && /\b(?:its|in a statement)\b/.test(after.text) && !COMPETITION.test(after.claimant)) c.claimant = after.claimant;
  });
}

/** The body that makes a claim, when it is named as one: "Office for National Statistics", not "Tom Baines". */
function namedBody(c: ExtractedClaim): string | null {
  if (!c.claimant || c.unnamedSource) return null;
  const organisation = c.entities.some((e) => e.type === 'organisation' && e.text === c.claimant) || c.claimant.split(/\s+/).some((w) => ORGANISATION_WORDS.has(w.toLowerCase()));
  return organisation && /^\p{Lu}/u.test(c.claimant) ? c.claimant : null;
}

// "Officers said …" after "West Yorkshire Police said …": the officers, detectives or plain "police" of a story are the force it named.
const OFFICERS = /^(?:police|officers|police officers|detectives|the police)$/i;
const FORCE = /\b(?:Police|Constabulary)\b/;

/** Gives "Officers", "Detectives" and a bare "Police" the police force named last, within five paragraphs before; a named force is no unnamed source. */
function forceClaimants(claims: ExtractedClaim[]): void {
  claims.forEach((c, i) => {
    if (!c.claimant || !OFFICERS.test(c.claimant) || isNonClaim(c)) return;
    // "Officers" after a bare "Police said …" are the police too.
    const force = nearestBefore(claims, i, 5, (prev) => (prev.claimant && FORCE.test(prev.claimant) && prev.claimant !== c.claimant ? prev.claimant : null));
    if (force) giveClaimant(c, force, false);
  });
}

// "The General Medical Council said it had not been approached. A spokesperson said …": a spokesperson with no body
// named speaks for the body the sentence before is about.
const BARE_SPOKESPERSON = /^(?:spokesperson|spokesman|spokeswoman|representative)$/i;
const DESCRIBED_SUBJECT = /^The ((?:\p{Ll}[\p{L}-]*\s+)?\p{Ll}[\p{L}-]*) (?:has |have |had )?\p{Ll}+ed\b/u;

function spokespersonClaimants(claims: ExtractedClaim[]): void {
  claims.forEach((c, i) => {
    if (!c.claimant || !BARE_SPOKESPERSON.test(c.claimant) || isNonClaim(c)) return;
    const body = nearestBefore(claims, i, 1, (prev, k) => {
      if (k < i - 2) return null;
      if (prev.claimant && !prev.unnamedSource && /^\p{Lu}/u.test(prev.claimant) && !claimantIsPerson(prev) && !BARE_SPOKESPERSON.test(prev.claimant)) return prev.claimant;
      const subject = !prev.attribution ? DESCRIBED_SUBJECT.exec(prev.text)?.[1] : undefined;
      return subject ? subject.charAt(0).toUpperCase() + subject.slice(1) : null;
    });
    if (body) giveClaimant(c, body, false);
  });
}

// "…, her family said", "a statement from the family said": the family of the person the story is about.
const FAMILY = /^(?:(?:his|her|their|the)\s+family|(?:a\s+)?statement from (?:the|his|her|their) family)$/i;

/** Names a family by the person last named before it: "Margaret Lyle's family". */
function familyClaimants(claims: ExtractedClaim[]): void {
  claims.forEach((c, i) => {
    if (!c.attribution || !FAMILY.test(c.attribution.trim()) || isNonClaim(c)) return;
    const sourceAt = sourceOffset(c);
    const person = nearestBefore(
      claims,
      i,
      3,
      (prev, k) => prev.entities.filter((e) => e.type === 'person' && /\s/.test(e.text) && (k < i || e.end <= sourceAt)).at(-1)?.text ?? (k < i && claimantIsPerson(prev) ? prev.claimant : null),
      true,
    );
    if (person) giveClaimant(c, `${person}’s family`, false);
  });
}

// "The data shows …" after "according to figures published by NHS England": the figures are the same, so is whose they are.
const FIGURES = /\b(?:data|figures|statistics|numbers)\b/i;

/** Whose document "the <head>" is: the named source, not a person, of the nearest claim within three paragraphs before that cites one like it. */
function publisherBefore(claims: ExtractedClaim[], i: number, head: string): string | null {
  const like = FIGURES.test(head) ? FIGURES : new RegExp(`\\b${head}\\b`, 'i');
  // A person who talks about the figures did not publish them.
  return nearestBefore(claims, i, 3, (prev) =>
    like.test(prev.text) && prev.claimant && !prev.unnamedSource && /\p{Lu}/u.test(prev.claimant) && !DOCUMENT_NOUNS.has(prev.claimant.toLowerCase()) && !claimantIsPerson(prev) ? prev.claimant : null,
  );
}

/** "Retailer Brightmart", "research firm Gartner": a source whose name follows a company's description. */
function describedCompany(source: string | null, name: string): boolean {
  return source !== null && tradeBefore(source.slice(0, Math.max(0, source.lastIndexOf(name))));
}

/** The text ends on a company's trade, maybe before a comma ("Retailer ", "Ticketmaster's parent company, "). */
function tradeBefore(text: string): boolean {
  const word = /(\p{L}[\p{L}-]*),?\s*$/u.exec(text)?.[1];
  return word !== undefined && COMPANY_HEADS.has(word.toLowerCase());
}

// Words that make a role another one: the assistant manager is not "the manager", the prime minister not "the minister".
const ROLE_QUALIFIERS = ['prime', 'first', 'chief', 'deputy', 'vice', 'assistant', 'shadow', 'former', 'junior', 'associate', 'under', 'acting'];

/** A word in either case of its first letter, for the patterns below ("[Mm]inister"). */
const eitherCase = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`;

/**
 * Where a role stands beside a person's name: "chief executive, Tom Baines", "Tesco chief executive Ken Murphy",
 * "Health Minister Wes Streeting" (before), "Tom Baines, the firm's chief executive" (after). The role in full, and not
 * qualified into another: "the minister" is not "Prime Minister Keir Starmer", "the manager" not "assistant manager Tom
 * Hale"; "the prime minister" is Keir Starmer.
 */
function rolePatterns(words: string[]): { before: RegExp; after: RegExp } {
  const phrase = `(?<!\\b(?:${ROLE_QUALIFIERS.map(eitherCase).join('|')})[\\s-]+)${words.map(eitherCase).join('\\s+')}`;
  const lead = `(?:^|[^\\p{L}\\s]\\s*|(?:^|\\s)[\\p{L}'’-]+\\s+)`;
  return {
    before: new RegExp(`${lead}${phrase},?\\s*$`, 'u'),
    after: new RegExp(`^,\\s+(?:the\\s+|its\\s+|their\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?${phrase}\\b`, 'u'),
  };
}

/** The last name in `c` (before offset `before`) that a description of these words stands for; null when none fits. */
function antecedentIn(c: ExtractedClaim, before: number, words: string[], role: { before: RegExp; after: RegExp } | null, company: boolean): string | null {
  const entities = c.entities.filter((e) => e.end <= before && e.type !== 'place');
  const names: Array<{ text: string; type: string; start: number }> = entities.map((e) => ({ text: e.text, type: e.type, start: e.start })).reverse();
  // Its claimant first: the name a source gave ("The Department for Transport said" → "Department for Transport"); one
  // the tagger did not find as a name ("Unite union", "Unions" opening a sentence) counts by its words alone.
  if (c.claimant && before === Infinity && !c.unnamedSource && /\p{Lu}/u.test(c.claimant)) {
    const at = c.text.indexOf(c.claimant);
    // A company the source was described as ("Retailer Brightmart", "parent company, Live Nation,"), or the name an
    // earlier "the company said" was given.
    const head = c.attribution?.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
    const described = describedCompany(c.attribution, c.claimant) || (at > 0 && describedAsCompany(c, c.start + at)) || (at === -1 && COMPANY_HEADS.has(head));
    names.unshift({ text: c.claimant, type: described ? 'organisation' : (c.entities.find((e) => e.text === c.claimant)?.type ?? 'none'), start: -1 });
  }
  if (role) {
    for (const e of entities.filter((x) => x.type === 'person' && /\s/.test(x.text)).reverse()) {
      const at = e.start - c.start;
      if (role.before.test(c.text.slice(Math.max(0, at - 80), at)) || role.after.test(c.text.slice(at + e.text.length, at + e.text.length + 80))) return e.text;
    }
    return null;
  }
  for (const n of names) {
    if (n.text.toLowerCase() === words.join(' ')) continue; // an earlier "the company" left as it was
    const nameWords = new Set(n.text.toLowerCase().split(/[\s-]+/));
    if (words.every((w) => nameWords.has(w))) return n.text;
    // "the regulator" after "the energy regulator Ofgem has announced": the source that was described so (a person is
    // no body: "the council" is not "Council leader Sarah Pike").
    if (n.start === -1 && n.type !== 'person' && c.attribution && new RegExp(`\\b${words.join('\\s+')}\\b`, 'i').test(c.attribution)) return n.text;
    // A company is a name with a company's word in it, an organisation that is no public body, a source named before, or
    // a name of several words that opens a claim as its subject; a person's name is none ("Tom Baines"), nor a
    // capitalised first word ("Ancient DNA").
    if (
      company &&
      !COMPETITION.test(n.text) &&
      (COMPANY_WORDS.test(n.text) ||
        (n.type === 'organisation' && !PUBLIC_BODY.test(n.text)) ||
        (n.type === 'other' && (n.start === -1 || (n.start === c.start && (/\s\p{Lu}/u.test(n.text) || CORPORATE_ACT.test(c.text.slice(n.text.length)))) || describedAsCompany(c, n.start))) ||
        // "Ridgeline Resources cut its annual forecast": a name that reads like a person's, doing what companies do.
        (n.type === 'person' && n.start === c.start && CORPORATE_ACT.test(c.text.slice(n.text.length)) && /\bits\b/.test(c.text)))
    )
      return withoutTrade(n.text);
  }
  return null;
}

// A league or a cup is where clubs play, no company of its own.
const COMPETITION = /\b(?:League|Cup|Championship|Premiership|Division|Liga|Bundesliga|Serie|Olympics|Games|Tournament|Open)\b/;

// "Shell reported first-quarter profits …": a one-word name that opens a claim by doing what companies do.
const CORPORATE_ACT = /^\s+(?:has\s+|have\s+|had\s+)?(?:reported|announced|posted|unveiled|launched|confirmed|raised|cut|sold|bought|agreed|warned|said)\b/;

/** "Miner Ridgeline" → "Ridgeline": a trade that opens a sentence is read into the name after it. */
function withoutTrade(name: string): string {
  const [first, ...rest] = name.split(/\s+/);
  return rest.length > 0 && COMPANY_HEADS.has(first.toLowerCase()) ? rest.join(' ') : name;
}

/** "Smartphone maker Nexa", "retailer Brightmart": the name at `start` follows a company's description in the claim. */
function describedAsCompany(c: ExtractedClaim, start: number): boolean {
  return tradeBefore(c.text.slice(0, start - c.start));
}

const QUESTION_ONLY = (c: ExtractedClaim): boolean => c.reasons.includes('not a claim: question');

/**
 * A question-and-answer interview (paragraphs that end on a question, answers in the first person): the answers are
 * the interviewee's claims, the person the introduction names, not the interviewer's. An explainer with questions as
 * subheadings answers in the writer's voice, so at least half of the answers must speak in the first person.
 */
function interviewClaimants(claims: ExtractedClaim[]): void {
  const paragraphs = new Map<number, ExtractedClaim[]>();
  for (const c of claims) {
    const list = paragraphs.get(c.paragraph);
    if (list) list.push(c);
    else paragraphs.set(c.paragraph, [c]);
  }
  const order = [...paragraphs.keys()];
  // "You first went to Greenland in 2000. What has changed?": a paragraph that ends on a question is the interviewer's.
  const isQuestion = (p: number): boolean => QUESTION_ONLY(paragraphs.get(p)!.at(-1)!);
  const firstQuestion = order.findIndex(isQuestion);
  if (firstQuestion < 1) return;
  const answers = order.slice(firstQuestion).filter((p, k, rest) => !isQuestion(p) && k > 0 && isQuestion(rest[k - 1]));
  if (answers.length < 2) return;
  const firstPerson = answers.filter((p) => paragraphs.get(p)!.some((c) => /\b(?:I|we|We|my|My|our|Our|me|us)\b/.test(c.text)));
  if (firstPerson.length * 2 < answers.length) return;
  const intro = order.slice(0, firstQuestion).flatMap((p) => paragraphs.get(p)!);
  const interviewee = intro.flatMap((c) => c.entities).find((e) => e.type === 'person' && /\s/.test(e.text));
  if (!interviewee) return;
  // Every paragraph after the first question that is not itself a question answers one.
  for (const p of order.slice(firstQuestion)) {
    if (isQuestion(p)) continue;
    for (const c of paragraphs.get(p)!) if (!c.attribution && !c.claimant && !isNonClaim(c)) c.claimant = interviewee.text;
  }
}

/** Splits an article into claims. The text may be raw; the result carries the normalised text all offsets point into. */
export function extractClaims(input: string, options: ExtractOptions = {}): ExtractionResult {
  const plan = planChunks(input);
  if (!plan.text) return { text: plan.text, claims: [] };
  return mergeChunks(
    plan,
    plan.chunks.map((chunk) => extractChunk(plan.text, chunk, options)),
  );
}

/**
 * A transcript (speaker-labelled paragraphs, "SMITH: …") is ranked in context, as the evaluation ranks the CLEF debates:
 * the transcript context model's priority (who speaks, the turn, the neighbouring sentences, over each claim's own score)
 * orders the claims. `checkWorthy` stays the sentence's own call, and `score` keeps its meaning against the threshold:
 * check-worthy claims are spread over [threshold, 1), the others over [0, threshold), each in the order of their priority.
 * The speaker is the claimant when no source is named.
 */
function rankInContext(text: string, transcript: NonNullable<ArticleContext['transcript']>, claims: ExtractedClaim[], own: number[], threshold: number): void {
  if (claims.length === 0) return;
  const speakerOf = (c: ExtractedClaim): string => transcript.speakers[c.paragraph] ?? '';
  // The speaker label ("SMITH: ") is no part of what the speaker claims.
  for (const c of claims) {
    const labelEnd = (transcript.paragraphStarts[c.paragraph] ?? 0) + (transcript.labelLength[c.paragraph] ?? 0);
    if (c.start >= labelEnd || labelEnd >= c.end) continue;
    const inside = (m: { start: number }): boolean => m.start >= labelEnd;
    c.start = labelEnd;
    c.text = text.slice(labelEnd, c.end);
    c.selector = quoteSelector(text, labelEnd, c.end);
    c.cues = c.cues.filter(inside);
    c.entities = c.entities.filter(inside);
    c.numbers = c.numbers.filter(inside);
    c.dates = c.dates.filter(inside);
  }
  const ranked = shippedTranscriptContext().score(
    claims.map((c) => ({ speaker: speakerOf(c), text: c.text })),
    own,
  );
  claims.forEach((c, i) => {
    const inGroup = c.checkWorthy ? threshold + (1 - threshold) * ranked[i] : threshold * ranked[i];
    c.score = c.checkWorthy ? Math.max(round(threshold), round(inGroup)) : Math.min(round(inGroup), threshold - 0.001);
    if (!isNonClaim(c)) c.reasons = [...c.reasons, `in context: ${ranked[i].toFixed(2)}`];
    if (!c.claimant && speakerOf(c)) c.claimant = speakerName(speakerOf(c));
  });
}

/** "LESTER HOLT" → "Lester Holt". */
function speakerName(label: string): string {
  return label.toLowerCase().replace(/(^|[\s\-'’(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
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

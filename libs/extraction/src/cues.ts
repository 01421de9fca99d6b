// Finds the epistemic cues of a claim: hedges, speculation, attribution to a source, approximations and questions.
import { CueContextFile, CueContextModel } from './cue-context';
import { monthAt, NumberHit } from './mentions';
import type { TokenTable } from './nlp';
import { IRREGULAR_PAST } from './rules';
import type { CueType } from './types';

export interface CueHit {
  type: CueType;
  first: number;
  last: number;
}

export interface AttributionHit {
  /** The whole attribution cue: "according to the US Pentagon", "officials say". */
  cueFirst: number;
  cueLast: number;
  /** The source itself: "the US Pentagon", "officials familiar with the negotiations". */
  sourceFirst: number;
  sourceLast: number;
  /** An unnamed source: "officials", "sources", "people familiar with the matter", "unnamed diplomats". */
  unnamed: boolean;
}

type Guard = (t: TokenTable, i: number, a: number) => boolean;

interface Pattern {
  type: 'hedge' | 'speculation';
  words: Array<Set<string>>;
  guard?: Guard;
  /** Decided in context by the learned model ("would", "if", "considered" …), when there is one. */
  ambiguous?: boolean;
}

// Each line is one pattern; positions are separated by spaces, alternatives by "|".
const HEDGES = `
allegedly|reportedly|reputedly|supposedly|purportedly|apparently|seemingly|presumably|possibly|probably|perhaps|maybe|potentially|arguably|conceivably|ostensibly|putative|putatively|rumoured|rumored|alleged|alleges|alleging|hypothesize|hypothesizes|hypothesise|hypothesises|hypothetically|speculate|speculates|accusation|accusations|unconfirmed|unverified|likely|unlikely|doubtful|unclear|uncertain|whether
most|very|quite|highly|more likely
a|an reported
more than likely
seem|seems|seemed
may or may not
has|have|had been reported|alleged|rumoured|rumored|claimed|suggested
it is|was reported|alleged|rumoured|rumored|believed|thought|said|claimed|understood|suspected|feared
it is|was possible|probable|unclear|uncertain|doubtful|unknown
no|little|insufficient evidence
it is|was not clear|known
it remains unclear
little is|was known
not fully understood
is|are|was|were|be reported|said|believed|thought|alleged|rumoured|rumored|understood|suspected|presumed|claimed|feared to
unconfirmed|unverified|unnamed|anonymous|unidentified sources|reports claim|claims|claimed|say|says|said|suggest|suggests|suggested|report|reported|indicate|indicated|allege|alleged|allege
unconfirmed|unverified|unnamed|anonymous|unidentified sources|reports
there are|were reports|rumours|rumors|suggestions|indications|claims
rumours|rumors
i|we think|believe|suspect|guess|suppose|assume
suggest|suggests|suggested that
`;

const SPECULATION = `
it would|will|could be safe|fair|reasonable to assume|say|suggest|conclude|expect
it is|was|seems safe|fair|reasonable to assume|say|suggest|conclude|expect
one can|could|might|may assume|argue|expect|say
expected to|that
will likely|probably|possibly|presumably
likely to
is|are|was|were poised|bound|projected|forecast|predicted|tipped|slated|set to
could|may|might well
predicts|predicted|forecasts|forecast that
in all likelihood
`;

// "so that he could fire officials", "who could see", "before he could talk": a purpose, an ability or a past
// sequence, not doubt (the most frequent false hedge in the Szeged training half).
function couldTellsAbility(t: TokenTable, i: number, a: number): boolean {
  if (t.lower[i - 1] === 'who' || t.lower[i - 1] === 'where') return true;
  // A subject of up to three words between the conjunction and "could": "so that his father could", "before he could".
  for (let k = i - 2; k >= Math.max(a, i - 4); k--) {
    if (/^(before|until)$/.test(t.lower[k]) || (t.lower[k] === 'that' && k > a && t.lower[k - 1] === 'so') || (t.lower[k] === 'so' && t.lower[k + 1] !== 'that' && k === i - 2)) return true;
    // "a club where all could play", "where the I-16 could fight", "so stranded travellers could clear customs": a place or a purpose.
    if ((t.lower[k] === 'where' || (t.lower[k] === 'so' && t.lower[k + 1] !== 'that')) && isSubject(t, k + 1, i)) return true;
  }
  return false;
}

// "fans could hear the chants", "everyone could see it": what someone was able to perceive. "Households could see bills
// rise" is a possibility, so "see" counts only before a pronoun or the end of the clause.
const PERCEPTION = new Set(['hear', 'feel', 'smell', 'taste', 'sense']);
const SEEN = /^(it|them|him|her|me|us|you|that|this|what|why|how|\.|,|;)$/;
function couldPerceive(t: TokenTable, i: number): boolean {
  const next = t.lower[i + 1] ?? '';
  return PERCEPTION.has(next) || (next === 'see' && SEEN.test(t.lower[i + 2] ?? '.'));
}

/** Tokens [from, to) read as a short subject: determiners, adjectives, nouns, pronouns and quotes only. */
function isSubject(t: TokenTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^(DET|ADJ|NOUN|PROPN|PRON|NUM|PUNCT)$/.test(t.pos[k]) || t.value[k] === ',') return false;
  return true;
}

const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

// "may" is a modal only when it is not the month ("in May", "May 2023") or a name ("Theresa
// May"); "could not" reports an inability, not a possibility.
const modalGuard: Guard = (t, i, a) => {
  if (t.lower[i] === 'may' && t.value[i] !== 'may') {
    if (monthAt(t, i, a) !== null) return false;
    if (i > a && t.pos[i - 1] === 'PROPN' && /^\p{Lu}/u.test(t.value[i - 1])) return false;
  }
  if (t.lower[i] === 'could' && /^(not|n't|never|hardly|barely|scarcely)$/.test(t.lower[i + 1] ?? '')) return false;
  if (t.lower[i] === 'could' && i > a && couldTellsAbility(t, i, a)) return false;
  if (t.lower[i] === 'could' && couldPerceive(t, i)) return false;
  // "because of his might", "might makes right": the noun.
  if (
    t.lower[i] === 'might' &&
    ((i > a && (t.pos[i - 1] === 'ADP' || t.pos[i - 1] === 'DET' || POSSESSIVES.has(t.lower[i - 1]) || /^(has|have|had)$/.test(t.lower[i - 1]))) || t.lower[i + 1] === 'makes')
  )
    return false;
  return (t.pos[i] !== 'NOUN' && t.pos[i] !== 'PROPN') || i === a;
};
// "in regard to", "with a view to", "point of view": idioms, not doubt.
const IDIOM_BEFORE = new Set(['in', 'with', 'as', 'of']);
const idiomGuard: Guard = (t, i, a) => !(i > a && IDIOM_BEFORE.has(t.lower[i - 1]) && /^(regard|regards|view)$/.test(t.lower[i]));
// "appears to be", "it appears that", "appears as if" hedge; "appeared in court", "it appears in several novels" and
// "appears as a character" (a place or a role) report a fact.
const appearGuard: Guard = (t, i, a) => {
  const next = t.lower[i + 1] ?? '';
  if (/^(to|that|like)$/.test(next)) return true;
  if (next === 'as') return /^(if|though)$/.test(t.lower[i + 2] ?? '');
  return i > a && t.lower[i - 1] === 'it' && t.pos[i + 1] !== 'ADP';
};
// "highly regarded", "well regarded by architects", "regarded for its teams": praise, not a judgement hedged.
const PRAISE_ADVERBS = new Set(['highly', 'well', 'greatly', 'deeply', 'warmly', 'favourably', 'favorably', 'fondly']);
const regardedGuard: Guard = (t, i, a) => !((i > a && PRAISE_ADVERBS.has(t.lower[i - 1])) || t.lower[i + 1] === 'for');
// "was considered for the post", "was considered but rejected": a plain verb, not an opinion held.
const consideredGuard: Guard = (t, i) => !/^(for|but|and|or|from|in|\.)$/.test(t.lower[i + 1] ?? '') && !(t.pos[i + 1] === 'VERB' && /ing$/.test(t.lower[i + 1] ?? ''));
// "missing the 395 million euros expected by analysts", "profit rose more than expected": a consensus figure or a
// comparison with it, stated as fact; "the deal is expected to close" and "was widely expected by investors" still hedge.
const expectedGuard: Guard = (t, i, a) => !(i > a && ((t.lower[i + 1] === 'by' && (t.pos[i - 1] === 'NOUN' || t.pos[i - 1] === 'PROPN' || t.pos[i - 1] === 'NUM')) || t.lower[i - 1] === 'than'));
// "Consider a vector …": an imperative at the start of the sentence.
// So is "As an example, consider the following"; "Consider Her Ways" is a title; "had to consider the risk" deliberates.
const considerGuard: Guard = (t, i, a) => !(/^\p{Lu}/u.test(t.value[i]) || (i > a && /^(,|;|:|to)$/.test(t.lower[i - 1])));

// Hand-written words with a guard. The modals stay rule-based: a newsroom reads "could aid the
// Kremlin" as a hedge even where Wikipedia's annotators would not.
const GUARDED: Array<[string, Guard]> = [
  ['may|might|could', modalGuard],
  ['appear|appears|appeared', appearGuard],
];
// "Some people consider vegetarian chili a stew", "historians generally consider Hooker …", "what they consider a
// soulless corporation": an opinion held by many, however the learned context reads it.
const heldByMany: Guard = (t, i, a) => {
  let k = i - 1;
  while (k > a && (t.pos[k] === 'ADV' || t.pos[k] === 'AUX' || t.pos[k] === 'PART')) k--;
  return k >= a && (/^(some|many|others|most|people|they|who)$/.test(t.lower[k]) || (t.pos[k] === 'NOUN' && /[^s]s$/.test(t.lower[k])));
};
// A verb of perception used as a judgement: "is widely seen as the favourite", "viewed as a threat", "regarded as the best".
const GUARDED_PHRASES: Array<[string, Guard | undefined]> = [
  ['seen|viewed as', undefined],
  ['regarded as', regardedGuard],
  ['consider|view|regard|thought|worry', heldByMany],
  // A sentence that opens on a condition ("If the ferry is not operating, …") or a supposition states a hypothetical.
  ['if', (t, i, a) => i === a && ifGuard(t, i, a)],
  ['suppose', (t, i, a) => i === a],
  // A headline's "is said to" without its verb: "Chipmaker said to be weighing $8bn sale".
  ['reported|said|rumoured|rumored to be|have', (t, i, a) => i > a && (t.pos[i - 1] === 'NOUN' || t.pos[i - 1] === 'PROPN')],
];
// "as if", "if and only if", "if any", "if anything": a comparison, a definition or an aside, not a condition on the claim.
// Nor is a concessive "if" ("a sense of joy, if fleeting, to the show", "if only briefly,") or one inside a hyphenated compound ("if-it-bleeds").
const ifGuard: Guard = (t, i, a) => !((i > a && /^(as|only)$/.test(t.lower[i - 1])) || /^(any|anything|and)$/.test(t.lower[i + 1] ?? '') || concessiveIf(t, i) || hyphenJoins(t, i, i + 1));
/** Tokens `left` and `right` are parts of one hyphenated compound ("if-it-bleeds", "quick-thinking"): a hyphen touches them. */
function hyphenJoins(t: TokenTable, left: number, right: number): boolean {
  return right < t.value.length && (t.value[left] === '-' || t.value[right] === '-') && t.start[right] === t.end[left];
}
function concessiveIf(t: TokenTable, i: number): boolean {
  let k = i + 1;
  while (k < i + 3 && k < t.lower.length && /^(ADJ|ADV)$/.test(t.pos[k])) k++;
  return k > i + 1 && t.value[k] === ',';
}
// "thought of as", "well thought out", "scientific thought": a name for something or a noun, not a belief.
const thoughtGuard: Guard = (t, i, a) => t.pos[i] !== 'NOUN' && !/^(of|out|through)$/.test(t.lower[i + 1] ?? '') && !(i > a && t.lower[i - 1] === 'of');
// "assumed command", "assuming the leadership of the party", "will assume additional duties": taking on a post, not supposing.
const TAKEN_ON =
  /^(command|control|responsibility|responsibilities|duties|duty|role|roles|leadership|office|power|powers|presidency|throne|title|name|position|post|charge|chairmanship|captaincy|management|helm|mantle|crown|reins|identity|form|shape|guise|lead|ownership|custody)$/;
const assumeGuard: Guard = (t, i) => {
  for (let k = i + 1; k <= i + 3 && k < t.lower.length; k++) {
    if (TAKEN_ON.test(t.lower[k])) return false;
    if (!/^(DET|ADJ|PRON)$/.test(t.pos[k])) break;
  }
  return true;
};
// "considering its large population": a preposition that gives a reason, not an opinion held.
const consideringGuard: Guard = (t, i) => !(t.pos[i + 1] === 'DET' || POSSESSIVES.has(t.lower[i + 1] ?? ''));
// Guards for words that only come from the learned list.
const LEARNED_GUARDS = new Map<string, Guard>([
  ['regard', idiomGuard],
  ['regards', idiomGuard],
  ['view', idiomGuard],
  ['if', ifGuard],
  ['thought', thoughtGuard],
  ['regarded', regardedGuard],
  ['assume', assumeGuard],
  ['assumed', assumeGuard],
  ['assumes', assumeGuard],
  ['assuming', assumeGuard],
  ['considered', consideredGuard],
  ['consider', considerGuard],
  ['considering', consideringGuard],
  ['expected', expectedGuard],
]);

function compile(lines: string, type: Pattern['type']): Pattern[] {
  return lines
    .trim()
    .split('\n')
    .map((line) => ({
      type,
      words: line
        .trim()
        .split(/\s+/)
        .map((alternatives) => new Set(alternatives.split('|'))),
    }));
}

/** A cue learned from data (the Szeged uncertainty corpus): a token sequence in lower case. */
type LearnedCue = string[];

export interface LearnedCues {
  /** Cues that hedge nearly wherever they occur. */
  cues?: LearnedCue[];
  /** Cues that hedge in some contexts only; kept only when `context` is given and agrees. */
  ambiguous?: LearnedCue[];
  context?: CueContextModel | null;
}

export class CueLexicon {
  private readonly byFirstWord = new Map<string, Pattern[]>();
  private readonly context: CueContextModel | null;

  constructor(learned: LearnedCues = {}) {
    this.context = learned.context ?? null;
    const patterns = [...compile(HEDGES, 'hedge'), ...compile(SPECULATION, 'speculation')];
    for (const [words, guard] of GUARDED) patterns.push({ type: 'hedge', words: [new Set(words.split('|'))], guard });
    for (const [line, guard] of GUARDED_PHRASES) patterns.push({ ...compile(line, 'hedge')[0], guard });
    const guards = new Map<string, Guard>(LEARNED_GUARDS);
    const handWritten = new Set<string>();
    for (const [words, guard] of GUARDED) {
      for (const w of words.split('|')) {
        guards.set(w, guard);
        handWritten.add(w);
      }
    }
    const add = (cue: LearnedCue, ambiguous: boolean): void => {
      // The hand-written patterns already cover these bare words, with their guards.
      if (cue.length === 0 || (cue.length === 1 && handWritten.has(cue[0]))) return;
      patterns.push({ type: 'hedge', words: cue.map((w) => new Set([w])), guard: guards.get(cue[0]), ambiguous });
    };
    for (const cue of learned.cues ?? []) add(cue, false);
    if (this.context) for (const cue of learned.ambiguous ?? []) add(cue, true);
    for (const p of patterns) {
      for (const first of p.words[0]) {
        const list = this.byFirstWord.get(first) ?? [];
        list.push(p);
        this.byFirstWord.set(first, list);
      }
    }
    // Longest first, so "most likely" wins over "likely" and "likely to" over "likely".
    for (const list of this.byFirstWord.values()) list.sort((x, y) => y.words.length - x.words.length);
  }

  /** Hedge and speculation cues in tokens [a, b), longest match first, never overlapping. */
  find(t: TokenTable, a: number, b: number): CueHit[] {
    const hits: CueHit[] = [];
    let i = a;
    while (i < b) {
      const candidates = this.byFirstWord.get(t.lower[i]);
      let matched: CueHit | null = null;
      if (candidates) {
        for (const p of candidates) {
          const end = i + p.words.length;
          if (end > b) continue;
          let ok = true;
          for (let k = 1; k < p.words.length && ok; k++) ok = p.words[k].has(t.lower[i + k]);
          if (ok && p.guard && !p.guard(t, i, a)) ok = false;
          // "quick-thinking", "well-thought": part of a hyphenated compound, not a cue of its own.
          if (ok && p.ambiguous && i > a && hyphenJoins(t, i - 1, i)) ok = false;
          if (ok && p.ambiguous && this.context) ok = this.context.hedgesHere(t, i, end, t.lower.slice(i, end).join(' '));
          if (ok) {
            matched = { type: p.type, first: i, last: end };
            break;
          }
        }
      }
      if (matched) {
        hits.push(matched);
        i = matched.last;
      } else i++;
    }
    return hits;
  }
}

// Verbs of saying that name a source whatever follows them.
// Base forms that report after a plural subject ("Criminologists caution that …", "Surveys of victims suggest …").
const SAYING_BASE_FORMS = ['caution', 'contend', 'maintain', 'acknowledge', 'admit', 'deny', 'stress'];
const COMPLEMENT_BASE_FORMS = ['suggest', 'indicate', 'conclude', 'predict', 'find'];
const SAYING = new Set([
  'said',
  'says',
  'say',
  'told',
  'stated',
  'states',
  'announced',
  'announces',
  'added',
  'adds',
  'wrote',
  'writes',
  'testified',
  'tweeted',
  'claimed',
  'claims',
  'claim',
  'alleged',
  'alleges',
  'allege',
  'insisted',
  'insists',
  'insist',
  'argued',
  'argues',
  'argue',
  'warned',
  'warns',
  'warn',
  'maintained',
  'maintains',
  'contended',
  'contends',
  'asserted',
  'asserts',
  'acknowledged',
  'acknowledges',
  'admitted',
  'admits',
  'denied',
  'denies',
  'explained',
  'explains',
  'announce',
  'stressed',
  'stresses',
  'cautioned',
  'cautions',
  'reiterated',
  'accused',
  'accuses',
  'commented',
  ...SAYING_BASE_FORMS,
]);
// Verbs that report only with a complement ("the study found that …", "the Pentagon estimated
// 300,000"): "Pyongyang found itself alone" names no source.
const REPORTING_WITH_COMPLEMENT = new Set([
  'reported',
  'reports',
  'report',
  'estimated',
  'estimates',
  'estimate',
  'found',
  'finds',
  'showed',
  'shows',
  'show',
  // "…, studies have shown"; "as shown in the table" and "was shown on television" name no source.
  'shown',
  'revealed',
  'reveals',
  // "The Supreme Court has ruled unanimously that …"; "ruled out a deal" has no complement.
  'ruled',
  // "The Bank of England expects inflation to rise …": a forecast with its subject (see hasComplement).
  'expects',
  'expected',
  'forecasts',
  'concluded',
  'concludes',
  'confirmed',
  'confirms',
  'noted',
  'notes',
  'disclosed',
  'predicted',
  'predicts',
  'calculated',
  'calculates',
  'calculate',
  'projected',
  'projects',
  'indicated',
  'indicates',
  'suggested',
  'suggests',
  'believe',
  'believes',
  // "a video posted on 3 October" is no report; "she posted on Facebook that …" is.
  'posted',
  // "She recalled that …"; "Baby formula recalled over …" is a recall.
  'recalled',
  ...COMPLEMENT_BASE_FORMS,
]);
/** Every verb that reports what a source says, writes, finds or shows (the two sets above). */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([...SAYING, ...REPORTING_WITH_COMPLEMENT]);
// Base forms ("sources claim") are nouns as often as verbs ("the claim"), so they need a plural subject.
const CURRENCY = /^[$€£¥]$/;
const BASE_FORMS = new Set(['say', 'claim', 'report', 'estimate', 'warn', 'argue', 'insist', 'allege', 'show', 'calculate', 'announce', 'believe', ...SAYING_BASE_FORMS, ...COMPLEMENT_BASE_FORMS]);
// Passive reporting: "… was announced by the Ministry of Defence", "figures cited by the opposition".
const PASSIVE_REPORTING = new Set(['reported', 'cited', 'announced', 'quoted', 'confirmed', 'claimed', 'estimated', 'calculated', 'published', 'disclosed', 'revealed', 'alleged']);
// A source without a name: "officials", "sources", "people familiar with …", "a senior diplomat".
const UNNAMED_MARKERS = new Set(['unnamed', 'anonymous', 'anonymity', 'unidentified', 'undisclosed', 'familiar', 'insiders', 'insider']);
// What a document's publisher did to it: "figures published by …", "data released by …".
const PUBLISHED = /^(?:published|released|compiled|issued|produced|collected|gathered|commissioned|prepared|obtained|seen|analysed|analyzed|maintained|kept|run)$/;
// What a source publishes: "according to a report by …", "according to figures from …".
const STUDIES = new Set(['study', 'review', 'analysis', 'survey', 'paper', 'report', 'trial', 'meta-analysis']);
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
// What a source publishes or writes, when a clause names it as the source: "according to figures published by …", "the
// data shows …", "the statement said …".
export const DOCUMENT_NOUNS = new Set([
  'report',
  'study',
  'survey',
  'analysis',
  'statement',
  'estimate',
  'estimates',
  'figures',
  'data',
  'paper',
  'assessment',
  'review',
  'investigation',
  'poll',
  'audit',
  'memo',
  'letter',
  'filing',
  'document',
  'documents',
  'count',
  'tally',
  'results',
  'statistics',
  'summary',
  'emails',
  'messages',
  'records',
  'minutes',
  'files',
  'briefing',
  'forecast',
  'forecasts',
  'projections',
  'numbers',
  'research',
  'findings',
  'tracker',
  'database',
]);
const GENERIC_HEADS = new Set([
  'official',
  'officials',
  'source',
  'sources',
  'people',
  'person',
  'diplomat',
  'diplomats',
  'insider',
  'insiders',
  'aide',
  'aides',
  'someone',
  'witnesses',
  'witness',
  'residents',
  'observers',
  'critics',
  'reports',
  'staff',
  'employees',
  'officers',
  'analysts',
]);
// Prepositions that may tie a post-modifier to the source: "economists at the central bank".
const SOURCE_PREPOSITIONS = new Set(['at', 'with', 'from', 'in', 'for', 'of', 'on', 'close', 'behind']);
// Not who makes a claim; "history suggests …" is the writer's argument.
const NOT_SOURCES = new Set(['i', 'we', 'you', 'it', 'this', 'that', 'these', 'those', 'which', 'who', 'what', 'there', 'one', 'us', 'me', 'history']);
const PASSIVE_BEFORE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'to', 'the', 'has', 'have', 'had', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const IT_SAYS = new Set(['said', 'says', 'added', 'adds', 'announced', 'announces', 'stated', 'states', 'told', 'warned', 'warns', 'confirmed', 'confirms', 'insisted', 'insists', 'argued', 'argues']);
const PHRASE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
/** Endings and words that make a word an adjective whatever else the tagger could take it for. */
const ADJECTIVAL = /(?:al|ous|ive|ful|ic|able|ible|ent|ant|ary|est|ed|ing|less|ish)$|^(?:new|old|same|first|last|other|such|latest|recent|further|previous|similar|many|few|main|key|top)$/;
// Bodies that hear evidence: "the court heard", "the inquest was told".
const HEARINGS = new Set(['court', 'jury', 'inquest', 'tribunal', 'hearing', 'trial', 'inquiry', 'committee', 'panel', 'commission', 'magistrates', 'judge']);
// A source's post-modifier after "according to": "people familiar with the matter", "economists at the central bank".
const AFTER_HEAD = new Set(['at', 'with', 'in', 'for', 'from']);
const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'night', 'weekend', 'spring', 'summer', 'autumn', 'fall', 'winter', 'morning', 'evening', 'decade', 'century']);

/** Sources named in tokens [a, b): "according to X", "X said", ", said X", "announced by X". */
export function findAttributions(t: TokenTable, a: number, b: number): AttributionHit[] {
  const hits: AttributionHit[] = [];
  const hit = (cueFirst: number, cueLast: number, sourceFirst: number, sourceLast: number): void => {
    hits.push({ cueFirst, cueLast, sourceFirst, sourceLast, unnamed: isUnnamed(t, sourceFirst, sourceLast) || askedNotToBeNamed(t, sourceFirst, cueLast) });
  };
  for (let i = a; i < b; i++) {
    if (t.lower[i] === 'according' && t.lower[i + 1] === 'to' && i + 2 < b) {
      // Nothing but a noun phrase follows "according to": "people" there is no verb, whatever the tagger says.
      const end = phraseAfter(t, i + 2, b, true);
      // "according to a report by the International Energy Agency": the agency is the source.
      // "according to figures published by NHS England": the publisher, after the document's participle.
      // "according to a review of 57 studies published in The Lancet Public Health": a study is the journal's that
      // published it.
      const document = end > i + 2 && (DOCUMENT_NOUNS.has(t.lower[end - 1]) || (STUDIES.has(t.lower[i + 3] ?? '') && t.lower[i + 4] === 'of'));
      const named = end + 2 + (t.lower[end + 2] === 'the' ? 1 : 0) + (t.lower[end + 3] === 'journal' ? 1 : 0);
      const journal = t.lower[end + 1] === 'in' && t.pos[named] === 'PROPN' && !MONTHS.test(t.value[named] ?? '');
      const at = document && PUBLISHED.test(t.lower[end] ?? '') && (/^(by|from)$/.test(t.lower[end + 1] ?? '') || journal) ? end + 1 : end;
      const by = end > i + 2 && /^(by|from|in)$/.test(t.lower[at] ?? '') && document ? phraseAfter(t, at + 1, b, true) : end;
      if (by > at + 1) hit(i, by, at + 1, by);
      else if (end > i + 2) hit(i, end, i + 2, end);
      continue;
    }
    // "was announced by the Ministry of Defence", "the figures cited by the opposition leader".
    // "… has not been confirmed by Moscow": who did not confirm it makes no claim.
    const denied = /^(not|never|n't|yet)$/.test(t.lower[i - 2] ?? '') || /^(not|never|n't)$/.test(t.lower[i - 3] ?? '');
    if (PASSIVE_REPORTING.has(t.lower[i]) && t.lower[i + 1] === 'by' && i + 2 < b && /^(DET|PROPN|NOUN|ADJ|NUM)$/.test(t.pos[i + 2] ?? '') && !denied) {
      // "Figures published by the ministry show that …": the phrase ends before the verb its noun is the subject of.
      let end = phraseAfter(t, i + 2, b);
      for (let k = i + 3; k < end; k++)
        if (REPORTING_VERBS.has(t.lower[k])) {
          end = k;
          break;
        }
      if (end > i + 2 && !NOT_SOURCES.has(t.lower[i + 2])) {
        hit(i, end, i + 2, end);
        continue;
      }
    }
    // "…, the court heard", "…, the jury was told": what a hearing was told, the court reports.
    if (t.lower[i] === 'heard' || (t.lower[i] === 'told' && i - 1 > a && /^(was|were)$/.test(t.lower[i - 1]))) {
      // "…, a court has heard": the perfect's auxiliary stands between the hearing and its verb.
      const verb = t.lower[i] === 'heard' ? (i - 2 > a && /^(has|have|had)$/.test(t.lower[i - 1]) && HEARINGS.has(t.lower[i - 2]) ? i - 1 : i) : i - 1;
      const start = verb > a && HEARINGS.has(t.lower[verb - 1]) ? phraseBefore(t, a, verb) : -1;
      if (start !== -1 && (i + 1 >= b || /^[,.;]$/.test(t.value[i + 1]) || t.lower[i + 1] === 'that')) {
        hit(start, i + 1, start, verb);
        continue;
      }
    }
    // "Mel Stride called the decision “a tax on working people”": the words quoted are the subject's.
    // "An independent group estimated the crowd at 275,000", "Police put the number at 107,000": a figure put on it.
    // "the El Niño pattern added up to 0.2C": "added" says only before "that", a quotation or the end of the clause.
    if (/^(added|adds)$/.test(t.lower[i]) && i + 1 < b && !/^(that|,|\.|:|;|“|"|‘)$/.test(t.lower[i + 1]) && !endsClause(t, i + 1, b)) continue;
    const labels = quotedLabel(t, i, b) || figureAt(t, i, b);
    const saying = SAYING.has(t.lower[i]) || labels;
    // "A group of authors has sued Anthropic, alleging it trained …", "Mwangi had denied wrongdoing, claiming that …":
    // a participle of saying after a comma reports for the subject that opens the sentence.
    if (
      SAYING_PARTICIPLES.has(t.lower[i]) &&
      i - 1 > a &&
      t.value[i - 1] === ',' &&
      /^(DET|PROPN|NOUN|ADJ|NUM)$/.test(t.pos[a]) &&
      (t.lower[i + 1] === 'that' || /^(PRON|DET|PROPN|NOUN)$/.test(t.pos[i + 1] ?? ''))
    ) {
      const end = phraseAfter(t, a, i);
      if (end > a && end < i && !NOT_SOURCES.has(t.lower[a]) && firstVerb(t, a, end) === -1) hit(i, i + 1, a, end);
      continue;
    }
    if (!saying && !REPORTING_WITH_COMPLEMENT.has(t.lower[i])) continue;
    // "The backlog of asylum claims stood at 90,800": a verb of saying right before another finite verb is a noun.
    if (saying && finiteVerbAt(t, i + 1, b)) continue;
    // "the United States", "Reports" inside a name: a capitalised word mid-sentence is no verb.
    if (i > a && /^\p{Lu}/u.test(t.value[i]) && (t.pos[i] === 'PROPN' || /^\p{Lu}/u.test(t.value[i - 1]))) continue;
    // "Chipmaker said to be weighing a sale": a headline's "is said to", hearsay (a hedge), not the chipmaker speaking.
    if (hearsayInfinitive(t, i, b)) continue;
    // "The Gazette has reported that …", "Officials have repeatedly said …": a perfect is active, and its subject stands
    // before the auxiliary; it reports only with a complement ("the floods have claimed 30 lives" names no source).
    const aux = perfectAuxiliary(t, a, i);
    if (aux === -1 && i > a && PASSIVE_BEFORE.has(t.lower[i - 1])) continue;
    const reports = labels || (aux !== -1 ? perfectComplement(t, i, b, saying) : saying || hasComplement(t, i, b));
    // "…, the study found.": a verb that ends the sentence reports the clause before its subject; "…, sources close to
    // the negotiations have told the BBC.": so does "told" with the one it told.
    const trailing = !reports && (endsClause(t, i + 1, b) || (t.lower[i] === 'told' && endsClause(t, phraseAfter(t, i + 1, b), b)));
    if (!reports && !trailing) continue;
    const verb = aux !== -1 ? aux : i;

    let start = phraseBefore(t, a, verb);
    let subjectEnd = start === -1 ? verb : phraseEndBefore(t, a, verb);
    let named: [number, number] | null = null;
    // "Dr. Jane Smith, director of the institute, said …": the subject stands before the apposition.
    if (start === -1 && verb > a && t.value[verb - 1] === ',') {
      let k = verb - 2;
      while (k > a && t.value[k] !== ',' && verb - k < 14) k--;
      if (k > a && t.value[k] === ',') {
        start = phraseBefore(t, a, k);
        if (start !== -1) subjectEnd = k;
        // "The supplier, MedSys, said …", "The judge, Mrs Justice Hale, told …", "Chega's leader, André Ventura, said …":
        // the name says who, the description does not.
        const described = start !== -1 && !/^\p{Lu}/u.test(t.value[headIndex(t, start, k)]);
        // "An independent monitoring group, the Public Assembly Archive, estimated …": the name may take "the".
        const nameAt = t.lower[k + 1] === 'the' && /^\p{Lu}/u.test(t.value[k + 2] ?? '') ? k + 2 : k + 1;
        if (described && isProperName(t, nameAt, verb - 1)) named = [nameAt, verb - 1];
        // "Dr Daniel Bailey, a sedentary behaviour expert at Brunel University, who was not involved, said …": the name
        // the description stands beside.
        const name = described && !named ? nameBefore(t, a, start) : -1;
        if (name !== -1) {
          named = [name, start - 1];
          start = name;
        }
        // "Mary Okafor, 54, who has worked at the depot for 20 years, said …": an age or a short apposition before the
        // clause.
        let k2 = k - 1;
        while (start === -1 && k2 > a && t.value[k2] !== ',' && k - k2 < 6) k2--;
        if (start === -1 && k2 > a && t.value[k2] === ',') {
          start = phraseBefore(t, a, k2);
          if (start !== -1) subjectEnd = k2;
        }
      }
    }
    // "Consumer groups welcomed the cut but warned that …": a second verb shares the sentence's subject.
    if (start === -1 && !trailing && verb - 1 > a && /^(and|but)$/.test(t.lower[verb - 1])) {
      const first = firstVerb(t, a, verb - 1);
      const subject = first > a ? phraseBefore(t, a, first) : -1;
      // "In a statement, the airline blamed … and said …": the subject may follow an opening phrase and its comma.
      if ((subject === a || (subject > a && t.value[subject - 1] === ',' && firstVerb(t, a, subject) === -1)) && t.pos[subject] !== 'PRON') {
        start = subject;
        subjectEnd = first;
      }
    }
    if (trailing && !(start > a && /^[,”"’]$/.test(t.value[start - 1]))) continue;
    // "… have not been able to verify the battery claims.": a verb of saying that ends the sentence reports only what
    // stands before a comma or a quotation; after another word it is a noun.
    // Nor does one that opens the sentence with its subject and ends it: "Neither side has said."
    if (saying && start !== -1 && endsClause(t, i + 1, b) && (start === a || !/^[,”"’]$/.test(t.value[start - 1]))) continue;
    if (start !== -1) {
      start = relativeClauseSubject(t, a, start);
      const headEnd = lastNonAdverb(t, start, subjectEnd);
      const head = t.lower[headIndex(t, start, headEnd)];
      // "It said …", "…, it said" (phraseBefore takes "it" only before a verb of saying): a body; not "shares fell after it
      // said …", whose "it" is the sentence's own subject.
      const itSays = head === 'it' && start === headEnd - 1 && (start === a || /^[,”"’]$/.test(t.value[start - 1]));
      if (NOT_SOURCES.has(head) && !itSays) continue;
      if (BASE_FORMS.has(t.lower[i]) && !/s$/.test(head) && head !== 'they' && head !== 'people' && head !== 'staff') continue;
      // "Investors will watch Friday's jobs report for …": after a possessive or as a verb's object, the base form is a noun.
      if (
        BASE_FORMS.has(t.lower[i]) &&
        (possessiveIn(t, start, verb) || (start > a && t.pos[start - 1] === 'VERB' && !SAYING.has(t.lower[start - 1]) && !REPORTING_WITH_COMPLEMENT.has(t.lower[start - 1])))
      )
        continue;
      if (named) hit(start, i + 1, named[0], named[1]);
      else hit(start, i + 1, start, headEnd);
      continue;
    }
    // '…,” said the minister', '…, officials familiar with the talks said': the source follows the verb.
    // "…,” said lead author Thomas Watters": a role's first word the tagger reads as a verb.
    const roleFirst = ROLE_VERB_MODIFIERS.has(t.lower[i + 1] ?? '') && t.pos[i + 2] === 'NOUN';
    if (i > a && /^[,”"’]$/.test(t.value[i - 1]) && !BASE_FORMS.has(t.lower[i]) && (/^(DET|PROPN|NOUN|ADJ)$/.test(t.pos[i + 1] ?? '') || roleFirst)) {
      const end = roleFirst ? phraseAfter(t, i + 2, b) : phraseAfter(t, i + 1, b);
      if (end > i + 1 && !NOT_SOURCES.has(t.lower[i + 1])) hit(i, end, i + 1, end);
    }
  }
  return hits;
}

const LABELLING = new Set(['called', 'described', 'branded', 'labelled', 'labeled', 'dubbed']);

// Verbs that label their object "as" something: "dismissed the protesters as being paid by foreign services".
const AS_LABELLING = new Set(['described', 'branded', 'labelled', 'labeled', 'dismissed', 'portrayed', 'characterised', 'characterized', 'painted', 'denounced']);

/** "estimated the crowd at 275,000", "put the number at 107,000": a figure put on what the verb's object counts. */
function figureAt(t: TokenTable, i: number, b: number): boolean {
  if (!/^(estimated|estimates|put|puts|valued|values|calculated)$/.test(t.lower[i]) || !/^(DET|NOUN|PRON)$/.test(t.pos[i + 1] ?? '')) return false;
  for (let k = i + 1; k < Math.min(b - 1, i + 7); k++) {
    if (t.lower[k] === 'at') {
      const n = /^(about|around|nearly|almost|roughly|some|least|more|less)$/.test(t.lower[k + 1]) ? k + 2 : k + 1;
      return t.pos[n] === 'NUM' || CURRENCY.test(t.value[n] ?? '') || (t.lower[k + 1] === 'at' && t.lower[k + 2] === 'least');
    }
    if (!PHRASE_POS.has(t.pos[k]) && t.lower[k] !== "'s") return false;
  }
  return false;
}

/**
 * "called the decision “a tax …”", "described the plan as “reckless”": a verb that labels its object with quoted words;
 * "dismissed the protesters as being paid …": or as something.
 */
function quotedLabel(t: TokenTable, i: number, b: number): boolean {
  if (AS_LABELLING.has(t.lower[i]) && /^(DET|NOUN|PROPN|PRON)$/.test(t.pos[i + 1] ?? '')) {
    for (let k = i + 1; k < Math.min(b, i + 7); k++) {
      if (t.lower[k] === 'as') return k > i + 1;
      if (!PHRASE_POS.has(t.pos[k]) && t.pos[k] !== 'PRON' && t.lower[k] !== "'s") break;
    }
  }
  // "Priya Nair blamed “a tough consumer environment”": what is blamed, in the subject's words.
  if (/^(blamed|cited)$/.test(t.lower[i]) && /^[“"]$/.test(t.value[i + 1] ?? '')) return true;
  if (!LABELLING.has(t.lower[i]) || (!/^(DET|PROPN|NOUN|PRON)$/.test(t.pos[i + 1] ?? '') && !POSSESSIVES.has(t.lower[i + 1] ?? ''))) return false;
  // What is labelled comes first: "called the decision “…”", not "what Fidel Castro called the “Special Period”".
  let object = false;
  for (let k = i + 1; k < Math.min(b, i + 8); k++) {
    if (/^[“"]$/.test(t.value[k])) return object;
    if (/^(NOUN|PROPN|PRON)$/.test(t.pos[k])) object = true;
    if (!PHRASE_POS.has(t.pos[k]) && t.pos[k] !== 'PRON' && t.lower[k] !== "'s" && t.lower[k] !== 'as') return false;
  }
  return false;
}

const SAYING_PARTICIPLES = new Set(['claiming', 'alleging', 'arguing', 'insisting', 'saying', 'warning', 'stating', 'noting', 'adding', 'maintaining', 'asserting']);

// Words that open a role and read as verbs: "lead author", "managing director", "acting chief constable".
const ROLE_VERB_MODIFIERS = new Set(['lead', 'managing', 'acting', 'presiding', 'founding', 'outgoing', 'incoming', 'retiring', 'serving', 'leading']);

/** Token k is a finite verb ("stood", "rose", "has"), not a participle before its noun ("recorded crime") nor an -ing form. */
function finiteVerbAt(t: TokenTable, k: number, b: number): boolean {
  if (k >= b) return false;
  if (t.pos[k] === 'AUX') return !/^(be|being|been)$/.test(t.lower[k]);
  return t.pos[k] === 'VERB' && !/ing$/.test(t.lower[k]) && !/^(NOUN|ADJ|PROPN)$/.test(t.pos[k + 1] ?? '') && /^\p{Ll}/u.test(t.value[k]);
}

/** The first verb of the clause [a, to), or -1. */
function firstVerb(t: TokenTable, a: number, to: number): number {
  for (let k = a; k < to; k++) if (t.pos[k] === 'VERB' || t.pos[k] === 'AUX') return k;
  return -1;
}

function possessiveIn(t: TokenTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (t.lower[k] === "'s" || t.lower[k] === '’s') return true;
  return false;
}

/** The sentence ends at k, or after a time there ("…, state media reported on Sunday.", "…, the study found last year."). */
function endsClause(t: TokenTable, k: number, b: number): boolean {
  if (k < b && /^(on|last|this|earlier|later|yesterday|today|tonight|in)$/.test(t.lower[k])) {
    const from = k++;
    while (
      k < b &&
      k - from <= 3 &&
      (t.pos[k] === 'PROPN' || t.pos[k] === 'NUM' || TIME_NOUNS.has(t.lower[k]) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night)$/.test(t.lower[k]))
    )
      k++;
    if (k === from + 1 && !/^(yesterday|today|tonight|earlier|later)$/.test(t.lower[from])) return false;
  }
  // "…, official figures showed on Friday, confounding expectations": a participle clause after the report's comma.
  if (k + 1 < b && t.value[k] === ',' && /^\p{Ll}{3,}ing$/u.test(t.value[k + 1])) return true;
  return k >= b || /^[.;!]$/.test(t.value[k]);
}

/** Tokens [from, to) hold a capitalised proper noun. */
function hasProperName(t: TokenTable, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (t.pos[k] === 'PROPN' && /^\p{Lu}/u.test(t.value[k])) return true;
  return false;
}

/** The start of a name that opens the clause and stands before the comma at `comma` - 1 ("Dr Daniel Bailey, …"), or -1. */
function nameBefore(t: TokenTable, a: number, at: number): number {
  if (at - 2 < a || t.value[at - 1] !== ',') return -1;
  let p = at - 1;
  while (p - 1 >= a && at - 1 - (p - 1) <= 5 && /^\p{Lu}[\p{L}.'’-]*$/u.test(t.value[p - 1])) p--;
  if (p === at - 1 || (p > a && !/^[“"‘:]$/.test(t.value[p - 1]))) return -1;
  return isProperName(t, p, at - 1) ? p : -1;
}

/** Tokens [from, to) are a name and nothing else: one to five capitalised words ("MedSys", "Mrs Justice Hale"). */
function isProperName(t: TokenTable, from: number, to: number): boolean {
  if (to <= from || to - from > 5) return false;
  for (let k = from; k < to; k++) if (!/^\p{Lu}[\p{L}.'’-]*$/u.test(t.value[k])) return false;
  return hasProperName(t, from, to);
}

/** The "has", "have" or "had" of a perfect before the verb at i (an adverb or two may stand between), or -1. */
function perfectAuxiliary(t: TokenTable, a: number, i: number): number {
  let k = i - 1;
  while (k > a && t.pos[k] === 'ADV' && i - k <= 2) k--;
  return k >= a && /^(has|have|had)$/.test(t.lower[k]) ? k : -1;
}

/** What a perfect reports: a clause ("has said that …"), an accusation ("have accused the retailers of …"), an estimate's figure. */
function perfectComplement(t: TokenTable, i: number, b: number, saying: boolean): boolean {
  const next = t.lower[i + 1] ?? '.';
  // "Whitfield had shown \"no genuine remorse\"": what was shown, quoted, is no report.
  if (t.lower[i] === 'shown' && /^(“|"|‘|:)$/.test(next)) return false;
  if (/^(that|:|,|“|"|‘)$/.test(next) || (saying && /^[.;]$/.test(next))) return true;
  if (/^accus/.test(t.lower[i])) return t.pos[i + 1] === 'DET' || t.pos[i + 1] === 'NOUN' || t.pos[i + 1] === 'PROPN';
  if (t.pos[i + 1] === 'NUM' || CURRENCY.test(t.value[i + 1] ?? '')) return /^(estimated|calculated|projected|predicted)$/.test(t.lower[i]);
  return hasComplement(t, i, b);
}

/** "reported that …", "estimated 300,000", "reported in June 2023 that …": the verb has a complement. */
function hasComplement(t: TokenTable, i: number, b: number): boolean {
  // "recalled 2,000 cars": what a recall takes back is a number of things, not a figure reported.
  if (t.lower[i] === 'recalled' && (t.pos[i + 1] === 'NUM' || CURRENCY.test(t.value[i + 1] ?? ''))) return false;
  // '"… the largest amount of water ever found," said …': a quotation that ends on the verb leaves it nothing to report.
  if (t.value[i + 1] === ',' && /^[”"]$/.test(t.value[i + 2] ?? '') && t.start[i + 2] === t.end[i + 1]) return false;
  if (i + 1 >= b || /^(that|:|,|“|"|‘)$/.test(t.lower[i + 1]) || t.pos[i + 1] === 'NUM' || CURRENCY.test(t.value[i + 1])) return true;
  // "The Bank of England expects overall inflation to rise again …": a forecast's object, then "to" and its verb.
  if (/^(expects|expected|forecasts|forecast|predicts|predicted|projects|projected)$/.test(t.lower[i])) {
    for (let k = i + 1; k < Math.min(b - 1, i + 7); k++) {
      if (t.lower[k] === 'to') return k > i + 1 && t.pos[k + 1] === 'VERB';
      if (!PHRASE_POS.has(t.pos[k]) && t.lower[k] !== "'s") break;
    }
    if (/^expect/.test(t.lower[i])) return false;
  }
  // "data shows about 3 million patients have been waiting": an approximate figure opens the clause.
  if (/^(about|around|nearly|almost|roughly|approximately|some|just)$/.test(t.lower[i + 1] ?? '') && (t.pos[i + 2] === 'NUM' || CURRENCY.test(t.value[i + 2] ?? ''))) return true;
  // "believe she was a Denisovan": a subject pronoun and its verb; "found there was a real risk".
  if (/^(he|she|it|they|we|there)$/.test(t.lower[i + 1]) && (t.pos[i + 2] === 'VERB' || t.pos[i + 2] === 'AUX')) return true;
  // A clause without "that": "estimate the deal is worth $12 billion", "believe the missile was launched …", "show
  // recorded violent crime fell" (a participle before its noun).
  const participle = t.pos[i + 1] === 'VERB' && /ed$/.test(t.lower[i + 1]) && /^(ADJ|NOUN)$/.test(t.pos[i + 2] ?? '');
  if (t.pos[i + 1] === 'DET' || t.pos[i + 1] === 'PROPN' || t.pos[i + 1] === 'NOUN' || t.pos[i + 1] === 'ADJ' || participle) {
    for (let k = participle ? i + 2 : i + 1; k < Math.min(b, i + 8); k++) {
      if (t.pos[k] === 'VERB' || t.pos[k] === 'AUX') return k > i + 1 && (t.pos[k] === 'AUX' || /(?:s|ed)$/.test(t.lower[k]) || IRREGULAR_PAST.has(t.lower[k]));
      if (!PHRASE_POS.has(t.pos[k]) && t.lower[k] !== "'s") return false;
    }
    return false;
  }
  // A prepositional phrase between the verb and "that" ("confirmed in a filing with the US Securities and Exchange
  // Commission on Friday that …").
  if (t.pos[i + 1] !== 'ADP' && t.pos[i + 1] !== 'ADV') return false;
  for (let k = i + 2; k < Math.min(b, i + 16); k++) {
    if (t.lower[k] === 'that') return true;
    if (t.pos[k] === 'VERB' || t.pos[k] === 'AUX' || t.value[k] === '.') return false;
  }
  return false;
}

/**
 * "Two senior diplomats who spoke on condition of anonymity said …": the subject found before the verb is the end of a
 * relative clause; the source is the noun phrase it qualifies, clause included. Returns the start, moved back or not.
 */
function relativeClauseSubject(t: TokenTable, a: number, start: number): number {
  // A reduced relative: "An internal memo seen by the Guardian shows …".
  if (start - 2 > a && t.lower[start - 1] === 'by' && t.pos[start - 2] === 'VERB' && /(?:ed|en|wn)$/.test(t.lower[start - 2])) {
    const head = phraseBefore(t, a, start - 2);
    if (head !== -1 && !NOT_SOURCES.has(t.lower[start - 3])) return head;
  }
  for (let k = start - 1; k > a && start - k <= 16; k--) {
    const w = t.lower[k];
    if (t.value[k] === ',' || SAYING.has(w) || REPORTING_WITH_COMPLEMENT.has(w)) return start;
    if (w === 'who' || w === 'that') {
      const head = phraseBefore(t, a, k);
      // "in the past six weeks that they reported …": a time is no source.
      const noun = t.lower[k - 1] ?? '';
      return head !== -1 && !NOT_SOURCES.has(noun) && !TIME_NOUNS.has(noun.replace(/s$/, '')) ? head : start;
    }
  }
  return start;
}

/** "One passenger, who asked not to be named, told …": the source's own clause says it has no name. */
function askedNotToBeNamed(t: TokenTable, first: number, last: number): boolean {
  for (let k = first + 3; k < last; k++)
    if (/^(named|identified)$/.test(t.lower[k]) && t.lower[k - 1] === 'be' && t.lower[k - 2] === 'to' && /^(not|declined|refused)$/.test(t.lower[k - 3])) return true;
  return false;
}

function isUnnamed(t: TokenTable, first: number, last: number): boolean {
  let proper = false;
  for (let k = first; k < last; k++) {
    if (UNNAMED_MARKERS.has(t.lower[k])) return true;
    if (t.pos[k] === 'PROPN' && /^\p{Lu}/u.test(t.value[k]) && k > first) proper = true;
  }
  if (proper) return false;
  return GENERIC_HEADS.has(t.lower[headIndex(t, first, last)]);
}

/** The head noun of a source: the last word before any post-modifier ("officials" in "officials familiar with the talks"). */
function headIndex(t: TokenTable, first: number, last: number): number {
  let head = last - 1;
  for (let k = first + 1; k < last; k++) {
    // "documents seen by this newspaper": the noun before a participle phrase is the head.
    const participle = t.pos[k] === 'VERB' && PARTICIPLE.test(t.lower[k]) && (t.pos[k - 1] === 'NOUN' || t.pos[k - 1] === 'PROPN');
    if ((SOURCE_PREPOSITIONS.has(t.lower[k]) && t.lower[k] !== 'of') || t.lower[k] === 'who' || t.lower[k] === 'that' || participle) {
      head = k - 1;
      break;
    }
  }
  if (head > first && (t.pos[head] === 'ADJ' || KNOWING.test(t.lower[head]))) head--;
  return head;
}

function lastNonAdverb(t: TokenTable, start: number, verb: number): number {
  let end = verb;
  while (end > start && t.pos[end - 1] === 'ADV') end--;
  return end;
}

const WHEN = new Set(['today', 'yesterday', 'tonight', 'now', 'earlier', 'later']);

// What makes a source knowledgeable, between its head and the matter: "familiar with", "close to", "briefed on", "involved in".
const KNOWING = /^(familiar|close|briefed|involved)$/;

/**
 * End of the subject of a reporting verb: up to two adverbs or time words, and a parenthesis, may stand between them
 * ("Greenfield Energy plc (LSE: GFE) today announced …").
 */
function phraseEndBefore(t: TokenTable, a: number, verb: number): number {
  let k = verb - 1;
  let adverbs = 0;
  while (k >= a && (t.pos[k] === 'ADV' || WHEN.has(t.lower[k])) && adverbs < 2) {
    k--;
    adverbs++;
  }
  // "A report by Which? last year found …": a time before the verb is not the subject's.
  if (k - 1 >= a && TIME_NOUNS.has(t.lower[k]) && /^(last|this|next|that)$/.test(t.lower[k - 1])) k -= 2;
  if (k >= a && t.value[k] === ')') {
    let open = k - 1;
    while (open > a && t.value[open] !== '(' && k - open < 12) open--;
    if (open > a && t.value[open] === '(') k = open - 1;
  }
  return k + 1;
}

/**
 * Start of the plain noun phrase before the "and" at `and` ("Invoices", "The police") when it opens the clause or
 * follows the comma or quotation mark of a source after the clause; -1 otherwise ("He met the minister and …").
 */
function coordinatedSubject(t: TokenTable, a: number, and: number): number {
  if (and - 1 < a || (t.pos[and - 1] !== 'NOUN' && t.pos[and - 1] !== 'PROPN')) return -1;
  let k = and - 1;
  while (k - 1 >= a && (PHRASE_POS.has(t.pos[k - 1]) || t.lower[k - 1] === "'s")) k--;
  return k === a || /^[,”"’]$/.test(t.value[k - 1]) ? k : -1;
}

const PARTICIPLE = /^(?:\p{L}+(?:ed|en|wn)|made|held|built|sent|spent|led|run|shot|hit|put|set|spread|bought|brought|caught|taught|told|sold|left|kept|lost|found|paid|won|read|done|shut)$/u;
// What may stand between a participle and the phrase the walk has reached: "shared more than 20,000 times", "carried out in June".
const PARTICIPLE_BRIDGE = /^(?:more|less|fewer|than|over|nearly|almost|about|around|some|out|up|off|down|on|in|at|by|across|via|to|into|from|during|since|after|before)$/;

/**
 * The noun that a participle phrase ending right before `start` belongs to ("post" in "A post shared more than 20,000
 * times on Facebook", "man" in "The man arrested on Friday"), or -1 when the words before `start` are not one.
 */
function participleHead(t: TokenTable, a: number, start: number): number {
  let v = start - 1;
  // "A post shared widely on social media": an adverb may stand there too.
  while (v >= a && start - v <= 4 && (PARTICIPLE_BRIDGE.test(t.lower[v]) || (t.pos[v] === 'ADV' && /ly$/.test(t.lower[v])))) v--;
  if (v - 1 < a || t.pos[v] !== 'VERB' || !PARTICIPLE.test(t.lower[v])) return -1;
  // "The minister rejected the union claims": a verb right before its object's article is the clause's verb.
  if (v === start - 1 && (t.pos[start] === 'DET' || POSSESSIVES.has(t.lower[start]))) return -1;
  return t.pos[v - 1] === 'NOUN' || t.pos[v - 1] === 'PROPN' ? v - 1 : -1;
}

/** Tokens k and k + 1 are capitalised words inside a sentence ("Levelling Up"), neither a month nor a lone letter. */
function nameWordPair(t: TokenTable, k: number): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.value[k]) && /^\p{Lu}\p{Ll}+$/u.test(t.value[k + 1]) && !MONTHS.test(t.value[k]) && !MONTHS.test(t.value[k + 1]);
}

/** Start of the subject right before a reporting verb, or -1 when there is none that could be a source. */
function phraseBefore(t: TokenTable, a: number, verb: number): number {
  const k = phraseEndBefore(t, a, verb) - 1;
  if (k < a) return -1;
  // "It said demand had fallen": a body that spoke before; "it" only with a verb of saying ("it shows" is evidence).
  if (t.pos[k] === 'PRON') return /^(he|she|they)$/.test(t.lower[k]) || (t.lower[k] === 'it' && IT_SAYS.has(t.lower[verb])) ? k : -1;
  // "The union claims that …": after "the", a word the tagger reads as an adjective before a verb it reads as a noun.
  const nounLike =
    // "The premier said …": so is a word read as an adjective right before a verb of saying.
    (t.pos[k] === 'ADJ' && k > a && /^(the|a|an)$/.test(t.lower[k - 1]) && (/s$/.test(t.lower[verb]) || IT_SAYS.has(t.lower[verb])) && !ADJECTIVAL.test(t.lower[k])) ||
    // "The 54-year-old said …": an age is a person.
    (t.lower[k] === 'old' && k - 2 > a && t.value[k - 1] === '-' && /^years?$/.test(t.lower[k - 2])) ||
    // "Home Secretary Yvette Cooper said": the tagger reads "Cooper" as a verb.
    (k > a && continuesName(t, k)) ||
    // "…, the Met said": a capitalised word after "the" is a name, whatever its tag.
    (k > a && t.lower[k - 1] === 'the' && /^\p{Lu}\p{L}+$/u.test(t.value[k]) && !MONTHS.test(t.value[k])) ||
    // "the Department for Levelling Up said": a capitalised word after another inside a name, whatever their tags.
    (k - 1 > a && nameWordPair(t, k - 1));
  if (t.pos[k] !== 'NOUN' && t.pos[k] !== 'PROPN' && !nounLike) return -1;
  let start = k;
  let n = 0;
  while (start - 1 >= a && n < 14) {
    const p = t.pos[start - 1];
    const w = t.lower[start - 1];
    // "Scottish and Southern Electricity Networks", "Procter & Gamble": "and" inside a name.
    const inName = (w === 'and' || w === '&') && start - 2 >= a && /^\p{Lu}/u.test(t.value[start]) && /^\p{Lu}/u.test(t.value[start - 2]) && PHRASE_POS.has(t.pos[start - 2]);
    // "The Unite union said": a capitalised word inside a name, whatever its tag.
    // "the Institute for Fiscal Studies think tank": "think" is no verb there.
    const thinkTank = w === 'think' && t.lower[start] === 'tank';
    // "Met Office figures show": a capitalised word opening the sentence before a name is the name's, not a verb.
    // So is "Lead" before a role ("Lead author Dr Maja Lindqvist said").
    const opening = start - 1 === a && t.pos[start - 1] === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.value[start - 1]) && (/^\p{Lu}/u.test(t.value[start]) || (w === 'lead' && t.pos[start] === 'NOUN'));
    const capitalised =
      (start - 2 >= a && /^\p{Lu}/u.test(t.value[start - 1]) && (t.lower[start - 2] === 'the' || /^\p{Lu}/u.test(t.value[start - 2])) && /^\p{L}+$/u.test(t.value[start - 1])) ||
      (start - 1 > a && nameWordPair(t, start - 1));
    if (
      PHRASE_POS.has(p) ||
      w === "'s" ||
      inName ||
      capitalised ||
      thinkTank ||
      opening ||
      (w === '-' && t.start[start] === t.end[start - 1]) ||
      // "The Labour-run authority", "the state-owned lender": the second half of a hyphenated compound, whatever its tag.
      (start - 3 >= a && t.value[start - 2] === '-' && t.end[start - 3] === t.start[start - 2] && t.end[start - 2] === t.start[start - 1]) ||
      (w === 'of' && start - 2 >= a && PHRASE_POS.has(t.pos[start - 2]))
    ) {
      start--;
      n++;
    } else if (
      ((SOURCE_PREPOSITIONS.has(w) && w !== 'of') || (w === 'to' && t.lower[start - 2] === 'close')) &&
      start - 2 >= a &&
      (t.pos[start - 2] === 'NOUN' || t.pos[start - 2] === 'PROPN' || KNOWING.test(t.lower[start - 2]))
    ) {
      // "officials familiar with the negotiations", "economists at the central bank", "people briefed on the talks",
      // "sources close to the negotiations": the source is the whole phrase.
      let k2 = start - 2;
      if (KNOWING.test(t.lower[k2])) {
        // "Experts not involved in the research": so does a knowing word denied.
        if (k2 - 2 >= a && t.lower[k2 - 1] === 'not') k2--;
        if (k2 - 1 < a || (t.pos[k2 - 1] !== 'NOUN' && t.pos[k2 - 1] !== 'PROPN')) break;
        k2--;
      }
      if (t.pos[k2] === 'NOUN' && k2 > a && t.pos[k2 - 1] === 'VERB') break;
      start = k2;
      n += 2;
    } else if (w === 'and' && coordinatedSubject(t, a, start - 1) !== -1) {
      // "Invoices and bank statements show", "…, police and fire officials said": two nouns that make the whole subject.
      start = coordinatedSubject(t, a, start - 1);
      break;
    } else {
      // "A post shared more than 20,000 times on Facebook claims", "The man arrested on Friday told", "A survey carried
      // out in June found": a participle phrase after its noun; the source is the noun with it, not the last words.
      const head = participleHead(t, a, start);
      if (head < 0) break;
      start = head;
      n += 2;
    }
  }
  // "Its shape suggests …", "his family said …": the possessive belongs to the source (and says it has no name of its own).
  if (start - 1 >= a && POSSESSIVES.has(t.lower[start - 1])) start--;
  return start;
}

/**
 * End of the noun phrase that starts at j ("the US Pentagon" in "according to the US Pentagon which …"). With
 * `nounFirst` its first word is a noun whatever its tag, and a post-modifier belongs to it ("people familiar with the
 * matter", "analysts at Goldman Sachs"); a document's "by" or "from" does not ("a report by …" names its author apart).
 */
function phraseAfter(t: TokenTable, j: number, b: number, nounFirst = false): number {
  let k = j;
  if (nounFirst && POSSESSIVES.has(t.lower[k])) k++; // "according to our reporter at the count"
  // "according to earlier research on …": a word that says which one, before a noun the tagger may read as a verb.
  if (nounFirst && /^(earlier|recent|new|previous|further|separate|later|unpublished)$/.test(t.lower[k]) && k + 1 < b) k++;
  if (nounFirst && k < b && t.pos[k] === 'VERB' && /^\p{L}+$/u.test(t.value[k])) k++;
  // "according to research firm IDC": a lower-case word the tagger reads as no noun describes the name after it.
  if (nounFirst && k < b && !PHRASE_POS.has(t.pos[k]) && /^\p{Ll}+$/u.test(t.value[k]) && t.pos[k + 1] === 'PROPN') k++;
  k = nounPhraseEnd(t, k, b, j);
  // "according to campaign group Save Our Pools": a description, then a name the tagger reads in part as a verb; the
  // capitalised words run to the end of the clause.
  if (nounFirst && k > j && k < b && t.pos[k - 1] === 'NOUN' && /^\p{Ll}/u.test(t.value[k - 1]) && /^\p{Lu}/u.test(t.value[k])) {
    let m = k;
    while (m < b && /^\p{Lu}/u.test(t.value[m])) m++;
    if (m === b || /^[,.;:]$/.test(t.value[m])) k = m;
  }
  if (nounFirst && k > j && !DOCUMENT_NOUNS.has(t.lower[k - 1])) {
    // "close" may have been read into the phrase as an adjective.
    const near = /^(familiar|close)$/.test(t.lower[k]) ? k : /^(familiar|close)$/.test(t.lower[k - 1]) ? k - 1 : -1;
    // "three people briefed on the talks": a participle that says how they know.
    const briefed = /^(briefed|involved|consulted)$/.test(t.lower[k] ?? '') && /^(on|in|about)$/.test(t.lower[k + 1] ?? '');
    const linked = near !== -1 && /^(with|to)$/.test(t.lower[near + 1] ?? '') ? near + 2 : briefed ? k + 2 : AFTER_HEAD.has(t.lower[k]) ? k + 1 : -1;
    if (linked !== -1 && linked < b && (PHRASE_POS.has(t.pos[linked]) || t.pos[linked] === 'PROPN')) {
      const modified = nounPhraseEnd(t, linked, b, linked);
      if (modified > linked && !TIME_NOUNS.has(t.lower[modified - 1])) k = modified;
    }
  }
  return trimTimes(t, j, k);
}

/** A capitalised word right after a proper noun is the name's, whatever its tag ("Yvette Cooper", "Ian Grant"). */
function continuesName(t: TokenTable, k: number): boolean {
  return t.pos[k - 1] === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(t.value[k]);
}

/** End of the run of noun-phrase words from k (at most ten from `from`), with "of" and "and" between them. */
function nounPhraseEnd(t: TokenTable, k: number, b: number, from: number): number {
  while (k < b && k - from < 10) {
    const p = t.pos[k];
    const w = t.lower[k];
    // "said Professor Ian Grant": the tagger reads "Grant" as a verb.
    if (PHRASE_POS.has(p) || w === "'s" || (w === '-' && t.start[k] === t.end[k - 1]) || (k > from && continuesName(t, k))) k++;
    // "the sport's governing body", "the ruling party": an -ing word before its noun describes it.
    else if (p === 'VERB' && k > from && /ing$/.test(w) && t.pos[k + 1] === 'NOUN' && k + 1 < b) k += 2;
    else if ((w === 'of' || w === 'and') && k + 1 < b && PHRASE_POS.has(t.pos[k + 1])) k++;
    // "the law firm Baker & Hostetler": an ampersand inside a name.
    else if (w === '&' && k > from && k + 1 < b && /^\p{Lu}/u.test(t.value[k + 1]) && /^\p{Lu}/u.test(t.value[k - 1])) k++;
    else break;
  }
  return k;
}

/** A phrase [j, k) without its trailing time and trailing function words. */
function trimTimes(t: TokenTable, j: number, k: number): number {
  // "the Financial Times last week", "the ministry on Monday": the time is not part of the source.
  for (let m = j + 1; m < k; m++) {
    if (
      (/^(last|next|this|earlier|later)$/.test(t.lower[m]) && TIME_NOUNS.has(t.lower[m + 1] ?? '')) ||
      /^(yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower[m])
    ) {
      k = m;
      break;
    }
  }
  while (k > j && (t.pos[k - 1] === 'DET' || t.pos[k - 1] === 'ADJ' || t.lower[k - 1] === 'of' || t.lower[k - 1] === 'and' || AFTER_HEAD.has(t.lower[k - 1]))) k--;
  return k;
}

const APPROXIMATORS = [
  'approximately',
  'roughly',
  'about',
  'around',
  'nearly',
  'almost',
  'over',
  'under',
  'some',
  'circa',
  'c.',
  '~',
  'estimated',
  'more than',
  'less than',
  'fewer than',
  'up to',
  'at least',
  'at most',
  'close to',
  'as many as',
  'as much as',
  'as few as',
  'upwards of',
  'in excess of',
  'an estimated',
  'just over',
  'just under',
  'well over',
  'well under',
  'nearly half',
]
  .map((s) => s.split(' '))
  .sort((x, y) => y.length - x.length);

/** "approximately", "over", "more than": only right before a number is it an approximation. */
/** "said to be", "reported to have", "believed to hold": a passive of hearsay before an infinitive ("said to reporters" is not). */
function hearsayInfinitive(t: TokenTable, i: number, b: number): boolean {
  return HEARSAY_PARTICIPLES.has(t.lower[i]) && t.lower[i + 1] === 'to' && i + 2 < b && (/^(be|have)$/.test(t.lower[i + 2]) || t.pos[i + 2] === 'VERB');
}
const HEARSAY_PARTICIPLES = new Set(['said', 'reported', 'believed', 'thought', 'understood', 'rumoured', 'rumored', 'alleged', 'claimed']);

export function findApproximations(t: TokenTable, a: number, numbers: NumberHit[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const n of numbers) {
    for (const words of APPROXIMATORS) {
      const first = n.first - words.length;
      if (first < a) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = t.lower[first + k] === words[k];
      if (ok) {
        hits.push({ type: 'approximation', first, last: n.first });
        break;
      }
    }
  }
  return hits;
}

/** A claim that ends in a question mark asks; it asserts nothing to check. */
export function findQuestion(t: TokenTable, a: number, b: number): CueHit | null {
  let k = b - 1;
  while (k > a && /^[”"’')\]]$/.test(t.value[k])) k--;
  return t.value[k] === '?' || t.value[k] === '?!' ? { type: 'question', first: k, last: k + 1 } : null;
}

/** The learned cue list committed in model/hedge-lexicon.json (written by scripts/train.ts). */
export interface HedgeLexiconFile {
  format: 'claimdesk-hedge-lexicon/1';
  rebuild: string;
  trainingData: { file: string; sha256: string; documents: number; sentences: number; split: string };
  selection: Record<string, number>;
  /** Each cue is its tokens joined by single spaces, in lower case. */
  cues: string[];
  ambiguous: string[];
  context: CueContextFile | null;
}

export function lexiconFromFile(file: Pick<HedgeLexiconFile, 'cues' | 'ambiguous' | 'context'>): CueLexicon {
  return new CueLexicon({
    cues: file.cues.map((c) => c.split(' ')),
    ambiguous: (file.ambiguous ?? []).map((c) => c.split(' ')),
    context: file.context ? new CueContextModel(file.context) : null,
  });
}

let shippedLexicon: CueLexicon | null = null;

/** Hand-written cues plus the learned ones, built once. */
export function shippedCueLexicon(): CueLexicon {
  if (!shippedLexicon) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const file = require('../model/hedge-lexicon.json') as HedgeLexiconFile;
    shippedLexicon = lexiconFromFile(file);
  }
  return shippedLexicon;
}

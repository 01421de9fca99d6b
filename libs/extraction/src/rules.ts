// Newsroom rules no model should overrule: what is never a claim (questions, bylines, credits, headings), and what kind a claim is.
import type { TokenTable } from './nlp';
import type { ClaimKind } from './types';

export type NotAClaim = 'question' | 'byline' | 'photo credit' | 'caption' | 'heading' | 'fragment' | 'note';

// A wire story's closing credit may stand in brackets: "(Reporting by Nate Raymond; Editing by Alexia Garamfalvi)".
const BYLINE =
  /^\(?(?:written|edited|reported|compiled|produced|translated|reviewed|fact-checked|updated|additional reporting|reporting|words|text|story|interview|photos?|photographs|illustrations?|graphics?|design)(?: and [a-z-]+)? by\b/i;
// "By Jane Doe" alone on its line; "By 2030, …" and "By Monday, …" are claims. No /i: \p{Lu} must stay upper case.
const BYLINE_BY = /^[Bb][Yy]\s+\p{Lu}[\p{Ll}.'’-]+(?:\s+\p{Lu}[\p{Ll}.'’-]*){0,3}(?:\s*(?:,|\||–|—|-|and)\s*.{0,60})?$/u;
const CREDIT =
  /^(?:(?:cover |header |featured |main |top |lead )?(?:photo|photograph|image|picture|illustration|video|graphic|source|credit)s?(?: credits?| courtesy(?: of)?| by)?\s*[:(–—|]|credits?\s*:|courtesy(?: of)?\s*:?\s*\p{Lu})|\b(?:photo|image|picture) (?:credit|courtesy)\b|\((?:photo|image|picture)?:?\s*(?:Getty Images|AP|Reuters|AFP|Pixabay|Unsplash|Shutterstock|EPA|Wikimedia Commons)[^)]{0,40}\)$/iu;
const MAY_BE_CREDIT_OR_BYLINE =
  /^\(?(?:written|edited|reported|compiled|produced|translated|reviewed|fact|updated|additional|reporting|words|text|story|interview|photo|image|picture|illustration|video|graphic|design|cover|header|featured|main|top|lead|source|credit|courtesy|by\s)|credit|courtesy|\)$/i;
const TERMINAL = /[.!?…:"”’)]$/;
// The publication speaking about the page itself: correction and editor's notes, links to other stories, newsletter and
// social promotion ("This article was amended on 5 June 2024 to correct …", "Read more: …", "Sign up for our newsletter").
const NOTE =
  /^(?:this (?:article|story|report|piece|post) (?:was|has been|is being) (?:amended|updated|corrected|edited|changed|revised)\b|an earlier version of this (?:article|story|report|piece)\b|(?:correction|clarification|editor['’]s note|related|read more|see also|watch|listen|more on this story)\s*[:—–-]|(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|updates|alerts|podcast)|follow us on\b|click here\b|for more information,? (?:visit|see|go to|contact|call)\b|this interview has been (?:edited|condensed)\b|©|copyright\b|\(c\) \d{4}\b|all rights reserved\b|this material may not be (?:published|reproduced|broadcast))/i;
// The reporting itself, not the story: "The department did not respond to a request for comment.", "The company declined
// to comment.", "Police have been contacted for comment.", "The company does not comment on market rumours." Only when
// the sentence ends there (or on what it would not discuss).
const NO_COMMENT =
  /\b(?:(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t|had not|could not|would not|does not|do not) (?:immediately )?(?:respond|reply|return)(?: to)?(?: (?:a|an|our|the|several|repeated|multiple|requests|calls|messages|emails))?(?: \S+)? (?:requests?|calls?|messages?|emails?|inquiries|enquiries) (?:for|seeking) comment|declined to comment|(?:declined|refused) (?:a |an )?(?:request|requests|invitation) (?:for|to) comment|(?:could not|couldn['’]t) be reached for comment|(?:has|have|had) been (?:contacted|approached|asked) for (?:a )?comment|no comment (?:was|had been) (?:available|received)|(?:declined|refused|would not|wouldn['’]t|did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t) (?:to )?(?:say|disclose|reveal|specify) (?:what|which|how|whether|when|why|who|where)\b[^.!?,;]{0,120}|(?:did not|didn['’]t|has not|hasn['’]t|have not|haven['’]t|had not) (?:yet )?(?:receive|get|had) (?:a |any )?(?:reply|response)|(?:does not|do not|doesn['’]t|don['’]t|would not|will not|won['’]t|declined to|refused to) comment on (?:market |media )?(?:rumou?rs|speculation|reports))(?: (?:on|about) [\p{L}\p{N}'’ -]{1,40})?[.!]?$/iu;
// A clause that states something before "…, although the company declined to comment": the sentence is a claim.
const CLAIM_BEFORE = /(?:[,;]|\s[—–-])\s*(?:although|though|but|while|whereas|yet|and)\s+\S+[^,;]*$/i;

/** The sentence is a refusal to comment and nothing more: not "The phone reportedly uses …, although Nordlys declined to comment." */
function isNoComment(text: string): boolean {
  const match = NO_COMMENT.exec(text);
  return match !== null && !CLAIM_BEFORE.test(text.slice(0, match.index + 1)) && !/;/.test(text.slice(0, match.index));
}
// A police or charity appeal: "Anyone with information is asked to call 101, quoting reference 4324."
const APPEAL = /^(?:anyone|those|people|witnesses|members of the public)\b.{0,40}\b(?:is|are) (?:asked|urged|encouraged|being asked) to (?:call|contact|ring|email|get in touch|come forward)\b/i;
// "Sarah Chen contributed reporting from Manchester.", "Reuters contributed to this report."
const CONTRIBUTED = /\bcontributed (?:additional )?(?:reporting|research|to (?:this|the) (?:report|article|story))(?:\s+(?:from|in)\s+[^.]{1,60})?\.?$/i;
// The author's note that ends an op-ed: "Daniel Okafor is a housing researcher and the author of “Locked Out”."
const AUTHOR_NOTE =
  /^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3},?\s+(?:is|was)\s+(?:a|an|the)\b[^.!?]{0,200}\b(?:author|writer|columnist|contributor|contributing editor|editor|correspondent|journalist|reporter|fellow|professor|lecturer|researcher|analyst|commentator|novelist|economist|historian)\b/u;

/**
 * Why a span is not a claim at all, or null when it is one. `wholeParagraph` says whether the
 * span is the paragraph's only sentence: a heading stands alone.
 */
export function notAClaim(text: string, shape: ClaimShape, isQuestion: boolean, wholeParagraph: boolean, hasFigure = false): NotAClaim | null {
  if (isQuestion) return 'question';
  // Bylines and credits are short lines that start or end in telling words; everything else
  // skips the costly patterns.
  if (text.length <= 200 && MAY_BE_CREDIT_OR_BYLINE.test(text)) {
    if (BYLINE.test(text) || (BYLINE_BY.test(text) && !shape.hasVerb)) return 'byline';
    if (CREDIT.test(text)) return 'photo credit';
  }
  if (text.length <= 400 && NOTE.test(text)) return 'note';
  if (text.length <= 200 && (isNoComment(text) || APPEAL.test(text))) return 'note';
  if (text.length <= 300 && (CONTRIBUTED.test(text) || (wholeParagraph && AUTHOR_NOTE.test(text)))) return 'byline';
  if (wholeParagraph && !TERMINAL.test(text) && shape.words <= 20) return 'heading';
  // "Cocaine use up 160 percent.", "Today, 47 million people on food stamps.": a sentence without a verb that states a
  // figure is an elliptical claim, not a fragment.
  if (shape.words < 3 || (!shape.hasVerb && shape.words < 8 && !(hasFigure && shape.words >= 4 && TERMINAL.test(text)))) return 'fragment';
  return null;
}

const OPINION = new Set([
  'disaster',
  'disastrous',
  'betrayal',
  'unfair',
  'shambles',
  'fiasco',
  'farce',
  'incompetent',
  'hypocritical',
  'hypocrisy',
  'brilliant',
  'excellent',
  'superb',
  'awful',
  'dreadful',
  'insulting',
  'should',
  'must',
  'ought',
  'crucial',
  'essential',
  'vital',
  'important',
  'undoubtedly',
  'clearly',
  'obviously',
  'surely',
  'unfortunately',
  'fortunately',
  'alarming',
  'troubling',
  'shameful',
  'disgraceful',
  'outrageous',
  'terrible',
  'wonderful',
  'best',
  'worst',
  'great',
  'greatest',
  'legitimate',
  'unacceptable',
  'deserve',
  'deserves',
  'ridiculous',
  'absurd',
  'admirable',
  'dangerous',
  'boldly',
  'unambiguously',
  'truly',
  'unstoppable',
  'underestimated',
  'peculiar',
  'concern',
  'stark',
  'grim',
  'dire',
  'bleak',
  'appalling',
  'shocking',
  'scandalous',
  'disgrace',
  'reckless',
  'misguided',
  'foolish',
  'naive',
  'cynical',
  'pathetic',
  'laughable',
  'courage',
  'courageous',
]);
const CAUSAL_WORDS = new Set(['because', 'caused', 'causes', 'causing', 'therefore', 'thus', 'hence', 'triggered', 'sparked', 'fuelled', 'fueled', 'consequently', 'worsened', 'prompted']);
const CAUSAL_PAIRS = new Set([
  'due to',
  'led to',
  'leads to',
  'lead to',
  'leading to',
  'resulted in',
  'result in',
  'results in',
  'result of',
  'owing to',
  'thanks to',
  'driven by',
  'contributed to',
  'responsible for',
  'because of',
  'as a',
  'blamed for',
  'attributed to',
]);
const CAUSAL_PAIR_STARTS = new Set([...CAUSAL_PAIRS].map((p) => p.split(' ')[0]));
/** Past forms that do not end in -ed (also read by the attribution finder, for a clause after a reporting verb). */
export const IRREGULAR_PAST = new Set(
  `was|were|had|did|went|came|met|sent|made|took|gave|found|left|began|won|lost|said|told|became|fell|rose|grew|saw|held|led|paid|
sold|bought|built|brought|caught|fought|hit|put|set|ran|shot|spent|stood|struck|thought|wrote|broke|chose|drove|flew|froze|hid|
knew|rode|spoke|stole|swore|threw|wore|sank|sought|taught|withdrew|overthrew|began|kept|felt|meant|heard|got|let|cut|quit|split|
spread|forbade|forgave|underwent|undertook|oversaw|arose|awoke|bore|beat|bit|bled|bred|clung|dealt|dug|dove|fed|fled|flung|ground|
hung|laid|lit|slid|slung|spun|sprang|stung|stank|strode|strove|swept|swung|tore|wept|wound|wrung`
    .split('|')
    .map((w) => w.trim()),
);

const FIRST_PERSON = new Set(['i', 'we', 'me', 'us', 'my', 'our']);
const FUTURE = new Set(['will', "'ll", 'shall']);
const MODAL_FUTURE = new Set(['could', 'might', 'may']);
const BE_FORMS = new Set(['is', 'are', 'am', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** What one pass over a claim's tokens says about its grammar and wording. */
export interface ClaimShape {
  words: number;
  hasVerb: boolean;
  past: boolean;
  /** Where the past-tense verbs are (token indices), so a reporting verb's "said" can be told from the claim's own tense. */
  pastAt: number[];
  /** An action under way: "ministers are preparing", "officials are understood to be drawing up". */
  progressive: boolean;
  /** What ought to be: "should not be underestimated", "must act now". */
  normative: boolean;
  /** A possibility ahead: "could rise", "might collapse", "may fall" (a modal before a main verb, not "may have"). */
  modalFuture: boolean;
  future: boolean;
  firstPerson: boolean;
  /** A first person outside quotation marks: the writer's own voice, not a quoted speaker's ("where a user wrote that \"they're coming for our boilers\""). */
  ownFirstPerson: boolean;
  opinionWords: number;
  /** A judgement through a verb of seeming: "looks stubborn", "seems untouchable", "is hard to take seriously". */
  evaluative: boolean;
  causal: boolean;
}

const FUNCTION_AFTER_LIKE = new Set(['it', 'this', 'that', 'he', 'she', 'they', 'we', 'you']);
const SEEMING = new Set(['look', 'looks', 'looked', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'sound', 'sounds', 'feel', 'feels', 'remain', 'remains']);

export function claimShape(t: TokenTable, a: number, b: number): ClaimShape {
  const shape: ClaimShape = {
    words: 0,
    hasVerb: false,
    past: false,
    pastAt: [],
    progressive: false,
    normative: false,
    modalFuture: false,
    future: false,
    firstPerson: false,
    ownFirstPerson: false,
    opinionWords: 0,
    evaluative: false,
    causal: false,
  };
  // ", which must be held by August 2029": a clause about a noun, not the writer's view of what the sentence asserts.
  let relative = false;
  let quoted = false;
  for (let i = a; i < b; i++) {
    const pos = t.pos[i];
    const w = t.lower[i];
    if (i > a && t.value[i - 1] === ',') relative = w === 'which' || w === 'who';
    if (t.value[i] === '"') quoted = !quoted;
    else if (t.value[i] === '\u201c') quoted = true;
    else if (t.value[i] === '\u201d') quoted = false;
    if (pos !== 'PUNCT' && pos !== 'SYM') shape.words++;
    if (pos === 'VERB' || pos === 'AUX') {
      shape.hasVerb = true;
      // A participle used as an adjective ("offers limited support", "a united front") is no past tense.
      const adjectival = w.endsWith('ed') && pos === 'VERB' && i > a && t.pos[i + 1] === 'NOUN' && (/^(DET|ADP|ADJ)$/.test(t.pos[i - 1]) || t.pos[i - 1] === 'VERB');
      if ((w.endsWith('ed') || IRREGULAR_PAST.has(w)) && !adjectival) {
        shape.past = true;
        shape.pastAt.push(i);
      }
      if (pos === 'AUX' && MODAL_FUTURE.has(w)) {
        let k = i + 1;
        while (k < b && (t.pos[k] === 'ADV' || t.lower[k] === 'not')) k++;
        // "might not have the ability to …" (a possession, not the perfect of "may have been damaged").
        if (k < b && (t.pos[k] === 'VERB' || (t.lower[k] === 'have' && /^(DET|NOUN|ADJ|PRON)$/.test(t.pos[k + 1] ?? '')))) shape.modalFuture = true;
      }
      if (FUTURE.has(w) && pos === 'AUX' && i + 1 < b) shape.future = true;
      // "are probably going to have to be delayed" is a future, not an action under way.
      if (pos === 'VERB' && w.endsWith('ing') && !(w === 'going' && t.lower[i + 1] === 'to') && i > a && BE_FORMS.has(t.lower[t.pos[i - 1] === 'ADV' && i - 1 > a ? i - 2 : i - 1]))
        shape.progressive = true;
    }
    if (
      w === 'going' &&
      t.lower[i + 1] === 'to' &&
      (t.pos[i + 2] === 'VERB' || t.pos[i + 3] === 'VERB') &&
      i > a &&
      /^(is|are|am|'s|'re)$/.test(t.lower[t.pos[i - 1] === 'ADV' && i - 1 > a ? i - 2 : i - 1])
    )
      shape.future = true;
    if (FIRST_PERSON.has(w) && t.value[i] !== 'US') {
      shape.firstPerson = true;
      if (!quoted) shape.ownFirstPerson = true;
    }
    // "Great Britain", "Alexander the Great": a capital inside a sentence makes the word part of a name.
    // "a disaster declaration", "disaster relief": a noun before a noun names a kind of thing, it judges nothing.
    // "apologised for any concern": the stock apology judges nothing.
    const modifier = (w === 'disaster' && t.pos[i + 1] === 'NOUN') || (w === 'concern' && i > a && t.lower[i - 1] === 'any');
    if (OPINION.has(w) && !relative && !modifier && !(i > a && /^\p{Lu}/u.test(t.value[i])) && !measuredSuperlative(t, i, b)) shape.opinionWords++;
    if (pos === 'AUX' && !relative && (w === 'should' || w === 'must' || (w === 'ought' && t.lower[i + 1] === 'to'))) shape.normative = true;
    if (SEEMING.has(w) && (pos === 'VERB' || pos === 'AUX')) {
      let k = i + 1;
      // "seems like the only way": a judgement by comparison.
      if (t.lower[k] === 'like' && !FUNCTION_AFTER_LIKE.has(t.lower[k + 1] ?? '')) shape.evaluative = true;
      // "This appears to be the work of …": the writer's reading of what came before, not a fact of its own.
      if (i > a && /^(this|that)$/.test(t.lower[i - 1]) && t.lower[k] === 'to' && t.lower[k + 1] === 'be') shape.evaluative = true;
      // "seems to be even more intent on …": the judgement comes after "to be".
      if (t.lower[k] === 'to' && t.lower[k + 1] === 'be') k += 2;
      while (k < b && t.pos[k] === 'ADV') k++;
      // "seemed unlikely to …" and "seems likely that …" hedge what follows; "seemed truly unlikely twenty years ago" judges.
      const hedgesWhatFollows = /^(likely|unlikely)$/.test(t.lower[k]) && /^(to|that)$/.test(t.lower[k + 1] ?? '');
      if (k < b && t.pos[k] === 'ADJ' && !hedgesWhatFollows && !/^(able|unable|due|available|open|closed)$/.test(t.lower[k])) shape.evaluative = true;
    }
    // "She was arguably the most influential architect of her generation": the writer's case, not a fact.
    if (w === 'arguably') shape.evaluative = true;
    // "The models are too pessimistic" judges; "too weak to carry the lorries" states a limit.
    if (w === 'too' && t.pos[i + 1] === 'ADJ' && !/^(to|for)$/.test(t.lower[i + 2] ?? '')) shape.evaluative = true;
    if ((w === 'hard' || w === 'easy' || w === 'wise' || w === 'unwise') && t.lower[i + 1] === 'to' && i > a && /^(is|was|be|it's|'s)$/.test(t.lower[i - 1])) shape.evaluative = true;
    if (CAUSAL_WORDS.has(w)) shape.causal = true;
    else if (CAUSAL_PAIR_STARTS.has(w) && i + 1 < b && CAUSAL_PAIRS.has(w + ' ' + t.lower[i + 1])) {
      // "as a result", "as a consequence"; a bare "as a" is no cause.
      if (w !== 'as' || t.lower[i + 2] === 'result' || t.lower[i + 2] === 'consequence') shape.causal = true;
    }
  }
  return shape;
}

/**
 * "the worst financial crisis since the Great Depression", "the worst trade year in American history", "one of the best
 * health systems in the world": a superlative measured against a record is a comparison to check, not a view.
 */
function measuredSuperlative(t: TokenTable, i: number, b: number): boolean {
  if (!/^(best|worst|greatest)$/.test(t.lower[i])) return false;
  for (let k = i + 1; k < Math.min(b, i + 8); k++) {
    const w = t.lower[k];
    if (w === 'since' || w === 'ever' || w === 'history' || w === 'record' || (w === 'world' && t.lower[k - 1] === 'the')) return true;
    if (t.value[k] === ',' || t.value[k] === ';') return false;
  }
  return false;
}

export interface KindEvidence {
  notAClaim: NotAClaim | null;
  speculation: boolean;
  attributed: boolean;
  numbers: number;
  dates: number;
  entities: number;
}

/** The claim's kind, which tells a fact-checker how to research it. */
export function claimKind(shape: ClaimShape, e: KindEvidence): ClaimKind {
  if (e.notAClaim) return 'other';
  if (e.speculation || shape.future) return 'prediction';
  if (e.attributed) return 'attributed';
  if (e.numbers > 0) return 'statistical';
  if (shape.causal) return 'causal';
  if (e.dates > 0 && (shape.past || e.entities > 0)) return 'event';
  if (shape.opinionWords > 0) return 'opinion';
  if (shape.past && e.entities > 0) return 'event';
  return 'other';
}

// Cuts the normalised article into claim spans: sentences, and the clauses of sentences that join independent assertions.
import { REPORTING_VERBS } from './cues';
import type { ParagraphSpan } from './normalise';
import { readTokens, TokenTable } from './nlp';

/** One candidate claim: a token range of a paragraph's token table, with absolute offsets. */
export interface ClaimSpan {
  paragraph: number;
  /** Absolute offset of the paragraph; token offsets in `tokens` are relative to it. */
  base: number;
  tokens: TokenTable;
  first: number;
  last: number;
  start: number;
  end: number;
}

// A claim longer than this is not a claim a fact-checker can work with; cutting it also keeps
// every later step linear on pathological input (10 MB with no full stop).
const MAX_CLAIM_CHARS = 1200;

const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'yet', 'so', 'while', 'whereas']);
const VERBISH = new Set(['VERB', 'AUX']);
const SUBJECTISH = new Set(['PRON', 'PROPN', 'NOUN', 'NUM']);
const SUBJECT_PHRASE = new Set(['PRON', 'PROPN', 'NOUN', 'NUM', 'DET', 'ADJ', 'ADV', 'PART', 'ADP', 'PUNCT', 'X', 'SYM']);
// "sources claim that X, and Y": Y is still what the sources claim, so it stays with X.
// Verbs of saying and reporting (cues.ts), and of believing, which report a view the same way.
const REPORTING = new Set([...REPORTING_VERBS, ...['believed', 'think', 'thinks', 'thought', 'know', 'knows', 'knew', 'assume', 'hope', 'fear', 'fears', 'feared']]);

// A wire dateline that opens a paragraph ("ROTTERDAM, Nov 28 (Reuters) - ", "KYIV, Ukraine (AP) — ", "NEW YORK — ",
// "LONDON, 12 August 2025 – ") says where the story was filed, not what it claims: the first claim starts after it.
// "KERRVILLE, Texas (AP) — ", "LONDON, May 3 (Reuters) - ", "Paris (AFP) - " (a place in title case only before an
// agency's name), "SHIMLA: ".
const DATELINE =
  /^(?:\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,3}(?:, [^()\n–—]{1,30}?)?(?: \([^()\n]{1,40}\))? ?(?:--?|—|–) |\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,2}(?:, [^()\n–—]{1,30}?)? \([\p{Lu}]{2,10}\) ?(?:--?|—|–) |\p{Lu}{3,}(?: \p{Lu}{3,}){0,2}: )(?=[\p{Lu}“"‘])/u;

// A list item's marker ("- ", "• ", "1. ") or a live blog's time of entry ("14:05 ", "09.30 GMT ") that opens a
// paragraph is no part of its claim.
const ITEM_MARKER = /^(?:[-•*–—▪◦]|\d{1,2}[.)]|\d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|CET|CEST|ET|EST|EDT|PT|UTC|am|pm))?)\s+(?=[\p{Lu}“"‘])/u;

/** Splits the given paragraphs of a normalised text (all of them, or one chunk's) into claim spans, paragraph by paragraph. */
export function segmentParagraphs(text: string, paragraphs: ParagraphSpan[]): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  for (const paragraph of paragraphs) {
    const body = text.slice(paragraph.start, paragraph.end);
    const tokens = readTokens(body);
    const opening = DATELINE.exec(body)?.[0].length ?? ITEM_MARKER.exec(body)?.[0].length ?? 0;
    for (const [sentenceFirst, last] of sentencesOf(tokens)) {
      let first = sentenceFirst;
      while (first < last && tokens.start[first] < opening) first++;
      for (const [a, b] of clausesOf(tokens, first, last)) {
        const start = paragraph.start + tokens.start[a];
        const end = paragraph.start + tokens.end[b - 1];
        if (end > start) spans.push({ paragraph: paragraph.index, base: paragraph.start, tokens, first: a, last: b, start, end });
      }
    }
  }
  return spans;
}

/** Treats a whole text as one claim (used to score sentences that come pre-segmented, as in the datasets). */
export function wholeSpan(text: string): ClaimSpan | null {
  const tokens = readTokens(text);
  const n = tokens.value.length;
  if (n === 0) return null;
  return { paragraph: 0, base: 0, tokens, first: 0, last: n, start: tokens.start[0], end: tokens.end[n - 1] };
}

const UNIT_STOP = /^(?:m|bn|k|tn|p|km|kg|mm|cm|ml|mph|gw|mw|kw|ft|lb|lbs|oz|yrs|pc|pct)\.$/i;

/** wink's sentences, re-cut where it is known to miss ("Russia.. The") and where a run-on is too long. */
function sentencesOf(t: TokenTable): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of joinedSentences(t)) {
    let from = a;
    for (let i = a; i < b - 1; i++) {
      // A doubled full stop is a typo for one, not an ellipsis; wink reads it as the latter. "… a forecast of £280m. Chief
      // executive Priya Nair said …": wink reads a unit after a figure ("m.", "bn.", "kg.") as an abbreviation.
      const stop = t.value[i] === '..' || (UNIT_STOP.test(t.value[i]) && i > a && t.pos[i - 1] === 'NUM' && t.start[i] === t.end[i - 1]);
      if (stop && /^[A-Z“"‘]/.test(t.value[i + 1]) && t.start[i + 1] > t.end[i]) {
        pushCapped(t, from, i + 1, out);
        from = i + 1;
      }
    }
    pushCapped(t, from, b, out);
  }
  return out;
}

/**
 * wink's sentences, with a cut inside a word joined up again ("visit www.|greenfield-energy.|example."), and a cut after
 * a name's question or exclamation mark ("A report by the consumer group Which?| last year found …", "Yahoo!| said"):
 * a sentence does not start in lower case.
 */
function joinedSentences(t: TokenTable): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of t.sentences) {
    const last = out[out.length - 1];
    const inWord = a > 0 && t.start[a] === t.end[a - 1];
    const afterName = a > 0 && /^[?!]$/.test(t.value[a - 1]) && /^\p{Ll}/u.test(t.value[a]);
    if (last && last[1] === a && (inWord || afterName)) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

function pushCapped(t: TokenTable, a: number, b: number, out: Array<[number, number]>): void {
  while (b > a && t.end[b - 1] - t.start[a] > MAX_CLAIM_CHARS) {
    // Prefer to cut a run-on at its last comma or semicolon inside the limit.
    let cut = a + 1;
    let soft = -1;
    while (cut < b && t.end[cut] - t.start[a] <= MAX_CLAIM_CHARS) {
      if (t.value[cut] === ',' || t.value[cut] === ';') soft = cut + 1;
      cut++;
    }
    if (soft > a + 1) cut = soft;
    out.push([a, cut]);
    a = cut;
  }
  if (b > a) out.push([a, b]);
}

/**
 * Splits a sentence at a semicolon, and at ", and" / ", but" …, when both sides are full clauses:
 * each side is then a separate assertion that can be true or false on its own.
 */
function clausesOf(t: TokenTable, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = a;
  let depth = 0;
  for (let i = a + 1; i < b - 1; i++) {
    const v = t.value[i];
    if (v === '(' || v === '[') depth++;
    else if ((v === ')' || v === ']') && depth > 0) depth--;
    if (depth > 0) continue;

    let resume = -1;
    let needsSubject = false;
    if (v === ';') {
      resume = i + 1;
    } else if (v === ',' && CLAUSE_CONJUNCTIONS.has(t.lower[i + 1])) {
      resume = i + 2;
      needsSubject = true;
    }
    if (resume === -1) continue;
    // "… up taxes, but the alternative is closing libraries," he said: one quotation is one claim of its speaker.
    if (insideQuotation(t, a, i, b)) continue;
    while (resume < b && (CLAUSE_CONJUNCTIONS.has(t.lower[resume]) || t.lower[resume] === 'however' || t.value[resume] === ',')) resume++;

    if (!isClause(t, from, i, false)) continue;
    if (!isClause(t, resume, b, needsSubject)) continue;
    if (needsSubject && governedByReporting(t, from, i)) continue;
    // "Revenue rose to £1.48bn, while pre-tax profit increased 6%, the company said": a source after both clauses
    // reports both.
    if (needsSubject && trailingSource(t, resume, b)) continue;
    // "the company said names had been accessed, but that card details were not affected": one report, two complements.
    if (needsSubject && t.lower[resume] === 'that') continue;
    out.push([from, i]);
    from = resume;
    i = resume - 1;
  }
  out.push([from, b]);
  return out;
}

/** Whether a quotation is open after `mark`, given whether one was open before it: “ opens, ” closes, " toggles. */
export function quoteOpenAfter(open: boolean, mark: string): boolean {
  if (mark === '“') return true;
  if (mark === '”') return false;
  return mark === '"' ? !open : open;
}

/** Whether token i lies inside a quotation opened after a and closed before b. */
function insideQuotation(t: TokenTable, a: number, i: number, b: number): boolean {
  let open = false;
  for (let k = a; k < i; k++) open = quoteOpenAfter(open, t.value[k]);
  if (!open) return false;
  for (let k = i + 1; k < b; k++) if (t.value[k] === '”' || t.value[k] === '"') return true;
  return false;
}

function wordCount(t: TokenTable, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (t.pos[i] !== 'PUNCT' && t.pos[i] !== 'SYM') n++;
  return n;
}

function isClause(t: TokenTable, a: number, b: number, needsSubject: boolean): boolean {
  if (wordCount(t, a, b) < 3) return false;
  if (!needsSubject) {
    for (let i = a; i < b; i++) if (VERBISH.has(t.pos[i])) return true;
    return false;
  }
  // ", and established ties" continues the verb phrase; ", and Pyongyang launched" starts a clause.
  let sawSubject = false;
  for (let i = a; i < Math.min(b, a + 10); i++) {
    const pos = t.pos[i];
    if (VERBISH.has(pos)) return sawSubject;
    if (SUBJECTISH.has(pos)) sawSubject = true;
    else if (!SUBJECT_PHRASE.has(pos)) return false;
  }
  return false;
}

const NOMINAL = new Set(['DET', 'NOUN', 'PROPN', 'ADJ']);

/** The clause [a, b) ends with ", <source> said …" (a noun phrase, then a verb of saying, then no other verb). */
function trailingSource(t: TokenTable, a: number, b: number): boolean {
  let comma = -1;
  for (let k = b - 1; k > a; k--)
    if (t.value[k] === ',') {
      comma = k;
      break;
    }
  if (comma === -1) return false;
  // The tagger may read the verb as a noun ("official figures show"): find the word, then check what stands around it.
  for (let k = comma + 2; k < b && k - comma <= 7; k++) {
    if (!REPORTING.has(t.lower[k])) continue;
    for (let m = comma + 1; m < k; m++) if (!NOMINAL.has(t.pos[m])) return false;
    // "… said in a trading update", "… said on Tuesday": what follows the verb is where or when, not another clause.
    if (k + 1 >= b || t.pos[k + 1] === 'ADP' || t.pos[k + 1] === 'PUNCT') return true;
    for (let m = k + 1; m < b; m++) if (VERBISH.has(t.pos[m])) return false;
    return true;
  }
  return false;
}

/**
 * The clause [a, b) reports: "… claim that X", or its subject then a verb of saying and a clause without "that" ("Human
 * rights groups say more than 1,000 people were detained"), so what follows ", and" is still theirs.
 */
function governedByReporting(t: TokenTable, a: number, b: number): boolean {
  for (let i = a; i < b - 1; i++) {
    if (REPORTING.has(t.lower[i]) && t.lower[i + 1] === 'that') return true;
  }
  for (let i = a + 1; i < Math.min(b - 2, a + 10); i++) {
    if (!SAID.has(t.lower[i])) {
      if (!NOMINAL.has(t.pos[i]) && t.pos[i] !== 'NUM' && t.lower[i] !== "'s") return false;
      continue;
    }
    return NOMINAL.has(t.pos[a]) && (NOMINAL.has(t.pos[i + 1]) || t.pos[i + 1] === 'NUM' || /^(more|less|fewer|about|around|nearly|almost|at)$/.test(t.lower[i + 1]));
  }
  return false;
}

// Verbs of saying that take a clause without "that" ("Officials say the bridge was closed").
const SAID = new Set(['say', 'says', 'said', 'claim', 'claims', 'claimed', 'insist', 'insists', 'insisted', 'estimate', 'estimates', 'estimated']);

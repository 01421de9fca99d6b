// Anchors a claim to its words and finds them again in an edited revision of the article, the way Hypothesis re-anchors annotations.
import type { Anchor, QuoteSelector } from './types';

/** Characters of context kept on each side of the quote (the W3C recommendation's usual size). */
const CONTEXT_CHARS = 32;

// Hypothesis' weights (client/src/annotator/anchoring/match-quote.ts): the quote matters most,
// its context next, the old position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
// Below this a fuzzy match is more likely another sentence that looks alike than the claim:
// better an orphan the team can see than a claim silently moved onto the wrong words.
const MIN_FUZZY_CONFIDENCE = 0.5;
const MAX_CANDIDATES = 1000;

export function quoteSelector(text: string, start: number, end: number): QuoteSelector {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return {
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: text.slice(e, e + CONTEXT_CHARS),
  };
}

interface Match {
  start: number;
  end: number;
  errors: number;
}
type ApproxSearch = (text: string, pattern: string, maxErrors: number) => Match[];

let approxSearch: ApproxSearch | null = null;

// Loaded on the first fuzzy search only: approx-string-match is an ES module, and code that
// never re-anchors (or only finds exact matches) should not need a loader that handles one.
function loadApproxSearch(): ApproxSearch {
  if (!approxSearch) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('approx-string-match');
    approxSearch = (mod.default ?? mod) as ApproxSearch;
  }
  return approxSearch;
}

/** Levenshtein distance; only ever called on strings of CONTEXT_CHARS or fewer. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

function similarity(expected: string, actual: string): number {
  if (!expected) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/**
 * Finds where a claim's quote now stands in `newText`: an exact match first, then approximate
 * matches with up to a fifth of the quote's length in errors, ranked by how well the quote,
 * its prefix and suffix match and how close it is to `hintStart` (the old offset). Returns
 * null when the quote cannot be placed: the claim is then an orphan, never silently lost.
 */
export function reanchor(newText: string, selector: QuoteSelector, hintStart?: number): Anchor | null {
  const exact = selector.exact ?? '';
  if (!exact || !newText) return null;

  let matches: Match[] = [];
  for (let at = newText.indexOf(exact); at !== -1 && matches.length < MAX_CANDIDATES; at = newText.indexOf(exact, at + 1)) {
    matches.push({ start: at, end: at + exact.length, errors: 0 });
  }
  const fuzzy = matches.length === 0;
  if (fuzzy) {
    const maxErrors = Math.floor(exact.length / 5);
    if (maxErrors === 0) return null;
    matches = loadApproxSearch()(newText, exact, maxErrors).slice(0, MAX_CANDIDATES);
  }

  let best: Anchor | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefix = selector.prefix ?? '';
    const suffix = selector.suffix ?? '';
    const prefixScore = similarity(prefix, newText.slice(Math.max(0, m.start - prefix.length), m.start));
    const suffixScore = similarity(suffix, newText.slice(m.end, m.end + suffix.length));
    const positionScore = hintStart === undefined ? 1 : 1 - Math.min(1, Math.abs(m.start - hintStart) / Math.max(1, newText.length));
    const confidence = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) / TOTAL_WEIGHT;
    if (!best || confidence > best.confidence) best = { start: m.start, end: m.end, confidence };
  }
  if (!best || (fuzzy && best.confidence < MIN_FUZZY_CONFIDENCE)) return null;
  return { ...best, confidence: Math.round(best.confidence * 1000) / 1000 };
}

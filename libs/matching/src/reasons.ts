// Why a library entry matches a claim, in words a fact-checker can check: the names, numbers and dates both mention,
// and where they disagree ("checked claim says 2011, this claim says 2023").
import { normaliseClaim } from './normalise';

export interface MatchReasons {
  names: string[];
  numbers: string[];
  dates: string[];
  conflicts: Array<{ kind: 'number' | 'date'; entry: string; claim: string; message: string }>;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(
  `\\b(?:(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:1[89]|20)\\d{2}|\\d{1,2} (?:${MONTHS})\\.? (?:1[89]|20)\\d{2}|(?:${MONTHS})\\.? (?:1[89]|20)\\d{2}|(?:1[89]|20)\\d{2}-\\d{2}-\\d{2}|(?:1[89]|20)\\d{2})\\b`,
  'gi',
);
const NUMBER = /(?:[$£€]\s?)?\b\d+(?:\.\d+)?(?:\s(?:percent|million|billion|thousand|trillion))?/gi;
// Words that start sentences or headlines with a capital without being names.
const NOT_NAMES = new Set(
  'a an the this that these those it its is are was were be been has have had do does did not no yes and or but if of in on at by for with from as to into after before when where why how what who which there here they he she we you i my our your his her their photo photograph video image meme viral report reports claim claims fact check false true mostly did does was is can will would could should breaking new says said just'.split(
    ' ',
  ),
);

function yearOf(date: string): string | undefined {
  return /(?:1[89]|20)\d{2}/.exec(date)?.[0];
}

function datesIn(text: string): string[] {
  return [...new Set([...text.matchAll(DATE)].map((m) => m[0]))];
}

function numbersIn(text: string): string[] {
  const withoutDates = text.replace(DATE, ' ');
  return [...new Set([...withoutDates.matchAll(NUMBER)].map((m) => m[0].replace(/\s+/g, ' ').toLowerCase()).filter((n) => !/^[01]$/.test(n)))];
}

/** Capitalised word runs that are not sentence starters ("Barack Obama", "Guantanamo Bay", "COVID"). */
function namesIn(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b[A-Z][\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\p{L}'’.-]*)*/gu)) {
    const words = m[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.toLowerCase().replace(/[.'’]+$/, '')));
    if (!words.length) continue;
    const name = words
      .join(' ')
      .replace(/['’]s$/, '')
      .replace(/[.]$/, '');
    if (name.length > 1) names.add(name);
  }
  return [...names];
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const numberValue = (s: string) => s.replace(/[^\d.]/g, '');

/** Reasons for matching `entryText` (a checked claim and its headline) with `claimText`. */
export function matchReasons(entryText: string, claimText: string): MatchReasons {
  const entry = normaliseClaim(entryText, { post: false });
  const claim = normaliseClaim(claimText, { post: false });
  // A name counts when the entry has it, or has each of its words inside longer names ("Obama" in "President Barack Obama").
  const entryNames = namesIn(entry);
  const entryKeys = new Set(entryNames.map(key));
  const entryWordKeys = new Set(entryNames.flatMap((n) => n.split(/\s+/).map(key)));
  const names = namesIn(claim).filter((n) => entryKeys.has(key(n)) || n.split(/\s+/).every((w) => entryWordKeys.has(key(w))));

  const entryNumbers = numbersIn(entry);
  const claimNumbers = numbersIn(claim);
  const sharedNumbers = claimNumbers.filter((n) => entryNumbers.some((e) => numberValue(e) === numberValue(n)));
  const entryDates = datesIn(entry);
  const claimDates = datesIn(claim);
  const sharedDates = claimDates.filter((d) => entryDates.some((e) => key(e) === key(d) || (yearOf(e) === yearOf(d) && /^\d{4}$/.test(e.trim()))));

  const conflicts: MatchReasons['conflicts'] = [];
  const entryYears = [...new Set(entryDates.map(yearOf).filter(Boolean))] as string[];
  const claimYears = [...new Set(claimDates.map(yearOf).filter(Boolean))] as string[];
  if (entryYears.length && claimYears.length && !entryYears.some((y) => claimYears.includes(y))) {
    conflicts.push({ kind: 'date', entry: entryYears.join(', '), claim: claimYears.join(', '), message: `checked claim says ${entryYears.join(', ')}, this claim says ${claimYears.join(', ')}` });
  }
  if (entryNumbers.length && claimNumbers.length && !sharedNumbers.length) {
    conflicts.push({
      kind: 'number',
      entry: entryNumbers.join(', '),
      claim: claimNumbers.join(', '),
      message: `checked claim says ${entryNumbers.join(', ')}, this claim says ${claimNumbers.join(', ')}`,
    });
  }
  return { names, numbers: sharedNumbers, dates: sharedDates, conflicts };
}

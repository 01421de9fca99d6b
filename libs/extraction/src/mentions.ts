// Finds the numbers (with their units) and the dates (absolute and relative) a claim rests on.
import { MONTHS, WEEKDAYS } from './gazetteer';
import type { TokenTable } from './nlp';

/** A mention as token range plus what it means; offsets are made absolute by the caller. */
export interface NumberHit {
  first: number;
  last: number;
  value: number | null;
  unit: string | null;
}
export interface DateHit {
  first: number;
  last: number;
  kind: 'absolute' | 'relative';
  iso: string | null;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
};
// Attached to digits only ("3.5m", "$20bn"): on their own these letters mean other things.
const SHORT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12 };
const VAGUE = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions', 'tens', 'scores']);
const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', us$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₽': 'RUB', '₹': 'INR' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  usd: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  eur: 'EUR',
  pounds: 'GBP',
  gbp: 'GBP',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rubles: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rouble: 'RUB',
  won: 'KRW',
  rupees: 'INR',
  rupee: 'INR',
};
const UNIT_POS = new Set(['NOUN', 'ADJ', 'PROPN']);
const TIME_UNITS = new Set([
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'decade',
  'decades',
  'century',
  'centuries',
]);
const PERIODS = new Set(['week', 'month', 'year', 'decade', 'century', 'weekend', 'spring', 'summer', 'autumn', 'fall', 'winter', 'quarter', 'term', 'season']);
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight']);
const RELATIVE_ANCHORS = new Set(['last', 'next', 'this', 'past', 'coming', 'previous', 'following']);
const ORDINALS = /^(\d+)(st|nd|rd|th)$/;
const YEAR_CONTEXT = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'to',
  'of',
  'during',
  'after',
  'before',
  'around',
  'circa',
  'c.',
  'early',
  'late',
  'mid',
  'year',
  'the',
  'and',
  'or',
  'between',
  'through',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  ',',
]);
// "in May", "since May": the month reading of a capitalised "May" needs a neighbour like these.
const MONTH_CONTEXT = new Set([
  'in',
  'on',
  'since',
  'until',
  'till',
  'by',
  'from',
  'during',
  'of',
  'early',
  'late',
  'mid',
  'last',
  'next',
  'this',
  'before',
  'after',
  'through',
  'throughout',
  'between',
  'to',
  'and',
  'or',
  'mid-',
]);

function numberWordValue(word: string): number | null {
  if (word in SMALL) return SMALL[word];
  // Most words have no hyphen: no array to build for them (this runs on every token that may open a number or a date).
  if (word.indexOf('-') === -1) return null;
  const parts = word.split('-');
  if (parts.length === 2 && parts[0] in SMALL && parts[1] in SMALL && SMALL[parts[0]] >= 20 && SMALL[parts[1]] < 10) {
    return SMALL[parts[0]] + SMALL[parts[1]];
  }
  return null;
}

function digitsValue(token: string): number | null {
  // Every form below starts with a digit or a point: words are turned away before the pattern runs.
  const c = token.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && c !== 46) return null;
  if (!/^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/.test(token)) return null;
  return Number(token.replace(/,/g, ''));
}

/** The calendar month a token names, honouring that "May" is mostly a modal verb and "march" a verb. */
export function monthAt(t: TokenTable, i: number, a: number): number | null {
  const month = MONTHS[t.lower[i]];
  if (month === undefined) return null;
  const first = t.value[i].charCodeAt(0);
  if (first < 65 || first > 90) return null;
  const shortForm = t.lower[i].length <= 4 && t.lower[i] !== 'may' && t.lower[i] !== 'june' && t.lower[i] !== 'july';
  if (t.lower[i] === 'may' || t.lower[i] === 'march' || shortForm) {
    const next = t.lower[i + 1] ?? '';
    const prev = i > a ? t.lower[i - 1] : '';
    const numberNext = /^\d{1,4}(st|nd|rd|th)?$/.test(next);
    const numberBefore = /^\d{1,2}(st|nd|rd|th)?$/.test(prev);
    if (numberNext || numberBefore || MONTH_CONTEXT.has(prev)) return month;
    return null;
  }
  return month;
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function yearValue(token: string): number | null {
  if (token.length !== 4) return null;
  if (!/^(1[0-9]{3}|20[0-9]{2})$/.test(token)) return null;
  return Number(token);
}

/** Dates in tokens [a, b). */
export function findDates(t: TokenTable, a: number, b: number): DateHit[] {
  const hits: DateHit[] = [];
  let i = a;
  while (i < b) {
    const hit = dateAt(t, i, a, b);
    if (hit) {
      hits.push(hit);
      i = hit.last;
    } else i++;
  }
  return hits;
}

// Words that can open a date; anything else is skipped before any pattern is tried.
const DATE_OPENERS = new Set([...Object.keys(MONTHS), ...RELATIVE_DAYS, ...WEEKDAYS, ...RELATIVE_ANCHORS, ...Object.keys(SMALL), 'recent', 'a', 'an', 'several', 'few', 'many']);

const DECADE_PREFIXED = /^(mid|early|late)-\d/;

/** "mid-1990s", "late-80s": the pattern is tried only on words that start with m, e or l and have a hyphen. */
function decadePrefixed(lower: string): boolean {
  const c = lower.charCodeAt(0);
  return (c === 109 || c === 101 || c === 108) && lower.indexOf('-') !== -1 && DECADE_PREFIXED.test(lower);
}

function dateAt(t: TokenTable, i: number, a: number, b: number): DateHit | null {
  const lower = t.lower[i];
  const c = lower.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  if (!digit && !DATE_OPENERS.has(lower) && !decadePrefixed(lower)) return null;
  const month = monthAt(t, i, a);
  if (month !== null) {
    let j = i + 1;
    let day: number | null = null;
    let year: number | null = null;
    const dayMatch = j < b ? /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.lower[j]) : null;
    if (dayMatch && Number(dayMatch[1]) >= 1 && Number(dayMatch[1]) <= 31) {
      day = Number(dayMatch[1]);
      j++;
      if (j + 1 < b && t.value[j] === ',' && yearValue(t.lower[j + 1]) !== null) j++;
    }
    if (j < b && yearValue(t.lower[j]) !== null) {
      year = yearValue(t.lower[j]);
      j++;
    }
    // "24 April 2024": the day stands before the month.
    let first = i;
    if (day === null && i > a) {
      const before = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.lower[i - 1]);
      if (before && Number(before[1]) <= 31) {
        day = Number(before[1]);
        first = i - 1;
      }
    }
    const iso = year !== null && day !== null ? `${year}-${pad(month)}-${pad(day)}` : year !== null ? `${year}-${pad(month)}` : day !== null ? `--${pad(month)}-${pad(day)}` : null;
    return { first, last: j, kind: 'absolute', iso };
  }

  if (digit) {
    const hit = numericDate(t, i, a, b, lower);
    if (hit) return hit;
  } else if (decadePrefixed(lower)) {
    return decadeAt(t, i, a, lower);
  }
  return wordDate(t, i, a, b, lower);
}

function decadeAt(t: TokenTable, i: number, a: number, lower: string): DateHit | null {
  const decade = /^(?:(mid|early|late)-)?(1[0-9]{2}|20[0-9])0s$/.exec(lower);
  if (!decade) return null;
  let first = i;
  if (!decade[1] && i > a && /^(mid|early|late)$/.test(t.lower[i - 1])) first = i - 1;
  return { first, last: i + 1, kind: 'absolute', iso: decade[2] + 'X' };
}

/** Dates written with digits: ISO dates, slashes, decades, years, fiscal years, centuries. */
function numericDate(t: TokenTable, i: number, a: number, b: number, lower: string): DateHit | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(lower)) return { first: i, last: i + 1, kind: 'absolute', iso: lower };
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(lower);
  if (slash) {
    const [m, d] = [Number(slash[1]), Number(slash[2])];
    // Only when day and month cannot be swapped: 03/01/2022 is March in the US and January elsewhere.
    const iso = m > 12 && d <= 12 ? `${slash[3]}-${pad(d)}-${pad(m)}` : d > 12 && m <= 12 ? `${slash[3]}-${pad(m)}-${pad(d)}` : null;
    return { first: i, last: i + 1, kind: 'absolute', iso };
  }

  const decade = decadeAt(t, i, a, lower);
  if (decade) return decade;

  const year = yearValue(lower);
  if (year !== null) {
    const prev = i > a ? t.lower[i - 1] : '';
    const next = i + 1 < b ? t.lower[i + 1] : '';
    const nextPos = i + 1 < b ? t.pos[i + 1] : '';
    const countsSomething = (nextPos === 'NOUN' && /s$/.test(next) && !TIME_UNITS.has(next)) || next === 'percent' || next === '%' || next === 'of';
    if (!countsSomething && (YEAR_CONTEXT.has(prev) || i === a || nextPos !== 'NOUN' || !/s$/.test(next))) {
      // "2023-24" seasons and fiscal years are one token in wink: keep the first year.
      return { first: i, last: i + 1, kind: 'absolute', iso: String(year) };
    }
    return null;
  }
  const fiscal = /^(1[0-9]{3}|20[0-9]{2})[-–](\d{2}|\d{4})$/.exec(lower);
  if (fiscal) return { first: i, last: i + 1, kind: 'absolute', iso: fiscal[1] };

  const century = /^(\d{1,2})(st|nd|rd|th)$/.exec(lower);
  if (century && i + 1 < b && t.lower[i + 1] === 'century') {
    const n = Number(century[1]);
    return { first: i, last: i + 2, kind: 'absolute', iso: n >= 1 && n <= 21 ? pad(n - 1) + 'XX' : null };
  }
  return relativeQuantity(t, i, b, lower);
}

/** "four decades ago", "a year earlier", "twenty years later", "3 weeks ago". */
function relativeQuantity(t: TokenTable, i: number, b: number, lower: string): DateHit | null {
  const quantity = numberWordValue(lower) ?? digitsValue(lower) ?? (lower === 'a' || lower === 'an' || lower === 'several' || lower === 'few' || lower === 'many' ? 1 : null);
  if (quantity !== null && i + 2 < b && TIME_UNITS.has(t.lower[i + 1]) && /^(ago|earlier|later)$/.test(t.lower[i + 2])) {
    return { first: i, last: i + 3, kind: 'relative', iso: null };
  }
  return null;
}

/** Dates written in words: relative days, weekdays, "last year", "in recent years". */
function wordDate(t: TokenTable, i: number, a: number, b: number, lower: string): DateHit | null {
  if (RELATIVE_DAYS.has(lower)) return { first: i, last: i + 1, kind: 'relative', iso: null };
  if (WEEKDAYS.has(lower) && /^[A-Z]/.test(t.value[i])) return { first: i, last: i + 1, kind: 'relative', iso: null };

  if (RELATIVE_ANCHORS.has(lower) && i + 1 < b) {
    let j = i + 1;
    // "the past five years", "the last two decades"
    if (j < b && (numberWordValue(t.lower[j]) !== null || digitsValue(t.lower[j]) !== null || t.lower[j] === 'few' || t.lower[j] === 'several')) j++;
    if (j < b && (PERIODS.has(t.lower[j]) || TIME_UNITS.has(t.lower[j]) || WEEKDAYS.has(t.lower[j]) || (MONTHS[t.lower[j]] && /^[A-Z]/.test(t.value[j])))) {
      if (lower === 'this' && !PERIODS.has(t.lower[j])) return null;
      let first = i;
      if (i > a && /^(earlier|later|early|late)$/.test(t.lower[i - 1])) first = i - 1;
      return { first, last: j + 1, kind: 'relative', iso: null };
    }
    return null;
  }

  if (lower === 'recent' && i + 1 < b && TIME_UNITS.has(t.lower[i + 1])) return { first: i, last: i + 2, kind: 'relative', iso: null };

  return relativeQuantity(t, i, b, lower);
}

/** Numbers in tokens [a, b), skipping tokens that belong to absolute dates (years, days of the month). */
export function findNumbers(t: TokenTable, a: number, b: number, dates: DateHit[]): NumberHit[] {
  const inDate = new Set<number>();
  for (const d of dates) {
    if (d.kind !== 'absolute') continue;
    for (let k = d.first; k < d.last; k++) inDate.add(k);
  }
  const hits: NumberHit[] = [];
  let i = a;
  while (i < b) {
    if (inDate.has(i)) {
      i++;
      continue;
    }
    const hit = numberAt(t, i, b, inDate);
    if (hit) {
      hits.push(hit);
      i = hit.last;
    } else i++;
  }
  return hits;
}

// Words that can open a number; anything else is skipped before any pattern is tried.
const NUMBER_OPENERS = new Set([...Object.keys(SMALL), ...Object.keys(SCALES), ...VAGUE, ...Object.keys(CURRENCY_SIGNS), 'a', 'an']);

function numberAt(t: TokenTable, i: number, b: number, inDate: Set<number>): NumberHit | null {
  const opener = t.lower[i];
  const c = opener.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && c !== 46 && !NUMBER_OPENERS.has(opener) && (opener.indexOf('-') === -1 || !/^[a-z]+-[a-z]+$/.test(opener))) return null;
  let j = i;
  let currency: string | null = null;
  if (CURRENCY_SIGNS[t.lower[j]] && j + 1 < b && digitsValue(t.lower[j + 1]) !== null) {
    currency = CURRENCY_SIGNS[t.lower[j]];
    j++;
  }
  let value: number | null = null;
  let fromWords = false;
  let vague = false;
  const lower = t.lower[j];
  const digits = digitsValue(lower);
  if (digits !== null) {
    if (ORDINALS.test(lower)) return null;
    value = digits;
    j++;
  } else if (numberWordValue(lower) !== null || (SCALES[lower] && (lower === 'dozen' || lower === 'hundred'))) {
    value = numberWordValue(lower) ?? SCALES[lower];
    fromWords = true;
    j++;
  } else if ((lower === 'a' || lower === 'an') && j + 1 < b && SCALES[t.lower[j + 1]]) {
    value = 1;
    fromWords = true;
    j++;
  } else if (VAGUE.has(lower)) {
    vague = true;
    j++;
  } else return null;

  // Scale words multiply: "one million", "5 billion", "hundreds of thousands".
  while (j < b && !inDate.has(j)) {
    const w = t.lower[j];
    if (SCALES[w] !== undefined) {
      if (value !== null) value *= SCALES[w];
      j++;
    } else if (SHORT_SCALES[w] !== undefined && digits !== null && t.start[j] === t.end[j - 1]) {
      if (value !== null) value *= SHORT_SCALES[w];
      j++;
    } else if (vague && w === 'of' && j + 1 < b && VAGUE.has(t.lower[j + 1])) {
      j += 2;
    } else if (fromWords && w === 'and' && j + 1 < b && numberWordValue(t.lower[j + 1]) !== null && value !== null && value >= 100) {
      value += numberWordValue(t.lower[j + 1]) as number;
      j += 2;
    } else if (fromWords && numberWordValue(w) !== null && value !== null && value >= 20 && value % 10 === 0 && (numberWordValue(w) as number) < 10) {
      value += numberWordValue(w) as number;
      j++;
    } else break;
  }
  if (value !== null && !Number.isFinite(value)) value = null;

  let unit: string | null = currency;
  if (j < b && (t.lower[j] === '%' || t.lower[j] === 'percent' || t.lower[j] === 'pct')) {
    unit = 'percent';
    j++;
  } else if (j + 1 < b && t.lower[j] === 'per' && t.lower[j + 1] === 'cent') {
    unit = 'percent';
    j += 2;
  } else if (j + 1 < b && t.lower[j] === 'percentage' && /^points?$/.test(t.lower[j + 1])) {
    unit = 'percentage points';
    j += 2;
  } else if (j < b && CURRENCY_WORDS[t.lower[j]] && !currency) {
    unit = CURRENCY_WORDS[t.lower[j]];
    j++;
  } else if (!currency) {
    // The unit is the noun phrase counted: "four decades", "millions of artillery rounds".
    let k = j;
    if (vague && k < b && t.lower[k] === 'of') k++;
    const unitStart = k;
    while (k < b && k - unitStart < 3 && UNIT_POS.has(t.pos[k]) && /^[\p{L}-]+$/u.test(t.value[k]) && !inDate.has(k)) k++;
    // An adjective alone is not a unit ("two more").
    while (k > unitStart && t.pos[k - 1] === 'ADJ') k--;
    if (k > unitStart) {
      unit = t.text.slice(t.start[unitStart], t.end[k - 1]).toLowerCase();
      j = k;
    }
  }

  // A bare "one" is a pronoun far more often than a count ("one of the factors").
  if (fromWords && unit === null && value !== null && value < 100) return null;
  if (vague && unit === null) return null;
  return { first: i, last: j, value: vague ? null : value, unit };
}

// Finds the people, organisations and places a claim names, from wink's proper-noun tags, capitalisation and the gazetteer.
import { DEMONYM_LIKE, lookupName, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, WEEKDAYS } from './gazetteer';
import { monthAt } from './mentions';
import type { Entity } from './types';
import type { TokenTable } from './nlp';

export interface EntityHit {
  first: number;
  last: number;
  type: Entity['type'];
}

const CAPITALISED = /^\p{Lu}/u;
// Words that are capitalised only because they open a sentence: "After Kim Jong-Il’s death",
// "Will North Korea …?", "Due to …". They are dropped from the front of a name.
const SENTENCE_OPENERS = new Set(
  `after|before|while|when|where|will|would|could|should|can|may|might|must|much|many|more|most|due|despite|although|though|
as|at|by|for|from|in|into|of|on|to|with|without|within|the|a|an|this|that|these|those|there|here|then|thus|yet|but|and|or|
so|if|unless|since|until|even|only|also|however|meanwhile|moreover|furthermore|indeed|still|some|any|all|both|each|every|no|
not|never|now|today|things|it|its|he|she|they|we|i|you|his|her|their|our|my|your|what|which|who|whom|whose|why|how|did|does|
do|is|are|was|were|has|have|had|be|being|been|photo|image|picture|written|edited|right|left|last|next|first|second|new|old|
other|another|such|like|unlike|according|following|during|under|over|between|among|against|toward|towards|upon|about|above|
below|across|along|around|behind|beyond|inside|outside|through|throughout|amid|fully|perhaps|maybe|nearly|almost|just|nor|
once|whether|instead|rather|often|sometimes|always|already|again|back|well|very|too|quite|really|let|let's|yes|our|one|two|
three|several|few|people|everyone|nobody|someone|nothing|everything|something|thank|thanks|please|look|well|okay|ok|sure`
    .split('|')
    .map((w) => w.trim()),
);
const MAX_NAME_TOKENS = 8;
const DIRECTIONS = /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)$/;

function isCapitalised(t: TokenTable, i: number): boolean {
  const c = t.value[i].charCodeAt(0);
  // ASCII first: this runs on every token of the article.
  const upper = c < 128 ? c >= 65 && c <= 90 : CAPITALISED.test(t.value[i]);
  return upper && t.pos[i] !== 'PUNCT' && t.pos[i] !== 'SYM' && t.pos[i] !== 'NUM';
}

function attached(t: TokenTable, i: number): boolean {
  return t.start[i] === t.end[i - 1] && t.start[i + 1] === t.end[i];
}

function sentenceInitial(t: TokenTable, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /^[“"‘'([]$/.test(t.value[k])) k--;
  return k < 0 || /^[.!?…]+$/.test(t.value[k]);
}

/** Entities in tokens [a, b). */
export function findEntities(t: TokenTable, a: number, b: number): EntityHit[] {
  const hits: EntityHit[] = [];
  let i = a;
  while (i < b) {
    if (!isCapitalised(t, i) || monthAt(t, i, a) !== null || WEEKDAYS.has(t.lower[i])) {
      i++;
      continue;
    }
    if (sentenceInitial(t, i) && SENTENCE_OPENERS.has(t.lower[i])) {
      i++;
      continue;
    }
    // Titles say who follows ("President Putin", "Supreme Leader Kim Jong-Il") but are not the name.
    let titled = false;
    // "Health Secretary Wes Streeting", "Council leader Amir Shah": a capitalised word before a title is part of it.
    // "Premier League", "General Assembly": a title before a body's word is part of the body's name.
    while (
      i < b - 1 &&
      (PERSON_TITLES.has(t.lower[i]) || (i < b - 2 && isCapitalised(t, i) && PERSON_TITLES.has(t.lower[i + 1]) && isCapitalised(t, i + 2))) &&
      isCapitalised(t, i + 1) &&
      !ORGANISATION_WORDS.has(t.lower[i + 1])
    ) {
      titled = true;
      i++;
    }
    let j = i + 1;
    while (j < b && j - i < MAX_NAME_TOKENS) {
      if (isCapitalised(t, j) && monthAt(t, j, a) === null) j++;
      else if (t.value[j] === '-' && j + 1 < b && isCapitalised(t, j + 1) && attached(t, j)) j += 2;
      // "Erik ten Hag", "Ruud van Nistelrooy", "Ursula von der Leyen": a particle inside a person's name.
      else if (NAME_PARTICLES.has(t.value[j]) && j + 1 < b && (isCapitalised(t, j + 1) || (NAME_PARTICLES.has(t.value[j + 1]) && isCapitalised(t, j + 2))))
        j += NAME_PARTICLES.has(t.value[j + 1]) ? 3 : 2;
      // "Melody Ding of the University of Sydney": a person's name ends before where they work.
      else if (t.lower[j] === 'of' && personalNameSoFar(t, i, j)) break;
      else if (t.lower[j] === 'of' && j + 1 < b && isCapitalised(t, j + 1)) j += 2;
      else if (t.lower[j] === 'of' && t.lower[j + 1] === 'the' && j + 2 < b && isCapitalised(t, j + 2)) j += 3;
      else if (t.lower[j] === "'s" && j + 1 < b && isCapitalised(t, j + 1) && lookupName(t.text.slice(t.start[i], t.end[j + 1])) !== undefined) j += 2;
      // "People’s Republic", "Workers’ Party": a possessive inside an official name.
      else if (t.lower[j] === "'s" && j + 1 < b && /^(Republic|Party|Army|Liberation)$/.test(t.value[j + 1])) j += 2;
      else break;
    }
    const hit = classify(t, i, j, titled);
    if (hit) hits.push(hit);
    i = j;
  }
  return hits;
}

export const NAME_PARTICLES = new Set(['van', 'von', 'ten', 'ter', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dello', 'dos', 'le', 'la', 'bin', 'ibn']);

function classify(t: TokenTable, i: number, j: number, titled: boolean): EntityHit | null {
  // A title with no name after it ("the Russian President") names no one.
  while (j > i && PERSON_TITLES.has(t.lower[j - 1]) && !titled) j--;
  if (j <= i) return null;
  const name = t.text.slice(t.start[i], t.end[j - 1]);
  const known = lookupName(name);
  if (known) return { first: i, last: j, type: known };
  const single = j - i === 1;
  const value = t.value[i];
  if (single) {
    if (value === 'I' || value.length < 2) return null;
    // A capitalised common noun opening a sentence ("Officials", "Inflation") is no name.
    if (sentenceInitial(t, i) && (t.pos[i] !== 'PROPN' || /(s|tion|ment|ness|ity|ing|ed)$/.test(value))) return null;
    if (t.pos[i] === 'VERB' || t.pos[i] === 'ADV' || /(ed|ing|ly)$/.test(value)) return null;
    if (isDemonym(t, i)) return null;
    if (PERSON_TITLES.has(t.lower[i])) return null;
  }
  // "Eastern Ukraine", "North Korean": a direction or a nationality in front of a known place.
  let head = i;
  while (head < j - 1 && (DIRECTIONS.test(t.value[head]) || isDemonym(t, head))) head++;
  if (head > i && lookupName(t.text.slice(t.start[head], t.end[j - 1])) === 'place') return { first: i, last: j, type: 'place' };
  if (isDemonym(t, j - 1)) return null;

  for (let k = i; k < j; k++) if (ORGANISATION_WORDS.has(t.lower[k])) return { first: i, last: j, type: 'organisation' };
  if (titled) return { first: i, last: j, type: 'person' };
  if (PLACE_WORDS.has(t.lower[j - 1])) return { first: i, last: j, type: 'place' };
  if (!single && j - i <= 6 && looksLikePersonalName(t, i, j)) return { first: i, last: j, type: 'person' };
  return { first: i, last: j, type: 'other' };
}

function isDemonym(t: TokenTable, i: number): boolean {
  const v = t.value[i];
  if (lookupName(v)) return false;
  if (/^(Soviet|Stalinist|Western|Eastern|Northern|Southern|Nazi|Communist|Socialist|Supreme)$/.test(v)) return true;
  return t.pos[i] === 'ADJ'
    ? DEMONYM_LIKE.test(v)
    : /^[A-Z][a-z]+(ian|ese|ish)$|^(Russian|Korean|American|African|European|Ukrainian|Iranian|Chinese|Japanese|Syrian|Israeli|Palestinian|Iraqi|Afghan|Pakistani|Indian|Turkish|German|French|British|English|Italian|Spanish|Polish|Arab|Asian|Mexican|Canadian|Australian|Belarusian|Georgian|Taiwanese|Vietnamese|Saudi|Emirati|Qatari|Egyptian|Libyan)$/.test(
        v,
      );
}

/** Tokens [i, j) are two or three proper nouns that read as a person's name and no known name ("Melody Ding", not "United States"). */
function personalNameSoFar(t: TokenTable, i: number, j: number): boolean {
  if (j - i < 2 || j - i > 3 || !looksLikePersonalName(t, i, j)) return false;
  for (let k = i; k < j; k++) if (t.pos[k] !== 'PROPN' || ORGANISATION_WORDS.has(t.lower[k]) || PLACE_WORDS.has(t.lower[k])) return false;
  return lookupName(t.text.slice(t.start[i], t.end[j - 1])) === undefined;
}

function looksLikePersonalName(t: TokenTable, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const v = t.value[k];
    if (v === '-' || (k > i && k < j - 1 && NAME_PARTICLES.has(v))) continue;
    if (!/^\p{Lu}[\p{Ll}'’.]*$/u.test(v)) return false;
    if (t.lower[k] === 'of' || t.lower[k] === 'the') return false;
  }
  return true;
}

/**
 * Names seen in full once ("Boris Yeltsin") make the bare surname a person elsewhere in the article.
 */
export function typeSurnames(entities: Entity[][]): void {
  const surnames = new Set<string>();
  for (const list of entities) {
    for (const e of list) {
      if (e.type !== 'person') continue;
      const parts = e.text.split(/\s+/);
      surnames.add(parts[parts.length - 1]);
      surnames.add(parts[0]);
    }
  }
  for (const list of entities) {
    for (const e of list) {
      if (e.type === 'other' && surnames.has(e.text)) e.type = 'person';
    }
  }
}

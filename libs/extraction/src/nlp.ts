// wink-nlp, loaded once on first use, with its tokens mapped back to exact character offsets.

// Only sentence boundaries and part-of-speech tags are asked for: wink's negation, sentiment and
// lite NER (dates and cardinals, no people or organisations) would cost time we spend on our own
// mention rules instead.
const PIPE = ['sbd', 'pos'];

interface WinkDoc {
  tokens(): { out(f?: unknown): string[] };
  sentences(): { out(f?: unknown): unknown[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let wink: Wink | null = null;

function loadNlp(): Wink {
  if (!wink) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const winkNLP = require('wink-nlp');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const model = require('wink-eng-lite-web-model');
    wink = (winkNLP.default ?? winkNLP)(model.default ?? model, PIPE) as Wink;
  }
  return wink;
}

/**
 * The tokens of one stretch of text (a paragraph) as parallel arrays; offsets are relative to
 * that stretch. `lower` has curly apostrophes straightened so lexicons can be written once.
 */
export interface TokenTable {
  text: string;
  value: string[];
  lower: string[];
  pos: string[];
  start: number[];
  end: number[];
  /** Sentences as [firstToken, endToken) pairs, as wink found them. */
  sentences: Array<[number, number]>;
}

// wink's tokeniser is quadratic in the length of a run without whitespace (80,000 letters take
// 16 s), so binary garbage or a pasted blob could hang an import.
const MAX_RUN = 64;

/**
 * The text wink reads: identical, except that every MAX_RUN-th character of an overlong
 * whitespace-free run becomes a space. The length is unchanged, so every offset still holds.
 */
function breakLongRuns(text: string): string {
  let run = 0;
  let out: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      run = 0;
      continue;
    }
    // Never split a surrogate pair: break on the next character instead.
    if (++run >= MAX_RUN && !(c >= 0xd800 && c <= 0xdfff)) {
      out ??= text.split('');
      out[i] = ' ';
      run = 0;
    }
  }
  return out ? out.join('') : text;
}

export function readTokens(text: string): TokenTable {
  const nlp = loadNlp();
  const doc = nlp.readDoc(breakLongRuns(text));
  const its = nlp.its;
  const value = doc.tokens().out(its.value);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const pos = doc.tokens().out(its.pos);
  const start: number[] = new Array(value.length);
  const end: number[] = new Array(value.length);
  const lower: string[] = new Array(value.length);

  let cursor = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    cursor += spaces[i].length;
    let at = cursor;
    if (!text.startsWith(v, cursor)) {
      // wink reproduces its input almost always; when it does not, look a little ahead rather
      // than across the whole text, so one odd token cannot make this quadratic.
      const found = text.slice(cursor, cursor + 64 + v.length).indexOf(v);
      at = found === -1 ? -1 : cursor + found;
    }
    if (at === -1) {
      start[i] = cursor;
      end[i] = cursor;
    } else {
      start[i] = at;
      end[i] = at + v.length;
      cursor = end[i];
    }
    const l = v.toLowerCase();
    lower[i] = l.includes('’') || l.includes('‘') || l.includes('`') ? l.replace(/[’‘`]/g, "'") : l;
  }

  const sentences: Array<[number, number]> = [];
  for (const span of doc.sentences().out(its.span) as Array<[number, number]>) {
    if (span[1] >= span[0]) sentences.push([span[0], span[1] + 1]);
  }
  if (sentences.length === 0 && value.length > 0) sentences.push([0, value.length]);
  return { text, value, lower, pos, start, end, sentences };
}

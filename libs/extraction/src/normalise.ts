// Turns any plain text into the one canonical article text that every claim offset points into.

/** Paragraphs of the normalised text are separated by exactly this. */
const PARAGRAPH_BREAK = '\n\n';

// Characters that carry no text: C0/C1 controls (tab and newline are handled apart), zero-width
// space, BOM and the non-characters. Left in, they shift offsets between the editor and the API.
// eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff\ufffe\uffff]/g;
// Binary garbage read as a string leaves half surrogate pairs, which break NFC and JSON.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const SENTENCE_END = /[.!?:;"'”’»)\]…]$/;
const STARTS_LOWER = /^[a-z0-9(]/;

/**
 * Normalises line endings, odd spaces and invisible characters, and rebuilds paragraphs:
 * one paragraph per line unless the lines are soft-wrapped prose, paragraphs joined by a blank line.
 * Idempotent: normaliseText(normaliseText(x)) === normaliseText(x), so a stored revision can be
 * passed back in and every stored offset still holds.
 */
export function normaliseText(raw: string): string {
  if (!raw) return '';
  let text = raw
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u2028\u0085\v\f]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ');
  text = text.normalize('NFC');

  const paragraphs: string[] = [];
  for (const block of text.split(/\n[ ]*\n/)) {
    const lines: string[] = [];
    for (const line of block.split('\n')) {
      const squeezed = squeeze(line);
      if (squeezed) lines.push(squeezed);
    }
    if (lines.length === 0) continue;
    for (const paragraph of joinSoftWrappedLines(lines)) paragraphs.push(paragraph);
  }
  return paragraphs.join(PARAGRAPH_BREAK);
}

function squeeze(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim();
}

/**
 * A block of lines is one paragraph when it looks hard-wrapped (e-mail, plain-text newsletters);
 * otherwise each line is its own paragraph, as in text copied from a web page where a byline
 * and a photo credit sit on consecutive lines.
 */
function joinSoftWrappedLines(lines: string[]): string[] {
  if (lines.length === 1) return lines;
  if (looksHardWrapped(lines)) return [lines.join(' ')];
  const out: string[] = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    const previous = out[out.length - 1];
    // A line that starts in lower case continues the sentence above it.
    if (!SENTENCE_END.test(previous) && STARTS_LOWER.test(lines[i])) out[out.length - 1] = previous + ' ' + lines[i];
    else out.push(lines[i]);
  }
  return out;
}

function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false;
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, line.length);
  if (longest > 100 || longest < 40) return false;
  let openEnded = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i].length < longest * 0.6) return false;
    if (!SENTENCE_END.test(lines[i])) openEnded++;
  }
  return openEnded > 0;
}

export interface ParagraphSpan {
  index: number;
  start: number;
  end: number;
}

/** Paragraph spans of a normalised text, in order. */
export function paragraphSpans(text: string): ParagraphSpan[] {
  const spans: ParagraphSpan[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const next = text.indexOf(PARAGRAPH_BREAK, start);
    const end = next === -1 ? text.length : next;
    if (end > start) spans.push({ index: index++, start, end });
    if (next === -1) break;
    start = next + PARAGRAPH_BREAK.length;
  }
  return spans;
}

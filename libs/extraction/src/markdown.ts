// Reduces Markdown to the words a reader sees: headings, paragraphs and list items, with the syntax gone.

// Every pattern here is linear: each attempt stops at the next opening delimiter, so a 10 MB line
// of brackets or asterisks costs one pass, not a catastrophe.
const IMAGE = /!\[([^[\]\n]*)\]\([^()\n]*\)/g;
const LINK = /\[([^[\]\n]*)\]\([^()\n]*\)/g;
const REFERENCE_LINK = /\[([^[\]\n]+)\]\[[^[\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const HTML_TAG = /<\/?[A-Za-z][^<>\n]{0,200}>/g;
const CODE_SPAN = /`([^`\n]+)`/g;
const STRONG = /(\*\*|__)([^*_\n]+)\1/g;
const EMPHASIS_STAR = /(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g;
const EMPHASIS_UNDERSCORE = /(^|[^\w_])_([^_\n]+)_(?![\w_])/g;
const STRIKE = /~~([^~\n]+)~~/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;

function inline(line: string): string {
  return line
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, '')
    .replace(CODE_SPAN, '$1')
    .replace(STRONG, '$2')
    .replace(EMPHASIS_STAR, '$1$2')
    .replace(EMPHASIS_UNDERSCORE, '$1$2')
    .replace(STRIKE, '$1')
    .replace(ESCAPE, '$1');
}

export interface MarkdownText {
  text: string;
  title: string | null;
}

/** Paragraphs joined by blank lines; the first heading, if any, is the title. */
export function markdownToText(source: string): MarkdownText {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let title: string | null = null;
  let current: string[] = [];
  let fence: string | null = null;

  const flush = (): void => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  const heading = (text: string): void => {
    flush();
    const clean = inline(text).trim();
    if (clean) {
      paragraphs.push(clean);
      title ??= clean;
    }
  };

  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k];
    const trimmed = raw.trim();
    // Code is not prose: fenced blocks are left out.
    const fenceMatch = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fence) {
      if (fenceMatch && trimmed.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1];
      continue;
    }
    if (!trimmed) {
      flush();
      continue;
    }
    const atx = /^#{1,6}\s+(.*)$/.exec(trimmed);
    if (atx) {
      heading(atx[1].replace(/\s+#+$/, ''));
      continue;
    }
    // Setext headings: the underline turns the paragraph above into a heading.
    if (/^(=+|-+)$/.test(trimmed) && current.length === 1) {
      const text = current[0];
      current = [];
      heading(text);
      continue;
    }
    if (/^([-*_])(\s*\1){2,}$/.test(trimmed)) {
      flush();
      continue;
    }
    if (/^\[[^\]]+\]:\s*\S+/.test(trimmed)) continue;
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(trimmed)) continue;

    let line = trimmed.replace(/^(>\s?)+/, '');
    const item = /^(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) {
      // Each list item is its own paragraph: items are separate assertions.
      flush();
      line = item[1].replace(/^\[[ xX]\]\s+/, '');
    }
    if (/^\|.*\|$/.test(line)) {
      flush();
      line = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean)
        .join('; ');
    }
    const text = inline(line).trim();
    if (text) current.push(text);
    if (item) flush();
  }
  flush();
  return { text: paragraphs.join('\n\n'), title };
}

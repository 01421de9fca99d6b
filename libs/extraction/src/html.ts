// Reduces a web page to its article: Readability finds the main content, and block elements become paragraphs.
import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { ExtractionInputError } from './errors';

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'IFRAME',
  'SVG',
  'CANVAS',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'OBJECT',
  'EMBED',
  'AUDIO',
  'VIDEO',
  'MAP',
  'DIALOG',
  'MENU',
]);
const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TD',
  'TH',
  'FIGCAPTION',
  'FIGURE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'ADDRESS',
  'DT',
  'DD',
  'DL',
  'UL',
  'OL',
  'TABLE',
  'CAPTION',
  'MAIN',
  'DETAILS',
  'SUMMARY',
  'HR',
  'BR',
  'BODY',
  'HTML',
]);
// Page furniture that is never the article, removed when Readability finds no article.
const CHROME = 'nav, header, footer, aside, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';

export interface HtmlText {
  text: string;
  title: string | null;
  /** Who wrote the page, and when it was published, when the page says so (Readability reads bylines and article metadata). */
  byline?: string | null;
  publishedTime?: string | null;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Paragraph texts of a DOM subtree, walked with an explicit stack so deep nesting cannot overflow. */
function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    buffer = '';
  };
  const stack: Array<DomNode | null> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    if (BLOCKS.has(tag)) {
      flush();
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return paragraphs;
}

function firstHeading(document: Document): string | null {
  const h1 = document.querySelector('h1');
  const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
  return text || null;
}

/**
 * Main content only: Readability's article when it finds one; otherwise the body without
 * scripts, styles, navigation, headers, footers and asides (Readability declines short pages).
 */
/**
 * How deep elements may nest. Real articles stay well under a hundred levels; Readability's cost grows faster than
 * linearly with depth (seconds at a few thousand levels, minutes and then a stack overflow beyond), so deeper is refused.
 */
export const MAX_HTML_DEPTH = 256;

/**
 * Refuses markup nested deeper than MAX_HTML_DEPTH before any DOM is built: htmlparser2's tokenizer runs over the
 * source and stops at the first element past the limit, so a hostile file costs milliseconds. (Building the DOM of
 * 200,000 nested elements takes minutes on its own.)
 */
function assertShallow(html: string): void {
  let depth = 0;
  const tooDeep = new ExtractionInputError('TOO_COMPLEX', `This HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; no article needs that. Paste its text instead.`);
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_HTML_DEPTH) throw tooDeep;
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
}

/** linkedom leaves a fragment outside <body> (and crashes on an empty one), so fragments get a page around them. */
function asPage(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function htmlToText(source: string, options: { readability?: boolean } = {}): HtmlText {
  const useReadability = options.readability ?? true;
  const html = asPage(source);
  assertShallow(html);
  const { document } = parseHTML(html);
  const pageTitle = document.title?.replace(/\s+/g, ' ').trim() || firstHeading(document);

  if (useReadability) {
    let article: ReturnType<Readability['parse']> = null;
    try {
      article = new Readability(document).parse();
    } catch {
      // Readability throws on some malformed trees; the plain walk below still reads them.
    }
    if (article?.content) {
      const { document: content } = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`);
      const paragraphs = paragraphsOf(content.body as unknown as DomNode);
      if (paragraphs.length > 0) {
        return {
          text: paragraphs.join('\n\n'),
          title: article.title?.trim() || pageTitle || null,
          byline: article.byline?.replace(/\s+/g, ' ').trim() || null,
          publishedTime: article.publishedTime?.trim() || null,
        };
      }
    }
  }

  const { document: page } = parseHTML(html);
  for (const element of Array.from(page.querySelectorAll(CHROME))) element.remove();
  const root = (page.body ?? page.documentElement ?? page) as unknown as DomNode;
  return { text: paragraphsOf(root).join('\n\n'), title: pageTitle || null };
}

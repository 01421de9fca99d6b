// What a fetched page says, as the plain text fact-checkers quote from: Readability's article for HTML, the text layer for PDF.
import { htmlToText, normaliseText } from '@claimdesk/extraction';
import { FetchError } from './errors';
import type { FetchedPage } from './fetcher';
import { pdfText } from './pdf';

export interface ReadableDocument {
  /** Normalised plain text, paragraphs separated by a blank line. */
  text: string;
  title: string | null;
  byline: string | null;
  publishedAt: Date | null;
}

/** The text of a page's bytes: the header's charset, else a byte-order mark or an HTML meta charset, else UTF-8. */
export function decodePage(page: Pick<FetchedPage, 'bytes' | 'charset' | 'kind'>): string {
  const bytes = page.bytes;
  let label = page.charset;
  if (!label && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (!label && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (!label && (page.kind === 'html' || page.kind === 'xhtml')) label = /<meta[^>]{0,200}charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ?? null;
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function dateOrNull(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function oneLine(value: string | null | undefined): string | null {
  return value?.replace(/\s+/g, ' ').trim().slice(0, 500) || null;
}

/** Readable text, title, byline and published date of a fetched page. Throws FetchError UNREADABLE when no text is left. */
export async function readDocument(page: Pick<FetchedPage, 'bytes' | 'charset' | 'kind'>): Promise<ReadableDocument> {
  let read: ReadableDocument;
  switch (page.kind) {
    case 'html':
    case 'xhtml': {
      const html = htmlToText(decodePage(page));
      read = { text: html.text, title: oneLine(html.title), byline: oneLine(html.byline), publishedAt: dateOrNull(html.publishedTime) };
      break;
    }
    case 'text':
      read = { text: decodePage(page), title: null, byline: null, publishedAt: null };
      break;
    case 'pdf':
      read = { text: await pdfText(page.bytes), title: null, byline: null, publishedAt: null };
      break;
    default:
      throw new FetchError('UNREADABLE', 'this is not a page with readable text');
  }
  const text = normaliseText(read.text);
  if (!text) throw new FetchError('UNREADABLE', 'the page has no readable text');
  return { ...read, text };
}

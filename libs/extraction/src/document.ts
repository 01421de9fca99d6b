// Reads an imported file (plain text, Markdown, HTML or DOCX) into the normalised article text, or says clearly why it cannot.
import { ExtractionInputError } from './errors';
import { htmlToText } from './html';
import { markdownToText } from './markdown';
import { normaliseText } from './normalise';
import type { DocumentFormat } from './types';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  pdf: 'PDF',
  doc: 'legacy Word (.doc)',
  odt: 'OpenDocument text',
  rtf: 'RTF',
  pages: 'Apple Pages',
  xlsx: 'Excel',
  xls: 'Excel',
  pptx: 'PowerPoint',
  ppt: 'PowerPoint',
  epub: 'EPUB',
  zip: 'ZIP',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
};
const SUPPORTED = 'plain text, Markdown, HTML or DOCX';

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function extensionOf(filename: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename ?? '');
  return match ? match[1].toLowerCase() : '';
}

/**
 * The format of an imported file, from its name first and its first bytes second. Throws
 * UNSUPPORTED_FORMAT for files we know we cannot read (PDF, legacy .doc, images…).
 */
export function detectFormat(filename: string | undefined, content: Buffer | string): DocumentFormat {
  const ext = extensionOf(filename);
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (UNSUPPORTED_EXTENSIONS[ext]) {
    throw new ExtractionInputError('UNSUPPORTED_FORMAT', `${UNSUPPORTED_EXTENSIONS[ext]} files cannot be imported; use ${SUPPORTED}.`);
  }

  if (Buffer.isBuffer(content)) {
    if (startsWith(content, ZIP_MAGIC)) return 'docx';
    if (startsWith(content, PDF_MAGIC)) throw new ExtractionInputError('UNSUPPORTED_FORMAT', `PDF files cannot be imported; use ${SUPPORTED}.`);
    if (startsWith(content, OLE_MAGIC)) throw new ExtractionInputError('UNSUPPORTED_FORMAT', `Legacy Word (.doc) files cannot be imported; save as DOCX.`);
  }
  const head = (Buffer.isBuffer(content) ? content.subarray(0, 4096).toString('utf8') : content.slice(0, 4096)).trimStart();
  if (/^(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head) || /<(body|article|main)[\s>]/i.test(head)) return 'html';
  if (/^<(p|div|h[1-6]|section)[\s>]/i.test(head)) return 'html';
  if (/^#{1,6}\s+\S/m.test(head) || /\[[^\]\n]+\]\([^)\s]+\)/.test(head) || /^(?:[-*+]|\d+\.)\s+\S[^\n]*\n(?:[-*+]|\d+\.)\s+\S/m.test(head) || /\*\*[^*\n]+\*\*/.test(head)) {
    return 'markdown';
  }
  return 'text';
}

/** Text of a buffer: UTF-8 unless a byte-order mark or an HTML charset says otherwise. */
function decode(content: Buffer | string, format: DocumentFormat): string {
  if (typeof content === 'string') return content;
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content.subarray(2));
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return new TextDecoder('utf-8').decode(content.subarray(3));
  if (format === 'html') {
    const charset = /<meta[^>]{0,200}charset=["']?([\w-]+)/i.exec(content.subarray(0, 2048).toString('latin1'));
    if (charset) {
      try {
        return new TextDecoder(charset[1]).decode(content);
      } catch {
        // An unknown label falls through to UTF-8.
      }
    }
  }
  return new TextDecoder('utf-8').decode(content);
}

/**
 * True when a text is mostly not text: NUL bytes, control characters and decoding failures.
 * Checked on a sample so a 10 MB upload costs nothing extra.
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 32768) + text.slice(-32768) : text;
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length > 0.05;
}

/** What a DOCX may unpack to, all its parts together: a long article with pictures stays far below. */
export const MAX_DOCX_UNPACKED_BYTES = 32 * 1024 * 1024;
const MAX_DOCX_PARTS = 1000;
/** The longest article text accepted, in characters, whatever the format it came in. */
const MAX_TEXT_CHARS = 5 * 1024 * 1024;

const tooLarge = (what: string) => new ExtractionInputError('TOO_LARGE', what);

/**
 * Inflates every part of the archive as a stream, counting, and stops at the first byte past MAX_DOCX_UNPACKED_BYTES:
 * a small "zip bomb" is refused before it is unpacked, and before mammoth reads it whole.
 */
async function assertUnpackedSize(buffer: Buffer): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  let zip: import('jszip');
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractionInputError('UNREADABLE_DOCUMENT', `This DOCX file could not be read; it may be truncated or damaged (${detail}).`, { cause: error });
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.length > MAX_DOCX_PARTS) throw tooLarge(`This DOCX file has ${parts.length} parts; the limit is ${MAX_DOCX_PARTS}.`);
  let total = 0;
  for (const part of parts) {
    await new Promise<void>((resolve, reject) => {
      const stream = part.nodeStream('nodebuffer');
      stream
        .on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > MAX_DOCX_UNPACKED_BYTES) {
            stream.pause();
            stream.removeAllListeners('data');
            reject(tooLarge(`This DOCX file unpacks to more than ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB; the limit is ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB.`));
          }
        })
        .on('error', (error: Error) =>
          reject(new ExtractionInputError('UNREADABLE_DOCUMENT', `This DOCX file could not be read; it may be truncated or damaged (${error.message}).`, { cause: error })),
        )
        .on('end', () => resolve());
    });
  }
}

async function docxToText(content: Buffer | string): Promise<{ text: string; title: string | null }> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'binary') : content;
  if (!startsWith(buffer, ZIP_MAGIC)) {
    throw new ExtractionInputError('UNREADABLE_DOCUMENT', 'This file is not a DOCX document (it is not a ZIP archive).');
  }
  await assertUnpackedSize(buffer);
  let html: string;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mammoth = require('mammoth') as typeof import('mammoth');
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExtractionInputError('UNREADABLE_DOCUMENT', `This DOCX file could not be read; it may be truncated or damaged (${detail}).`, { cause: error });
  }
  return htmlToText(html, { readability: false });
}

/**
 * One normalised plain text (paragraphs separated by a blank line) and a title, from any
 * supported format. Throws ExtractionInputError: UNREADABLE_DOCUMENT for damaged or binary
 * input, EMPTY_DOCUMENT when nothing readable is left, UNSUPPORTED_FORMAT for other formats.
 */
export async function normaliseDocument(content: Buffer | string, format: DocumentFormat): Promise<{ text: string; title: string | null }> {
  if (content === null || content === undefined) throw new ExtractionInputError('EMPTY_DOCUMENT', 'The document is empty.');
  let extracted: { text: string; title: string | null };
  switch (format) {
    case 'docx':
      extracted = await docxToText(content);
      break;
    case 'html':
    case 'markdown':
    case 'text': {
      const raw = decode(content, format);
      if (looksBinary(raw)) {
        throw new ExtractionInputError('UNREADABLE_DOCUMENT', `This file does not look like text (binary data); import ${SUPPORTED}.`);
      }
      extracted = format === 'html' ? htmlToText(raw) : format === 'markdown' ? markdownToText(raw) : { text: raw, title: null };
      break;
    }
    default:
      throw new ExtractionInputError('UNSUPPORTED_FORMAT', `Unknown format "${String(format)}"; use ${SUPPORTED}.`);
  }
  if (extracted.text.length > MAX_TEXT_CHARS * 2) throw tooLarge(`The document's text is longer than ${MAX_TEXT_CHARS} characters.`);
  const text = normaliseText(extracted.text);
  if (text.length > MAX_TEXT_CHARS) throw tooLarge(`The document's text is ${text.length} characters long; the limit is ${MAX_TEXT_CHARS}.`);
  if (!text) throw new ExtractionInputError('EMPTY_DOCUMENT', 'The document has no readable text.');
  const title = extracted.title ? normaliseText(extracted.title).replace(/\n\n/g, ' ') || null : null;
  return { text, title };
}

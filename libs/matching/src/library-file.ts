// Reads fact-check library files as streams: schema.org ClaimReview JSON-LD (one object, an array, an @graph or a
// DataFeed), and CSV or TSV with a header row naming the columns (the CheckThat! `vclaim_id, vclaim, title` layout too).
// Every record becomes an entry or a skip with its line (or, for JSON, its item number) and the reason.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';

export interface LibraryEntry {
  /** The file's own id (vclaim_id, id column, or the review URL); else "line N". */
  id: string;
  claim: string;
  title: string | null;
  /** The rating as published ("False", "Mostly true"). */
  rating: string | null;
  publisher: string | null;
  url: string | null;
  /** As written in the file (ISO 8601 when it is). */
  date: string | null;
  language: string | null;
  claimant: string | null;
}

export type LibraryFormat = 'claimreview' | 'csv' | 'tsv';

export type ParseEvent = { kind: 'entry'; line: number; entry: LibraryEntry } | { kind: 'skipped'; line: number; reason: string };

export type LibraryFileErrorCode = 'empty' | 'too_large' | 'binary' | 'not_json' | 'no_claim_column' | 'no_claim_reviews';

/** The whole file cannot be read: nothing from it may be imported. */
export class LibraryFileError extends Error {
  constructor(
    readonly code: LibraryFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryFileError';
  }
}

export interface ParseOptions {
  /** The file's name, for its extension. */
  filename?: string;
  /** Larger files are refused (default 100 MB). */
  maxBytes?: number;
}

export interface CollectOptions extends ParseOptions {
  /** Skip second copies (default true). Off, every record is kept with its own id, as rankings scored against a collection need. */
  dedup?: boolean;
}

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

// Header names (lower-cased, spaces and dashes as underscores) → entry field.
const COLUMNS: Record<string, keyof LibraryEntry> = {
  '': 'id',
  id: 'id',
  vclaim_id: 'id',
  claim_id: 'id',
  claim: 'claim',
  vclaim: 'claim',
  claim_text: 'claim',
  claimreviewed: 'claim',
  claim_reviewed: 'claim',
  statement: 'claim',
  text: 'claim',
  title: 'title',
  headline: 'title',
  rating: 'rating',
  verdict: 'rating',
  textualrating: 'rating',
  textual_rating: 'rating',
  label: 'rating',
  url: 'url',
  link: 'url',
  review_url: 'url',
  claimreview_url: 'url',
  publisher: 'publisher',
  author: 'publisher',
  source: 'publisher',
  organisation: 'publisher',
  organization: 'publisher',
  date: 'date',
  datepublished: 'date',
  date_published: 'date',
  review_date: 'date',
  language: 'language',
  lang: 'language',
  inlanguage: 'language',
  claimant: 'claimant',
  speaker: 'claimant',
};

function formatFromName(filename: string | undefined): LibraryFormat | undefined {
  const ext = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json' || ext === 'jsonld') return 'claimreview';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  return undefined;
}

function sniff(head: string, filename: string | undefined): LibraryFormat {
  // eslint-disable-next-line no-control-regex -- NUL bytes mark a binary file
  if (/\u0000/.test(head)) throw new LibraryFileError('binary', `${filename ?? 'the file'} is not a text file`);
  const trimmed = head.replace(/^\ufeff/, '').trimStart();
  if (!trimmed) throw new LibraryFileError('empty', `${filename ?? 'the file'} is empty`);
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  const byName = formatFromName(filename);
  if (byName === 'claimreview' && !looksJson) throw new LibraryFileError('not_json', `${filename} is named as JSON but does not start with { or [`);
  if (looksJson) return 'claimreview';
  if (byName) return byName;
  const firstLine = trimmed.split(/\r?\n/, 1)[0];
  return firstLine.includes('\t') ? 'tsv' : 'csv';
}

const clean = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const s = String(value).replace(/\s+/g, ' ').trim();
  return s ? s : null;
};

/** Entry fields from a header row; throws when no column holds the claim. */
function headerFields(header: string[]): Array<keyof LibraryEntry | undefined> {
  const fields = header.map(
    (h) =>
      COLUMNS[
        h
          .replace(/^\ufeff/, '')
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ],
  );
  if (!fields.includes('claim')) {
    throw new LibraryFileError('no_claim_column', `the header row names no claim column (found: ${header.map((h) => `"${h}"`).join(', ')}; expected one of claim, vclaim, claim_reviewed, statement)`);
  }
  return fields;
}

function rowEvent(fields: Array<keyof LibraryEntry | undefined>, row: string[], line: number): ParseEvent {
  if (row.every((v) => !v.trim())) return { kind: 'skipped', line, reason: 'empty row' };
  const got: Partial<Record<keyof LibraryEntry, string | null>> = {};
  fields.forEach((f, i) => {
    if (f && got[f] == null) got[f] = clean(row[i]);
  });
  const claimAt = fields.indexOf('claim');
  if (row.length <= claimAt) return { kind: 'skipped', line, reason: `missing columns: ${row.length} of ${fields.length}` };
  if (!got.claim) return { kind: 'skipped', line, reason: 'no claim text' };
  return { kind: 'entry', line, entry: toEntry(got, line) };
}

function toEntry(got: Partial<Record<keyof LibraryEntry, string | null>>, line: number): LibraryEntry {
  return {
    id: got.id ?? got.url ?? `line ${line}`,
    claim: got.claim!,
    title: got.title ?? null,
    rating: got.rating ?? null,
    publisher: got.publisher ?? null,
    url: got.url ?? null,
    date: got.date ?? null,
    language: got.language ?? null,
    claimant: got.claimant ?? null,
  };
}

/** Lines of a text stream, decoded as UTF-8 across chunk boundaries. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    carry += chunk;
    let at: number;
    while ((at = carry.indexOf('\n')) >= 0) {
      yield carry.slice(0, at).replace(/\r$/, '');
      carry = carry.slice(at + 1);
    }
  }
  if (carry) yield carry.replace(/\r$/, '');
}

/**
 * TSV without quote processing, as the CheckThat! files need (fields hold unbalanced double quotes), except that a
 * field that opens a quote and leaves the row short continues on the next lines (a quoted line break).
 */
async function* parseTsv(chunks: AsyncIterable<string>): AsyncGenerator<ParseEvent> {
  let fields: Array<keyof LibraryEntry | undefined> | undefined;
  let lineNo = 0;
  let pending: { row: string[]; line: number; joined: number } | undefined;
  const finish = (row: string[], line: number): ParseEvent =>
    rowEvent(
      fields!,
      row.map((v) => (/^".*"$/s.test(v) ? v.slice(1, -1).replace(/""/g, '"') : v)),
      line,
    );
  for await (const text of lines(chunks)) {
    lineNo++;
    if (!fields) {
      fields = headerFields(text.split('\t'));
      continue;
    }
    if (pending) {
      const [first, ...rest] = text.split('\t');
      pending.row[pending.row.length - 1] += `\n${first}`;
      pending.row.push(...rest);
      pending.joined++;
      if (pending.row.length >= fields.length || pending.joined >= 20) {
        yield finish(pending.row, pending.line);
        pending = undefined;
      }
      continue;
    }
    if (!text.trim()) continue;
    const row = text.split('\t');
    const last = row[row.length - 1];
    if (row.length < fields.length && last.startsWith('"') && (last.match(/"/g)?.length ?? 0) % 2 === 1) {
      pending = { row, line: lineNo, joined: 0 };
      continue;
    }
    yield finish(row, lineNo);
  }
  if (pending) yield finish(pending.row, pending.line);
  if (!fields) throw new LibraryFileError('empty', 'the file has no header row');
}

async function* parseCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<ParseEvent> {
  const parser = Readable.from(chunks).pipe(parseCsv({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true, info: true }));
  let fields: Array<keyof LibraryEntry | undefined> | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!fields) {
      fields = headerFields(record);
      continue;
    }
    yield rowEvent(fields, record, info.lines);
  }
  if (!fields) throw new LibraryFileError('empty', 'the file has no header row');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const nameOf = (v: unknown): string | null => clean(isObject(v) ? (v.name ?? v.alternateName ?? v['@id']) : Array.isArray(v) ? v.map(nameOf).filter(Boolean).join(', ') : v);
const typesOf = (o: Json): string[] => asArray(o['@type']).map((t) => String(t).replace(/^.*[/#:]/, ''));

/** The ClaimReview objects of a JSON-LD document, whatever its wrapping. */
function claimReviews(doc: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, depth + 1));
    if (!isObject(node)) return void out.push(node);
    const types = typesOf(node);
    if (types.includes('ClaimReview') || ('claimReviewed' in node && !types.length)) return void out.push(node);
    if (node['@graph'] !== undefined) return visit(node['@graph'], depth + 1);
    if (types.includes('DataFeed') || node.dataFeedElement !== undefined) return visit(node.dataFeedElement, depth + 1);
    if (types.includes('DataFeedItem') || node.item !== undefined) return visit(node.item, depth + 1);
    out.push(node);
  };
  visit(doc, 0);
  return out;
}

function reviewEvent(node: unknown, item: number): ParseEvent {
  if (!isObject(node)) return { kind: 'skipped', line: item, reason: `item ${item} is not an object` };
  const types = typesOf(node);
  if (types.length && !types.includes('ClaimReview')) return { kind: 'skipped', line: item, reason: `item ${item} is a ${types.join('/')}, not a ClaimReview` };
  const claim = clean(node.claimReviewed);
  if (!claim) return { kind: 'skipped', line: item, reason: `item ${item} has no claimReviewed` };
  const rating = asArray(node.reviewRating).find(isObject);
  const reviewed = asArray(node.itemReviewed).find(isObject);
  const url = clean(node.url ?? node['@id']);
  return {
    kind: 'entry',
    line: item,
    entry: {
      id: url ?? `item ${item}`,
      claim,
      title: clean(node.headline ?? node.name),
      rating: rating ? clean(rating.alternateName ?? rating.name ?? rating.ratingValue) : null,
      publisher: nameOf(node.author ?? node.publisher),
      url,
      date: clean(node.datePublished ?? node.dateCreated),
      language: clean(isObject(node.inLanguage) ? node.inLanguage.name : node.inLanguage),
      claimant: reviewed ? nameOf(reviewed.author) : null,
    },
  };
}

/** " (line N)" for a JSON.parse error: from its position, or from the excerpt newer V8 quotes instead. */
function jsonErrorLine(text: string, message: string): string {
  let at = Number(/position (\d+)/.exec(message)?.[1] ?? -1);
  if (at < 0) {
    const excerpt = /^[^"]*"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
    if (excerpt) at = text.indexOf(excerpt);
    if (excerpt && at >= 0) at += excerpt.search(/\S\s*$/);
  }
  return at >= 0 ? ` (line ${text.slice(0, at).split('\n').length})` : '';
}

async function* parseClaimReview(chunks: AsyncIterable<string>): AsyncGenerator<ParseEvent> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LibraryFileError('not_json', `the file is not valid JSON${jsonErrorLine(text, message)}: ${message.replace(/\s+/g, ' ')}`);
  }
  const reviews = claimReviews(doc);
  if (!reviews.some((n) => isObject(n) && (typesOf(n).includes('ClaimReview') || 'claimReviewed' in n))) throw new LibraryFileError('no_claim_reviews', 'the JSON holds no ClaimReview');
  let item = 0;
  for (const node of reviews) yield reviewEvent(node, ++item);
}

/** Decodes the byte stream, enforces the size limit, and hands the text on in chunks. */
async function* decoded(source: AsyncIterable<Buffer | string>, maxBytes: number, first: string[]): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > maxBytes) throw new LibraryFileError('too_large', `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    const text = decoder.decode(buffer, { stream: true });
    if (first.length === 0) first.push(text);
    yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Streams the records of a library file. Throws LibraryFileError (before or while yielding) when the file as a whole
 * is unusable; a caller that must import all or nothing collects first and writes after.
 */
export async function* parseLibrary(source: AsyncIterable<Buffer | string>, options: ParseOptions = {}): AsyncGenerator<ParseEvent> {
  const first: string[] = [];
  const iterator = decoded(source, options.maxBytes ?? DEFAULT_MAX_BYTES, first)[Symbol.asyncIterator]();
  let head = '';
  const buffered: string[] = [];
  while (head.length < 4096) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
  }
  const format = sniff(head, options.filename);
  async function* rest(): AsyncGenerator<string> {
    yield* buffered;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (format === 'claimreview') yield* parseClaimReview(rest());
  else if (format === 'tsv') yield* parseTsv(rest());
  else yield* parseCsvRows(rest());
}

/** The dedup keys of an entry: its review URL without scheme, `www.` and trailing slash ('' without one), and its claim text and headline with case, punctuation and spacing ignored. */
export function entryKeys(entry: Pick<LibraryEntry, 'url' | 'claim' | 'title'>): { url: string; text: string } {
  const url = entry.url
    ? entry.url
        .replace(/^https?:\/\/(www\.)?/i, '')
        .replace(/[/#?]+$/, '')
        .toLowerCase()
    : '';
  return { url, text: `${textKey(entry.claim)}|${textKey(entry.title)}` };
}

/** A text with case, punctuation and spacing ignored: what makes two claims the same words. */
export function textKey(s: string | null): string {
  return (s ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The dedup key: the review URL when there is one, else the claim text and headline, case and spacing ignored. */
function dedupKeys(entry: Pick<LibraryEntry, 'url' | 'claim' | 'title'>): string[] {
  const keys = entryKeys(entry);
  return keys.url ? [`text:${keys.text}`, `url:${keys.url}`] : [`text:${keys.text}`];
}

/** Remembers what came before, so a second copy of an entry is skipped with the line of the first. */
export class Deduplicator {
  private readonly seen = new Map<string, number>();

  /** The line of an earlier copy, or undefined (and the entry is remembered). */
  check(entry: LibraryEntry, line: number): { line: number; by: 'URL' | 'claim text' } | undefined {
    const keys = dedupKeys(entry);
    for (const key of keys) {
      const earlier = this.seen.get(key);
      if (earlier !== undefined) return { line: earlier, by: key.startsWith('url:') ? 'URL' : 'claim text' };
    }
    for (const key of keys) this.seen.set(key, line);
    return undefined;
  }
}

export interface LibraryFileReport {
  entries: LibraryEntry[];
  skipped: Array<{ line: number; reason: string }>;
}

/** Parses a whole stream with duplicates skipped. */
export async function collectLibrary(source: AsyncIterable<Buffer | string>, options: CollectOptions = {}): Promise<LibraryFileReport> {
  const report: LibraryFileReport = { entries: [], skipped: [] };
  const dedup = options.dedup === false ? undefined : new Deduplicator();
  for await (const event of parseLibrary(source, options)) {
    if (event.kind === 'skipped') {
      report.skipped.push({ line: event.line, reason: event.reason });
      continue;
    }
    const earlier = dedup?.check(event.entry, event.line);
    if (earlier) report.skipped.push({ line: event.line, reason: `duplicate of line ${earlier.line} (same ${earlier.by})` });
    else report.entries.push(event.entry);
  }
  return report;
}

/** Reads a library file from disk. */
export function readLibraryFile(file: string, options: Omit<CollectOptions, 'filename'> = {}): Promise<LibraryFileReport> {
  if (!fs.existsSync(file)) return Promise.reject(new Error(`cannot read ${file}: no such file`));
  return collectLibrary(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { ...options, filename: file });
}

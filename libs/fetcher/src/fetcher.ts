// The one way ClaimDesk reads the web: http(s) only, a few re-checked redirects, size and time caps, known content types,
// and no request to the desk's own network unless CLAIMDESK_FETCH_ALLOW_PRIVATE=1 says so.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { describeAddressClass, isIpAddress, refusedAddressClass } from './address';
import { FetchError } from './errors';

/** The kinds of content ClaimDesk reads, by what they are rather than by their media type. */
export type ContentKind = 'html' | 'xhtml' | 'text' | 'pdf' | 'feed';

const MEDIA_KINDS: Record<string, ContentKind> = {
  'text/html': 'html',
  'application/xhtml+xml': 'xhtml',
  'text/plain': 'text',
  'application/pdf': 'pdf',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/feed+xml': 'feed',
  'application/xml': 'feed',
  'text/xml': 'feed',
};
const KIND_NAMES: Record<ContentKind, string> = { html: 'HTML', xhtml: 'XHTML', text: 'plain text', pdf: 'PDF', feed: 'RSS or Atom' };

/** What a cited page or an imported article may be. */
export const DOCUMENT_KINDS: readonly ContentKind[] = ['html', 'xhtml', 'text', 'pdf'];
/** What a feed may be served as (many servers send feeds as text/html or text/plain). */
export const FEED_KINDS: readonly ContentKind[] = ['feed', 'html', 'text'];

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** Names ClaimDesk and its version; see userAgent(). */
  userAgent: string;
  /** Lets URLs resolve to loopback, private and other internal addresses (tests and intranets). */
  allowPrivate?: boolean;
  accept?: readonly ContentKind[];
  maxBytes?: number;
  /** For the whole fetch, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Extra request headers, e.g. If-None-Match and If-Modified-Since for a conditional request. */
  headers?: Record<string, string>;
}

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** True when a conditional request was answered 304: `bytes` is empty. */
  notModified: boolean;
  kind: ContentKind | null;
  /** The media type as sent (or sniffed), without parameters. */
  contentType: string;
  charset: string | null;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  redirects: string[];
}

/** The User-Agent ClaimDesk sends: who is asking, and which version. */
export function userAgent(version: string): string {
  return `ClaimDesk/${version} (fact-check workspace; captures cited sources)`;
}

/** True when the environment lifts the private-address guard (CLAIMDESK_FETCH_ALLOW_PRIVATE=1). */
export function allowPrivateFromEnv(env: NodeJS.ProcessEnv): boolean {
  return env.CLAIMDESK_FETCH_ALLOW_PRIVATE === '1';
}

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('INVALID_URL', `"${raw}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('UNSUPPORTED_SCHEME', `only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, '')}`);
  if (url.username || url.password) throw new FetchError('INVALID_URL', 'addresses with a user name or password are not fetched');
  return url;
}

function blocked(host: string, address: string): FetchError {
  const kind = refusedAddressClass(address)!;
  const where = host === address ? host : `${host} (${address})`;
  return new FetchError('BLOCKED_ADDRESS', `${where} resolves to ${describeAddressClass(kind)}; ClaimDesk does not fetch from internal networks`);
}

/** dns.lookup, refusing at connect time any answer that is not a public address: a name cannot be swapped after a check. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivate) {
        const refused = list.find((a) => refusedAddressClass(a.address) !== null);
        if (refused) return callback(blocked(hostname, refused.address));
      }
      if (options.all) return callback(null, list);
      if (list.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
      callback(null, list[0].address, list[0].family);
    });
  }) as LookupFunction;
}

function mediaTypeOf(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";]+)"?/i.exec(p)).find(Boolean)?.[1] ?? null;
  return { type: type.trim().toLowerCase(), charset: charset?.trim().toLowerCase() ?? null };
}

/** A type for responses that name none, from their first bytes. */
function sniff(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString('latin1').trimStart();
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (/^<\?xml[^>]*>\s*<(rss|feed|rdf:RDF)[\s>]/i.test(head) || /^<(rss|feed)[\s>]/i.test(head)) return 'application/xml';
  if (/^(<!doctype html|<html[\s>]|<\?xml)/i.test(head)) return 'text/html';
  return 'text/plain';
}

function kindOf(type: string): ContentKind | null {
  if (MEDIA_KINDS[type]) return MEDIA_KINDS[type];
  if (/^application\/[\w.+-]+\+xml$/.test(type)) return 'feed';
  return null;
}

function refuseKind(type: string, accept: readonly ContentKind[]): FetchError {
  const names = [...new Set(accept.map((k) => KIND_NAMES[k]))];
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return new FetchError('UNSUPPORTED_CONTENT_TYPE', `the address serves ${type || 'content of no stated type'}; ClaimDesk reads ${list} here`);
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

/** One request, no redirects followed; the body is read only for final answers and stops at maxBytes (after decompression). */
function request(
  url: URL,
  options: Required<Pick<FetchOptions, 'allowPrivate' | 'maxBytes' | 'userAgent'>> & { headers: Record<string, string>; signal: AbortSignal; method?: 'GET' | 'POST'; body?: Buffer },
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIpAddress(host) && refusedAddressClass(host)) return reject(blocked(host, host));
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: options.method ?? 'GET',
      agent: false,
      lookup: guardedLookup(options.allowPrivate),
      signal: options.signal,
      headers: {
        'user-agent': options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.8,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        ...options.headers,
      },
    });
    const fail = (error: unknown) => {
      req.destroy();
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if ((status >= 300 && status < 400) || status === 304 || status >= 400) {
        res.resume();
        return resolve({ status, headers: res.headers, bytes: Buffer.alloc(0) });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) return fail(tooLarge(options.maxBytes));
      const decoder = decoderFor(res.headers['content-encoding']);
      const body = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          decoder?.destroy();
          return fail(tooLarge(options.maxBytes));
        }
        chunks.push(chunk);
      });
      body.on('error', (error) => fail(new FetchError('UNREADABLE', `the response could not be decoded (${error.message})`, status, { cause: error })));
      res.on('error', fail);
      body.on('end', () => resolve({ status, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.end(options.body);
  });
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('TOO_LARGE', `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * Fetches a page. Throws FetchError with a reason for anything ClaimDesk will not read: another scheme, an internal
 * address (checked for every hop, at connect time), more than five redirects, a body over the size cap, a fetch over
 * the time cap, a content type outside `accept`, or an HTTP error status.
 */
export async function fetchPage(rawUrl: string, options: FetchOptions): Promise<FetchedPage> {
  const allowPrivate = options.allowPrivate ?? false;
  const accept = options.accept ?? DOCUMENT_KINDS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseUrl(rawUrl);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const redirects: string[] = [];
  try {
    for (;;) {
      let hop: Hop;
      try {
        hop = await request(url, { allowPrivate, maxBytes, userAgent: options.userAgent, headers: options.headers ?? {}, signal: controller.signal });
      } catch (error) {
        if (error instanceof FetchError) throw error;
        if (controller.signal.aborted) throw new FetchError('TIMEOUT', `the page did not arrive within ${Math.round(timeoutMs / 1000)} s`);
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof FetchError) throw cause;
        const message = error instanceof Error ? error.message : String(error);
        throw new FetchError('NETWORK', `${url.host} could not be reached (${message})`, null, { cause: error });
      }
      const location = header(hop.headers, 'location');
      if ([301, 302, 303, 307, 308].includes(hop.status) && location) {
        if (redirects.length >= maxRedirects) throw new FetchError('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
        url = parseUrl(location, url.href);
        redirects.push(url.href);
        continue;
      }
      const base = {
        requestedUrl: rawUrl,
        finalUrl: url.href,
        status: hop.status,
        etag: header(hop.headers, 'etag'),
        lastModified: header(hop.headers, 'last-modified'),
        fetchedAt: new Date(),
        redirects,
      };
      if (hop.status === 304) return { ...base, notModified: true, kind: null, contentType: '', charset: null, bytes: Buffer.alloc(0) };
      if (hop.status >= 300) throw new FetchError('HTTP_STATUS', `the address answered HTTP ${hop.status}`, hop.status);
      const declared = mediaTypeOf(header(hop.headers, 'content-type') ?? undefined);
      const contentType = declared.type || sniff(hop.bytes);
      const kind = kindOf(contentType);
      if (!kind || !accept.includes(kind)) throw refuseKind(contentType, accept);
      return { ...base, notModified: false, kind, contentType, charset: declared.charset, bytes: hop.bytes };
    }
  } finally {
    clearTimeout(timer);
  }
}

export interface PostOptions {
  userAgent: string;
  allowPrivate?: boolean;
  /** Cap on the response body read (the rest is refused). */
  maxBytes?: number;
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Cancels the request (the process is stopping). */
  signal?: AbortSignal;
}

export interface PostResult {
  status: number;
  /** The start of the response body, as text (for logs). */
  body: string;
}

/**
 * Sends a POST with a body (a webhook delivery). Same address rules as fetchPage, checked at connect time; redirects are
 * not followed (a 3xx answer is returned as is, so a receiver cannot bounce the request to the desk's own network);
 * time and response size are capped. Any status is returned; the caller decides what counts as delivered.
 */
export async function postPayload(rawUrl: string, body: string | Buffer, options: PostOptions): Promise<PostResult> {
  const allowPrivate = options.allowPrivate ?? false;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = parseUrl(rawUrl);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  try {
    const hop = await request(url, {
      allowPrivate,
      maxBytes: options.maxBytes ?? 64 * 1024,
      userAgent: options.userAgent,
      signal: controller.signal,
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), 'accept-encoding': 'identity', accept: '*/*', ...(options.headers ?? {}) },
    });
    return { status: hop.status, body: hop.bytes.subarray(0, 1024).toString('utf8') };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (options.signal?.aborted) throw new FetchError('NETWORK', 'the request was cancelled', null, { cause: error });
    if (controller.signal.aborted) throw new FetchError('TIMEOUT', `no answer within ${Math.round(timeoutMs / 1000)} s`);
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FetchError) throw cause;
    const message = error instanceof Error ? error.message : String(error);
    throw new FetchError('NETWORK', `${url.host} could not be reached (${message})`, null, { cause: error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Checks an address ClaimDesk will later send to (a webhook endpoint) with the rules it will be sent under: https only
 * (http too when private addresses are allowed, for tests and intranets), no user name or password, and a host that does
 * not resolve to an internal address. The check is repeated at connect time on every send.
 */
export async function checkPostUrl(rawUrl: string, options: { allowPrivate?: boolean } = {}): Promise<URL> {
  const allowPrivate = options.allowPrivate ?? false;
  const url = parseUrl(rawUrl);
  if (url.protocol !== 'https:' && !allowPrivate) throw new FetchError('UNSUPPORTED_SCHEME', 'only https addresses can receive webhooks');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIpAddress(host)) {
    if (refusedAddressClass(host)) throw blocked(host, host);
    return url;
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true });
  } catch (error) {
    throw new FetchError('NETWORK', `${host} does not resolve (${(error as Error).message})`, null, { cause: error });
  }
  const refused = addresses.find((a) => refusedAddressClass(a.address) !== null);
  if (refused) throw blocked(host, refused.address);
  return url;
}

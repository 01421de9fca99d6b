// The server's door to the web: the fetcher with ClaimDesk's User-Agent, the private-address guard read from the environment,
// and page reading (Readability over a DOM) in the document worker pool, off the event loop.
import { Injectable } from '@nestjs/common';
import { DomainError } from '@claimdesk/domain';
import { FetchError, allowPrivateFromEnv, fetchPage, userAgent, type FetchOptions, type FetchedPage, type ReadableDocument } from '@claimdesk/fetcher';
import { AppConfig } from '../common/config';
import { DocumentParser } from '../articles/document-parser';

@Injectable()
export class WebFetcher {
  constructor(
    private readonly config: AppConfig,
    private readonly parser: DocumentParser,
  ) {}

  /** CLAIMDESK_FETCH_ALLOW_PRIVATE is read at each fetch, so an operator's change applies without a restart of the code path. */
  fetch(url: string, options: Omit<FetchOptions, 'userAgent' | 'allowPrivate'> = {}): Promise<FetchedPage> {
    return fetchPage(url, { ...options, userAgent: userAgent(this.config.version), allowPrivate: allowPrivateFromEnv(process.env) });
  }

  /** The readable text of a fetched page (`readDocument` of @claimdesk/fetcher, in a worker thread): its errors are the same FetchErrors. */
  readPage(page: FetchedPage): Promise<ReadableDocument> {
    return this.parser.read(page);
  }

  /** A page and its readable text, or a 422 naming `path` with the reason it cannot be read. */
  async read(url: string, path: string): Promise<{ page: FetchedPage; document: ReadableDocument }> {
    try {
      const page = await this.fetch(url);
      return { page, document: await this.readPage(page) };
    } catch (error) {
      throw asDomainError(error, path, url);
    }
  }
}

/** A fetch failure as the API's 422, naming the field and saying why; anything else unchanged. */
function asDomainError(error: unknown, path: string, url: string): unknown {
  if (!(error instanceof FetchError)) return error;
  return new DomainError('RULE_VIOLATION', `cannot read ${url}: ${error.message}`, [{ path, message: error.message }]);
}

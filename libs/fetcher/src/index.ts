// Public API of @claimdesk/fetcher: reading web pages and feeds safely, and turning what was read into text. No database, no Nest.
export { refusedAddressClass, describeAddressClass } from './address';
export type { AddressClass } from './address';
export { FetchError } from './errors';
export type { FetchErrorCode } from './errors';
export { DOCUMENT_KINDS, FEED_KINDS, allowPrivateFromEnv, checkPostUrl, fetchPage, postPayload, userAgent } from './fetcher';
export type { ContentKind, FetchOptions, FetchedPage, PostResult } from './fetcher';
export { decodePage, readDocument } from './readable';
export type { ReadableDocument } from './readable';
export { parseFeed } from './feeds';
export type { FeedEntry, ParsedFeed } from './feeds';

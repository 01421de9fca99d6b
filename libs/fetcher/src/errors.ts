// What can go wrong when ClaimDesk reads a page, each with a reason a fact-checker can act on.
export type FetchErrorCode =
  'INVALID_URL' | 'UNSUPPORTED_SCHEME' | 'BLOCKED_ADDRESS' | 'TOO_MANY_REDIRECTS' | 'TOO_LARGE' | 'TIMEOUT' | 'UNSUPPORTED_CONTENT_TYPE' | 'HTTP_STATUS' | 'NETWORK' | 'UNREADABLE';

export class FetchError extends Error {
  override readonly name = 'FetchError';

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

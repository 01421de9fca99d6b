// The one error the library throws on purpose: input a newsroom cannot import, with a code the API can map to HTTP.

/** TOO_LARGE: past a size bound (unpacked DOCX, text length); TOO_COMPLEX: past a structure bound (HTML nesting). */
export type ExtractionInputErrorCode = 'UNREADABLE_DOCUMENT' | 'EMPTY_DOCUMENT' | 'UNSUPPORTED_FORMAT' | 'TOO_LARGE' | 'TOO_COMPLEX';

export class ExtractionInputError extends Error {
  readonly code: ExtractionInputErrorCode;

  constructor(code: ExtractionInputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionInputError';
    this.code = code;
  }
}

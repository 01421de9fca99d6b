// One filter turns every failure into the API's error shape: { statusCode, code, message, details }.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { httpStatusOf, type ApiErrorBody, type ErrorCode } from '@claimdesk/domain';
import { toDomainError } from '@claimdesk/db';
import type { Response } from 'express';

@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }
}

export function toErrorBody(exception: unknown): ApiErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { statusCode: status, code: codeForStatus(status), message: plainMessage(exception), details: [] };
  }
  const parserError = bodyParserError(exception);
  if (parserError) return parserError;
  // Domain errors as thrown, and database errors (Prisma, driver adapter or plain pg) as the domain errors they mean.
  const domain = toDomainError(exception);
  if (domain) {
    const body: ApiErrorBody = { statusCode: httpStatusOf(domain.code), code: domain.code, message: domain.message, details: domain.details };
    if (domain.current !== undefined) body.current = domain.current;
    return body;
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'something went wrong on our side; nothing was saved', details: [] };
}

/** express.json() failures: too large (413) and malformed JSON (400, naming the problem). */
export function bodyParserError(error: unknown): ApiErrorBody | null {
  const e = error as { type?: string; status?: number; message?: string; limit?: number; code?: string };
  if (!e || typeof e !== 'object') return null;
  // A body sent with Content-Encoding that does not decode (zlib's Z_DATA_ERROR and friends).
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    const message = `the request body could not be decompressed: ${e.message ?? e.code}`;
    return { statusCode: 400, code: 'VALIDATION_FAILED', message, details: [{ path: '', message: 'malformed compressed body' }] };
  }
  if (typeof e.type !== 'string') return null;
  switch (e.type) {
    case 'entity.too.large':
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `request body is larger than the limit of ${e.limit} bytes`, details: [{ path: '', message: 'too large' }] };
    case 'entity.parse.failed':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: `malformed JSON: ${e.message}`, details: [{ path: '', message: e.message ?? 'malformed JSON' }] };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: e.message ?? 'unsupported encoding', details: [] };
    case 'request.aborted':
    case 'request.size.invalid':
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: e.message ?? 'bad request body', details: [] };
    default:
      return null;
  }
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'RULE_VIOLATION';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

function plainMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
